// The npm package as an integrator receives it (run after `npm run build`): publint and arethetypeswrong pass, the
// tarball holds what the exports map promises and nothing of ours besides, each element's entry pulls in only that
// element, the script-tag file is a plain script, and the manifest and API reference are shipped and current.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const NAME: string = pkg.name;
type Conditions = { types?: string; default?: string };
const exportsMap: Record<string, string | Conditions> = pkg.exports;
const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
const tags: string[] = manifest.modules.flatMap((m: { declarations?: { tagName?: string }[] }) =>
  (m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : [])),
);
/** `esim-balance-badge` → `balance-badge`: the element's entry point and React module are named so. */
const entryOf = (tag: string) => tag.replace(/^esim-/, '');
const reactModules = readdirSync('src/react').filter((f) => f.endsWith('.ts') && f !== 'events.ts' && f !== 'index.ts').map((f) => f.slice(0, -3));

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Bundles one import of the package the way a partner's bundler would (through the `exports` map). */
async function bundle(code: string) {
  const result = await esbuild.build({
    stdin: { contents: code, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    minify: true,
    platform: 'browser',
    external: ['react'],
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  const ours = Object.entries(output.inputs)
    .filter(([file, input]) => input.bytesInOutput > 0 && file.startsWith('dist/'))
    .map(([file]) => file.slice('dist/'.length));
  return { ours, code: result.outputFiles[0]!.text };
}

describe('package.json', () => {
  it('passes publint, suggestions included', async () => {
    const { messages } = await publint({ pkgDir: '.', level: 'suggestion', pack: 'npm' });
    assert.deepEqual(messages.map((message) => formatMessage(message, pkg, { color: false })), []);
  });

  it('passes arethetypeswrong for ESM consumers (node16 and bundlers), every element and React module included', () => {
    // The package is ESM only, so CommonJS `require` resolutions are out of scope (the esm-only profile). The
    // script-tag file is no module to import (it has its own test below); wildcard React entries are listed.
    const include = reactModules.map((name) => `react/${name}`);
    const { status, output } = run('node_modules/.bin/attw', [
      '--pack', '.', '--profile', 'esm-only', '--format', 'table-flipped',
      '--exclude-entrypoints', 'esim-renewal.js', '--include-entrypoints', ...include,
    ]);
    assert.equal(status, 0, output);
  });

  it('gives every element its own entry point and React component', () => {
    for (const tag of tags) {
      assert.ok(exportsMap[`./${entryOf(tag)}`], `no "./${entryOf(tag)}" in exports for <${tag}>`);
      const react = tag === 'esim-renewal' ? 'renewal' : entryOf(tag);
      assert.ok(reactModules.includes(react), `no React component for <${tag}>: add src/react/${react}.ts (one createComponent call, like src/react/plan-picker.ts) and export it from src/react/index.ts`);
      assert.ok(pkg.sideEffects.includes(`./dist/${entryOf(tag)}.js`), `"sideEffects" misses ./dist/${entryOf(tag)}.js`);
    }
  });

  it('points unpkg, jsdelivr and customElements at shipped files', () => {
    assert.equal(pkg.unpkg, './dist/esim-renewal.js');
    assert.equal(pkg.jsdelivr, pkg.unpkg);
    assert.equal(exportsMap['./esim-renewal.js'], pkg.unpkg);
    assert.equal(pkg.customElements.replace(/^\.\//, ''), 'dist/custom-elements.json');
  });
});

/** What `npm pack` puts in the tarball. */
const packed = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts']).output.replace(/^[^[]*/, '').trim())[0];
const files = new Set<string>(packed.files.map((file: { path: string }) => file.path));

describe('npm pack', () => {
  it('ships every file the exports map, types and fields point to', () => {
    const targets = new Set<string>([pkg.main, pkg.types, pkg.unpkg, pkg.customElements]);
    for (const [subpath, value] of Object.entries(exportsMap)) {
      for (const target of typeof value === 'string' ? [value] : Object.values(value)) {
        if (!subpath.includes('*')) targets.add(target);
        else for (const name of reactModules) targets.add(target.replace('*', name));
      }
    }
    for (const target of targets) {
      const path = target.replace(/^\.\//, '');
      assert.ok(files.has(path), `${path} is not in the tarball`);
    }
    assert.ok(files.has('README.md'));
  });

  it('ships nothing but dist/, the README and package.json: no sources, tests, stories, maps or demo', () => {
    const stray = [...files].filter(
      (file) => !(file.startsWith('dist/') || file === 'README.md' || file === 'package.json' || /^LICEN[CS]E/i.test(file)),
    );
    assert.deepEqual(stray, []);
    assert.deepEqual([...files].filter((file) => file.endsWith('.map') || /\.test\./.test(file)), []);
  });

  // Ten languages ship since issue 19 (each about 15–45 kB of UTF-8 twice: the npm module and the script-tag chunk),
  // which took the package from 0.87 MB to 1.12 MB unpacked. Issue 17 (payment environments: the contract's new
  // types, the sandbox's pages, the elements' new states and their messages in ten languages, the manifest and
  // README) measured 1,316,373 bytes; with issue 19's locale auto and the API's languages and currencies beside it,
  // 1,388,592 bytes (the largest: custom-elements.json 253 kB, the Thai messages 52 kB in each of the two builds).
  // The evening of 2026-12-02 (the checkout split into on-demand modules with its own English, issue 17's cancel and
  // Alipay-bridge handling, issue 19's language views and messages): 1,512,624 bytes (dist/i18n 340 kB,
  // custom-elements.json 274 kB, dist/components 227 kB, the script-tag chunks 225 kB, README 74 kB).
  it('stays small: under 1.6 MB unpacked', () => {
    assert.ok(packed.unpackedSize < 1_600_000, `unpacked size ${packed.unpackedSize}`);
  });
});

describe('entry points pull in only what they need', () => {
  it('the badge alone does not pull in the checkout, the picker or any other element', async () => {
    const { ours } = await bundle(`import '${NAME}/balance-badge';`);
    const components = ours.filter((file) => file.startsWith('components/')).map((file) => file.split('/')[1]);
    assert.deepEqual([...new Set(components)], ['balance-badge']);
  });

  for (const tag of tags) {
    it(`${NAME}/${entryOf(tag)} registers <${tag}> and no other element`, async () => {
      const { ours, code } = await bundle(`import '${NAME}/${entryOf(tag)}';`);
      assert.ok(code.includes(`"${tag}"`), `<${tag}> is never defined`);
      // Elements may compose others (the flow contains a picker); they must never pull in an unrelated one.
      const pulled = new Set(ours.filter((file) => /^[a-z-]+\.js$/.test(file)).map((file) => file.slice(0, -3)));
      pulled.delete('define');
      assert.ok(pulled.has(entryOf(tag)));
      for (const other of pulled) assert.ok(other === entryOf(tag) || tag === 'esim-renewal-flow', `${entryOf(tag)} pulls in ${other}`);
    });
  }

  it('the client from the main entry brings no element and defines nothing (sideEffects is honest)', async () => {
    const { ours, code } = await bundle(`import { createRenewalClient } from '${NAME}'; globalThis.x = createRenewalClient;`);
    assert.deepEqual(ours.filter((file) => !file.startsWith('client/')), []);
    assert.doesNotMatch(code, /customElements/);
  });

  it('one React component pulls in one element', async () => {
    const { ours } = await bundle(`import { PlanPicker } from '${NAME}/react/plan-picker'; globalThis.x = PlanPicker;`);
    assert.deepEqual([...new Set(ours.filter((f) => f.startsWith('components/')).map((f) => f.split('/')[1]))], ['plan-picker']);
  });
});

describe('the script-tag file', () => {
  const code = readFileSync('dist/esim-renewal.js', 'utf8');
  const integrity: Record<string, string> = JSON.parse(readFileSync('dist/esim-renewal.integrity.json', 'utf8'));
  const chunkFiles = readdirSync('dist/esim-renewal').filter((file) => file.endsWith('.js'));
  const chunks = new Map(chunkFiles.map((file) => [file, readFileSync(`dist/esim-renewal/${file}`, 'utf8')]));
  /** The sources a built file was made from, from its source map (project-relative). */
  const sourcesOf = (file: string) =>
    (JSON.parse(readFileSync(`${file}.map`, 'utf8')).sources as string[]).map((source) => join(dirname(file), source));

  it('is a classic script (no import or export) that sets the EsimRenewal global', () => {
    assert.doesNotThrow(() => new Script(code, { filename: 'esim-renewal.js' }));
    assert.match(code, /^(var|let|const) EsimRenewal\s*=|^(var|let|const) EsimRenewal=/m);
  });

  it('registers every element of the manifest, or loads it when its tag appears', () => {
    for (const tag of tags) assert.ok(code.includes(tag), `<${tag}> is missing from the script-tag file`);
  });

  it("holds the usual page's critical path and nothing else: no other element, payment step, QR code or language", () => {
    const sources = sourcesOf('dist/esim-renewal.js');
    // English comes in groups (src/i18n/en/): the file holds the common ones and those of its own elements (of the
    // checkout, the button's own words: its dialog's come with the checkout's chunk).
    const english = ['en/core.ts', 'en/badge.ts', 'en/picker.ts', 'en/checkout-button.ts'];
    for (const needed of ['balance-badge.ts', 'plan-picker.ts', 'checkout-button.ts', 'renewal.ts', 'client.ts', 'store.ts', ...english, 'lit-element.js']) {
      assert.ok(sources.some((source) => source.endsWith(`/${needed}`)), `${needed} is not in the file`);
    }
    const stray = sources.filter((source) =>
      /usage-meter|order-history|device-change|auto-renew-toggle|renewal-flow|checkout-button\/(payment|checkout-session|checkout-flow|checkout-views|handoff)|qr-code|i18n\/zh-CN|i18n\/en\/(usage|auto-renew|history|device|flow|payment-unavailable|checkout)\.ts/.test(
        source,
      ),
    );
    assert.deepEqual(stray, []);
  });

  it('every chunk it loads is shipped beside it, and every chunk beside it is one it loads', async () => {
    const loaded = [...code.matchAll(/\.load\("\.\/([^"]+)"\)/g)].map(([, file]) => file!);
    assert.ok(loaded.length >= 7, `the file loads ${loaded.length} chunks`);
    const reachable = new Set<string>(['shared.js']);
    for (const file of loaded) reachable.add(file);
    // A chunk names another in `from "./x.js"` or `import("./x.js")` (the checkout's chunk loads the payment steps).
    for (const [, text] of chunks) {
      for (const [, from, loaded] of text.matchAll(/from\s*"\.\/([^"]+)"|import\("\.\/([^"]+)"\)/g)) reachable.add((from ?? loaded)!);
    }
    assert.deepEqual([...reachable].sort(), [...chunks.keys()].sort());
    for (const file of chunks.keys()) assert.ok(files.has(`dist/esim-renewal/${file}`), `dist/esim-renewal/${file} is not in the tarball`);
  });

  it('its chunks share its modules: one Lit, one context key, one store, one client on the page', () => {
    // Code that may run only once per page: Lit's version records, the provider's context key, the client factory.
    const once = ['reactiveElementVersions', 'litHtmlVersions', 'litElementVersions', 'Symbol("esim-renewal")', 'Idempotency-Key'];
    for (const marker of once) {
      assert.ok(code.includes(marker), `${marker} is not in esim-renewal.js`);
      for (const [file, text] of chunks) assert.ok(!text.includes(marker), `${file} has its own copy of ${marker}`);
    }
    for (const [file, text] of chunks) {
      if (file === 'shared.js') continue;
      const sources = sourcesOf(`dist/esim-renewal/${file}`);
      const copied = sources.filter((source) => sourcesOf('dist/esim-renewal.js').includes(source));
      assert.deepEqual(copied, [], `${file} bundles modules of the script again`);
      assert.doesNotMatch(text, /from\s*"(?!\.\/)/, `${file} imports something from outside the chunks`);
    }
  });

  it('esim-renewal.integrity.json holds the SRI hash of the file and of every chunk, matching their bytes', () => {
    assert.deepEqual(Object.keys(integrity).sort(), ['esim-renewal.js', ...chunkFiles.map((file) => `esim-renewal/${file}`)].sort());
    for (const [file, hash] of Object.entries(integrity)) {
      assert.equal(hash, `sha384-${createHash('sha384').update(readFileSync(`dist/${file}`)).digest('base64')}`, file);
    }
    assert.ok(files.has('dist/esim-renewal.integrity.json'));
  });
});

describe('documentation shipped with the package', () => {
  it('custom-elements.json documents every element with a summary', () => {
    for (const module of manifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.tagName) assert.ok(declaration.summary, `<${declaration.tagName}> has no @summary`);
      }
    }
    assert.ok(tags.length >= 4);
  });

  it('docs/api.md (written by the build) documents every element, event and client method', () => {
    const { status, output } = run(process.execPath, ['--import', 'tsx', 'scripts/api-docs.mjs', '--check']);
    assert.equal(status, 0, output);
    const doc = readFileSync('docs/api.md', 'utf8');
    for (const tag of tags) assert.ok(doc.includes(`### \`<${tag}>\``), `<${tag}> is not in docs/api.md`);
    const events = manifest.modules.flatMap((m: { declarations?: { events?: { name: string }[] }[] }) =>
      (m.declarations ?? []).flatMap((d) => (d.events ?? []).map((e) => e.name)),
    );
    for (const event of events) assert.ok(doc.includes(`\`${event}\``), `${event} is not in docs/api.md`);
    const client = readFileSync('dist/client/client.d.ts', 'utf8').match(/export interface RenewalClient \{([\s\S]*?)\n\}/)![1]!;
    // TypeDoc heads each method `##### getCard()`.
    for (const [, method] of client.matchAll(/^\s+(\w+)\(/gm)) assert.match(doc, new RegExp(`^#+ ${method}\\(\\)$`, 'm'), `RenewalClient.${method} is not in docs/api.md`);
  });
});
