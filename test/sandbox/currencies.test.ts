// Money in the travellers' currencies: every plan priced in CNY, USD, HKD, TWD, JPY, KRW, THB and SGD, and every
// amount a whole number of the currency's minor unit — JPY and KRW have none, so ¥1,950 is 1950 — through quote,
// order, payment, refund and store credit, with exact sums.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Card, Order, PlanList, Quote, Refund, RefundQuote } from '../../src/client/schemas.ts';
import { minorUnitExponent, toMajorUnits, toMinorUnits } from '../../src/client/money.ts';
import { CURRENCIES } from '../../sandbox/seed/prices.ts';
import { ICCID, call, freshCard, manualClock, order, sessionFor, testSandbox } from './helpers.ts';

describe('minor units', () => {
  it('follow ISO 4217: none for JPY, KRW and VND, two for most, three for KWD', () => {
    assert.deepEqual(
      ['JPY', 'KRW', 'VND', 'CNY', 'USD', 'HKD', 'TWD', 'THB', 'SGD', 'IDR', 'KWD'].map(minorUnitExponent),
      [0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 3],
    );
    assert.equal(toMajorUnits(1200, 'JPY'), 1200);
    assert.equal(toMajorUnits(1500, 'CNY'), 15);
    assert.equal(toMinorUnits(3.4, 'SGD'), 340);
    assert.equal(toMinorUnits(1.2345, 'KWD'), 1235);
  });
});

