// The pseudo-locale (src/i18n/pseudo.ts) that Storybook and layout tests use: en's shape, every message in brackets
// and at least 1.3 times as long as English, function messages still showing their arguments, and nothing in the
// shipped builds importing it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { en } from '../../src/i18n/en.ts';
import { pseudoLocalize, PSEUDO_EXPANSION, PSEUDO_LOCALE } from '../../src/i18n/pseudo.ts';
import { zhTW } from '../../src/i18n/zh-TW.ts';
import { leaves, rendered, SAMPLE_ARGS, shapeDifferences, shown, type Message } from './message-tree.ts';

const pseudo = pseudoLocalize();

describe('the pseudo-locale', () => {
  it(`is registered as ${PSEUDO_LOCALE}, lengthening by ${PSEUDO_EXPANSION}`, () => {
    assert.equal(PSEUDO_LOCALE, 'en-XA');
    assert.ok(PSEUDO_EXPANSION >= 1.3);
  });

  it("has exactly en's keys, kinds, array lengths and arities", () => {
    assert.deepEqual(shapeDifferences(pseudo), []);
  });

  it('brackets every message, makes it at least 1.3× as long as English, and accents it', () => {
    const english = new Map(leaves(en).map(([path, value]) => [path, rendered(path, value)]));
    let checked = 0;
    for (const [path, value] of leaves(pseudo)) {
      rendered(path, value).forEach((text, i) => {
        const reference = english.get(path)![i]!;
        assert.ok(text.startsWith('[') && text.endsWith(']'), `${path}: ${text}`);
        assert.ok(text.length >= 1.3 * reference.length, `${path}: ${text.length} vs ${reference.length}: ${text}`);
        // Every letter but the arguments' is accented.
        const own = (t: string) => t.replace(/‹[^›]*›/g, '');
        assert.doesNotMatch(own(text), /[a-z]/i, `${path} is accented: ${text}`);
        checked++;
      });
    }
    assert.ok(checked > 250, `${checked} messages`);
  });

  it('keeps the arguments of function messages as they were given', () => {
    for (const [path, fn] of leaves(pseudo) as [string, Message][]) {
      if (typeof fn !== 'function') continue;
      const text = fn(...SAMPLE_ARGS[path]!);
      for (const shows of shown(SAMPLE_ARGS[path]!)) assert.ok(text.includes(shows), `${path} shows ${shows}: ${text}`);
    }
    // An argument with letters stays unaccented, the message's own words do not.
    assert.equal(pseudo.checkout.qr.openWallet('Alipay').startsWith('[Öþéñ Alipay'), true);
    assert.equal(pseudo.checkout.button.startsWith('[Ŕéñéŵ ñöŵ'), true);
  });

  it('can lengthen another locale too', () => {
    const long = pseudoLocalize(zhTW);
    assert.deepEqual(shapeDifferences(long), []);
    assert.ok(long.checkout.button.startsWith('[立即儲值') && long.checkout.button.endsWith(']'));
  });

  it('is imported by nothing under src/ (it stays out of the script-tag file and the npm entries)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
      );
    const importers = files('src').filter(
      (file) => file.endsWith('.ts') && /from '[./]*(i18n\/)?pseudo\.js'/.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(importers, []);
  });
});
