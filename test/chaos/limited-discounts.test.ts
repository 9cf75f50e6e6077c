// Limited discounts under concurrency, at the API, against two sandbox processes sharing one database file: N
// concurrent spends of one card's store credit give no more than the card holds, each order spending exactly the
// credit its quote showed; N concurrent orders on the limited promo code use it no more than its limit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordFigures, size } from './figures.ts';
import { call, createOrder, newCardSession, payOnHostedPage, repeatOnReset } from './http.ts';
import { spawnSandboxPair, type SandboxPair, type SandboxProcess } from './processes.ts';

const N = size('CHAOS_N', { fast: 40, long: 400 });

interface Priced {
  id: string;
  discounts: Array<{ kind: string; amount: { amount: number } }>;
}
/** A quote's store credit line, in minor units (0 when it has none). */
const creditLine = (quote: Priced) => quote.discounts.find((d) => d.kind === 'credit')?.amount.amount ?? 0;

describe('limited discounts under concurrency', () => {
  const figures: Record<string, number | string> = {};
  let pair: SandboxPair;
  let one: SandboxProcess;
  let two: SandboxProcess;
  let creditOverspent = 0;
  let promoUsesOverLimit = 0;

  before(async () => {
    pair = await spawnSandboxPair('esim-discounts-');
    ({ one, two } = pair);
  });

  after(async () => {
    await pair?.stop();
    recordFigures('limited-discounts', {
      title: 'concurrent spends of store credit and of a limited promo code against two sandbox processes sharing one database',
      rows: { N, ...figures, 'store credit overspent (minor units)': creditOverspent, 'promo uses over the limit': promoUsesOverLimit },
      totals: { creditOverspent, promoUsesOverLimit },
    });
  });

  const count = (sql: string, ...args: unknown[]) => pair.count(sql, ...args);

  /** Waits until none of the card's orders is `processing` any more (settlement runs on both processes' sweeps). */
  async function settledAll(cardId: string) {
    const deadline = Date.now() + 30_000;
    while (count(`SELECT COUNT(*) AS n FROM orders WHERE card_id = ? AND status = 'processing'`, cardId) > 0) {
      if (Date.now() > deadline) throw new Error('orders still processing after 30 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** What settlement spent of the card's credit for each succeeded order, by order id. */
  const creditSpent = (cardId: string) =>
    pair.inspect((db) => {
      const rows = db.prepare(`SELECT id, credit_used FROM orders WHERE card_id = ? AND status = 'succeeded'`).all(cardId);
      return new Map((rows as Array<{ id: string; credit_used: number }>).map((r) => [r.id, r.credit_used]));
    });

  it('N concurrent spends of one card\'s store credit give it once, each order settling at its quoted price', async () => {
    const { card, token } = await newCardSession(one.url, 'refund_credit');
    // The card's credit, as a traveller gets it: a partly used renewal refunded as credit.
    const [refunded] = (await call(one.url, 'GET', '/v1/orders', { token })).body.orders;
    const refund = await call(one.url, 'POST', `/v1/orders/${refunded.id}/refunds`, { token, body: {}, headers: { 'Idempotency-Key': 'credit' } });
    assert.equal(refund.body.outcome, 'credit', refund.text);
    let held = 0;
    for (const deadline = Date.now() + 15_000; held === 0 && Date.now() < deadline;) {
      held = (await call(one.url, 'GET', '/v1/card', { token })).body.credit?.amount ?? 0;
      if (held === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(held > 0, 'the refund was granted as credit');
    const quoteOn = async (base: string) => {
      const reply = await call(base, 'POST', '/v1/quotes', { token, body: { planId: 'global-month-20gb' } });
      assert.equal(reply.status, 201, reply.text);
      return reply.body as Priced;
    };
    // N tabs are each quoted the whole balance while no order holds it yet…
    const quotes = await Promise.all(Array.from({ length: N }, (_, i) => quoteOn(i % 2 ? two.url : one.url)));
    assert.ok(quotes.every((q) => creditLine(q) === held));
    // …then all order and pay at once. A refused one asks for a new quote and pays that, as the widget does.
    const counter = { resets: 0 };
    const refusals: Record<string, number> = {};
    const paid = await Promise.all(quotes.map(async (quote, i) => {
      const base = i % 2 ? two.url : one.url;
      let created = await repeatOnReset(() => createOrder(base, token, { quoteId: quote.id, paymentMethod: 'card' }, `credit-${i}`), counter);
      if (created.status === 410) {
        const reason = `${created.body.error.code}:${created.body.error.details?.reason}`;
        refusals[reason] = (refusals[reason] ?? 0) + 1;
        const fresh = await quoteOn(base);
        created = await repeatOnReset(() => createOrder(base, token, { quoteId: fresh.id, paymentMethod: 'card' }, `credit-${i}-requoted`), counter);
      }
      assert.equal(created.status, 201, created.text);
      const status = await repeatOnReset(() => payOnHostedPage(base, created.body.id), counter);
      assert.equal(status, 200);
      return created.body as { id: string; quote: Priced };
    }));
    await settledAll(card.id);
    const spent = creditSpent(card.id);
    const given = paid.reduce((sum, order) => sum + creditLine(order.quote), 0);
    const left = (await call(one.url, 'GET', '/v1/card', { token })).body.credit.amount;
    const mispriced = paid.filter((order) => spent.get(order.id) !== creditLine(order.quote)).length;
    figures['credit held'] = held;
    figures['credit spends attempted at once'] = N;
    figures['orders refused, re-quoted'] = Object.entries(refusals).map(([reason, n]) => `${n} ${reason}`).join(', ') || 0;
    figures['credit given as discounts'] = given;
    figures['credit left'] = left;
    figures['orders settled at another price than quoted'] = mispriced;
    figures['connection resets under the credit burst'] = counter.resets;
    creditOverspent += Math.max(0, given - held);
    assert.equal(paid.filter((order) => spent.has(order.id)).length, N, 'every attempt ended in a paid order');
    assert.ok(given <= held, `credit given ${given} > credit held ${held}`);
    assert.equal(left, held - given, 'the balance is what the discounts left');
    assert.equal(mispriced, 0, 'each order spent exactly the credit its quote showed');
    assert.deepEqual(Object.keys(refusals), N > 1 ? ['quote_expired:credit_changed'] : []);
  });

  it('N concurrent orders on quotes of a limited promo code use it no more than its limit', async () => {
    const { max_uses: limit, uses } = pair.inspect(
      (db) => db.prepare(`SELECT max_uses, uses FROM promo_codes WHERE code = 'LIMITED'`).get() as { max_uses: number; uses: number },
    );
    assert.ok(limit - uses >= 1 && limit - uses < N, `LIMITED has ${limit - uses} uses left for ${N} attempts`);
    // Travellers on a few cards, each quoted the code while nobody has ordered…
    const travellers = await Promise.all(Array.from({ length: 4 }, () => newCardSession(one.url)));
    const quotes = await Promise.all(Array.from({ length: N }, async (_, i) => {
      const { token } = travellers[i % travellers.length]!;
      const reply = await call(i % 2 ? two.url : one.url, 'POST', '/v1/quotes', { token, body: { planId: 'jp-day-1gb', promoCode: 'LIMITED' } });
      assert.equal(reply.status, 201, reply.text);
      return reply.body as Priced;
    }));
    // …then all order and pay at once.
    const counter = { resets: 0 };
    const outcomes = await Promise.all(quotes.map(async (quote, i) => {
      const base = i % 2 ? two.url : one.url;
      const { token } = travellers[i % travellers.length]!;
      const created = await repeatOnReset(() => createOrder(base, token, { quoteId: quote.id, paymentMethod: 'card' }, `promo-${i}`), counter);
      if (created.status !== 201) return `${created.body.error.code}:${created.body.error.details?.reason}`;
      assert.equal(await repeatOnReset(() => payOnHostedPage(base, created.body.id), counter), 200);
      return 'paid';
    }));
    for (const { card } of travellers) await settledAll(card.id);
    const after = count(`SELECT uses AS n FROM promo_codes WHERE code = 'LIMITED'`);
    const paidWithCode = outcomes.filter((o) => o === 'paid').length;
    figures['promo code uses left'] = limit - uses;
    figures['promo orders attempted at once'] = N;
    figures['promo orders paid'] = paidWithCode;
    figures['promo uses after'] = `${after} of ${limit}`;
    promoUsesOverLimit += Math.max(0, after - limit);
    assert.ok(after <= limit, `${after} uses of a code limited to ${limit}`);
    assert.equal(paidWithCode, limit - uses, 'every use left went to one paid order');
    assert.equal(after, uses + paidWithCode, 'one use per succeeded order');
    assert.deepEqual(new Set(outcomes.filter((o) => o !== 'paid')), new Set(['quote_expired:promo_exhausted']));
  });
});
