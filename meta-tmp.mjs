import { build } from 'esbuild';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
const r = await build({ entryPoints: [process.argv[2] ?? 'dist/balance-badge.js'], bundle: true, minify: true, format: 'esm', write: false, metafile: true,
  plugins: [{ name: 'x', setup(b) { b.onResolve({ filter: /.*/ }, ({ kind, path }) => (kind === 'dynamic-import' ? { path, external: true } : undefined)); } }] });
const out = Object.values(r.metafile.outputs)[0];
const rows = Object.entries(out.inputs).map(([k, v]) => [v.bytesInOutput, k]).sort((a, b) => b[0] - a[0]);
for (const [n, k] of rows) console.log(String(n).padStart(7), k);
console.log('total min', r.outputFiles[0].contents.length, 'brotli', brotliCompressSync(r.outputFiles[0].contents, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
