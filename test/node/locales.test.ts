// Every locale other than English is a file of its own (src/i18n/<tag>.ts) that the elements load when they first
// speak it (src/i18n/locales.ts). These tests hold each one to English: the same keys, nested the same way and
// listed in the same order (translators read the files side by side), and each file registered for loading.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { en } from '../../src/i18n/en.ts';
import { addEnglish, loadLocale, messagesFor } from '../../src/i18n/index.ts';
import { localeLoaders } from '../../src/i18n/locales.ts';

type Tree = Record<string, unknown>;

// Each element adds its English group when its module is evaluated (src/i18n/en/); no element is imported here, so
// the test adds them all, as a page with every element has them.
addEnglish(en);

const I18N = resolve('src/i18n');
/** Locale files: src/i18n/<BCP 47 tag>.ts, except en.ts (the reference). */
const LOCALE_FILE = /^(?!en\.ts$)[a-z]{2,3}(?:-[A-Za-z0-9]+)*\.ts$/;
const LOCALES = readdirSync(I18N).filter((file) => LOCALE_FILE.test(file));

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The one object a locale module exports (`zhCN` for zh-CN.ts). */
async function sourceLocale(file: string): Promise<Tree> {
  const exported = Object.values(await import(`../../src/i18n/${file}`)).filter(isTree);
  assert.equal(exported.length, 1, `${file} exports one object`);
  return exported[0]!;
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

describe('locales', () => {
  it('are found: every src/i18n/<tag>.ts but en.ts', () => {
    assert.ok(LOCALES.includes('zh-CN.ts'), LOCALES.join(', '));
    assert.ok(!LOCALES.includes('en.ts') && !LOCALES.includes('index.ts') && !LOCALES.includes('locales.ts'));
  });

  for (const file of LOCALES) {
    const tag = file.slice(0, -3);
    describe(file, () => {
      it("lists en's keys in en's order at every level", async () => {
        assertSameOrder(await sourceLocale(file), en);
      });

      it('is registered in src/i18n/locales.ts, and loading it makes the elements speak it', async () => {
        assert.ok(localeLoaders[tag], `add '${tag}': () => import('./${tag}.js')… to src/i18n/locales.ts`);
        assert.equal(messagesFor(tag), messagesFor('en'), 'English until it is loaded');
        assert.deepEqual(messagesFor(tag), en, 'English until it is loaded');
        await loadLocale(tag);
        assert.equal(messagesFor(tag), await sourceLocale(file));
      });
    });
  }
});