describe('prices in the markets\' currencies', () => {
  const clock = manualClock();
  const sandbox = testSandbox({ now: clock.now });
  after(() => sandbox.close());

  const plans = async (iccid: string) =>
    PlanList.parse((await call(sandbox, 'GET', '/v1/plans', { token: await sessionFor(sandbox, iccid) })).body).plans;
  const getCard = async (token: string) => Card.parse((await call(sandbox, 'GET', '/v1/card', { token })).body);
  const quoteOf = async (token: string, body: Record<string, unknown>) => {
    const reply = await call(sandbox, 'POST', '/v1/quotes', { token, body });
    assert.equal(reply.status, 201, reply.text);
    return Quote.parse(reply.body);
  };
  const settle = () => {
    clock.advance(1_000);
    for (let i = 0; i < 5; i++) sandbox.settleDue();
  };
  async function pay(token: string, quote: Quote): Promise<Order> {
    const created = await order(sandbox, token, { quoteId: quote.id, paymentMethod: 'card' });
    assert.equal(created.status, 201, created.text);
    await call(sandbox, 'POST', `/sandbox/orders/${created.body.id}/simulate`, { token, body: { outcome: 'succeed' } });
    settle();
    return Order.parse((await call(sandbox, 'GET', `/v1/orders/${created.body.id}`, { token })).body);
  }
  /** The sums of a quote add up: subtotal less every discount is the total, all whole minor units. */
  const assertAddsUp = (quote: Quote) => {
    const amounts = [quote.subtotal, ...quote.discounts.map((d) => d.amount), quote.total];
    for (const money of amounts) {
      assert.equal(money.currency, quote.subtotal.currency);
      assert.ok(Number.isInteger(money.amount));
    }
    assert.equal(quote.total.amount, quote.subtotal.amount - quote.discounts.reduce((sum, d) => sum + d.amount.amount, 0));
  };

  it('prices every plan in every currency, in steps a shop in that market would use', async () => {
    const jpDay = (list: Awaited<ReturnType<typeof plans>>) => list.find((p) => p.id === 'jp-day-1gb');
    // Japan 1 GB daily is US$2.50: ¥15, HK$20, NT$80, ¥380, ₩3,400, ฿90, S$3.40.
    const expected: Record<string, [iccid: string, amount: number]> = {
      CNY: [ICCID.active, 1500], HKD: [ICCID.hkd, 2000], TWD: [ICCID.twd, 8000], JPY: [ICCID.jpy, 380],
      KRW: [ICCID.krw, 3400], THB: [ICCID.thb, 9000], SGD: [ICCID.sgd, 340],
    };
    for (const [currency, [iccid, amount]] of Object.entries(expected)) {
      assert.deepEqual(jpDay(await plans(iccid))!.price, { amount, currency }, currency);
    }
    // USD, through a card made in it (the Japan-only demo card is in USD).
    assert.deepEqual(jpDay(await plans(ICCID.japanOnly))!.price, { amount: 250, currency: 'USD' });
    // Every currency the catalogue is priced in can be chosen for a new card, and prices every plan.
    for (const currency of CURRENCIES) {
      const { token } = await freshCard(sandbox, 'active', currency);
      const list = PlanList.parse((await call(sandbox, 'GET', '/v1/plans', { token })).body).plans;
      assert.equal(list.length, 96);
      for (const plan of list) {
        assert.equal(plan.price.currency, currency);
        assert.ok(Number.isInteger(plan.price.amount) && plan.price.amount > 0);
        if (plan.compareAtPrice) assert.ok(plan.compareAtPrice.amount > plan.price.amount, `${currency} ${plan.id}`);
      }
    }
  });

  it('takes a JPY renewal from quote to order to payment to a full refund, in whole yen', async () => {
    const { token } = await freshCard(sandbox, 'japan_only', 'JPY');
    const before = await getCard(token);
    assert.deepEqual(before.credit, { amount: 0, currency: 'JPY' });
    // ¥1,950 × 3 = ¥5,850; loyalty 5 % = ¥292.5, rounded to ¥293 (there is no half yen); ¥500 off with WELCOME.
    const quote = await quoteOf(token, { planId: 'jp-month-10gb', quantity: 3, promoCode: 'WELCOME' });
    assert.deepEqual(quote.subtotal, { amount: 5850, currency: 'JPY' });
    assert.deepEqual(quote.discounts.map((d) => [d.kind, d.amount.amount]), [['loyalty', 293], ['promo', 500]]);
    assert.deepEqual(quote.total, { amount: 5057, currency: 'JPY' });
    assertAddsUp(quote);

    const paid = await pay(token, quote);
    assert.equal(paid.status, 'succeeded');
    assert.deepEqual(paid.quote.total, { amount: 5057, currency: 'JPY' });
    // The renewal starts when the card's current period ends: not started, nothing used → all of it back.
    const preview = RefundQuote.parse((await call(sandbox, 'GET', `/v1/orders/${paid.id}/refund-quote`, { token })).body);
    assert.deepEqual([preview.outcome, preview.amount], ['full', { amount: 5057, currency: 'JPY' }]);
    const requested = await call(sandbox, 'POST', `/v1/orders/${paid.id}/refunds`, { token, body: {}, headers: { 'Idempotency-Key': 'jpy-full' } });
    assert.equal(requested.status, 201, requested.text);
    assert.deepEqual(Refund.parse(requested.body).amount, { amount: 5057, currency: 'JPY' });
    settle();
    const refunded = Order.parse((await call(sandbox, 'GET', `/v1/orders/${paid.id}`, { token })).body);
    assert.deepEqual([refunded.refund?.status, refunded.refund?.amount], ['approved', { amount: 5057, currency: 'JPY' }]);
    assert.equal((await getCard(token)).expiresAt, before.expiresAt, 'the card loses the renewal again');
  });

  it('gives JPY store credit pro rata in whole yen, and spends it exactly once beside a fixed discount', async () => {
    const { token } = await freshCard(sandbox, 'refund_credit', 'JPY');
    const [paid] = (await call(sandbox, 'GET', '/v1/orders', { token })).body.orders as Order[];
    // Global 10 GB · 30 days is ¥4,880; the first top-up took 10 % (¥488): ¥4,392 paid.
    assert.deepEqual(paid!.quote.total, { amount: 4392, currency: 'JPY' });
    // 6 of 30 days gone and 3 of 10 GB used: 70 % of ¥4,392 is ¥3,074.4, given as ¥3,074.
    const refund = Refund.parse((await call(sandbox, 'POST', `/v1/orders/${paid!.id}/refunds`, { token, body: {}, headers: { 'Idempotency-Key': 'jpy-credit' } })).body);
    assert.deepEqual([refund.outcome, refund.amount], ['credit', { amount: 3074, currency: 'JPY' }]);
    settle();
    assert.deepEqual((await getCard(token)).credit, { amount: 3074, currency: 'JPY' });

    // ¥4,880: loyalty ¥244, WELCOME ¥500, then credit up to what is left (¥4,136): all ¥3,074 of it.
    const quote = await quoteOf(token, { planId: 'global-month-10gb', promoCode: 'WELCOME' });
    assert.deepEqual(quote.discounts.map((d) => [d.kind, d.amount.amount]), [['loyalty', 244], ['promo', 500], ['credit', 3074]]);
    assert.deepEqual(quote.total, { amount: 1062, currency: 'JPY' });
    assertAddsUp(quote);
    const renewed = await pay(token, quote);
    assert.equal(renewed.status, 'succeeded');
    settle();
    assert.deepEqual((await getCard(token)).credit, { amount: 0, currency: 'JPY' }, 'spent once');
  });

  it('takes a fixed discount only up to what is left to pay, in KRW', async () => {
    const { token } = await freshCard(sandbox, 'never_renewed', 'KRW');
    // ₩3,400: first top-up 10 % ₩340; WELCOME is ₩4,000 but only ₩3,060 is left: the total is ₩0, never negative.
    const quote = await quoteOf(token, { planId: 'jp-day-1gb', promoCode: 'WELCOME' });
    assert.deepEqual(quote.discounts.map((d) => [d.kind, d.amount.amount]), [['first_topup', 340], ['promo', 3060]]);
    assert.deepEqual(quote.total, { amount: 0, currency: 'KRW' });
    assertAddsUp(quote);
    // A percentage code rounds to whole won: 20 % of ₩10,200 (3 days) is ₩2,040.
    const three = await quoteOf(token, { planId: 'jp-day-1gb', quantity: 3, promoCode: 'TRAVEL20' });
    assert.deepEqual(three.discounts.map((d) => [d.kind, d.amount.amount]), [['first_topup', 1020], ['promo', 2040]]);
    assertAddsUp(three);
  });

  it('refuses a currency the catalogue is not priced in when a card is made', async () => {
    const reply = await call(sandbox, 'POST', '/sandbox/cards', { token: 'sk_test_demo', body: { template: 'active', currency: 'EUR' } });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.code, 'validation_failed');
  });
});
