// Size budgets, checked by `npm test` (its `size` suite, scripts/size-limit-junit.mjs) against the built dist/, in
// bytes of min+brotli (quality 11; 1 kB = 1000 B). Two kinds of check:
//   - files as they ship: the script-tag file and its chunks, copied as they are (esbuild's `copy` loader), so the
//     figure is the file's own bytes;
//   - an npm entry as a bundler would ship it: dist/<entry>.js bundled with everything it imports statically (lit,
//     @lit/context, zod/mini, ky, our modules) and minified; what it imports with
//     `import()` (the payment steps, other languages) is left out, as a bundler splits it off.
// size-limit subtracts the few bytes of an empty esbuild bundle (16 B brotli) from every figure.
// Goals of issue 15: the usual page (provider, badge, picker, checkout) fetches at most 32 kB before its data shows
// (the script-tag file, English), a badge-only page at most 24 kB (the balance-badge entry with its dependencies).
// Both were met on the hand-written client (25.0 and 17.4 kB) and are missed with zod/mini and ky in it: 36.4 and
// 28.9 kB at first, 34.9 and 26.7 kB since the client loads the contract's orders and care parts on demand (the
// client alone: 15.6, then 13.4 kB); bench/README.md says where the bytes are. The budgets below guard what is, not
// the goals: every one sits about 0.4 kB above what it measured. Lower them as savings land, raise one only with a
// measurement that says why (bench/README.md).
// When issues 16, 17 and 19 met in main (2026-12-02), every check over its budget got its measured figure + 0.3 kB
// (the script-tag file 36.90 kB, badge-only 27.95 kB: English for the new states, payment environments, locale auto
// and money by minor units); a 'measured' note on a line is the figure of the branch that raised it.
// Issue 15, English per element (src/i18n/en/: each element's English loads with it, only errors and common words
// are built in): the script-tag file 36.90 -> 35.16 kB, badge-only 27.95 -> 24.67 kB; every check that went down got
// its measured figure + 0.3 kB.

import { entries } from './rollup.config.mjs';

/** The files as they are. */
const asShipped = (config) => ({ ...config, loader: { '.js': 'copy' } });

/** What a page loads before it uses anything on demand: every `import()` stays out of the bundle. */
const staticImports = (config) => ({
  ...config,
  format: 'esm',
  plugins: [
    {
      name: 'leave-out-dynamic-imports',
      setup(build) {
        build.onResolve({ filter: /.*/ }, ({ kind, path }) => (kind === 'dynamic-import' ? { path, external: true } : undefined));
      },
    },
  ],
});

/** Budgets of the npm entries, with their dependencies (the Node-only partner client has none). */
const entryBudgets = {
  index: '45.81 kB', // issue 19 rest (store language views, languagechange, auto's order): measured 45.51 kB
  'client/index': '14.1 kB',
  renewal: '21.8 kB',
  'balance-badge': '24.97 kB', // the goal is 24 kB: see above. Issue 15, English per element: measured 24.67 kB
  'plan-picker': '26.19 kB', // issue 19 rest (store language views, languagechange, auto's order): measured 25.89 kB
  'checkout-button': '30.11 kB', // issue 19 rest (store language views, languagechange, auto's order): measured 29.81 kB
  'usage-meter': '25.05 kB', // issue 15, English per element: measured 24.75 kB
  'renewal-flow': '35.1 kB', // issue 15, English per element: measured 34.80 kB
  'order-history': '28.51 kB', // issue 15, English per element: measured 28.21 kB
  'device-change': '28.51 kB', // issue 19 rest (store language views, languagechange, auto's order): measured 28.21 kB
  'auto-renew-toggle': '26.35 kB', // issue 19 rest (store language views, languagechange, auto's order): measured 26.05 kB
  define: '45.31 kB', // issue 19 rest (store language views, languagechange, auto's order): measured 45.01 kB
  'react/index': '46.18 kB', // issue 19 rest (store language views, languagechange, auto's order): measured 45.88 kB
  'react/renewal': '22.4 kB',
  'react/checkout-button': '30.79 kB', // issue 19 rest (store language views, languagechange, auto's order): measured 30.49 kB
  'react/renewal-flow': '35.98 kB', // issue 19 rest (store language views, languagechange, auto's order): measured 35.68 kB
  'react/order-history': '29.46 kB', // issue 19 rest (store language views, languagechange, auto's order): measured 29.16 kB
  'react/*': '29.15 kB', // issue 19 rest (store language views, languagechange, auto's order): measured react/device-change 28.85 kB (the largest)
};
/** The languages that ship as chunks beside English (src/i18n/locales.ts). */
const LOCALE_CHUNKS = ['zh-CN', 'zh-TW', 'zh-HK', 'ja', 'ko', 'th', 'vi', 'id', 'ms'];

const budgetOf = (name) => entryBudgets[name] ?? entryBudgets[`${name.split('/')[0]}/*`];

export default [
  {
    name: 'usual page, English: the script-tag file (provider, badge, picker, checkout button, English)',
    path: 'dist/esim-renewal.js',
    limit: '35.46 kB', // the goal is 32 kB: see above. Issue 15, English per element: measured 35.16 kB (36.90 before)
    modifyEsbuildConfig: asShipped,
  },
  {
    name: 'usual page, Chinese: the script-tag file and its zh-CN chunk',
    path: ['dist/esim-renewal.js', 'dist/esim-renewal/zh-CN-*.js'],
    limit: '39.86 kB', // issue 15, English per element: measured 39.56 kB
    modifyEsbuildConfig: asShipped,
  },
  {
    name: 'renewing: the script-tag file and the payment steps',
    path: ['dist/esim-renewal.js', 'dist/esim-renewal/payment-*.js', 'dist/esim-renewal/qr-code-*.js'],
    limit: '39.72 kB', // issue 19 rest (store language views, languagechange, auto's order): measured 39.42 kB
    modifyEsbuildConfig: asShipped,
  },
  {
    // Since the contract's orders and care parts are chunks of their own: 0.96 kB more here, 1.6 kB less in the file.
    // Issue 16: +1.35 kB (15.30 -> 16.65 kB), @lit/task in the history, device-change and auto-renew chunks.
    // Issue 15, English per element: +2.22 kB (18.29 -> 20.51 kB), the English of the on-demand elements and of the
    // payment steps moved here from the script-tag file and the npm entries (src/i18n/en/).
    name: 'every element, step and schema chunk of the script-tag file (all loaded: EsimRenewal.loadAll())',
    path: ['dist/esim-renewal/*.js', ...LOCALE_CHUNKS.map((tag) => `!dist/esim-renewal/${tag}-*.js`)],
    limit: '20.81 kB', // issue 15, English per element: measured 20.51 kB
    modifyEsbuildConfig: asShipped,
  },
  // One language at a time: a page loads only the one it speaks.
  ...LOCALE_CHUNKS.map((tag) => ({
    name: `the ${tag} chunk`,
    path: `dist/esim-renewal/${tag}-*.js`,
    limit: '5.3 kB', // issue 17 UI: th measured 5.08 kB, ja 5.02 kB with the new messages
    modifyEsbuildConfig: asShipped,
  })),
  ...Object.keys(entries)
    .filter((name) => name !== 'server/index')
    .map((name) => ({
      name:
        name === 'balance-badge'
          ? 'badge-only page: the balance-badge entry with lit, @lit/context and the client'
          : `npm entry ${name} with its dependencies`,
      path: `dist/${name}.js`,
      limit: budgetOf(name),
      modifyEsbuildConfig: staticImports,
    })),
];
