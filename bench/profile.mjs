// `node --import tsx bench/profile.mjs [rate] [runs]`: where the usual page's startup time goes. Visits the
// startup part's page of ours (first visits) under a V8 CPU profile and a Chromium trace, and prints the self time
// of the script-tag file by original source module and by function (through its source map), and the renderer main
// thread's busy time by trace event (script, style, layout…), medians over `runs`. A tool for finding work to cut,
// not a figure of the bench.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { startSandbox } from '../sandbox/server.ts';
import { bundleLikeScriptTag, ROOT } from './lib/measure.mjs';
import { instrumentedTab, launchChromium, mintSession, servePages } from './lib/pages.mjs';
import { median } from './lib/table.mjs';
import { TRACE_CATEGORIES } from './lib/trace.mjs';

const rate = Number(process.argv[2] ?? 1);
const runs = Number(process.argv[3] ?? 5);
const subject = process.argv[4] ?? 'ours';
const file = join(ROOT, 'dist/esim-renewal.js');
// COMPILE_HINTS=1 or 0: the file with or without Chromium's `//# allFunctionsCalledOnLoad` as its first line (its
// map shifted by that line); unset: as built.
const HINT = '//# allFunctionsCalledOnLoad\n';
const built = readFileSync(file, 'utf8');
const builtMap = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
const plain = built.startsWith(HINT)
  ? { code: built.slice(HINT.length), map: { ...builtMap, mappings: builtMap.mappings.slice(1) } }
  : { code: built, map: builtMap };
const hints = process.env.COMPILE_HINTS;
const chosen =
  hints === '1' ? { code: HINT + plain.code, map: { ...plain.map, mappings: `;${plain.map.mappings}` } } : hints === '0' ? plain : { code: built, map: builtMap };
const map = new TraceMap(chosen.map);
const code = chosen.code;

