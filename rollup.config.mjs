// Two builds from one source (see TOOLCHAIN.md: TypeScript 7 has no compiler API, so esbuild transpiles and
// `tsc --emitDeclarationOnly` writes the .d.ts files beside the ESM output).
//  1. dist/**/*.js  ESM for npm: one file per module, every dependency external, per-element entry points; the
//     checkout's payment steps and every language but English are `import()`ed, so bundlers split them the same way.
//  2. dist/esim-renewal.js  a minified classic script for a plain <script src> tag, the `EsimRenewal` global: the
//     usual page's critical path, with every other element, the payment steps and each language in dist/esim-renewal/
//     as chunks it loads on demand (scripts/rollup-script-tag.mjs), and their hashes in esim-renewal.integrity.json.
import { readdirSync, readFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import esbuild from 'rollup-plugin-esbuild';
import { scriptTag, scriptTagOutput } from './scripts/rollup-script-tag.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
// Node's built-ins too: the server entry (`src/server/`) signs and verifies webhooks with node:crypto.
const isExternal = (id) => id.startsWith('node:') || external.some((dep) => id === dep || id.startsWith(`${dep}/`));

/** zod's sources carry explanatory comments next to `@__PURE__` marks that rollup cannot place; they are harmless. */
const onwarn = (warning, warn) => {
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('/node_modules/'))) return;
  warn(warning);
};

/**
 * Whitespace and comments inside our own `html` and `css` templates cost bytes in every page; the Lit team's plugin
 * minifies them at build time (only our TypeScript sources: dependencies ship their templates minified already).
 */
const minifyTemplates = () =>
  minifyHtmlLiterals({ filter: (id) => /\.ts$/.test(id) && !id.includes('/node_modules/'), failOnError: true });

const transpile = () => [
  minifyTemplates(),
  replace({ preventAssignment: true, values: { __ESIM_VERSION__: JSON.stringify(pkg.version) } }),
  esbuild({ target: 'es2021', tsconfig: './tsconfig.json', sourceMap: true }),
];

/** The script-tag file's minifier settings; bench/ re-minifies the floor and the peer with the same ones. */
export const terserOptions = { format: { comments: false } };

/** How the script-tag file is bundled; bench/ bundles its floor (a hello-world LitElement) the same way. */
export const scriptTagPlugins = () => [nodeResolve({ browser: true }), ...transpile()];

/** Public entry points of the npm build; every element gets its own, so importing one pulls in only what it needs. */
export const entries = {
  index: 'src/index.ts',
  'client/index': 'src/client/index.ts',
  'server/index': 'src/server/index.ts',
  renewal: 'src/renewal.ts',
  'balance-badge': 'src/balance-badge.ts',
  'plan-picker': 'src/plan-picker.ts',
  'checkout-button': 'src/checkout-button.ts',
  'usage-meter': 'src/usage-meter.ts',
  'renewal-flow': 'src/renewal-flow.ts',
  'order-history': 'src/order-history.ts',
  'device-change': 'src/device-change.ts',
  'auto-renew-toggle': 'src/auto-renew-toggle.ts',
  define: 'src/define.ts',
  // React components (`@esim-renewal/widgets/react`, and `/react/<element>` for one element).
  ...Object.fromEntries(
    readdirSync('src/react')
      .filter((file) => file.endsWith('.ts') && file !== 'events.ts')
      .map((file) => [`react/${file.slice(0, -3)}`, `src/react/${file}`]),
  ),
};

export default [
  {
    input: entries,
    external: isExternal,
    onwarn,
    plugins: transpile(),
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
    },
  },
  {
    input: 'src/cdn.ts',
    onwarn,
    // The entry chunk may export more than src/cdn.ts does: what its chunks import from it.
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      ...scriptTagPlugins(),
      // SCRIPT_TAG_STARTUP=plain|parenthesized|compile-hints builds the other ways of compiling the file, to compare
      // them with `npm run bench -- startup` (bench/README.md has the figures behind the default).
      scriptTag({ version: pkg.version, globalName: 'EsimRenewal', terserOptions, startup: process.env.SCRIPT_TAG_STARTUP }),
    ],
    output: scriptTagOutput('dist'),
  },
];
