// The sandbox's hosted payment pages in every language the API speaks: the card page and its 3-D Secure step, the
// QR wallet, WeChat Pay JSAPI and H5, Alipay WAP, the result and status pages — each with <html lang>, its words
// from sandbox/page-words, the plan's name in that language and money with the currency's ISO 4217 decimals.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { LANGS, type Lang } from '../../sandbox/locale.ts';
import { formatPageMoney, PAGE_WORDS } from '../../sandbox/page-words/index.ts';
import { call, freshCard, postForm, testSandbox } from './helpers.ts';

const sandbox = testSandbox();
after(() => sandbox.close());

/** A yen card's order for `plan`, made by a widget speaking `lang` (its Esim-Locale), and the plan's name in it. */
async function yenOrder(lang: Lang, body: Record<string, unknown>) {
  const { token } = await freshCard(sandbox, 'japan_only', 'JPY');
  const headers = { 'Esim-Locale': lang };
  const quote = await call(sandbox, 'POST', '/v1/quotes', { token, headers, body: { planId: 'jp-month-10gb' } });
  assert.equal(quote.status, 201, quote.text);
  const created = await call(sandbox, 'POST', '/v1/orders', {
    token,
    headers: { ...headers, 'Idempotency-Key': crypto.randomUUID() },
    body: { quoteId: quote.body.id, ...body },
  });
  assert.equal(created.status, 201, created.text);
  const plans = await call(sandbox, 'GET', '/v1/plans', { token, headers });
  const planName: string = plans.body.plans.find((plan: { id: string }) => plan.id === 'jp-month-10gb').name;
  return { order: created.body, planName, total: quote.body.total as { amount: number; currency: string } };
}

/** The path and query of an absolute URL the API gave. */
const pathOf = (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
};

async function page(path: string, headers: Record<string, string> = {}) {
  const res = await sandbox.app.request(path, { headers });
  return { status: res.status, html: await res.text(), language: res.headers.get('content-language'), location: res.headers.get('location') };
}

/** The escaped text of `text` as it appears in the page's HTML (Hono's html tag escapes & < > " '). */
const escaped = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