const api = await startSandbox({ port: 0, settleDelayMs: 50, rateLimits: { sessionsPerMinute: 1_000_000 } });
const page = (token) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>profile</title>
<script src="/esim-renewal.js" defer></script></head><body>
<esim-renewal api-base="${api.url}" session-token="${token}" locale="en"><esim-balance-badge></esim-balance-badge>
<esim-plan-picker></esim-plan-picker><esim-checkout-button></esim-checkout-button></esim-renewal>
<script>(function check(){const b=document.querySelector('esim-balance-badge')?.shadowRoot?.querySelector('[part~="data"]');
const p=document.querySelector('esim-plan-picker')?.shadowRoot?.querySelector('[part~="plan"]');
if(b&&p){performance.mark('ready');console.debug('profile:ready')}else requestAnimationFrame(check)})()</script></body></html>`;
const pages = await servePages({
  '/blank': { type: 'text/html', body: '<!doctype html>' },
  '/esim-renewal.js': { type: 'text/javascript', body: code },
  '/ours': (url) => ({ type: 'text/html', body: page(url.searchParams.get('token')) }),
  '/floor.js': { type: 'text/javascript', body: (await bundleLikeScriptTag(join(ROOT, 'bench/fixtures/floor.ts'))).code },
  '/floor': {
    type: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>profile</title><script src="/floor.js" defer></script>
</head><body><hello-world></hello-world><script>(function check(){if(document.querySelector('hello-world')?.shadowRoot?.querySelector('p')){
performance.mark('ready');console.debug('profile:ready')}else requestAnimationFrame(check)})()</script></body></html>`,
  },
});
const browser = await launchChromium();
const byModule = new Map();
const byFunction = new Map();
const byEvent = new Map();
const add = (table, key, value, run) => {
  const list = table.get(key) ?? [];
  list[run] = (list[run] ?? 0) + value;
  table.set(key, list);
};
try {
  for (let run = 0; run < runs; run += 1) {
    for (const instrument of ['profile', 'trace']) {
      const categories = [...TRACE_CATEGORIES, 'v8', 'disabled-by-default-v8.compile', 'loading', 'blink'];
      const { context, tab, cdp } = await instrumentedTab(browser, `${pages.url}/blank`, rate, instrument, categories);
      const ready = tab.waitForEvent('console', { predicate: (m) => m.text() === 'profile:ready', timeout: 60_000 });
      await tab.goto(subject === 'ours' ? `${pages.url}/ours?token=${await mintSession(api.url)}` : `${pages.url}/${subject}`);
      await ready;
      if (instrument === 'profile') {
        const { profile } = await cdp.send('Profiler.stop');
        const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
        profile.samples.forEach((id, i) => {
          const { callFrame } = nodes.get(id);
          const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
          if (['(idle)', '(root)'].includes(callFrame.functionName)) return;
          let where = callFrame.url ? new URL(callFrame.url).pathname : callFrame.functionName || '(native)';
          let name = callFrame.functionName || '(anonymous)';
          if (callFrame.url.endsWith('/esim-renewal.js')) {
            const pos = originalPositionFor(map, { line: callFrame.lineNumber + 1, column: callFrame.columnNumber });
            where = (pos.source ?? '?').replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '');
            name = `${where}:${pos.line} ${pos.name ?? name}`;
          }
          add(byModule, where, dt, run);
          add(byFunction, name, dt, run);
        });
      } else {
        const json = JSON.parse((await browser.stopTracing()).toString());
        const events = json.traceEvents;
        const mark = events.filter((e) => e.name === 'ready' && String(e.cat).includes('blink.user_timing')).at(-1);
        const nav = events.find((e) => e.name === 'navigationStart' && e.pid === mark.pid && e.ts > mark.ts - 30e6 && e.args?.data?.documentLoaderURL?.includes('/ours'));
        const start = nav?.ts ?? mark.ts - 10e6;
        // Self time of the main thread's complete events, by name (nested events subtract from their parent).
        const own = events
          .filter((e) => e.pid === mark.pid && e.tid === mark.tid && (e.ph === 'X' || e.ph === 'B') && e.dur !== undefined && e.ts >= start && e.ts <= mark.ts)
          .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
        const stack = [];
        for (const e of own) {
          while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
          if (stack.length) stack.at(-1).self -= e.dur;
          e.self = e.dur;
          stack.push(e);
        }
        for (const e of own) add(byEvent, e.name, e.self / 1000, run);
        if (run === runs - 1 && process.env.TIMELINE) {
          // The last run's top-level tasks over 1 ms, with their largest inner events: what ran when.
          const tasks = own.filter((e) => ['ThreadControllerImpl::RunTask'].includes(e.name) && e.dur > 1000);
          for (const task of tasks) {
            const inner = own
              .filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.self > 300)
              .sort((a, b) => b.self - a.self)
              .slice(0, 4)
              .map((e) => `${e.name}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''}${e.args?.data?.url ? `(${e.args.data.url.split('/').pop()})` : ''} ${(e.self / 1000).toFixed(1)}`);
            console.log(`${((task.ts - start) / 1000).toFixed(0).padStart(5)} +${(task.dur / 1000).toFixed(1).padStart(5)} ms  ${inner.join(', ')}`);
          }
          const res = await tab.evaluate(() => performance.getEntriesByType('resource').map((e) => `${e.name.split('/').pop()} ${e.startTime.toFixed(0)}→${e.responseEnd.toFixed(0)}`));
          console.log(res.join('\n'));
        }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await pages.close();
  await api.close();
}
const print = (title, table, top) => {
  const rows = [...table].map(([k, v]) => [k, median(Array.from({ length: runs }, (_, i) => v[i] ?? 0))]).sort((a, b) => b[1] - a[1]);
  console.log(`\n${title} (median of ${runs}, ${rate}× CPU), total ${rows.reduce((s, r) => s + r[1], 0).toFixed(1)} ms`);
  for (const [k, v] of rows.slice(0, top)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
};
print('CPU profile self time by module', byModule, 40);
print('CPU profile self time by function', byFunction, 40);
print('main thread self time by trace event, navigation → ready', byEvent, 30);
