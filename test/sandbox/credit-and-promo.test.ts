// Limited discounts are money: store credit and a promo code's uses are held by the order that was quoted them, spent
// once when it succeeds, and given back when it is canceled, fails or is closed unpaid. One at a time here; the
// concurrent and cross-process variants are in test/chaos/idempotency.test.ts.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Card, Order, Quote } from '../../src/client/schemas.ts';
import type { Sandbox } from '../../sandbox/app.ts';
import { UNPAID_ORDER_TTL_MS } from '../../sandbox/settle.ts';
import { call, freshCard, manualClock, order, quote, sessionFor, testSandbox } from './helpers.ts';

/** A plan dearer than any refund credit: its quote carries the whole balance as its last discount. */
const DEAR = 'global-month-20gb';

const creditLine = (q: Quote) => q.discounts.find((d) => d.kind === 'credit')?.amount.amount ?? 0;
const promoLine = (q: Quote) => q.discounts.find((d) => d.kind === 'promo')?.amount.amount ?? 0;

/**
 * A fresh card holding store credit, made the way a traveller gets it: a partly used renewal refunded as credit
 * (the `refund_credit` template), decided after the settle delay.
 */
export async function cardWithCredit(sandbox: Sandbox, settle: () => void) {
  const { card, token } = await freshCard(sandbox, 'refund_credit');
  const [paid] = (await call(sandbox, 'GET', '/v1/orders', { token })).body.orders as Order[];
  const refund = await call(sandbox, 'POST', `/v1/orders/${paid!.id}/refunds`, {
    token, body: {}, headers: { 'Idempotency-Key': 'credit' },
  });
  assert.equal(refund.body.outcome, 'credit', refund.text);
  settle();
  const credit = Card.parse((await call(sandbox, 'GET', '/v1/card', { token })).body).credit!.amount;
  assert.ok(credit > 0);
  return { card, token, credit };
}

/** A sandbox of its own with a clock the test moves; paid orders stay `processing` until time passes. */
function world() {
  const clock = manualClock();
  const sandbox = testSandbox({
    now: clock.now, settleDelayMs: 60_000, rateLimits: { ordersPerMinute: 1_000, quotesPerMinute: 1_000 },
  });
  /** Lets every delay pass and settles what is due, many times over: nothing may apply twice. */
  const settle = () => {
    clock.advance(61_000);
    for (let i = 0; i < 5; i++) sandbox.settleDue();
  };
  return {
    clock,
    sandbox,
    settle,
    getCard: async (token: string) => Card.parse((await call(sandbox, 'GET', '/v1/card', { token })).body),
    getOrder: async (token: string, id: string) =>
      Order.parse((await call(sandbox, 'GET', `/v1/orders/${id}`, { token })).body),
    pay: async (token: string, id: string, outcome: 'succeed' | 'fail' = 'succeed') => {
      const reply = await call(sandbox, 'POST', `/sandbox/orders/${id}/simulate`, { token, body: { outcome } });
      assert.equal(reply.status, 200, reply.text);
    },
    promo: (code: string) =>
      sandbox.db.prepare('SELECT uses, max_uses FROM promo_codes WHERE code = ?').get(code) as { uses: number; max_uses: number },
    /** What settlement took from the card's credit for this order. */
    creditUsed: (orderId: string) =>
      (sandbox.db.prepare('SELECT credit_used FROM orders WHERE id = ?').get(orderId) as { credit_used: number }).credit_used,
  };
}

