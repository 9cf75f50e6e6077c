// Startup in Debian's Chromium: a partner page on loopback with our script-tag file and the README's tags
// (provider, badge, picker, checkout button) and a freshly minted session, against the sandbox on another loopback
// origin. Measured from navigation to "the badge shows the card's data and the picker shows plans", median of many
// first visits (a new browser context each time: nothing cached). Side by side, the same page shape for the floor
// (hello world rendered) and the peer (its browser build evaluated: rendering it needs Shopify's API, which this
// machine cannot reach). Main-thread time comes from a V8 CPU profile of separate runs, so that profiling does not
// slow the timed ones.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox } from '../sandbox/server.ts';
import { bundleLikeScriptTag, ROOT } from './lib/measure.mjs';
import { launchChromium, mintSession, profileTimes, servePages } from './lib/pages.mjs';
import { median, ms } from './lib/table.mjs';

/** In-page probe: marks `ready` once every `[tag, selector]` pair is rendered in the tag's shadow root. */
const probe = (pairs) => `<script>
(() => {
  const pairs = ${JSON.stringify(pairs)};
  let done = false;
  const check = () => {
    if (done || !pairs.every(([tag, sel]) => document.querySelector(tag)?.shadowRoot?.querySelector(sel))) return;
    done = true;
    performance.mark('ready');
  };
  for (const [tag] of pairs) {
    customElements.whenDefined(tag).then(() => {
      const root = document.querySelector(tag)?.shadowRoot;
      if (root) new MutationObserver(check).observe(root, { childList: true, subtree: true, characterData: true });
      check();
    });
  }
})();
</script>`;

