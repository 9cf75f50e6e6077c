// The message sets of zh-TW, zh-HK, ja, ko, th, vi, id and ms: each has en's shape exactly (key for key, kind for
// kind), every function message shows the arguments it is given, nothing is left in English but brand names, and
// each reads in its own script and its own market's words. (locales.test.ts checks key order and the build's packing
// of every locale file, these included.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en, type Messages } from '../../src/i18n/en.ts';
import { id } from '../../src/i18n/id.ts';
import { ja } from '../../src/i18n/ja.ts';
import { ko } from '../../src/i18n/ko.ts';
import { ms } from '../../src/i18n/ms.ts';
import { th } from '../../src/i18n/th.ts';
import { vi } from '../../src/i18n/vi.ts';
import { zhHK } from '../../src/i18n/zh-HK.ts';
import { zhTW } from '../../src/i18n/zh-TW.ts';
import { leaves, rendered, SAMPLE_ARGS, shapeDifferences, shown, withNumbers, type Message } from './message-tree.ts';

const LOCALES: Record<string, Messages> = { 'zh-TW': zhTW, 'zh-HK': zhHK, ja, ko, th, vi, id, ms };
type Tag = keyof typeof LOCALES;
const ALL = Object.keys(LOCALES);

/** Where a message may read exactly as in English, and why. Every entry must still be identical (no stale ones). */
const SAME_AS_ENGLISH: Record<string, { tags: readonly Tag[]; why: string }> = {
  'checkout.methods.alipay': {
    tags: ['ja', 'th', 'vi', 'id', 'ms'],
    why: 'a brand name (Chinese and Korean have their own)',
  },
  'checkout.methods.wechat_pay': { tags: ['ja', 'th', 'vi', 'id', 'ms'], why: 'a brand name' },
  'device.ios.title': { tags: ALL, why: 'a brand name' },
  'device.android.title': { tags: ALL, why: 'a brand name' },
  'flow.chosen': { tags: ALL, why: 'only the arguments and a middle dot' },
  'picker.facts': { tags: ['ko', 'th', 'vi', 'id', 'ms'], why: 'only the arguments and middle dots' },
  'common.failure': { tags: ['ko', 'th', 'vi', 'id', 'ms'], why: 'two sentences joined with a space, as in English' },
  'history.columns.status': { tags: ['id', 'ms'], why: 'Indonesian and Malay say “Status”' },
  'checkout.subtotal': { tags: ['id'], why: 'Indonesian shops say “Subtotal”' },
};

const functions = (tree: unknown) =>
  leaves(tree).filter(([, value]) => typeof value === 'function') as [string, Message][];

describe('the shape check names what differs', () => {
  // The checker can fail: each broken copy is caught, with the key named.
  it('a missing key, an extra key, another kind, another array length, another arity', () => {
    const fn = (x: string) => x;
    const reference = { a: { b: 'x', c: ['1', '2'], d: fn } };
    assert.deepEqual(shapeDifferences({ a: { b: 'y', c: ['3', '4'], d: (y: string) => y } }, reference), []);
    assert.deepEqual(shapeDifferences({ a: { b: 'x', c: ['1', '2'] } }, reference), ['missing: a.d']);
    assert.deepEqual(shapeDifferences({ a: { b: 'x', c: ['1', '2'], d: fn, e: 'y' } }, reference), ['not in en: a.e']);
    assert.deepEqual(shapeDifferences({ a: { b: fn, c: ['1', '2'], d: fn } }, reference), [
      'a.b is a function, en has a string',
    ]);
    assert.deepEqual(shapeDifferences({ a: { b: 'x', c: ['1'], d: fn } }, reference), ['a.c has 1 entries, en has 2']);
    assert.deepEqual(shapeDifferences({ a: { b: 'x', c: ['1', '2'], d: () => '' } }, reference), [
      "a.d takes 0 arguments, en's takes 1",
    ]);
    assert.deepEqual(shapeDifferences({ a: 'x' }, reference), ['a is a string, en has an object']);
  });

  it('a real locale with a key removed and one added', () => {
    const { label: _label, ...badge } = zhTW.badge;
    assert.deepEqual(shapeDifferences({ ...zhTW, badge: { ...badge, extra: '多' } }), [
      'missing: badge.label',
      'not in en: badge.extra',
    ]);
  });
});

describe('every function message of en has sample arguments in the test', () => {
  it('SAMPLE_ARGS lists exactly en’s function messages, with their arity', () => {
    const ours = functions(en);
    assert.deepEqual(ours.map(([path]) => path).sort(), Object.keys(SAMPLE_ARGS).sort());
    for (const [path, fn] of ours) assert.equal(SAMPLE_ARGS[path]!.length, fn.length, path);
  });
});