describe('store credit is spent once', () => {
  const w = world();
  const { sandbox } = w;
  after(() => sandbox.close());

  it('quote → order → pay, three times before the first settles: the credit is given once, and spent as quoted', async () => {
    const { token, credit } = await cardWithCredit(sandbox, w.settle);
    const paid: Order[] = [];
    for (let round = 0; round < 3; round++) {
      const q = Quote.parse(await quote(sandbox, token, { planId: DEAR }));
      const created = await order(sandbox, token, { quoteId: q.id, paymentMethod: 'alipay' });
      assert.equal(created.status, 201, created.text);
      await w.pay(token, created.body.id);
      paid.push(Order.parse(created.body));
    }
    // The first round's quote offered the whole balance; while its order holds it, the next quotes offer none.
    assert.deepEqual(paid.map((o) => creditLine(o.quote)), [credit, 0, 0]);
    w.settle();
    const given = paid.reduce((sum, o) => sum + creditLine(o.quote), 0);
    assert.ok(given <= credit, `credit given ${given} > credit held ${credit}`);
    assert.equal((await w.getCard(token)).credit!.amount, credit - given);
    for (const o of paid) {
      assert.equal((await w.getOrder(token, o.id)).status, 'succeeded');
      assert.equal(w.creditUsed(o.id), creditLine(o.quote), 'settled at the quoted price: the credit it showed, no more, no less');
    }
  });

  it('refuses an order whose quote offered credit another order now holds, with quote_expired; a new quote is honest', async () => {
    const { token, credit } = await cardWithCredit(sandbox, w.settle);
    const first = Quote.parse(await quote(sandbox, token, { planId: DEAR }));
    const second = Quote.parse(await quote(sandbox, token, { planId: DEAR }));
    assert.deepEqual([creditLine(first), creditLine(second)], [credit, credit], 'nothing is held yet');
    const held = await order(sandbox, token, { quoteId: first.id, paymentMethod: 'card' });
    assert.equal(held.status, 201);
    assert.equal((await w.getCard(token)).credit!.amount, credit, 'the balance is only spent when an order succeeds');

    const refused = await order(sandbox, token, { quoteId: second.id, paymentMethod: 'alipay' });
    assert.equal(refused.status, 410, refused.text);
    assert.equal(refused.body.error.code, 'quote_expired');
    assert.equal(refused.body.error.details.reason, 'credit_changed');
    assert.match(refused.body.error.message, /store credit/i);

    const requoted = Quote.parse(await quote(sandbox, token, { planId: DEAR }));
    assert.equal(creditLine(requoted), 0);
    assert.equal(requoted.total.amount, second.total.amount + credit, 'the new price, shown before the traveller confirms it');
    const ordered = await order(sandbox, token, { quoteId: requoted.id, paymentMethod: 'alipay' });
    assert.equal(ordered.status, 201);
    await w.pay(token, ordered.body.id);
    await w.pay(token, held.body.id);
    w.settle();
    assert.equal((await w.getCard(token)).credit!.amount, 0);
    assert.equal(w.creditUsed(held.body.id), credit);
    assert.equal(w.creditUsed(ordered.body.id), 0);
  });

  it('gives the credit back when the holding order is canceled, fails or is closed unpaid', async () => {
    const { card, credit } = await cardWithCredit(sandbox, w.settle);
    let token = await sessionFor(sandbox, card.iccid);
    const offered = async () => creditLine(Quote.parse(await quote(sandbox, token, { planId: DEAR })));
    const hold = async (paymentMethod: string) => {
      const q = Quote.parse(await quote(sandbox, token, { planId: DEAR }));
      assert.equal(creditLine(q), credit);
      const created = await order(sandbox, token, { quoteId: q.id, paymentMethod });
      assert.equal(created.status, 201);
      assert.equal(await offered(), 0, 'held while the order is live');
      return created.body.id as string;
    };

    const canceled = await hold('card');
    assert.equal((await call(sandbox, 'POST', `/v1/orders/${canceled}/cancel`, { token })).status, 200);
    assert.equal(await offered(), credit, 'canceled');

    const declined = await hold('alipay');
    await w.pay(token, declined, 'fail');
    assert.equal(await offered(), credit, 'failed');

    const abandoned = await hold('wechat_pay');
    w.clock.advance(UNPAID_ORDER_TTL_MS + 1);
    sandbox.settleDue();
    token = await sessionFor(sandbox, card.iccid);
    assert.equal((await w.getOrder(token, abandoned)).failureCode, 'order_expired');
    assert.equal(await offered(), credit, 'closed unpaid');
    assert.equal((await w.getCard(token)).credit!.amount, credit, 'nothing was spent');

    // A new attempt on the same quote takes over the hold of the attempt it replaces.
    const q = Quote.parse(await quote(sandbox, token, { planId: DEAR }));
    const one = await order(sandbox, token, { quoteId: q.id, paymentMethod: 'card' }, 'attempt-1');
    const two = await order(sandbox, token, { quoteId: q.id, paymentMethod: 'alipay' }, 'attempt-2');
    assert.deepEqual([one.status, two.status], [201, 201]);
    assert.equal((await w.getOrder(token, one.body.id)).status, 'canceled');
    await w.pay(token, two.body.id);
    w.settle();
    assert.equal((await w.getCard(token)).credit!.amount, 0);
    assert.equal(w.creditUsed(two.body.id), credit);
  });
});

