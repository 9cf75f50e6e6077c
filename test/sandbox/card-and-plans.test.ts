import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { AutoRenew, Card, PlanList, Usage } from '../../src/client/schemas.ts';
import { ICCID, call, freshCard, sessionFor, testSandbox } from './helpers.ts';

const DAY = 86_400_000;
const GB = 1024 ** 3;

describe('the card, its plans and usage', () => {
  const sandbox = testSandbox();
  after(() => sandbox.close());

  it('shows the card with a masked ICCID and the balance', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    const reply = await call(sandbox, 'GET', '/v1/card', { token });
    assert.equal(reply.status, 200);
    const card = Card.parse(reply.body);
    assert.equal(card.iccid, '•••• 0011');
    assert.ok(!reply.text.includes(ICCID.active));
    assert.equal(card.status, 'active');
    assert.deepEqual(card.data, { remainingBytes: 12 * GB, totalBytes: 20 * GB });
    assert.equal(card.renewalCount, 2);
    assert.equal(card.currency, 'CNY');
    assert.equal(card.plan.period, 'month');
    assert.ok(card.coverage.length >= 20 && card.coverage.includes('JP') && card.coverage.includes('FR'));
    assert.ok(Math.abs(Date.parse(card.expiresAt) - Date.now() - 30 * DAY) < 60_000);
    assert.ok(Math.abs(Date.parse(card.asOf) - Date.now()) < 60_000);
  });

  it('derives the status at read time', async () => {
    const status = async (iccid: string) => (await call(sandbox, 'GET', '/v1/card', { token: await sessionFor(sandbox, iccid) })).body.status;
    assert.equal(await status(ICCID.expiring), 'expiring');
    assert.equal(await status(ICCID.expired), 'expired');
    assert.equal(await status(ICCID.suspended), 'suspended');
    assert.equal(await status(ICCID.unlimited), 'expiring');
    assert.equal(await status(ICCID.lowData), 'active');
  });

  it('shows unlimited data as null', async () => {
    const card = Card.parse((await call(sandbox, 'GET', '/v1/card', { token: await sessionFor(sandbox, ICCID.unlimited) })).body);
    assert.deepEqual(card.data, { remainingBytes: null, totalBytes: null });
    assert.equal(card.currency, 'USD');
  });

  it('lists only plans that can renew the card: a Japan-only card sees only Japan plans', async () => {
    const token = await sessionFor(sandbox, ICCID.japanOnly);
    const { plans } = PlanList.parse((await call(sandbox, 'GET', '/v1/plans', { token })).body);
    assert.ok(plans.length >= 3);
    assert.ok(plans.every((plan) => plan.region === 'JP' && plan.coverage.join() === 'JP'));
    assert.ok(plans.every((plan) => plan.price.currency === 'USD'));
    const day = plans.find((plan) => plan.id === 'jp-day-1gb')!;
    assert.deepEqual(day.price, { amount: 250, currency: 'USD' });
  });

  it('offers a global card plans for at least 20 regions in all three periods, priced in its currency', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    const { plans } = PlanList.parse((await call(sandbox, 'GET', '/v1/plans', { token })).body);
    const regions = new Set(plans.map((plan) => plan.region));
    assert.ok(regions.size >= 20, `${regions.size} regions`);
    for (const region of ['JP', 'KR', 'TH', 'SG', 'MY', 'VN', 'ID', 'PH', 'HK', 'MO', 'TW', 'US', 'CA', 'MX', 'GB', 'EU', 'AU', 'NZ', 'AE', 'TR', 'ASIA', 'GLOBAL']) {
      assert.ok(regions.has(region), region);
    }
    assert.deepEqual(new Set(plans.map((plan) => plan.period)), new Set(['day', 'month', 'year']));
    assert.ok(plans.every((plan) => plan.price.currency === 'CNY'));
    assert.deepEqual(plans.find((plan) => plan.id === 'jp-day-1gb')!.price, { amount: 1500, currency: 'CNY' });
    assert.ok(plans.some((plan) => plan.dataBytes === null && plan.tags.includes('unlimited')));
    assert.ok(plans.some((plan) => plan.compareAtPrice && plan.tags.includes('discount') && plan.compareAtPrice.amount > plan.price.amount));
    assert.ok(plans.some((plan) => plan.tags.includes('popular')));
    assert.ok(plans.some((plan) => plan.tags.includes('best_value')));
    assert.equal(plans.find((plan) => plan.region === 'EU')!.coverage.length, 33);
  });

  it('filters by region (a country in the coverage, or the region itself) and period', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    const jp = PlanList.parse((await call(sandbox, 'GET', '/v1/plans?region=jp', { token })).body).plans;
    assert.ok(jp.every((plan) => plan.coverage.includes('JP')));
    assert.deepEqual(new Set(jp.map((plan) => plan.region)), new Set(['JP', 'ASIA', 'GLOBAL']));
    const eu = PlanList.parse((await call(sandbox, 'GET', '/v1/plans?region=EU&period=year', { token })).body).plans;
    assert.deepEqual(eu.map((plan) => plan.id), ['eu-year-50gb']);
    const fr = PlanList.parse((await call(sandbox, 'GET', '/v1/plans?region=FR&period=day', { token })).body).plans;
    assert.deepEqual(new Set(fr.map((plan) => plan.region)), new Set(['EU', 'GLOBAL']));
    const bad = await call(sandbox, 'GET', '/v1/plans?period=week', { token });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'validation_failed');
    assert.deepEqual(bad.body.error.details.issues[0].path, ['period']);
  });

  it('speaks the language of Esim-Locale, else the session locale, else Accept-Language', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    const zh = (await call(sandbox, 'GET', '/v1/plans?region=JP&period=day', { token, headers: { 'Accept-Language': 'zh-TW,zh;q=0.9' } })).body.plans;
    const jpDay = zh.find((plan: { id: string }) => plan.id === 'jp-day-1gb');
    assert.equal(jpDay.name, '日本 每日 1GB');
    assert.equal(jpDay.regionName, '日本');
    const zhSession = await sessionFor(sandbox, ICCID.active, { locale: 'zh-CN' });
    const eu = (await call(sandbox, 'GET', '/v1/plans?region=EU&period=year', { token: zhSession })).body.plans[0];
    assert.equal(eu.regionName, '欧洲 33 国');
    // A browser's own Accept-Language does not override the partner's choice; the widget's Esim-Locale does.
    const browser = (await call(sandbox, 'GET', '/v1/plans?region=EU&period=year', { token: zhSession, headers: { 'Accept-Language': 'en-GB' } })).body.plans[0];
    assert.equal(browser.regionName, '欧洲 33 国');
    const en = (await call(sandbox, 'GET', '/v1/plans?region=EU&period=year', { token: zhSession, headers: { 'Esim-Locale': 'en' } })).body.plans[0];
    assert.equal(en.regionName, 'Europe (33 countries)');
  });

  it('gives deterministic daily usage, oldest first', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    const first = Usage.parse((await call(sandbox, 'GET', '/v1/card/usage', { token })).body);
    assert.equal(first.days.length, 30);
    const dates = first.days.map((d) => d.date);
    assert.deepEqual([...dates].sort(), dates);
    assert.equal(dates.at(-1), new Date().toISOString().slice(0, 10));
    assert.ok(first.days.some((d) => d.usedBytes > 0));
    const again = Usage.parse((await call(sandbox, 'GET', '/v1/card/usage?days=30', { token })).body);
    assert.deepEqual(again, first);
    assert.equal((await call(sandbox, 'GET', '/v1/card/usage?days=7', { token })).body.days.length, 7);
    for (const days of ['0', '91', 'abc', '1.5', '-3']) {
      const reply = await call(sandbox, 'GET', `/v1/card/usage?days=${days}`, { token });
      assert.equal(reply.status, 400, days);
      assert.equal(reply.body.error.code, 'validation_failed');
    }
  });

  it('turns auto-renew on with an eligible plan, and off', async () => {
    const { token } = await freshCard(sandbox, 'japan_only');
    const missing = await call(sandbox, 'PUT', '/v1/card/auto-renew', { token, body: { enabled: true } });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.code, 'validation_failed');
    const ineligible = await call(sandbox, 'PUT', '/v1/card/auto-renew', { token, body: { enabled: true, planId: 'eu-month-10gb' } });
    assert.equal(ineligible.status, 409);
    assert.equal(ineligible.body.error.code, 'plan_unavailable');
    const unknown = await call(sandbox, 'PUT', '/v1/card/auto-renew', { token, body: { enabled: true, planId: 'nope' } });
    assert.equal(unknown.status, 409);
    const on = await call(sandbox, 'PUT', '/v1/card/auto-renew', { token, body: { enabled: true, planId: 'jp-month-10gb' } });
    assert.equal(on.status, 200);
    assert.deepEqual(AutoRenew.parse(on.body), { enabled: true, planId: 'jp-month-10gb' });
    const off = await call(sandbox, 'PUT', '/v1/card/auto-renew', { token, body: { enabled: false } });
    assert.deepEqual(off.body, { enabled: false, planId: 'jp-month-10gb' });
    const again = await call(sandbox, 'PUT', '/v1/card/auto-renew', { token, body: { enabled: true } });
    assert.deepEqual(again.body, { enabled: true, planId: 'jp-month-10gb' });
    assert.deepEqual((await call(sandbox, 'GET', '/v1/card', { token })).body.autoRenew, { enabled: true, planId: 'jp-month-10gb' });
    const wrongType = await call(sandbox, 'PUT', '/v1/card/auto-renew', { token, body: { enabled: 'yes' } });
    assert.equal(wrongType.status, 400);
  });
});
