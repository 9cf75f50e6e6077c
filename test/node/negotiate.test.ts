// locale="auto": which shipped locale a traveller's browser preferences (navigator.languages) get.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { negotiateAuto, negotiateLocale } from '../../src/i18n/negotiate.ts';

/** What we ship once every locale file is wired in. */
const SHIPPED = ['en', 'zh-CN', 'zh-TW', 'zh-HK', 'ja', 'ko', 'th', 'vi', 'id', 'ms'];

/** navigator.languages → the locale shown, and why. */
const TABLE: [readonly string[], string, string][] = [
  [['zh-TW'], 'zh-TW', 'Taiwan'],
  [['zh-Hant'], 'zh-TW', 'Traditional script, no region: its likely region is Taiwan'],
  [['zh-Hant-TW'], 'zh-TW', 'script and region'],
  [['zh-Hant-CN'], 'zh-TW', 'Traditional wherever the reader is'],
  [['ZH-hant-tw'], 'zh-TW', 'case does not matter'],
  [['zh_TW'], 'zh-TW', 'an underscore, as some WebViews send'],
  [['zh-HK'], 'zh-HK', 'Hong Kong'],
  [['zh-Hant-HK'], 'zh-HK', 'script and region'],
  [['zh-MO'], 'zh-HK', "Macau reads Hong Kong's Traditional Chinese (CLDR parent zh_Hant_HK)"],
  [['zh-Hant-MO'], 'zh-HK', 'script and region'],
  [['zh'], 'zh-CN', 'Chinese alone is Simplified'],
  [['zh-Hans'], 'zh-CN', 'Simplified script'],
  [['zh-Hans-CN'], 'zh-CN', 'script and region'],
  [['zh-CN'], 'zh-CN', 'mainland China'],
  [['zh-SG'], 'zh-CN', 'Singapore writes Simplified'],
  [['zh-MY'], 'zh-CN', 'Malaysia writes Simplified'],
  [['zh-Hans-HK'], 'zh-CN', 'Simplified asked for explicitly, even in Hong Kong'],
  [['yue-HK'], 'zh-HK', 'Cantonese: Hong Kong Chinese, matched once no preference matched directly'],
  [['in'], 'id', 'the legacy code for Indonesian'],
  [['in-ID'], 'id', 'legacy code with a region'],
  [['id-ID'], 'id', 'Indonesian'],
  [['ms-MY'], 'ms', 'Malay by language'],
  [['ms-SG'], 'ms', 'Malay in Singapore'],
  [['ms-BN'], 'ms', 'Malay in Brunei'],
  [['ja-JP'], 'ja', 'Japanese'],
  [['ko-KR'], 'ko', 'Korean'],
  [['th-TH'], 'th', 'Thai'],
  [['th-TH-u-nu-thai'], 'th', 'a Unicode extension (Thai digits) is ignored for matching'],
  [['vi-VN'], 'vi', 'Vietnamese'],
  [['en-GB'], 'en', 'English of any region'],
  [['en-US', 'zh-TW'], 'en', 'the first preference wins'],
  [['zh-TW', 'en-US'], 'zh-TW', 'the first preference wins'],
  [['ko', 'ja'], 'ko', 'preference order, not our order'],
  [['ja', 'ko'], 'ja', 'preference order, not our order'],
  [['fr-FR', 'th'], 'th', 'an unsupported first preference is skipped'],
  [['iw', 'vi-VN'], 'vi', 'a legacy code we do not ship (Hebrew) is skipped'],
  [['*', 'ja'], 'ja', 'a malformed tag is skipped'],
  [['de-DE', 'fr'], 'en', 'nothing we ship: English'],
  [[], 'en', 'no preferences at all: English'],
];

