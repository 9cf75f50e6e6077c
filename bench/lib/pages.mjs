// What the browser parts share: Debian's Chromium through playwright-core, a partner page server on loopback (its
// own origin, apart from the sandbox API's, as on a real partner site) and sessions minted with the secret key.
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';


export async function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * Serves `routes` (path → { type, body } or a function of the URL returning one) on 127.0.0.1 and a free port.
 * Nothing is cached: every run is a first visit.
 */
export function servePages(routes) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = routes[url.pathname];
    const page = typeof route === 'function' ? route(url) : route;
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-store' }).end(page.body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** Mints a session for a seeded card, as a partner's backend does. */
export async function mintSession(apiUrl, iccid = '89860000000000000011') {
  const response = await fetch(`${apiUrl}/v1/sessions`, {
    method: 'POST',
    headers: { Authorization: 'Bearer sk_test_demo', 'Content-Type': 'application/json' },
    body: JSON.stringify({ iccid, locale: 'en' }),
  });
  if (!response.ok) throw new Error(`minting a session failed: HTTP ${response.status}`);
  return (await response.json()).token;
}

/** Self time in ms of the sampled frames whose script URL satisfies `ours`, and of all JavaScript, in a CPU profile. */
export function profileTimes(profile, ours) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  let own = 0;
  let script = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { url, functionName } = node.callFrame;
    if (['(idle)', '(program)', '(garbage collector)', '(root)'].includes(functionName)) return;
    script += delta;
    if (ours(url)) own += delta;
  });
  return { own, script };
}

/**
 * A new tab for one first visit, ready to measure: a new context (nothing cached), a same-origin blank page first
 * (so the measured navigation stays in this renderer, throttled and instrumented), CPU throttled by `rate`, and the
 * instrument started — 'profile' a V8 CPU profile (50 µs sampling; stop it through `cdp`), 'trace' a Chromium trace of
 * `traceCategories`, anything else nothing.
 */
export async function instrumentedTab(browser, blankUrl, rate, instrument, traceCategories) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await tab.goto(blankUrl);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (instrument === 'profile') {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
  }
  if (instrument === 'trace') await browser.startTracing(tab, { categories: traceCategories });
  return { context, tab, cdp };
}
