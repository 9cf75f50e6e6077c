// Every locale other than English ships packed: scripts/rollup-pack-locale.mjs drops its keys at build time and
// src/i18n/unpack.ts puts en's keys back, matching values to keys by position. These tests hold that together: each
// locale lists en's keys in en's order, the packed module the build makes evaluates to the very object of the source
// file, and the plugin refuses (with the key's path) what it cannot pack.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { rollup, type OutputChunk, type Plugin } from 'rollup';
import { parseAst } from 'rollup/parseAst';
import { scriptTagPlugins } from '../../rollup.config.mjs';
import { LOCALE_MODULE } from '../../scripts/rollup-pack-locale.mjs';
import { en } from '../../src/i18n/en.ts';

type Tree = Record<string, unknown>;

const I18N = resolve('src/i18n');
const LOCALES = readdirSync(I18N).filter((file) => LOCALE_MODULE.test(`/src/i18n/${file}`));

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);
const where = (path: string) => path || 'the top level';

/** The one object a locale module exports (`zhCN` for zh-CN.ts). */
async function sourceLocale(file: string): Promise<Tree> {
  const exported = Object.values(await import(`../../src/i18n/${file}`)).filter(isTree);
  assert.equal(exported.length, 1, `${file} exports one object`);
  return exported[0]!;
}

/** Bundles `input` as the script-tag build does (its plugins, the packer among them), as one ES module. */
async function build(input: string, plugins: Plugin[] = []): Promise<OutputChunk> {
  const bundle = await rollup({ input, plugins: [...plugins, ...scriptTagPlugins()], onwarn: () => {} });
  try {
    const { output } = await bundle.generate({ format: 'es' });
    return output[0];
  } finally {
    await bundle.close();
  }
}

/** Asserts `locale` has en's keys in en's order at every level, naming the first key out of place. */
function assertSameOrder(locale: Tree, reference: Tree, path = '') {
  const keys = Object.keys(locale);
  const expected = Object.keys(reference);
  const at = expected.findIndex((key, i) => keys[i] !== key);
  if (at !== -1 || keys.length !== expected.length) {
    const name = (key: string | undefined) => (key === undefined ? 'nothing' : [path, key].filter(Boolean).join('.'));
    const i = at === -1 ? expected.length : at;
    assert.fail(`${name(keys[i])} comes where en has ${name(expected[i])}; follow src/i18n/en.ts`);
  }
  for (const key of expected) {
    const child = [path, key].filter(Boolean).join('.');
    if (isTree(reference[key])) {
      assert.ok(isTree(locale[key]), `${child} is an object, as in en`);
      assertSameOrder(locale[key], reference[key], child);
    }
  }
}

/** Arguments for a function of `arity` from one sample: numbers count up, strings get suffixes, arrays repeat. */
const argsFrom = (sample: unknown, arity: number) =>
  Array.from({ length: arity }, (_, i) =>
    typeof sample === 'number' ? sample + i : typeof sample === 'string' ? `${sample}${i}` : sample,
  );
const SAMPLES = [0, 1, 2, 5, 'x', ['one', 'two', 'three']];
const outcome = (fn: (...args: unknown[]) => unknown, args: unknown[]) => {
  try {
    return { value: fn(...args) };
  } catch (error) {
    return { threw: String(error) };
  }
};

/** Asserts the unpacked locale is the source one: same keys, strings and arrays, functions that answer alike. */
function assertSameLocale(actual: unknown, expected: unknown, path: string, counts: { leaves: number; calls: number }) {
  if (isTree(expected)) {
    assert.ok(isTree(actual), `${where(path)} is an object`);
    assert.deepEqual(Object.keys(actual), Object.keys(expected), `the keys of ${where(path)}`);
    for (const key of Object.keys(expected)) {
      assertSameLocale(actual[key], expected[key], [path, key].filter(Boolean).join('.'), counts);
    }
    return;
  }
  counts.leaves++;
  if (typeof expected === 'function') {
    assert.equal(typeof actual, 'function', `${path} is a function`);
    const fn = actual as (...args: unknown[]) => unknown;
    assert.equal(fn.length, expected.length, `${path} takes ${expected.length} arguments`);
    for (const sample of SAMPLES) {
      const args = argsFrom(sample, expected.length);
      assert.deepEqual(outcome(fn, args), outcome(expected as typeof fn, args), `${path}(${JSON.stringify(args)})`);
      counts.calls++;
    }
  } else {
    assert.deepEqual(actual, expected, path);
  }
}