describe('a promo code with a usage limit is used once per succeeded order', () => {
  const CODE = 'LIMITED';

  it('is seeded with uses left', () => {
    const w = world();
    try {
      const { uses, max_uses: limit } = w.promo(CODE);
      assert.ok(limit >= 2 && uses === 0, `${CODE}: ${uses} of ${limit} used`);
    } finally {
      w.sandbox.close();
    }
  });

  it('quote → order → pay, once more than the limit before any settles: the last quote is refused, uses stop at the limit', async () => {
    const w = world();
    try {
      const limit = w.promo(CODE).max_uses;
      const { token } = await freshCard(w.sandbox, 'active');
      const outcomes: string[] = [];
      for (let round = 0; round <= limit; round++) {
        const q = await call(w.sandbox, 'POST', '/v1/quotes', { token, body: { planId: 'jp-day-1gb', promoCode: CODE } });
        if (q.status !== 201) {
          outcomes.push(`${q.body.error.code}:${q.body.error.details?.reason}`);
          continue;
        }
        const created = await order(w.sandbox, token, { quoteId: q.body.id, paymentMethod: 'alipay' });
        assert.equal(created.status, 201, created.text);
        await w.pay(token, created.body.id);
        outcomes.push('paid');
      }
      assert.deepEqual(outcomes, [...Array(limit).fill('paid'), 'promo_invalid:exhausted']);
      w.settle();
      assert.equal(w.promo(CODE).uses, limit);
    } finally {
      w.sandbox.close();
    }
  });

  it('refuses an order on a quote whose code the other live orders used up, and gives a use back when one fails', async () => {
    const w = world();
    try {
      const limit = w.promo(CODE).max_uses;
      const travellers = await Promise.all(Array.from({ length: limit + 1 }, () => freshCard(w.sandbox, 'active')));
      // Everyone is quoted the code while nobody has ordered yet…
      const quotes = [];
      for (const { token } of travellers) {
        const q = Quote.parse(await quote(w.sandbox, token, { planId: 'jp-day-1gb', promoCode: CODE }));
        assert.ok(promoLine(q) > 0);
        quotes.push(q);
      }
      // …then all order: the code covers the first `limit`; the last is told the price changed.
      const orders = [];
      for (const [i, { token }] of travellers.entries()) {
        orders.push(await order(w.sandbox, token, { quoteId: quotes[i]!.id, paymentMethod: 'alipay' }));
      }
      const late = orders.at(-1)!;
      assert.deepEqual(orders.slice(0, -1).map((o) => o.status), Array(limit).fill(201));
      assert.equal(late.status, 410, late.text);
      assert.deepEqual([late.body.error.code, late.body.error.details.reason], ['quote_expired', 'promo_exhausted']);
      assert.match(late.body.error.message, new RegExp(CODE));

      // One holder's payment fails: its use comes back, and the late traveller's new quote has the code again.
      await w.pay(travellers[0]!.token, orders[0]!.body.id, 'fail');
      const lateToken = travellers.at(-1)!.token;
      const again = Quote.parse(await quote(w.sandbox, lateToken, { planId: 'jp-day-1gb', promoCode: CODE }));
      const last = await order(w.sandbox, lateToken, { quoteId: again.id, paymentMethod: 'alipay' });
      assert.equal(last.status, 201);
      for (const [i, o] of [...orders.slice(1, -1).entries()]) await w.pay(travellers[i + 1]!.token, o.body.id);
      await w.pay(lateToken, last.body.id);
      w.settle();
      assert.equal(w.promo(CODE).uses, limit, 'one use per succeeded order, never past the limit');
      const settled = await w.getOrder(lateToken, last.body.id);
      assert.deepEqual([settled.status, settled.quote.total], ['succeeded', again.total]);
    } finally {
      w.sandbox.close();
    }
  });
});