describe('hosted pages in every language', () => {
  for (const lang of LANGS) {
    const words = PAGE_WORDS[lang];

    it(`${lang}: the card page and its 3-D Secure step, in ${lang}, money in whole yen`, async () => {
      const { order: created, planName, total } = await yenOrder(lang, { paymentMethod: 'card' });
      assert.match(created.paymentAction.url, new RegExp(`\\?lang=${lang}$`), 'the API gives the page in the widget\'s language');
      const card = await page(pathOf(created.paymentAction.url));
      assert.equal(card.status, 200);
      assert.equal(card.language, lang);
      assert.ok(card.html.includes(`<html lang="${lang}">`));
      for (const text of [words.sandboxBadge, words.card.number, words.card.expiry, words.summary.plan, escaped(planName)]) {
        assert.ok(card.html.includes(text), `${lang} card page shows ${text}`);
      }
      const money = formatPageMoney(total.amount, 'JPY', lang);
      assert.doesNotMatch(money, /[.,]\d{2}(?!\d)/, `no decimals for yen: ${money}`);
      assert.ok(card.html.includes(escaped(words.card.pay(money))), `${lang}: ${words.card.pay(money)}`);

      const challenge = await postForm(sandbox, pathOf(created.paymentAction.url), { number: '4000 0000 0000 3220' });
      const challengeHtml = await challenge.text();
      assert.equal(challenge.status, 200);
      assert.ok(challengeHtml.includes(`<html lang="${lang}">`));
      assert.ok(challengeHtml.includes(escaped(words.challenge.title)));
      assert.ok(challengeHtml.includes(escaped(words.challenge.pass)));

      // Paid: the page says so, in the same language.
      await postForm(sandbox, pathOf(created.paymentAction.url), { number: '4242424242424242' });
      const paid = await page(pathOf(created.paymentAction.url));
      assert.equal(paid.status, 409);
      assert.ok(paid.html.includes(`<html lang="${lang}">`));
      assert.ok(paid.html.includes(escaped(words.status.succeeded[0])));
    });

    it(`${lang}: the QR wallet page follows the phone's Accept-Language`, async () => {
      const { order: created } = await yenOrder('en', { paymentMethod: 'alipay', paymentEnv: 'desktop' });
      const wallet = await page(`/sandbox/wallet/${created.id}`, { 'Accept-Language': `${lang}, en;q=0.5` });
      assert.equal(wallet.status, 200);
      assert.equal(wallet.language, lang);
      assert.ok(wallet.html.includes(`<html lang="${lang}">`));
      assert.ok(wallet.html.includes(escaped(words.wallets.alipay)));
      assert.ok(wallet.html.includes(escaped(words.qr.decline)));
    });

    it(`${lang}: WeChat Pay JSAPI and H5, Alipay WAP, and the result page they end on`, async () => {
      const jsapi = (await yenOrder(lang, { paymentMethod: 'wechat_pay', paymentEnv: 'wechat' })).order;
      const jsapiPage = await page(pathOf(jsapi.paymentAction.url));
      assert.equal(jsapiPage.status, 200, jsapiPage.html);
      assert.ok(jsapiPage.html.includes(`<html lang="${lang}">`));
      assert.ok(jsapiPage.html.includes(escaped(words.redirect.jsapiWaiting)));
      // The page's script says these while WeChat works; they come with the page, in its language.
      assert.ok(jsapiPage.html.includes(`data-opening="${escaped(words.redirect.jsapiOpening)}"`));
      assert.ok(jsapiPage.html.includes(`data-checking="${escaped(words.redirect.jsapiChecking)}"`));

      for (const [method, how] of [['wechat_pay', words.redirect.wechatH5], ['alipay', words.redirect.alipayWap]] as const) {
        const created = (await yenOrder(lang, { paymentMethod: method, paymentEnv: 'mobile_browser' })).order;
        const path = pathOf(created.paymentAction.url);
        const wallet = await page(path);
        assert.equal(wallet.status, 200);
        assert.ok(wallet.html.includes(`<html lang="${lang}">`));
        assert.ok(wallet.html.includes(escaped(how)));
        assert.ok(wallet.html.includes(escaped(words.redirect.leave)));
        // Back without paying, and no return URL: the hosted result page, still in the page's language.
        const back = await postForm(sandbox, path, { action: 'leave' });
        assert.equal(back.status, 303);
        const result = await page(back.headers.get('location')!);
        assert.ok(result.html.includes(`<html lang="${lang}">`));
        assert.ok(result.html.includes(escaped(words.result.requires_payment[0])));
        assert.ok(result.html.includes(escaped(words.orderIs(created.id, words.statuses.requires_payment))));
      }
    });
  }

  it('an unknown order says so in the browser\'s language', async () => {
    const missing = await page('/sandbox/checkout/ord_missing', { 'Accept-Language': 'zh-MO' });
    assert.equal(missing.status, 404);
    assert.ok(missing.html.includes('<html lang="zh-HK">'));
    assert.ok(missing.html.includes(PAGE_WORDS['zh-HK'].messages.notFound[0]));
  });

  it('a lang query outranks Accept-Language; a lang we do not speak falls back to Accept-Language, then English', async () => {
    const { order: created } = await yenOrder('en', { paymentMethod: 'alipay', paymentEnv: 'desktop' });
    assert.equal((await page(`/sandbox/wallet/${created.id}?lang=ko`, { 'Accept-Language': 'th' })).language, 'ko');
    assert.equal((await page(`/sandbox/wallet/${created.id}?lang=de`, { 'Accept-Language': 'th' })).language, 'th');
    assert.equal((await page(`/sandbox/wallet/${created.id}?lang=de`)).language, 'en');
  });
});

describe('hosted page money: the ISO 4217 minor units, not Intl\'s display digits', () => {
  it('yen and won have none, yuan and dollars two; IDR two as ISO 4217 says, where CLDR would show none', () => {
    assert.equal(formatPageMoney(1200, 'JPY', 'en'), '¥1,200');
    assert.equal(formatPageMoney(4000, 'KRW', 'ko'), '₩4,000');
    assert.equal(formatPageMoney(1500, 'CNY', 'zh-CN'), '¥15.00');
    assert.match(formatPageMoney(340, 'SGD', 'en'), /^SGD\s3\.40$/);
    // 150000 minor units of IDR are Rp 1,500.00: with Intl's digits (0) it would read Rp 150,000.
    assert.match(formatPageMoney(150000, 'IDR', 'en'), /^IDR\s1,500\.00$/);
  });
});

describe('hosted page words', () => {
  /** Where a language may read as English does: a brand name, or a term the market uses as is. */
  const SAME_AS_ENGLISH = new Set(['card.cvc', 'wallets.alipay', 'wallets.wechat_pay']);
  const leaves = (tree: unknown, path = ''): [string, string][] =>
    typeof tree === 'string'
      ? [[path, tree]]
      : typeof tree === 'function'
        ? [[path, String((tree as (...args: string[]) => string)('‹1›', '‹2›', '‹3›'))]]
        : Object.entries(tree as object).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  const english = new Map(leaves(PAGE_WORDS.en));

  for (const lang of LANGS.filter((tag) => tag !== 'en')) {
    it(`${lang}: every one of English's messages, in its own words`, () => {
      const own = leaves(PAGE_WORDS[lang]);
      assert.deepEqual(own.map(([path]) => path), [...english.keys()]);
      const same = own.filter(([path, text]) => text === english.get(path) && !SAME_AS_ENGLISH.has(path));
      assert.deepEqual(same, []);
      for (const [path, text] of own) assert.ok(text.trim(), `${lang} ${path} is empty`);
    });
  }
});
