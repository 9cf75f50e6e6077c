import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Card, Order, Quote, Refund, RefundQuote } from '../../src/client/schemas.ts';
import { refundPolicy, type RefundFacts } from '../../sandbox/refunds.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { GB } from '../../sandbox/units.ts';
import { ICCID, call, freshCard, manualClock, order, quote, sessionFor, testSandbox } from './helpers.ts';

const DAY = 86_400_000;

describe('refund policy (pure)', () => {
  const T = Date.UTC(2026, 0, 1);
  // A 30-day renewal starting in 10 days that added 10 GB; the card has 13 GB left.
  const base: RefundFacts = {
    status: 'succeeded', total: 10_000, periodStart: T + 10 * DAY, periodEnd: T + 40 * DAY, addedBytes: 10 * GB,
    remainingBytes: 13 * GB, laterAddedBytes: 0, alreadyRequested: false, now: T,
  };
  const at = (days: number) => base.periodStart + days * DAY;

  it('gives everything back when the period has not started and no data was used', () => {
    assert.deepEqual(refundPolicy(base), { outcome: 'full', amount: 10_000, reason: 'not_started', periodStarted: false, dataUsedBytes: 0 });
  });

  it('gives credit for the unused share when partly used: the larger of time and data decides', () => {
    // Not started, but 1 GB of its data already used (older data ran out): 10 % used.
    assert.deepEqual(refundPolicy({ ...base, remainingBytes: 9 * GB }),
      { outcome: 'credit', amount: 9_000, reason: 'partly_used', periodStarted: false, dataUsedBytes: GB });
    // 6 of 30 days (20 %) and 3 of 10 GB (30 %): 70 % back.
    const partly = refundPolicy({ ...base, now: at(6), remainingBytes: 7 * GB });
    assert.deepEqual(partly, { outcome: 'credit', amount: 7_000, reason: 'partly_used', periodStarted: true, dataUsedBytes: 3 * GB });
    // 9 of 30 days (30 %), no data used: 70 % back; rounded to the minor unit.
    assert.equal(refundPolicy({ ...base, now: at(9) }).amount, 7_000);
    assert.equal(refundPolicy({ ...base, total: 1_001, now: at(7.5) }).amount, 751);
  });

  it('rejects a mostly used renewal, saying which half ran out (time first)', () => {
    assert.deepEqual(refundPolicy({ ...base, now: at(15) }),
      { outcome: 'rejected', amount: 0, reason: 'period_mostly_used', periodStarted: true, dataUsedBytes: 0 });
    assert.equal(refundPolicy({ ...base, now: at(1), remainingBytes: 5 * GB }).reason, 'data_mostly_used');
    assert.equal(refundPolicy({ ...base, now: at(20), remainingBytes: 0 }).reason, 'period_mostly_used');
    assert.equal(refundPolicy({ ...base, now: at(40) }).reason, 'period_mostly_used');
  });

  it('uses older data first: data added by later renewals is used last', () => {
    // 12 GB left, 10 GB of it from a later renewal: only 2 GB of this one's 10 GB are left.
    const fifo = refundPolicy({ ...base, now: at(1), remainingBytes: 12 * GB, laterAddedBytes: 10 * GB });
    assert.equal(fifo.dataUsedBytes, 8 * GB);
    assert.equal(fifo.reason, 'data_mostly_used');
    assert.equal(refundPolicy({ ...base, now: at(1), remainingBytes: 25 * GB, laterAddedBytes: 10 * GB }).dataUsedBytes, 0);
  });

  it('counts only time for unlimited renewals', () => {
    const unlimited = { ...base, addedBytes: null, remainingBytes: null };
    assert.deepEqual(refundPolicy(unlimited), { outcome: 'full', amount: 10_000, reason: 'not_started', periodStarted: false, dataUsedBytes: null });
    assert.deepEqual(refundPolicy({ ...unlimited, now: at(3) }),
      { outcome: 'credit', amount: 9_000, reason: 'partly_used', periodStarted: true, dataUsedBytes: null });
  });

  it('refuses unpaid orders and second requests', () => {
    for (const status of ['requires_payment', 'processing', 'failed', 'canceled'] as const) {
      assert.deepEqual(refundPolicy({ ...base, status }),
        { outcome: 'rejected', amount: 0, reason: 'not_paid', periodStarted: false, dataUsedBytes: 0 });
    }
    assert.equal(refundPolicy({ ...base, alreadyRequested: true }).reason, 'already_requested');
  });
});

