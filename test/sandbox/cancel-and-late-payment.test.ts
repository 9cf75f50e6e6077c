// Canceling while a wallet payment may still arrive (issue 17): the provider's side of the payment is closed before
// the order is canceled, so a late payment is refused and nothing is charged; a payment that arrived first makes the
// cancel fail, and is not undone or taken twice.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { call, DEMO_KEY, freshCard, manualClock, order, quote, testSandbox } from './helpers.ts';

describe('cancel and a late payment', () => {
  const clock = manualClock();
  const sandbox = testSandbox({ now: clock.now });
  after(() => sandbox.close());

  const renewals = (cardId: string) =>
    (sandbox.db.prepare('SELECT renewal_count AS n FROM cards WHERE id = ?').get(cardId) as { n: number }).n;

  async function walletOrder(paymentMethod = 'alipay', paymentEnv = 'desktop') {
    const { card, token } = await freshCard(sandbox, 'active');
    const q = await quote(sandbox, token);
    const created = await order(sandbox, token, { quoteId: q.id, paymentMethod, paymentEnv });
    assert.equal(created.status, 201, created.text);
    return { card, token, id: created.body.id as string, order: created.body, renewedBefore: renewals(card.id) };
  }
  const cardOf = async (token: string) => (await call(sandbox, 'GET', '/v1/card', { token })).body;
  const notify = (token: string, id: string) =>
    call(sandbox, 'POST', `/sandbox/orders/${id}/payment-notification`, { token, body: {} });

  it('a payment notified after the cancel is refused: the order stays canceled and nothing is charged', async () => {
    for (const [method, env] of [['alipay', 'desktop'], ['wechat_pay', 'desktop'], ['alipay', 'alipay'], ['card', 'desktop']]) {
      const { card, token, id, renewedBefore } = await walletOrder(method, env);
      const before = await cardOf(token);
      const canceled = await call(sandbox, 'POST', `/v1/orders/${id}/cancel`, { token });
      assert.equal(canceled.status, 200);
      assert.equal(canceled.body.status, 'canceled');

      const late = await notify(token, id);
      assert.equal(late.status, 200, late.text);
      assert.deepEqual(late.body, { orderId: id, status: 'canceled', charged: false, refused: 'payment_closed' }, `${method} in ${env}`);
      clock.advance(60_000);
      assert.equal((await call(sandbox, 'GET', `/v1/orders/${id}`, { token })).body.status, 'canceled');
      const now = await cardOf(token);
      assert.equal(now.expiresAt, before.expiresAt, 'the card was not renewed');
      assert.deepEqual(now.data, before.data);
      assert.equal(renewals(card.id), renewedBefore);
    }
  });

  it("the Alipay app's trade and the wallet pages refuse a canceled order's payment too", async () => {
    const inApp = await walletOrder('alipay', 'alipay');
    assert.equal((await call(sandbox, 'POST', `/v1/orders/${inApp.id}/cancel`, { token: inApp.token })).status, 200);
    const tradeNo = inApp.order.paymentAction.tradeNo as string;
    const paid = await call(sandbox, 'POST', `/sandbox/alipay/trades/${tradeNo}`, { body: { outcome: 'succeed', settle: 'now' } });
    assert.equal(paid.status, 409);
    assert.equal(renewals(inApp.card.id), inApp.renewedBefore);
  });

  it('a payment that arrived first is not canceled: 409 invalid_state with the paid status, renewed once', async () => {
    const { card, token, id, renewedBefore } = await walletOrder('wechat_pay');
    const paid = await notify(token, id);
    assert.deepEqual(paid.body, { orderId: id, status: 'succeeded', charged: true, refused: null });
    const cancel = await call(sandbox, 'POST', `/v1/orders/${id}/cancel`, { token });
    assert.equal(cancel.status, 409);
    assert.equal(cancel.body.error.code, 'invalid_state');
    assert.equal(cancel.body.error.details.status, 'succeeded');
    assert.equal((await call(sandbox, 'GET', `/v1/orders/${id}`, { token })).body.status, 'succeeded');
    // The wallet repeats its notification: the money is not taken twice.
    const again = await notify(token, id);
    assert.deepEqual(again.body, { orderId: id, status: 'succeeded', charged: false, refused: 'already_paid' });
    assert.equal(renewals(card.id), renewedBefore + 1);

    // Paid, not yet settled: still not cancelable.
    const slow = await walletOrder('alipay');
    await call(sandbox, 'POST', `/sandbox/orders/${slow.id}/payment-notification`, { token: slow.token, body: { settle: 'later' } });
    const refused = await call(sandbox, 'POST', `/v1/orders/${slow.id}/cancel`, { token: slow.token });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.details.status, 'processing');
  });

  it('cancel and payment racing: each order is either canceled and uncharged, or paid once and not canceled', async () => {
    const attempts = await Promise.all(Array.from({ length: 12 }, () => walletOrder('alipay')));
    const outcomes = await Promise.all(
      attempts.map(async ({ token, id }, i) => {
        const [cancel, late] = i % 2
          ? await Promise.all([call(sandbox, 'POST', `/v1/orders/${id}/cancel`, { token }), notify(token, id)])
          : await Promise.all([notify(token, id), call(sandbox, 'POST', `/v1/orders/${id}/cancel`, { token })]).then(([a, b]) => [b, a]);
        return { cancel: cancel!.status, charged: late!.body.charged as boolean };
      }),
    );
    for (const [i, { cancel, charged }] of outcomes.entries()) {
      assert.equal(cancel === 200, !charged, `order ${i}: canceled ${cancel}, charged ${charged}`);
      assert.equal(renewals(attempts[i]!.card.id), attempts[i]!.renewedBefore + (charged ? 1 : 0));
    }
  });

  it('an order replaced by a new attempt, or closed after a day unpaid, has its payment closed too', async () => {
    const { token, id, order: first } = await walletOrder('alipay');
    const replaced = await order(sandbox, token, { quoteId: first.quote.id, paymentMethod: 'wechat_pay' });
    assert.equal(replaced.status, 201);
    assert.equal((await notify(token, id)).body.refused, 'payment_closed');

    const left = await walletOrder('alipay');
    clock.advance(25 * 60 * 60_000);
    sandbox.settleDue();
    // The traveller's session is long gone; the partner's back office reads what the wallet did.
    const late = await call(sandbox, 'POST', `/sandbox/orders/${left.id}/payment-notification`, { token: DEMO_KEY, body: {} });
    assert.deepEqual(late.body, { orderId: left.id, status: 'canceled', charged: false, refused: 'payment_closed' });
  });
});
