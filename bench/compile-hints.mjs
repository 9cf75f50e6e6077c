#!/usr/bin/env node
// How V8 should compile the script-tag file: the three builds of scripts/rollup-script-tag.mjs (`startup`) side by
// side, on the usual page of bench/startup.mjs (provider, badge, picker, checkout; a fresh session; the sandbox on
// another origin), each visit a first one (a new browser context: no HTTP cache, no V8 code cache).
//   plain          var EsimRenewal=function(){…}();  V8 pre-parses the outer function, then parses it again when
//                  it is called, on the main thread
//   parenthesized  var EsimRenewal=(function(){…})();  the outer function compiled eagerly while the file streams in
//   compile-hints  //# allFunctionsCalledOnLoad + parenthesized: every function compiled so (Chromium 136+)
// The builds take turns in every round (a different order each round), so that whatever else the machine is doing
// weighs on all three alike; medians of `--rounds` (default 15) rounds, at 1× and 4× CPU throttling.
//
//   node --import tsx bench/compile-hints.mjs [--rounds 15]
//
// It builds dist/ three times (rollup only) and leaves the default build in place. Figures: bench/README.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox } from '../sandbox/server.ts';
import { ROOT } from './lib/measure.mjs';
import { launchChromium, mintSession, servePages } from './lib/pages.mjs';
import { markdownTable, median, ms, textTable } from './lib/table.mjs';

const VARIANTS = ['plain', 'parenthesized', 'compile-hints'];
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 15;

/** Each build's script and chunks, by URL path: /<variant>/esim-renewal.js and /<variant>/esim-renewal/*.js. */
function build(variant) {
  const run = spawnSync('npx', ['rollup', '-c', '--silent'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, SCRIPT_TAG_STARTUP: variant },
  });
  if (run.status !== 0) throw new Error(`the ${variant} build failed`);
  const js = (file) => ({ type: 'text/javascript', body: readFileSync(file) });
  const files = { [`/${variant}/esim-renewal.js`]: js(join(ROOT, 'dist/esim-renewal.js')) };
  for (const chunk of readdirSync(join(ROOT, 'dist/esim-renewal')).filter((f) => f.endsWith('.js'))) {
    files[`/${variant}/esim-renewal/${chunk}`] = js(join(ROOT, 'dist/esim-renewal', chunk));
  }
  return files;
}

/** The usual page, with marks for "script evaluated" and "data shown" (the probe of bench/startup.mjs). */
const page = (variant, api, token) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script>
(() => {
  const shown = () => {
    const badge = document.querySelector('esim-balance-badge')?.shadowRoot?.querySelector('[part~="data"]');
    const plan = document.querySelector('esim-plan-picker')?.shadowRoot?.querySelector('[part~="plan"]');
    if (badge && plan && !performance.getEntriesByName('ready').length) performance.mark('ready');
  };
  for (const tag of ['esim-balance-badge', 'esim-plan-picker']) {
    customElements.whenDefined(tag).then(() => {
      new MutationObserver(shown).observe(document.querySelector(tag).shadowRoot, { childList: true, subtree: true });
      shown();
    });
  }
})();
</script>
<script src="/${variant}/esim-renewal.js" defer onload="performance.mark('evaluated')"></script></head>
<body><esim-renewal api-base="${api}" session-token="${token}" locale="en">
<esim-balance-badge></esim-balance-badge><esim-plan-picker></esim-plan-picker><esim-checkout-button></esim-checkout-button>
</esim-renewal></body></html>`;

/** Main-thread time of a CPU profile that was not idle: script, compilation ("(program)") and garbage collection. */
function busyMs(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const name = byId.get(id).callFrame.functionName;
    if (name !== '(idle)' && name !== '(root)') busy += (profile.timeDeltas[i + 1] ?? 0) / 1000;
  });
  return busy;
}

const files = {};
for (const variant of VARIANTS) Object.assign(files, build(variant));
build('compile-hints'); // leave the default build in dist/

const api = await startSandbox({
  port: 0,
  settleDelayMs: 50,
  rateLimits: { sessionsPerMinute: 1e9, ordersPerMinute: 1e9, quotesPerMinute: 1e9 },
});
const pages = await servePages({
  ...files,
  '/blank': { type: 'text/html', body: '<!doctype html><title>blank</title>' },
  ...Object.fromEntries(
    VARIANTS.map((variant) => [
      `/page/${variant}`,
      (url) => ({ type: 'text/html', body: page(variant, api.url, url.searchParams.get('token')) }),
    ]),
  ),
});
const browser = await launchChromium();

/** One first visit: times from navigation, and the main thread's busy time from a CPU profile of the same visit. */
async function visit(variant, throttle) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await tab.goto(`${pages.url}/blank`); // same origin: the measured navigation stays in this renderer
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await tab.goto(`${pages.url}/page/${variant}?token=${await mintSession(api.url)}`);
  await tab.waitForFunction(() => performance.getEntriesByName('ready').length > 0, null, { timeout: 60_000 });
  const marks = await tab.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0].startTime;
    const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/esim-renewal.js'));
    return { downloaded: script.responseEnd, evaluated: at('evaluated'), ready: at('ready') };
  });
  const { profile } = await cdp.send('Profiler.stop');
  await context.close();
  return { ...marks, evaluation: marks.evaluated - marks.downloaded, busy: busyMs(profile) };
}

const results = {};
try {
  for (const throttle of [1, 4]) {
    for (const variant of VARIANTS) results[`${variant}@${throttle}`] = [];
    for (const variant of VARIANTS) await visit(variant, throttle); // warm-up: OS caches, Chromium's own start
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = VARIANTS.map((v, i) => VARIANTS[(i + round) % VARIANTS.length]);
      for (const variant of order) results[`${variant}@${throttle}`].push(await visit(variant, throttle));
      console.error(`… ${throttle}× round ${round + 1}/${ROUNDS}`);
    }
  }
} finally {
  await browser.close();
  await pages.close();
  await api.close();
}

const rows = [
  [
    `first visits, median of ${ROUNDS} rounds`,
    'file downloaded → evaluated',
    'navigation → data shown',
    'main thread busy until data shown',
  ],
];
for (const throttle of [1, 4]) {
  for (const variant of VARIANTS) {
    const list = results[`${variant}@${throttle}`];
    const med = (key) => ms(median(list.map((r) => r[key])));
    rows.push([`${variant}, ${throttle}× CPU`, med('evaluation'), med('ready'), med('busy')]);
  }
}
console.log(`\n${textTable(rows)}\n\n${markdownTable(rows)}`);
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/compile-hints.json'), `${JSON.stringify({ rounds: ROUNDS, results }, null, 2)}\n`);
