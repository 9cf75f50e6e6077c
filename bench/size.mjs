// Size: our script-tag file as it ships (the usual page's critical path) and each chunk it loads on demand, each
// element's ESM entry with its static dependencies, and side by side the floor (a hello-world LitElement bundled
// like our script-tag file) and the peer (Shopify's Buy Button browser build, re-minified with our terser settings
// so that both went through the same minifier).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entries } from '../rollup.config.mjs';
import { bundleEsmEntry, bundleLikeScriptTag, kB, reminify, ROOT, sizes } from './lib/measure.mjs';

const PEER = '@shopify/buy-button-js';
const PEER_FILE = 'dist/buybutton.js';
/** Entries that are not elements: the Node-only partner client is left out, the rest are listed for reference. */
const SKIP = new Set(['server/index']);

export async function size() {
  const file = join(ROOT, 'dist/esim-renewal.js');
  if (!existsSync(file)) throw new Error('dist/esim-renewal.js is missing: run npm run build first');
  const ours = sizes(readFileSync(file));
  const chunkDir = join(ROOT, 'dist/esim-renewal');
  const chunks = Object.fromEntries(
    readdirSync(chunkDir)
      .filter((name) => name.endsWith('.js'))
      .map((name) => [name.replace(/-[\w-]{8}\.js$|\.js$/, ''), sizes(readFileSync(join(chunkDir, name)))]),
  );
  const sum = (list) => list.reduce((all, s) => ({ min: all.min + s.min, gzip: all.gzip + s.gzip, brotli: all.brotli + s.brotli }), { min: 0, gzip: 0, brotli: 0 });
  const everything = sum([ours, ...Object.values(chunks)]);
  const floorBuild = await bundleLikeScriptTag(join(ROOT, 'bench/fixtures/floor.ts'));
  const floor = sizes(floorBuild.code);
  const peerDir = join(ROOT, 'node_modules', PEER);
  const peerVersion = JSON.parse(readFileSync(join(peerDir, 'package.json'), 'utf8')).version;
  const peer = sizes(await reminify(readFileSync(join(peerDir, PEER_FILE), 'utf8')));
  const peerShipped = sizes(readFileSync(join(peerDir, 'dist/buybutton.min.js')));

  const perEntry = {};
  for (const name of Object.keys(entries)) {
    if (SKIP.has(name)) continue;
    const bundle = await bundleEsmEntry(join(ROOT, 'dist', `${name}.js`));
    perEntry[name] = { ...sizes(bundle.code), modules: bundle.modules.length };
  }
  const floorEsm = sizes((await bundleEsmEntry(join(ROOT, 'bench/fixtures/floor.ts'))).code);

  const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
  const row = (what, s) => [
    what,
    kB(s.min),
    kB(s.gzip),
    kB(s.brotli),
    ratio(s.gzip, floor.gzip),
    ratio(s.gzip, peer.gzip),
  ];
  const header = ['script-tag file', 'min', 'min+gzip', 'min+brotli', '× floor', '× peer'];
  const scriptRows = [
    header,
    row('ours: dist/esim-renewal.js (provider, badge, picker, checkout button, English)', ours),
    row('ours, everything: the file and every chunk (EsimRenewal.loadAll())', everything),
    row('floor: LitElement hello world, same build', floor),
    row(`peer: ${PEER} ${peerVersion} ${PEER_FILE}, re-minified`, peer),
    row(`peer as shipped (dist/buybutton.min.js)`, peerShipped),
  ];
  const chunkRows = [
    ['chunk of the script-tag file, loaded on demand (dist/esim-renewal/)', 'min', 'min+gzip', 'min+brotli'],
    ...Object.entries(chunks).map(([name, s]) => [name, kB(s.min), kB(s.gzip), kB(s.brotli)]),
  ];
  const entryRows = [
    ['ESM entry + its static dependencies (esbuild)', 'min', 'min+gzip', 'min+brotli', '× floor'],
    ...Object.entries(perEntry).map(([name, s]) => [
      name,
      kB(s.min),
      kB(s.gzip),
      kB(s.brotli),
      ratio(s.gzip, floorEsm.gzip),
    ]),
    [
      'floor: LitElement hello world',
      kB(floorEsm.min),
      kB(floorEsm.gzip),
      kB(floorEsm.brotli),
      ratio(floorEsm.gzip, floorEsm.gzip),
    ],
  ];
  return {
    tables: [scriptRows, chunkRows, entryRows],
    data: {
      units: 'bytes; gzip -9, brotli -q 11 of the minified file',
      scriptTag: ours,
      chunks,
      everything,
      floor,
      peer: { package: PEER, version: peerVersion, file: PEER_FILE, reminified: peer, shipped: peerShipped },
      ratios: { toFloor: ours.gzip / floor.gzip, toPeer: ours.gzip / peer.gzip },
      entries: perEntry,
      floorEsm,
    },
    floorCode: floorBuild.code,
  };
}
