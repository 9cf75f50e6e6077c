// `node --import tsx bench/loading-state.mjs <script-tag file>… [--rate N]`: what the usual page's loading state
// costs while it waits for the data. Each build's provider, badge, picker and checkout button are given a client whose
// answers never come; after they have rendered, a Chromium trace of 2 s gives the renderer main thread's busy time
// (top-level tasks, overlaps counted once): animations painted on the main thread show here, compositor ones do not.
// Three rounds, builds taking turns. A tool for judging a change, not a part of `npm run bench`.
import { readFileSync } from 'node:fs';
import { launchChromium, servePages } from './lib/pages.mjs';

const args = process.argv.slice(2);
const rateAt = args.indexOf('--rate');
const rate = rateAt >= 0 ? Number(args[rateAt + 1]) : 4;
const files = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--rate');
if (!files.length) {
  console.error('usage: bench/loading-state.mjs <script-tag file>… [--rate N]');
  process.exit(2);
}
const pages = await servePages(
  Object.fromEntries(
    files.flatMap((file, i) => [
      [`/${i}.js`, { type: 'text/javascript', body: readFileSync(file) }],
      [`/${i}`, { type: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/${i}.js"></script></head><body></body></html>` }],
    ]),
  ),
);
const TASKS = ['ThreadControllerImpl::RunTask', 'RunTask'];
const browser = await launchChromium();
try {
  for (let round = 1; round <= 3; round += 1) {
    for (const [i, file] of files.entries()) {
      const tab = await browser.newPage();
      const cdp = await tab.context().newCDPSession(tab);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await tab.goto(`${pages.url}/${i}`);
      await tab.evaluate(async () => {
        const never = () => new Promise(() => {});
        const root = document.createElement('esim-renewal');
        root.locale = 'en';
        root.client = { baseUrl: 'fixture://', getCard: never, listPlans: never, setLocale: () => {} };
        for (const tag of ['esim-balance-badge', 'esim-plan-picker', 'esim-checkout-button']) root.append(document.createElement(tag));
        document.body.append(root);
        await new Promise((resolve) => setTimeout(resolve, 500));
      });
      await browser.startTracing(tab, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      await tab.evaluate(() => new Promise((resolve) => setTimeout(resolve, 2_000)));
      const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
      let busy = 0;
      for (const thread of events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')) {
        const spans = events
          .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && TASKS.includes(e.name) && e.dur)
          .map((e) => [e.ts, e.ts + e.dur])
          .sort((a, b) => a[0] - b[0]);
        let end = -Infinity;
        for (const [from, to] of spans) {
          if (to <= end) continue;
          busy += (to - Math.max(from, end)) / 1000;
          end = to;
        }
      }
      console.log(`round ${round} ${file}: main thread busy ${busy.toFixed(1)} ms of 2 s in the loading state at ${rate}× CPU`);
      await tab.close();
    }
  }
} finally {
  await browser.close();
  await pages.close();
}