for (const [tag, messages] of Object.entries(LOCALES)) {
  describe(`${tag}`, () => {
    it("has exactly en's keys, with en's kinds, array lengths and arities", () => {
      assert.deepEqual(shapeDifferences(messages), []);
    });

    it('shows every argument it is given, for counts of one and zero too', () => {
      for (const [path, fn] of functions(messages)) {
        const args = SAMPLE_ARGS[path]!;
        const text = fn(...args);
        assert.ok(typeof text === 'string' && text.trim(), `${path} gives text`);
        for (const shows of shown(args))
          assert.ok(text.includes(shows), `${path}(${args.join(', ')}) shows ${shows}: ${text}`);
        for (const n of [0, 1]) {
          const edge = fn(...withNumbers(args, n));
          assert.ok(edge.trim(), `${path} with ${n}`);
          for (const shows of shown(args.filter((a) => typeof a !== 'number')))
            assert.ok(edge.includes(shows), `${path} with ${n}`);
        }
      }
    });

    it('changes nothing but the number when a count changes (the language has no plural forms)', () => {
      assert.deepEqual(new Intl.PluralRules(tag).resolvedOptions().pluralCategories, ['other']);
      for (const [path, fn] of functions(messages)) {
        const args = SAMPLE_ARGS[path]!;
        if (!args.some((a) => typeof a === 'number')) continue;
        const forms = new Set([2, 3, 5, 11, 21, 101].map((n) => fn(...withNumbers(args, n)).replace(/\d+/g, '#')));
        assert.equal(forms.size, 1, `${path}: ${[...forms].join(' | ')}`);
      }
    });

    it('leaves nothing in English but the allowed brand names', () => {
      const english = new Map(leaves(en).map(([path, value]) => [path, rendered(path, value)]));
      const same = leaves(messages)
        .filter(([path, value]) => rendered(path, value).some((text, i) => text === english.get(path)![i]))
        .map(([path]) => path);
      const allowed = Object.keys(SAME_AS_ENGLISH).filter((path) => SAME_AS_ENGLISH[path]!.tags.includes(tag));
      assert.deepEqual(same.sort(), allowed.sort(), 'identical to English (left) vs allowed (right)');
    });

    it('has no stray whitespace', () => {
      const english = new Map(leaves(en).map(([path, value]) => [path, rendered(path, value)]));
      for (const [path, value] of leaves(messages)) {
        rendered(path, value).forEach((text, i) => {
          const reference = english.get(path)![i]!;
          assert.equal(/^\s/.test(text), /^\s/.test(reference), `${path} starts like en: ${JSON.stringify(text)}`);
          assert.equal(/\s$/.test(text), /\s$/.test(reference), `${path} ends like en: ${JSON.stringify(text)}`);
          assert.doesNotMatch(text, / {2}/, `${path} has a double space`);
        });
      }
    });
  });
}

/** Every text of a message set, with function messages called with their samples (and the samples taken out). */
const texts = (messages: Messages) =>
  leaves(messages).flatMap(([path, value]) =>
    rendered(path, value).map(
      (text, i, all) => [all.length > 1 ? `${path}.${i}` : path, text.replace(/‹[^›]*›/g, '')] as const,
    ),
  );