/** Every node of an ESTree AST whose type is `type`. */
function nodesOf(node: unknown, type: string, found: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const child of node) nodesOf(child, type, found);
  else if (isTree(node)) {
    if (node.type === type) found.push(node);
    for (const value of Object.values(node)) if (typeof value === 'object') nodesOf(value, type, found);
  }
  return found;
}

describe('locales', () => {
  it('are found: every src/i18n/<tag>.ts but en.ts', () => {
    assert.ok(LOCALES.includes('zh-CN.ts'), LOCALES.join(', '));
    assert.ok(!LOCALES.includes('en.ts') && !LOCALES.includes('index.ts') && !LOCALES.includes('unpack.ts'));
  });

  for (const file of LOCALES) {
    describe(file, () => {
      it("lists en's keys in en's order at every level (the build matches values to keys by position)", async () => {
        assertSameOrder(await sourceLocale(file), en);
      });

      it('ships packed, and unpacks to the very object of the source file', async () => {
        const id = resolve(I18N, file);
        const chunk = await build(id);
        // The locale's own code has no object literal left: its keys are gone, only its values remain.
        const rendered = chunk.modules[id]?.code ?? '';
        assert.match(rendered, /unpackMessages\(en, \[/);
        assert.deepEqual(nodesOf(parseAst(rendered), 'ObjectExpression'), [], 'no object literal in the packed module');

        const module = await import(`data:text/javascript;base64,${Buffer.from(chunk.code).toString('base64')}`);
        const [unpacked] = Object.values(module);
        const counts = { leaves: 0, calls: 0 };
        assertSameLocale(unpacked, await sourceLocale(file), '', counts);
        // Not a vacuous comparison: hundreds of strings, and many functions called.
        assert.ok(counts.leaves > 250 && counts.calls > 250, JSON.stringify(counts));
      });
    });
  }
});

describe('the locale packer refuses what it cannot pack, naming the key', () => {
  const id = resolve(I18N, 'xx.ts');
  /** Builds a locale `src/i18n/xx.ts` with the given source (it exists only in memory). */
  const buildLocale = (source: string) =>
    build(id, [
      { name: 'xx-locale', resolveId: (s) => (s === id ? id : null), load: (i) => (i === id ? source : null) },
    ]);
  const zhCN = readFileSync(resolve(I18N, 'zh-CN.ts'), 'utf8');
  const edited = (from: string, to: string) => {
    assert.ok(zhCN.includes(from), `zh-CN.ts contains ${from}`);
    return zhCN.replace(from, to);
  };

  it('accepts zh-CN.ts itself', async () => {
    await buildLocale(zhCN);
  });

  it('two keys swapped', async () => {
    const swapped = edited(
      "    label: 'eSIM 余量',\n    loading: '正在读取 eSIM 余量…',",
      "    loading: '正在读取 eSIM 余量…',\n    label: 'eSIM 余量',",
    );
    await assert.rejects(buildLocale(swapped), /badge\.loading comes where en has badge\.label/);
  });

  it('a key missing or added where the type allows any (Record<string, string>)', async () => {
    const missing = edited("        exhausted: '优惠码已被领完。',\n", '');
    await assert.rejects(buildLocale(missing), /Missing: checkout\.promo\.reasons\.exhausted\./);
    const added = edited(
      "        exhausted: '优惠码已被领完。',\n",
      "        exhausted: '优惠码已被领完。',\n        other: '其他',\n",
    );
    await assert.rejects(buildLocale(added), /Not in en: checkout\.promo\.reasons\.other\./);
  });

  it('a spread, a computed key, a shorthand or a reference to another value', async () => {
    const cases: [string, RegExp][] = [
      ["import { en } from './en.js';\nexport const xx = { ...en };", /a spread/],
      ["export const xx = { ['badge']: {} };", /a computed key/],
      ['const badge = {};\nexport const xx = { badge };', /badge: a getter, setter, method or shorthand/],
      ["const x = 'x';\nexport const xx = { badge: { label: x } };", /badge\.label: its value \(Identifier\)/],
      ["export const xx = { badge: { label: 'x'.trim() } };", /badge\.label: its value \(CallExpression\)/],
      ['export const xx = { badge: { label: 1 } };', /badge\.label: its value \(Literal\)/],
      ["export const xx = { '0': 'x' };", /the key "?0"? cannot be packed/],
      [
        'export const xx = { a: {} };\nexport const yy = { b: {} };',
        /expected one `export const <name> = \{…\}` to pack, found 2: xx, yy/,
      ],
    ];
    for (const [source, error] of cases) await assert.rejects(buildLocale(source), error, source);
  });
});
