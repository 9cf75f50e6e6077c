// `node --import tsx bench/loading-state.mjs <script-tag file>… [--rate N]`: what the usual page's loading state
// costs while it waits for the data. Each build's provider, badge, picker and checkout button are given a client whose
// answers never come; once they have rendered, 2 s of a Chromium trace give the page's renderer main thread's busy
// time (top-level tasks, bench/lib/trace.mjs): animations painted on the main thread show here, compositor ones do
// not. Each file is served with its chunks (the `esim-renewal/` folder beside it), three rounds, builds taking
// turns. A tool for judging a change, not a part of `npm run bench`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { launchChromium, servePages } from './lib/pages.mjs';
import { busyMs, TRACE_CATEGORIES, userMark } from './lib/trace.mjs';

const args = process.argv.slice(2);
const rateAt = args.indexOf('--rate');
const rate = rateAt >= 0 ? Number(args[rateAt + 1]) : 4;
const files = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--rate');
if (!files.length) {
  console.error('usage: bench/loading-state.mjs <script-tag file>… [--rate N]');
  process.exit(2);
}
const js = (path) => ({ type: 'text/javascript', body: readFileSync(path) });
const chunks = (file, i) => {
  const dir = join(dirname(file), 'esim-renewal');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => [`/${i}/esim-renewal/${name}`, js(join(dir, name))]);
};
const pages = await servePages(
  Object.fromEntries(
    files.flatMap((file, i) => [
      [`/${i}/esim-renewal.js`, js(file)],
      ...chunks(file, i),
      [
        `/${i}/`,
        {
          type: 'text/html',
          body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="esim-renewal.js"></script></head><body></body></html>',
        },
      ],
    ]),
  ),
);
const browser = await launchChromium();
try {
  for (let round = 1; round <= 3; round += 1) {
    for (const [i, file] of files.entries()) {
      const tab = await browser.newPage();
      const cdp = await tab.context().newCDPSession(tab);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await tab.goto(`${pages.url}/${i}/`);
      await tab.evaluate(async () => {
        const never = () => new Promise(() => {});
        const root = document.createElement('esim-renewal');
        root.locale = 'en';
        root.client = { baseUrl: 'fixture://', getCard: never, listPlans: never, setLocale: () => {} };
        for (const tag of ['esim-balance-badge', 'esim-plan-picker', 'esim-checkout-button']) root.append(document.createElement(tag));
        document.body.append(root);
        await new Promise((resolve) => setTimeout(resolve, 500));
      });
      await browser.startTracing(tab, { categories: TRACE_CATEGORIES });
      await tab.evaluate(async () => {
        performance.mark('waiting');
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        performance.mark('waited');
      });
      const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
      const [from, to] = [userMark(events, 'waiting'), userMark(events, 'waited')];
      const busy = busyMs(events, from, from.ts, to.ts);
      console.log(`round ${round} ${file}: main thread busy ${busy.toFixed(1)} ms of 2 s in the loading state at ${rate}× CPU`);
      await tab.close();
    }
  }
} finally {
  await browser.close();
  await pages.close();
}