describe('the usage report, one message per language', () => {
  const formatted = { used: '‹700 MB›', perDay: '‹100 MB›', left: '‹2.4 GB›' };
  const cases = [
    { name: 'nothing used', report: { days: 7, perDay: '‹0 B›' }, shows: ['7'], omits: ['‹0 B›'] },
    { name: 'no projection', report: { days: 7, used: formatted.used, perDay: formatted.perDay }, shows: ['7', formatted.used, formatted.perDay] },
    { name: 'unlimited', report: { days: 7, used: formatted.used, perDay: formatted.perDay, outlook: { kind: 'unlimited' } } },
    { name: 'none left', report: { days: 7, used: formatted.used, perDay: formatted.perDay, outlook: { kind: 'none-left' } } },
    {
      name: 'runs out first',
      report: { days: 7, used: formatted.used, perDay: formatted.perDay, outlook: { kind: 'limited', left: formatted.left, daysLeft: 12, expiryDays: 29 } },
      shows: ['12', '29', formatted.left],
    },
    {
      name: 'expires first',
      report: { days: 7, used: formatted.used, perDay: formatted.perDay, outlook: { kind: 'limited', left: formatted.left, daysLeft: 40, expiryDays: 29 } },
      shows: ['40', '29', formatted.left],
    },
    {
      name: 'under a day',
      report: { days: 7, used: formatted.used, perDay: formatted.perDay, outlook: { kind: 'limited', left: formatted.left, daysLeft: 0, expiryDays: 29 } },
      shows: ['29', formatted.left],
    },
  ] as const;
  for (const [tag, messages] of Object.entries({ en, ...LOCALES })) {
    it(`${tag}: says every case as a whole, with its figures, each case differently`, () => {
      const texts = cases.map(({ name, report, ...expect }) => {
        const text = messages.usage.report(report as Parameters<Messages['usage']['report']>[0]);
        for (const shows of 'shows' in expect ? expect.shows : []) assert.ok(text.includes(shows), `${name} shows ${shows}: ${text}`);
        for (const omits of 'omits' in expect ? expect.omits : []) assert.ok(!text.includes(omits), `${name} leaves out ${omits}: ${text}`);
        assert.doesNotMatch(text, /undefined|NaN|\[object/, name);
        return text;
      });
      assert.equal(new Set(texts).size, cases.length, texts.join('\n'));
    });
  }
});

describe('each reads in its own script', () => {
  const BRANDS = ['WeChat Pay', 'WeChat', 'Alipay', 'iPhone', 'Android', 'SM-DP+', 'QR Code', 'eSIM', 'SIM', 'QR'];
  for (const tag of ['zh-TW', 'zh-HK', 'ja', 'ko', 'th'] as const) {
    it(`${tag}: no Latin letters but brand names`, () => {
      for (const [path, text] of texts(LOCALES[tag]!)) {
        const rest = BRANDS.reduce((left, brand) => left.replaceAll(brand, ''), text);
        assert.doesNotMatch(rest, /[A-Za-z]/, `${path}: ${text}`);
      }
    });
  }

  const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.source;
  for (const tag of ['zh-TW', 'zh-HK', 'ja'] as const) {
    it(`${tag}: full-width punctuation next to Chinese characters and kana`, () => {
      const ascii = new RegExp(`${CJK}[,.:;?!()]|[,:;?!()]${CJK}`, 'u');
      for (const [path, text] of texts(LOCALES[tag]!)) assert.doesNotMatch(text, ascii, `${path}: ${text}`);
    });
  }

  it('ko: Western punctuation, as Korean writes', () => {
    for (const [path, text] of texts(ko)) assert.doesNotMatch(text, /[，。：；？！（）]/, `${path}: ${text}`);
  });

  it('th: no full stop; sentences are separated by a space', () => {
    for (const [path, text] of texts(th)) assert.doesNotMatch(text, /[\u0E00-\u0E7F]\.|[。，]/, `${path}: ${text}`);
  });

  it('vi: written with its diacritics (every text but brand names has some)', () => {
    for (const [path, text] of texts(vi)) {
      if (/^[\sA-Za-z0-9+·.-]*$/.test(text.replaceAll('eSIM', ''))) continue; // only brands and arguments
      assert.match(text.normalize('NFD'), /[\u0300-\u036f]|đ|Đ/, `${path}: ${text}`);
    }
  });
});

describe('Traditional Chinese: Taiwan and Hong Kong each in their own words', () => {
  // Characters that exist only in Simplified Chinese (their Traditional forms differ).
  const SIMPLIFIED =
    /[们这个过时国费数据载网络设单选择码开关确认订无续应说请错误连链扫复页变类间发现为与两种读写输证号级余额户宝线购买还动务账态试验钱当机处删区获钟图显则体储]/u;
  for (const tag of ['zh-TW', 'zh-HK'] as const) {
    it(`${tag} has no Simplified characters`, () => {
      for (const [path, text] of texts(LOCALES[tag]!)) assert.doesNotMatch(text, SIMPLIFIED, `${path}: ${text}`);
    });
  }

  /** The market's words, and the other market's (or the mainland's) that must not appear. */
  const TERMS = {
    'zh-TW': {
      uses: ['儲值', '方案', '流量', '吃到飽', '網路', '效期', '飛航模式', '您', '天'],
      avoids: ['增值', '計劃', '套餐', '網絡', '電郵', '賬', '你'],
    },
    // Hong Kong counts days in 日 (尚餘 3 日, 今日), Taiwan in 天.
    'zh-HK': {
      uses: ['增值', '計劃', '數據', '網絡', '電郵', '賬戶', '飛行模式', '你', '日'],
      avoids: ['儲值', '方案', '套餐', '流量', '網路', '帳', '您', '天'],
    },
  };
  for (const [tag, { uses, avoids }] of Object.entries(TERMS)) {
    it(`${tag} uses ${uses.join(' ')} and never ${avoids.join(' ')}`, () => {
      const all = texts(LOCALES[tag]!)
        .map(([, text]) => text)
        .join('\n');
      for (const word of uses) assert.ok(all.includes(word), `${tag} uses ${word}`);
      for (const [path, text] of texts(LOCALES[tag]!)) {
        // Data roaming is 數據漫遊 in Taiwan's iOS too.
        const checked = tag === 'zh-TW' ? text.replaceAll('數據漫遊', '') : text;
        for (const word of avoids) assert.ok(!checked.includes(word), `${tag} ${path} has ${word}: ${text}`);
      }
    });
  }

  it('the two differ wherever the markets do: most messages are worded differently', () => {
    const hk = new Map(texts(zhHK).map(([path, text]) => [path, text]));
    const pairs = texts(zhTW);
    const differ = pairs.filter(([path, text]) => hk.get(path) !== text).length;
    assert.ok(differ / pairs.length > 0.6, `${differ} of ${pairs.length} differ`);
  });
});