describe('negotiateLocale (locale="auto")', () => {
  it(`covers the table (${TABLE.length} rows)`, () => {
    assert.ok(TABLE.length >= 25);
  });

  for (const [requested, expected, why] of TABLE) {
    it(`[${requested.join(', ')}] → ${expected}: ${why}`, () => {
      assert.equal(negotiateLocale(requested, SHIPPED), expected);
    });
  }

  it('matches another region of the same script before another script', () => {
    assert.equal(negotiateLocale(['zh-HK'], ['en', 'zh-CN', 'zh-TW']), 'zh-TW');
    assert.equal(negotiateLocale(['zh-MO'], ['en', 'zh-TW']), 'zh-TW');
    assert.equal(negotiateLocale(['zh-TW'], ['en', 'zh-CN', 'zh-HK']), 'zh-HK');
  });

  it('gives a Traditional reader Simplified only when no preference matches its own script', () => {
    assert.equal(negotiateLocale(['zh-TW', 'en-US'], ['en', 'zh-CN']), 'en');
    assert.equal(negotiateLocale(['zh-TW', 'fr'], ['en', 'zh-CN']), 'zh-CN');
    assert.equal(negotiateLocale(['zh-Hant-HK'], ['ja', 'zh-CN']), 'zh-CN');
  });

  it('prefers the same region, then a tag without one', () => {
    assert.equal(negotiateLocale(['en-GB'], ['en-US', 'en-GB']), 'en-GB');
    assert.equal(negotiateLocale(['en-AU'], ['en-US', 'en']), 'en');
    assert.equal(negotiateLocale(['pt-PT'], ['pt-BR']), 'pt-BR');
  });

  it('returns the shipped tag as spelled, or the fallback given', () => {
    assert.equal(negotiateLocale(['zh-tw'], ['zh-TW']), 'zh-TW');
    assert.equal(negotiateLocale(['ZH-TW'], ['zh-tw']), 'zh-tw');
    assert.equal(negotiateLocale(['fr'], ['ja', 'ko'], 'ko'), 'ko');
    assert.equal(negotiateLocale(['fr'], ['ja', 'ko']), 'en');
  });

  it('never throws on malformed input', () => {
    assert.equal(negotiateLocale(['', '-', 'x-private', '12', 'en--US'], SHIPPED), 'en');
    assert.equal(negotiateLocale(['ja'], ['', 'not a tag', 'ja']), 'ja');
  });
});

/** navigator.languages and the page's <html lang> → the locale `auto` shows, and why. */
const AUTO_TABLE: [readonly string[], string | undefined, string, string][] = [
  [['ja-JP', 'en-US'], 'en', 'ja', 'a Japanese phone on a partner page written in English reads Japanese'],
  [['ja-JP'], 'en-US', 'ja', "the browser's language outranks the page's"],
  [['zh-Hant-HK'], 'zh-CN', 'zh-HK', 'a Hong Kong phone on a Simplified page reads Hong Kong Chinese'],
  [['en-GB', 'ja'], 'ko', 'en', "English is shipped: the browser's first preference wins over the page's Korean"],
  [['de-DE', 'fr'], 'ja', 'ja', "none of the browser's languages is shipped: the page's lang decides"],
  [['de-DE'], 'zh-Hant', 'zh-TW', "the page's lang is matched like any preference"],
  [['fr-FR', 'th'], 'ja', 'th', "a later browser preference we ship still comes before the page's"],
  [['de-DE'], 'de', 'en', 'neither the browser nor the page speaks a language we ship: English'],
  [['de-DE'], undefined, 'en', 'no page lang: English'],
  [[], 'vi', 'vi', "no browser preferences at all: the page's lang"],
  [[], undefined, 'en', 'nothing at all: English'],
  [['zh-TW', 'fr'], 'ko', 'zh-TW', 'Traditional Chinese is shipped'],
];

describe('negotiateAuto (locale="auto": navigator.languages, then the page\'s lang, then English)', () => {
  for (const [browser, pageLang, expected, why] of AUTO_TABLE) {
    it(`[${browser.join(', ')}] on a page lang=${pageLang ?? '(none)'} → ${expected}: ${why}`, () => {
      assert.equal(negotiateAuto(browser, pageLang, SHIPPED), expected);
    });
  }

  it("matches the page's lang in another script of the browser's language only after the browser's own", () => {
    // A Traditional reader with no Traditional locale shipped gets Simplified (their language) before the page's.
    assert.equal(negotiateAuto(['zh-TW'], 'ja', ['en', 'zh-CN', 'ja']), 'zh-CN');
  });
});
