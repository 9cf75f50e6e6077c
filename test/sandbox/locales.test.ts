// The API in every language the SDK ships: which one a request gets (Esim-Locale, the session's locale,
// Accept-Language, English), said in Content-Language; plan, region and discount names and error messages in it,
// never English where the language has its own words.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { PlanList, Quote } from '../../src/client/schemas.ts';
import { localeLoaders } from '../../src/i18n/locales.ts';
import { acceptLanguageTags, LANGS, type Lang } from '../../sandbox/locale.ts';
import type { PlanRow } from '../../sandbox/rows.ts';
import { planName, planRegionName } from '../../sandbox/serialize.ts';
import { ICCID, call, freshCard, sessionFor, testSandbox } from './helpers.ts';

describe('the languages the API speaks', () => {
  const sandbox = testSandbox({ rateLimits: { sessionsPerMinute: 10_000 } });
  after(() => sandbox.close());

  it('are the SDK\'s: English and every locale it ships', () => {
    assert.deepEqual([...LANGS].sort(), ['en', ...Object.keys(localeLoaders)].sort());
  });

  it('reads Accept-Language by quality, then order, leaving out * and q=0', () => {
    assert.deepEqual(acceptLanguageTags('ja;q=0.5, zh-TW, en;q=0.8'), ['zh-TW', 'en', 'ja']);
    assert.deepEqual(acceptLanguageTags('fr, *;q=0.9, ko;q=0, th;q=0.1'), ['fr', 'th']);
    assert.deepEqual(acceptLanguageTags(';q=, ,vi'), ['vi']);
    assert.deepEqual(acceptLanguageTags(undefined), []);
    // Only the first 16 entries count: a header of thousands costs no more than a browser's.
    assert.deepEqual(acceptLanguageTags([...Array(5000).fill('fr'), 'ja'].join(',')), Array(16).fill('fr'));
  });

  const NEGOTIATED: Array<[header: string, lang: Lang]> = [
    ['zh-TW,zh;q=0.9', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-HK', 'zh-HK'],
    ['zh-MO', 'zh-HK'],
    ['yue-HK', 'zh-HK'],
    ['zh-SG', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['ja-JP,en;q=0.5', 'ja'],
    ['ko-KR', 'ko'],
    ['th-TH', 'th'],
    ['vi', 'vi'],
    ['in-ID', 'id'],
    ['ms-MY', 'ms'],
    ['fr-FR, ko;q=0.3', 'ko'],
    ['de;q=1, th;q=0.9, en;q=0.8', 'th'],
    ['en;q=0.2, ja;q=0.9', 'ja'],
    ['fr', 'en'],
    ['*', 'en'],
    ['', 'en'],
  ];

  it('negotiates Accept-Language against the shipped locales, English when none fits, and says so', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    for (const [header, lang] of NEGOTIATED) {
      const reply = await call(sandbox, 'GET', '/v1/plans?region=JP&period=day', { token, headers: { 'Accept-Language': header } });
      assert.equal(reply.status, 200);
      assert.equal(reply.headers.get('content-language'), lang, header);
      const plan = PlanList.parse(reply.body).plans.find((p) => p.id === 'jp-day-1gb')!;
      assert.equal(plan.name, planName(planRow('jp-day-1gb'), lang), header);
    }
  });

  it('puts Esim-Locale before the session\'s locale, and that before Accept-Language; each negotiated', async () => {
    const jaSession = await sessionFor(sandbox, ICCID.active, { locale: 'ja-JP' });
    const lang = async (headers: Record<string, string>, token = jaSession) =>
      (await call(sandbox, 'GET', '/v1/card', { token, headers })).headers.get('content-language');
    assert.equal(await lang({}), 'ja');
    assert.equal(await lang({ 'Accept-Language': 'ko' }), 'ja', 'the browser\'s languages do not override the partner\'s');
    assert.equal(await lang({ 'Esim-Locale': 'zh-Hant-TW', 'Accept-Language': 'ko' }), 'zh-TW');
    assert.equal(await lang({ 'Esim-Locale': 'xx' }), 'ja', 'an Esim-Locale we do not speak leaves the choice to the next');
    // Answers with nothing to translate say their language too.
    const usage = await call(sandbox, 'GET', '/v1/card/usage', { token: jaSession, headers: { 'Esim-Locale': 'vi' } });
    assert.equal(usage.headers.get('content-language'), 'vi');
  });

  const planRow = (id: string) => sandbox.db.prepare('SELECT * FROM plans WHERE id = ?').get(id) as PlanRow;

  it('composes English and Simplified Chinese names exactly as the catalogue was seeded', () => {
    for (const row of sandbox.db.prepare('SELECT * FROM plans').all() as PlanRow[]) {
      assert.equal(planName(row, 'en'), row.name_en);
      assert.equal(planName(row, 'zh-CN'), row.name_zh);
      assert.equal(planRegionName(row, 'en'), row.region_name_en);
      assert.equal(planRegionName(row, 'zh-CN'), row.region_name_zh);
    }
  });

  /** Plan names as a market's sellers write them, one of each shape among the locales. */
  const EXPECTED: Array<[Lang, string, string, string]> = [
    ['zh-TW', 'asia-day-unlimited', '亞洲 每日 吃到飽', '亞洲 11 國'],
    ['zh-TW', 'eu-month-10gb', '歐洲 30天 10GB', '歐洲 33 國'],
    ['zh-HK', 'eu-month-10gb', '歐洲 30日 10GB', '歐洲 33 國'],
    ['zh-HK', 'hk-day-unlimited', '香港 每日 無限數據', '香港'],
    ['ja', 'jp-day-1gb', '日本 1日1GB', '日本'],
    ['ja', 'global-year-50gb', '世界周遊 50GB・1年間', '世界周遊 51か国'],
    ['ko', 'kr-month-20gb', '한국 20GB · 30일', '한국'],
    ['th', 'th-day-1gb', 'ไทย วันละ 1GB', 'ไทย'],
    ['vi', 'vn-month-10gb', 'Việt Nam 10 GB · 30 ngày', 'Việt Nam'],
    ['id', 'id-day-1gb', 'Indonesia 1 GB per hari', 'Indonesia'],
    ['id', 'asia-day-unlimited', 'Asia tanpa batas per hari', 'Asia (11 negara)'],
    ['ms', 'my-year-50gb', 'Malaysia 50 GB · 1 tahun', 'Malaysia'],
  ];

  it('serves plan and region names in every locale, none of them in English where the language has its own', async () => {
    const english = PlanList.parse((await call(sandbox, 'GET', '/v1/plans', { token: await sessionFor(sandbox, ICCID.active, { locale: 'en' }) })).body).plans;
    const byLang = new Map<Lang, Map<string, { name: string; regionName: string }>>();
    for (const lang of LANGS) {
      const reply = await call(sandbox, 'GET', '/v1/plans', { token: await sessionFor(sandbox, ICCID.active, { locale: lang }) });
      assert.equal(reply.headers.get('content-language'), lang);
      const plans = PlanList.parse(reply.body).plans;
      assert.equal(plans.length, english.length);
      byLang.set(lang, new Map(plans.map((p) => [p.id, p])));
      if (lang === 'en') continue;
      for (const [i, plan] of plans.entries()) {
        // Every plan name has words of its own (daily, days, year) in each language: never the English one.
        assert.notEqual(plan.name, english[i]!.name, `${lang} ${plan.id}`);
        if (['EU', 'ASIA', 'GLOBAL'].includes(plan.region)) assert.notEqual(plan.regionName, english[i]!.regionName, `${lang} ${plan.id}`);
      }
    }
    for (const [lang, id, name, region] of EXPECTED) {
      assert.deepEqual(
        { name: byLang.get(lang)!.get(id)!.name, regionName: byLang.get(lang)!.get(id)!.regionName },
        { name, regionName: region },
        `${lang} ${id}`,
      );
    }
    // Traditional Chinese is not Simplified with another label: no simplified-only character in the zh-TW catalogue.
    const traditional = [...byLang.get('zh-TW')!.values()].map((p) => `${p.name} ${p.regionName}`).join(' ');
    for (const simplified of ['亚', '欧', '国', '湾', '马', '韩']) assert.ok(!traditional.includes(simplified), simplified);
  });

  it('labels discounts in every locale', async () => {
    const { iccid } = (await freshCard(sandbox, 'never_renewed')).card;
    const labels = new Map<Lang, string[]>();
    for (const lang of LANGS) {
      const token = await sessionFor(sandbox, iccid, { locale: lang });
      const reply = await call(sandbox, 'POST', '/v1/quotes', { token, body: { planId: 'jp-month-10gb', promoCode: 'TRAVEL20' } });
      assert.equal(reply.status, 201, reply.text);
      assert.equal(reply.headers.get('content-language'), lang);
      const quote = Quote.parse(reply.body);
      assert.deepEqual(quote.discounts.map((d) => d.kind), ['first_topup', 'promo']);
      labels.set(lang, quote.discounts.map((d) => d.label));
    }
    for (const lang of LANGS) {
      if (lang === 'en') continue;
      labels.get(lang)!.forEach((label, i) => assert.notEqual(label, labels.get('en')![i], `${lang}: ${label}`));
      assert.ok(labels.get(lang)![1]!.includes('TRAVEL20'));
    }
    assert.deepEqual(labels.get('zh-HK'), ['首次增值 9 折', '優惠碼 TRAVEL20']);
    assert.deepEqual(labels.get('ja'), ['初回チャージ 10%オフ', 'クーポン TRAVEL20']);
  });

  it('writes error messages in every locale: by reason, by code, before and after the session is known', async () => {
    const messages = new Map<Lang, string[]>();
    for (const lang of LANGS) {
      const headers = { 'Esim-Locale': lang };
      const token = await sessionFor(sandbox, ICCID.neverRenewed);
      const expired = await call(sandbox, 'POST', '/v1/quotes', { token, headers, body: { planId: 'jp-day-1gb', promoCode: 'SUMMER2025' } });
      const unknown = await call(sandbox, 'POST', '/v1/quotes', { token, headers, body: { planId: 'jp-day-1gb', promoCode: 'NOPE' } });
      const badInput = await call(sandbox, 'GET', '/v1/plans?period=week', { token, headers });
      const noSession = await call(sandbox, 'GET', '/v1/card', { headers });
      const noRoute = await call(sandbox, 'GET', '/v1/nothing-here', { token, headers });
      const suspended = await call(sandbox, 'POST', '/v1/quotes', { token: await sessionFor(sandbox, ICCID.suspended), headers, body: { planId: 'jp-day-1gb' } });
      const replies = [expired, unknown, badInput, noSession, noRoute, suspended];
      assert.deepEqual(
        replies.map((r) => r.body.error.code),
        ['promo_invalid', 'promo_invalid', 'validation_failed', 'unauthorized', 'not_found', 'forbidden'],
      );
      for (const reply of replies) assert.equal(reply.headers.get('content-language'), lang);
      assert.equal(expired.body.error.details.reason, 'expired', 'details stay the same in every language');
      messages.set(lang, replies.map((r) => r.body.error.message as string));
    }
    assert.equal(messages.get('en')![0], 'Promo code SUMMER2025 has expired');
    // Traditional Chinese has its own messages, not Simplified ones.
    for (const lang of ['zh-TW', 'zh-HK'] as const) {
      messages.get(lang)!.forEach((message, i) => assert.notEqual(message, messages.get('zh-CN')![i], `${lang}: ${message}`));
    }
    for (const lang of LANGS) {
      if (lang === 'en') continue;
      messages.get(lang)!.forEach((message, i) => assert.notEqual(message, messages.get('en')![i], `${lang}: ${message}`));
      // An expired code and an unknown one read differently: the reason's message, not only the code's.
      assert.notEqual(messages.get(lang)![0], messages.get(lang)![1]);
    }
    assert.equal(messages.get('ja')![0], 'このクーポンコードは有効期限が切れています。');
    assert.equal(messages.get('zh-TW')![5], '這張卡已停用，請聯絡商家。');
    // The session's locale decides an error's language once the session is known.
    const koSession = await sessionFor(sandbox, ICCID.neverRenewed, { locale: 'ko' });
    const ko = await call(sandbox, 'POST', '/v1/quotes', { token: koSession, body: { planId: 'jp-day-1gb', promoCode: 'ONCE' } });
    assert.deepEqual([ko.headers.get('content-language'), ko.body.error.message], ['ko', '모두 소진된 프로모션 코드입니다.']);
  });
});
