// How every size in the benchmark and in the CI size check is measured, in one place so that ours, the floor's and
// the peer's figures are comparable. The script-tag file is measured as it ships (rollup + terser); the floor is
// bundled by the same rollup plugins and terser settings, and the peer's browser build is re-minified with the same
// terser settings. Per-element ESM entries are bundled from dist/ with their dependencies by esbuild. Every figure
// is the minified bytes compressed with gzip -9 and brotli -q 11. 1 kB = 1000 bytes.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { minify } from 'terser';
import { rollup } from 'rollup';
import { scriptTagPlugins, terserOptions } from '../../rollup.config.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Bytes of `code` minified as given, gzipped at level 9 and brotli'd at quality 11. */
export function sizes(code) {
  const bytes = Buffer.from(code);
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/**
 * Minifies already-bundled JavaScript with the script-tag build's terser settings (`module` for ES modules, as
 * @rollup/plugin-terser sets it for the `es` format).
 */
export async function reminify(code, { module = false, wrapIife = false } = {}) {
  const result = await minify(code, { ...terserOptions, module, format: { ...terserOptions.format, wrap_iife: wrapIife } });
  return result.code ?? '';
}

/** Project-relative module ids of a rollup chunk that contribute code, largest first. */
function modulesOf(chunk) {
  return Object.entries(chunk.modules)
    .filter(([, m]) => m.renderedLength > 0)
    .map(([id, m]) => ({ id: relative(ROOT, id.replace(/^\0/, '')), bytes: m.renderedLength }))
    .sort((a, b) => b.bytes - a.bytes);
}

/**
 * Bundles a TypeScript entry like `dist/esim-renewal.js` (same plugins, one classic script, terser, the outer function
 * in parentheses; it has no chunks): used for the floor.
 */
export async function bundleLikeScriptTag(input) {
  const bundle = await rollup({ input, plugins: scriptTagPlugins(), onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'iife', name: 'Bench', compact: true });
  await bundle.close();
  const [chunk] = output;
  // The outer function in parentheses, as in ours (scripts/rollup-script-tag.mjs, `startup`).
  return { code: await reminify(chunk.code, { wrapIife: true }), modules: modulesOf(chunk) };
}

/** An esbuild plugin that leaves every `import()` out of the bundle, as a bundler splits them into chunks. */
const leaveOutDynamicImports = {
  name: 'leave-out-dynamic-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, ({ kind, path }) => (kind === 'dynamic-import' ? { path, external: true } : undefined));
  },
};

/**
 * Bundles one built ESM entry (`dist/<name>.js`) with every dependency it imports statically and minifies it, as an
 * app's bundler would; what it loads with `import()` (the payment steps, other languages) is split off by bundlers
 * and left out here, as in the size budgets (.size-limit.mjs). esbuild, not rollup + terser: it takes a tenth of a
 * second per entry instead of several, and lands within about 1 % of terser's min+gzip. The options are
 * size-limit's own (no `target`, legal comments kept), so that the figures here and the budgets agree, to the 16 B
 * of an empty bundle that size-limit subtracts: with `target: 'es2021'` (class fields rewritten) and no legal
 * comments the badge-only page read 24.2 kB here against size-limit's 23.95 kB.
 */
export async function bundleEsmEntry(file) {
  const result = await esbuild.build({
    entryPoints: [file],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: ROOT,
    plugins: [leaveOutDynamicImports],
  });
  const [output] = Object.values(result.metafile.outputs);
  const modules = Object.entries(output.inputs)
    .filter(([, m]) => m.bytesInOutput > 0)
    .map(([id, m]) => ({ id, bytes: m.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return { code: result.outputFiles[0].text, modules };
}

/** A file as it ships, already minified by its build (our script-tag file). */
export function shippedFile(file) {
  return readFileSync(file, 'utf8');
}

/** Formats bytes as kB with one decimal. */
export const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