describe('refunds', () => {
  const clock = manualClock();
  const sandbox = testSandbox({ now: clock.now });
  after(() => sandbox.close());

  const getCard = async (token: string) => Card.parse((await call(sandbox, 'GET', '/v1/card', { token })).body);
  const firstOrder = async (token: string) => Order.parse((await call(sandbox, 'GET', '/v1/orders', { token })).body.orders[0]);
  const preview = async (token: string, orderId: string) => {
    const reply = await call(sandbox, 'GET', `/v1/orders/${orderId}/refund-quote`, { token });
    assert.equal(reply.status, 200, reply.text);
    return RefundQuote.parse(reply.body);
  };
  const request = (token: string, orderId: string, key: string, body: unknown = { note: 'came home early' }) =>
    call(sandbox, 'POST', `/v1/orders/${orderId}/refunds`, { token, body, headers: { 'Idempotency-Key': key } });
  /** Lets the settle delay pass and runs the settlement many times: a decision must apply once. */
  const decideAll = () => {
    clock.advance(1_000);
    return Array.from({ length: 10 }, () => sandbox.settleDue()).reduce((a, b) => a + b, 0);
  };
  async function renew(token: string, planId: string) {
    const q = Quote.parse(await quote(sandbox, token, { planId }));
    const created = (await order(sandbox, token, { quoteId: q.id, paymentMethod: 'alipay' })).body;
    await call(sandbox, 'POST', `/sandbox/orders/${created.id}/simulate`, { token, body: { outcome: 'succeed' } });
    clock.advance(1_000);
    for (let i = 0; i < 5; i++) sandbox.settleDue();
    return { quote: q, order: Order.parse((await call(sandbox, 'GET', `/v1/orders/${created.id}`, { token })).body) };
  }

  it('previews the three outcomes on the seeded demo cards', async () => {
    const active = await sessionFor(sandbox, ICCID.active);
    const [upcoming, older] = (await call(sandbox, 'GET', '/v1/orders', { token: active })).body.orders as Order[];
    const full = await preview(active, upcoming!.id);
    assert.deepEqual([full.outcome, full.reason, full.periodStarted, full.dataUsedBytes], ['full', 'not_started', false, 0]);
    assert.deepEqual(full.amount, upcoming!.quote.total);
    const rejected = await preview(active, older!.id);
    assert.deepEqual([rejected.outcome, rejected.reason, rejected.amount.amount], ['rejected', 'data_mostly_used', 0]);

    const expiring = await sessionFor(sandbox, ICCID.expiring);
    const partly = await firstOrder(expiring);
    const credit = await preview(expiring, partly.id);
    assert.deepEqual([credit.outcome, credit.reason, credit.dataUsedBytes], ['credit', 'partly_used', 3 * GB]);
    assert.ok(credit.amount.amount > 0 && credit.amount.amount < partly.quote.total.amount);
  });

  it('refunds in full a renewal that has not started: the card loses what it gave, once', async () => {
    const { token } = await freshCard(sandbox, 'refund_full');
    const before = await getCard(token);
    const paid = await firstOrder(token);
    const shown = await preview(token, paid.id);
    assert.equal(shown.outcome, 'full');

    const reply = await request(token, paid.id, 'refund-1');
    assert.equal(reply.status, 201, reply.text);
    const refund = Refund.parse(reply.body);
    assert.deepEqual(
      { status: refund.status, outcome: refund.outcome, amount: refund.amount, reason: refund.reason, decidedAt: refund.decidedAt },
      { status: 'requested', outcome: shown.outcome, amount: shown.amount, reason: shown.reason, decidedAt: null },
      'the request freezes what the preview showed',
    );
    assert.equal(sandbox.settleDue(), 0, 'not decided before the delay');
    assert.equal((await firstOrder(token)).refund?.status, 'requested');

    assert.equal(decideAll(), 1);
    const decided = await firstOrder(token);
    assert.equal(decided.status, 'succeeded', 'the order stays paid');
    assert.equal(decided.refund?.status, 'approved');
    assert.equal(decided.refund?.decidedAt, new Date(clock.now()).toISOString());
    const afterRefund = await getCard(token);
    assert.equal(Date.parse(afterRefund.expiresAt), Date.parse(before.expiresAt) - 30 * DAY);
    assert.deepEqual(afterRefund.data, { remainingBytes: 3 * GB, totalBytes: 10 * GB });
    assert.equal(afterRefund.renewalCount, before.renewalCount - 1);
    assert.deepEqual(afterRefund.credit, { amount: 0, currency: 'CNY' });

    assert.equal((await preview(token, paid.id)).reason, 'already_requested');
    const again = await request(token, paid.id, 'refund-2');
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'invalid_state');
    assert.match(again.body.error.message, /already requested/);
  });

  it('gives partly used renewals store credit, offered as the last discount and used when the next order succeeds', async () => {
    const { token } = await freshCard(sandbox, 'refund_credit');
    const paid = await firstOrder(token);
    const shown = await preview(token, paid.id);
    const refund = Refund.parse((await request(token, paid.id, 'credit-1', {})).body);
    assert.deepEqual([refund.outcome, refund.amount, refund.reason], [shown.outcome, shown.amount, shown.reason]);
    assert.equal(refund.outcome, 'credit');
    // 6 of 30 days, 3 of 10 GB: 70 % of what was paid.
    assert.equal(refund.amount.amount, Math.round(paid.quote.total.amount * 0.7));
    decideAll();
    const credit = refund.amount.amount;
    assert.deepEqual((await getCard(token)).credit, { amount: credit, currency: 'CNY' });
    assert.equal((await firstOrder(token)).refund?.status, 'approved');

    // A cheap top-up: the credit covers all of it, after the loyalty discount.
    const small = Quote.parse(await quote(sandbox, token, { planId: 'jp-day-1gb' }));
    assert.deepEqual(small.discounts.map((d) => [d.kind, d.amount.amount]), [['loyalty', 75], ['credit', 1425]]);
    assert.equal(small.discounts.at(-1)!.label, 'Store credit');
    assert.equal(small.total.amount, 0);
    const withPromo = Quote.parse(await quote(sandbox, token, { planId: 'global-month-10gb', promoCode: 'TRAVEL20' }));
    assert.deepEqual(withPromo.discounts.map((d) => d.kind), ['loyalty', 'promo', 'credit']);
    assert.equal((await getCard(token)).credit!.amount, credit, 'a quote does not consume credit');

    await renew(token, 'jp-day-1gb');
    assert.equal((await getCard(token)).credit!.amount, credit - 1425, 'consumed once, when the order succeeded');
    for (let i = 0; i < 5; i++) sandbox.settleDue();
    assert.equal((await getCard(token)).credit!.amount, credit - 1425);

    // The rest goes to a bigger renewal, as the last line, in the traveller's language.
    const big = await call(sandbox, 'POST', '/v1/quotes', { token, body: { planId: 'global-month-10gb' }, headers: { 'Esim-Locale': 'zh-CN' } });
    const last = Quote.parse(big.body).discounts.at(-1)!;
    assert.deepEqual([last.kind, last.label, last.amount.amount], ['credit', '账户余额抵扣', credit - 1425]);
    const { order: second } = await renew(token, 'global-month-10gb');
    assert.equal(second.quote.discounts.at(-1)!.amount.amount, credit - 1425);
    assert.deepEqual((await getCard(token)).credit, { amount: 0, currency: 'CNY' });
    assert.equal(Quote.parse(await quote(sandbox, token, { planId: 'jp-day-1gb' })).discounts.some((d) => d.kind === 'credit'), false);
  });

  it('rejects a mostly used renewal after the delay and leaves the card alone', async () => {
    const { token } = await freshCard(sandbox, 'refund_rejected');
    const before = await getCard(token);
    const paid = await firstOrder(token);
    const refund = Refund.parse((await request(token, paid.id, 'rejected-1')).body);
    assert.deepEqual([refund.status, refund.outcome, refund.reason, refund.amount.amount], ['requested', 'rejected', 'period_mostly_used', 0]);
    assert.equal(decideAll(), 1);
    const decided = (await firstOrder(token)).refund!;
    assert.equal(decided.status, 'rejected');
    assert.ok(decided.decidedAt);
    const afterwards = await getCard(token);
    assert.deepEqual({ ...afterwards, asOf: '' }, { ...before, asOf: '' });
  });

  it('gives an unlimited renewal of a metered card back its previous plan and numbers', async () => {
    const { token } = await freshCard(sandbox, 'active');
    const before = await getCard(token);
    const { order: unlimited } = await renew(token, 'global-day-unlimited');
    assert.equal((await getCard(token)).data.remainingBytes, null);
    assert.equal((await preview(token, unlimited.id)).dataUsedBytes, null);
    assert.equal(Refund.parse((await request(token, unlimited.id, 'unl-1')).body).outcome, 'full');
    decideAll();
    const restored = await getCard(token);
    assert.deepEqual(restored.data, before.data);
    assert.equal(restored.plan.id, before.plan.id);
    assert.equal(restored.expiresAt, before.expiresAt);
    assert.equal(restored.renewalCount, before.renewalCount);
  });

  it('only refunds paid orders of the own card, with an Idempotency-Key', async () => {
    const { token } = await freshCard(sandbox, 'active');
    const q = await quote(sandbox, token);
    const unpaid = (await order(sandbox, token, { quoteId: q.id, paymentMethod: 'card' })).body;
    assert.deepEqual([(await preview(token, unpaid.id)).outcome, (await preview(token, unpaid.id)).reason], ['rejected', 'not_paid']);
    const refused = await request(token, unpaid.id, 'unpaid-1');
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'invalid_state');

    const other = await freshCard(sandbox, 'refund_full');
    const theirs = await firstOrder(other.token);
    assert.equal((await request(token, theirs.id, 'theirs-1')).status, 404);
    assert.equal((await call(sandbox, 'GET', `/v1/orders/${theirs.id}/refund-quote`, { token })).status, 404);
    const noKey = await call(sandbox, 'POST', `/v1/orders/${theirs.id}/refunds`, { token: other.token, body: {} });
    assert.equal(noKey.status, 400);
    assert.equal(noKey.body.error.code, 'validation_failed');
    assert.equal((await request(other.token, theirs.id, 'long', { note: 'x'.repeat(501) })).status, 400);
  });

  it('replays the same key and body, and refuses the same key with another body', async () => {
    const { token } = await freshCard(sandbox, 'refund_full');
    const paid = await firstOrder(token);
    const first = await request(token, paid.id, 'same-key');
    const replay = await request(token, paid.id, 'same-key');
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(replay.body, first.body);
    const conflict = await request(token, paid.id, 'same-key', { note: 'changed my mind' });
    assert.equal(conflict.status, 409);
    assert.equal(conflict.body.error.code, 'idempotency_conflict');
  });
});

describe('refunds over HTTP', () => {
  it('a refund request double-submitted 10 times at once creates one request', async () => {
    const server = await startSandbox({ settleDelayMs: 60_000 });
    try {
      const { token } = await freshCard(server.sandbox, 'refund_full');
      const orderId = (await call(server.url, 'GET', '/v1/orders', { token })).body.orders[0].id as string;
      const send = (key: string) =>
        call(server.url, 'POST', `/v1/orders/${orderId}/refunds`, { token, body: { note: 'double tap' }, headers: { 'Idempotency-Key': key } });
      const replies = await Promise.all(Array.from({ length: 10 }, () => send('tap')));
      assert.deepEqual(replies.map((r) => r.status), Array(10).fill(201));
      assert.equal(new Set(replies.map((r) => r.body.id)).size, 1);
      assert.equal(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 9);
      const { n } = server.sandbox.db.prepare('SELECT COUNT(*) AS n FROM refunds WHERE order_id = ?').get(orderId) as { n: number };
      assert.equal(n, 1);
      const second = await send('another-tap');
      assert.equal(second.status, 409);
      assert.equal(second.body.error.code, 'invalid_state');
    } finally {
      await server.close();
    }
  });
});