const page = (head, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>${head}</head><body>${body}</body></html>`;
const evaluated = (src) => `<script src="${src}" defer onload="performance.mark('evaluated')"></script>`;

const SUBJECTS = {
  ours: {
    file: 'esim-renewal.js',
    page: (api, token) =>
      page(
        probe([
          ['esim-balance-badge', '[part~="data"]'],
          ['esim-plan-picker', '[part~="plan"]'],
        ]) + evaluated('/esim-renewal.js'),
        `<esim-renewal api-base="${api}" session-token="${token}" locale="en">
          <esim-balance-badge></esim-balance-badge>
          <esim-plan-picker></esim-plan-picker>
          <esim-checkout-button></esim-checkout-button>
        </esim-renewal>`,
      ),
  },
  floor: {
    file: 'floor.js',
    page: () => page(probe([['hello-world', 'p']]) + evaluated('/floor.js'), '<hello-world></hello-world>'),
  },
  peer: {
    file: 'buybutton.js',
    // Only the script: ShopifyBuy.UI.onReady would call Shopify's API.
    page: () => page(evaluated('/buybutton.js'), ''),
  },
};

export async function startup({ runs = 15, profileRuns = 5, log = () => {} } = {}) {
  const api = await startSandbox({
    port: 0,
    settleDelayMs: 50,
    rateLimits: { sessionsPerMinute: 1_000_000, ordersPerMinute: 1_000_000, quotesPerMinute: 1_000_000 },
  });
  const js = (body) => ({ type: 'text/javascript', body });
  const html = (body) => ({ type: 'text/html', body });
  const pages = await servePages({
    '/blank': html(page('', '')),
    '/esim-renewal.js': js(readFileSync(join(ROOT, 'dist/esim-renewal.js'))),
    // Its chunks, beside it: the page loads them on demand (the usual page only after its data shows).
    ...Object.fromEntries(
      readdirSync(join(ROOT, 'dist/esim-renewal'))
        .filter((file) => file.endsWith('.js'))
        .map((file) => [`/esim-renewal/${file}`, js(readFileSync(join(ROOT, 'dist/esim-renewal', file)))]),
    ),
    '/floor.js': js((await bundleLikeScriptTag(join(ROOT, 'bench/fixtures/floor.ts'))).code),
    '/buybutton.js': js(readFileSync(join(ROOT, 'node_modules/@shopify/buy-button-js/dist/buybutton.min.js'))),
    '/ours': (url) => html(SUBJECTS.ours.page(api.url, url.searchParams.get('token'))),
    '/floor': html(SUBJECTS.floor.page()),
    '/peer': html(SUBJECTS.peer.page()),
  });
  const browser = await launchChromium();

  /** One first visit; with `profile`, a CPU profile of it instead of timings. */
  const visit = async (name, { profile = false } = {}) => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const query = name === 'ours' ? `?token=${await mintSession(api.url)}` : '';
    const cdp = profile ? await context.newCDPSession(tab) : undefined;
    if (cdp) {
      await tab.goto(`${pages.url}/blank`); // same origin: the profiled navigation stays in this renderer
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
    }
    await tab.goto(`${pages.url}/${name}${query}`);
    const mark = name === 'peer' ? 'evaluated' : 'ready';
    await tab.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 30_000 });
    const result = await tab.evaluate((m) => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
      const script = performance.getEntriesByType('resource').find((e) => e.initiatorType === 'script');
      // What the page asked for before its data showed (later ones, such as prefetching the payment steps once the
      // page is idle, are not startup).
      const before = performance.getEntriesByType('resource').filter((e) => e.startTime <= at(m)).map((e) => e.name);
      return { ready: at('ready'), evaluated: at('evaluated'), scriptLoaded: script?.responseEnd, before };
    }, mark);
    if (cdp) {
      const { profile: cpu } = await cdp.send('Profiler.stop');
      Object.assign(
        result,
        // Ours: the script-tag file and any chunk of it that ran.
        profileTimes(cpu, (url) => url.endsWith(`/${SUBJECTS[name].file}`) || (name === 'ours' && url.includes('/esim-renewal/'))),
      );
    }
    const kind = (url) => (new URL(url).origin === api.url ? 'api' : /\.js(\?|$)/.test(url) ? 'script' : 'other');
    result.requests = ['document', ...result.before.map(kind)];
    await context.close();
    return result;
  };

  const results = {};
  try {
    for (const name of Object.keys(SUBJECTS)) {
      log(`startup: ${name}, ${runs} runs + ${profileRuns} profiled`);
      await visit(name); // warm-up: the OS file cache and Chromium's own start, not measured
      const timed = [];
      for (let i = 0; i < runs; i += 1) timed.push(await visit(name));
      const profiled = [];
      for (let i = 0; i < profileRuns; i += 1) profiled.push(await visit(name, { profile: true }));
      const med = (list, key) =>
        list.every((r) => typeof r[key] === 'number') ? median(list.map((r) => r[key])) : undefined;
      const kinds = {};
      for (const kind of timed[0].requests) kinds[kind] = (kinds[kind] ?? 0) + 1;
      results[name] = {
        runs,
        profileRuns,
        scriptLoadedMs: med(timed, 'scriptLoaded'),
        evaluatedMs: med(timed, 'evaluated'),
        readyMs: med(timed, 'ready'),
        readyMsAll: timed.map((r) => r.ready),
        mainThreadOwnMs: med(profiled, 'own'),
        mainThreadScriptMs: med(profiled, 'script'),
        requests: timed[0].requests.length,
        requestsByKind: kinds,
      };
    }
  } finally {
    await browser.close();
    await pages.close();
    await api.close();
  }

  const cell = (value) => (value === undefined ? 'n/a' : ms(value));
  const requestsCell = (r) =>
    `${r.requests} (${Object.entries(r.requestsByKind)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ')})`;
  const { ours, floor, peer } = results;
  const rows = [
    [`startup, median of ${runs} first visits`, 'ours', 'floor (hello world)', 'peer (Buy Button)'],
    [
      'navigation → script downloaded',
      cell(ours.scriptLoadedMs),
      cell(floor.scriptLoadedMs),
      cell(peer.scriptLoadedMs),
    ],
    ['navigation → script evaluated', cell(ours.evaluatedMs), cell(floor.evaluatedMs), cell(peer.evaluatedMs)],
    [
      'navigation → data shown (badge data + plans)',
      cell(ours.readyMs),
      `${cell(floor.readyMs)} (rendered)`,
      'n/a (needs Shopify)',
    ],
    [
      `main-thread time in the script (CPU profile, median of ${profileRuns})`,
      cell(ours.mainThreadOwnMs),
      cell(floor.mainThreadOwnMs),
      cell(peer.mainThreadOwnMs),
    ],
    [
      'all JavaScript on the main thread',
      cell(ours.mainThreadScriptMs),
      cell(floor.mainThreadScriptMs),
      cell(peer.mainThreadScriptMs),
    ],
    ['requests before data shown (the peer: before evaluated)', requestsCell(ours), requestsCell(floor), requestsCell(peer)],
  ];
  return { tables: [rows], data: results };
}
