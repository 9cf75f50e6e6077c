import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Quote } from '../../src/client/schemas.ts';
import { ICCID, call, freshCard, manualClock, sessionFor, testSandbox } from './helpers.ts';

const DAY = 86_400_000;
const GB = 1024 ** 3;

describe('quotes', () => {
  const clock = manualClock();
  const sandbox = testSandbox({ now: clock.now });
  after(() => sandbox.close());

  const post = (token: string, body: unknown, headers: Record<string, string> = {}) =>
    call(sandbox, 'POST', '/v1/quotes', { token, body, headers });

  it('gives a never-renewed card the first top-up discount', async () => {
    const token = await sessionFor(sandbox, ICCID.neverRenewed);
    const reply = await post(token, { planId: 'global-month-10gb' });
    assert.equal(reply.status, 201);
    const quote = Quote.parse(reply.body);
    const price = quote.plan.price.amount;
    assert.deepEqual(quote.subtotal, { amount: price, currency: 'CNY' });
    assert.equal(quote.discounts.length, 1);
    assert.equal(quote.discounts[0]!.kind, 'first_topup');
    assert.equal(quote.discounts[0]!.label, 'First top-up 10% off');
    assert.equal(quote.discounts[0]!.amount.amount, Math.round(price * 0.1));
    assert.equal(quote.total.amount, price - Math.round(price * 0.1));
    assert.equal(Date.parse(quote.expiresAt), clock.now() + 15 * 60_000);
  });

  it('gives a card renewed before the loyalty discount, in Chinese when asked', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    const quote = Quote.parse((await post(token, { planId: 'jp-day-1gb', quantity: 3 }, { 'Accept-Language': 'zh-CN' })).body);
    assert.deepEqual(quote.subtotal, { amount: 4500, currency: 'CNY' });
    assert.deepEqual(quote.discounts, [{ kind: 'loyalty', label: '老用户 95 折', amount: { amount: 225, currency: 'CNY' } }]);
    assert.deepEqual(quote.total, { amount: 4275, currency: 'CNY' });
    assert.equal(quote.plan.name, '日本 每日 1GB');
  });

  it('extends from the current expiry and carries the data over', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    const card = (await call(sandbox, 'GET', '/v1/card', { token })).body;
    const quote = Quote.parse((await post(token, { planId: 'global-month-10gb', quantity: 2 })).body);
    assert.equal(Date.parse(quote.newExpiresAt), Date.parse(card.expiresAt) + 60 * DAY);
    assert.equal(quote.dataAfterBytes, 12 * GB + 20 * GB);
  });

  it('extends an expired card from now', async () => {
    const token = await sessionFor(sandbox, ICCID.expired);
    const quote = Quote.parse((await post(token, { planId: 'jp-month-10gb' })).body);
    assert.equal(Date.parse(quote.newExpiresAt), clock.now() + 30 * DAY);
  });

  it('keeps unlimited data unlimited', async () => {
    const token = await sessionFor(sandbox, ICCID.unlimited);
    const toData = Quote.parse((await post(token, { planId: 'us-month-10gb' })).body);
    assert.equal(toData.dataAfterBytes, null);
    assert.equal(toData.total.currency, 'USD');
    const limited = await sessionFor(sandbox, ICCID.active);
    assert.equal(Quote.parse((await post(limited, { planId: 'jp-day-unlimited' })).body).dataAfterBytes, null);
  });

  it('applies a valid promo code on top', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    const quote = Quote.parse((await post(token, { planId: 'jp-day-1gb', quantity: 2, promoCode: 'travel20' })).body);
    assert.deepEqual(quote.discounts.map((d) => [d.kind, d.label, d.amount.amount]), [
      ['loyalty', 'Loyalty 5% off', 150],
      ['promo', 'Promo TRAVEL20', 600],
    ]);
    assert.equal(quote.total.amount, 3000 - 750);
    const zh = Quote.parse((await post(token, { planId: 'jp-day-1gb', promoCode: 'TRAVEL20' }, { 'Accept-Language': 'zh' })).body);
    assert.equal(zh.discounts[1]!.label, '优惠码 TRAVEL20');
  });

  it('refuses promo codes that are expired, not started, used up or unknown, saying why', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    for (const [code, reason] of [['SUMMER2025', 'expired'], ['SOON', 'not_started'], ['ONCE', 'exhausted'], ['NOPE', 'unknown']]) {
      const reply = await post(token, { planId: 'jp-day-1gb', promoCode: code });
      assert.equal(reply.status, 422, code);
      assert.equal(reply.body.error.code, 'promo_invalid');
      assert.deepEqual(reply.body.error.details, { reason });
    }
  });

  it('refuses plans that cannot renew the card', async () => {
    const token = await sessionFor(sandbox, ICCID.japanOnly);
    for (const planId of ['eu-month-10gb', 'asia-day-1gb', 'does-not-exist']) {
      const reply = await post(token, { planId });
      assert.equal(reply.status, 409, planId);
      assert.equal(reply.body.error.code, 'plan_unavailable');
    }
    assert.equal((await post(token, { planId: 'jp-year-50gb' })).status, 201);
  });

  it('refuses a suspended card', async () => {
    const token = await sessionFor(sandbox, ICCID.suspended);
    const reply = await post(token, { planId: 'jp-day-1gb' });
    assert.equal(reply.status, 403);
    assert.equal(reply.body.error.code, 'forbidden');
    assert.deepEqual(reply.body.error.details, { reason: 'card_suspended' });
  });

  it('validates the input', async () => {
    const { token } = await freshCard(sandbox, 'active');
    for (const body of [{}, { planId: '' }, { planId: 'jp-day-1gb', quantity: 0 }, { planId: 'jp-day-1gb', quantity: 13 },
      { planId: 'jp-day-1gb', quantity: 1.5 }, { planId: 42 }, [], 'null', { planId: 'jp-day-1gb', promoCode: 'x'.repeat(33) }]) {
      const reply = await post(token, body);
      assert.equal(reply.status, 400, JSON.stringify(body));
      assert.equal(reply.body.error.code, 'validation_failed');
      assert.ok(Array.isArray(reply.body.error.details?.issues), JSON.stringify(body));
    }
  });
});
