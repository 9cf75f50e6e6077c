import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Order } from '../../src/client/schemas.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { call, freshCard, manualClock, order, quote, scanQr, sessionFor, testSandbox } from './helpers.ts';

describe('orders', () => {
  const clock = manualClock();
  const sandbox = testSandbox({ now: clock.now, publicUrl: 'https://sandbox.example/' });
  after(() => sandbox.close());

  const count = (sql: string, ...args: unknown[]) => (sandbox.db.prepare(sql).get(...args) as { n: number }).n;

  it('creates an order with a checkout redirect for card payments', async () => {
    const { token } = await freshCard(sandbox, 'active');
    const q = await quote(sandbox, token);
    const reply = await order(sandbox, token, { quoteId: q.id, paymentMethod: 'card' });
    assert.equal(reply.status, 201);
    const created = Order.parse(reply.body);
    assert.equal(created.status, 'requires_payment');
    assert.deepEqual(created.quote, q);
    assert.deepEqual(created.paymentAction, { type: 'redirect', url: `https://sandbox.example/sandbox/checkout/${created.id}?lang=en` });
    assert.equal(created.card, undefined);
    assert.equal(reply.headers.get('idempotent-replayed'), null);
  });

  it('creates a QR code for Alipay and WeChat Pay that expires in 5 minutes', async () => {
    const { token } = await freshCard(sandbox, 'active');
    for (const paymentMethod of ['alipay', 'wechat_pay']) {
      const q = await quote(sandbox, token);
      const created = Order.parse((await order(sandbox, token, { quoteId: q.id, paymentMethod })).body);
      const { qr, ...action } = created.paymentAction as Extract<Order['paymentAction'], { type: 'qr' }>;
      assert.deepEqual(action, {
        type: 'qr',
        data: `https://sandbox.example/sandbox/wallet/${created.id}`,
        expiresAt: new Date(clock.now() + 5 * 60_000).toISOString(),
      });
      assert.equal(scanQr(qr), action.data); // the code a computer shows scans to the link a phone opens
    }
  });

  it('builds payment links from the request origin when no public URL is set', async () => {
    const local = testSandbox();
    try {
      const { token } = await freshCard(local, 'active');
      const q = await quote(local, token);
      const reply = await local.app.request('http://127.0.0.1:9999/v1/orders', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': 'k', 'Content-Type': 'application/json' },
        body: JSON.stringify({ quoteId: q.id, paymentMethod: 'card' }),
      });
      const created = Order.parse(await reply.json());
      assert.equal(created.paymentAction?.type === 'redirect' && created.paymentAction.url, `http://127.0.0.1:9999/sandbox/checkout/${created.id}?lang=en`);
    } finally {
      local.close();
    }
  });

  it('replays the same order for the same key and body', async () => {
    const { token, card } = await freshCard(sandbox, 'active');
    const q = await quote(sandbox, token);
    const first = await order(sandbox, token, { quoteId: q.id, paymentMethod: 'card' }, 'key-1');
    const second = await order(sandbox, token, { paymentMethod: 'card', quoteId: q.id }, 'key-1');
    assert.equal(second.status, 201);
    assert.equal(second.body.id, first.body.id);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal(count('SELECT COUNT(*) AS n FROM orders WHERE card_id = ?', card.id), 1);
  });

  it('refuses the same key with a different body', async () => {
    const { token } = await freshCard(sandbox, 'active');
    const q = await quote(sandbox, token);
    await order(sandbox, token, { quoteId: q.id, paymentMethod: 'card' }, 'key-2');
    const reply = await order(sandbox, token, { quoteId: q.id, paymentMethod: 'alipay' }, 'key-2');
    assert.equal(reply.status, 409);
    assert.equal(reply.body.error.code, 'idempotency_conflict');
  });

  it('scopes idempotency keys to the card', async () => {
    const a = await freshCard(sandbox, 'active');
    const b = await freshCard(sandbox, 'active');
    const qa = await quote(sandbox, a.token);
    const qb = await quote(sandbox, b.token);
    const one = await order(sandbox, a.token, { quoteId: qa.id, paymentMethod: 'card' }, 'shared');
    const two = await order(sandbox, b.token, { quoteId: qb.id, paymentMethod: 'card' }, 'shared');
    assert.equal(two.status, 201);
    assert.notEqual(one.body.id, two.body.id);
  });

  it('requires a valid Idempotency-Key header', async () => {
    const { token } = await freshCard(sandbox, 'active');
    const q = await quote(sandbox, token);
    const body = { quoteId: q.id, paymentMethod: 'card' };
    const missing = await call(sandbox, 'POST', '/v1/orders', { token, body });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.code, 'validation_failed');
    for (const key of ['', 'x'.repeat(256), 'tab\there']) {
      const reply = await order(sandbox, token, body, key);
      assert.equal(reply.status, 400, JSON.stringify(key));
    }
    assert.equal((await order(sandbox, token, body, 'x'.repeat(255))).status, 201);
  });

  it('validates the body, including the return URL', async () => {
    const { token } = await freshCard(sandbox, 'active');
    const q = await quote(sandbox, token);
    for (const body of [{ quoteId: q.id }, { quoteId: q.id, paymentMethod: 'paypal' }, { quoteId: q.id, paymentMethod: 'card', returnUrl: 'javascript:alert(1)' },
      { quoteId: q.id, paymentMethod: 'card', returnUrl: 'http://[' }]) {
      const reply = await order(sandbox, token, body);
      assert.equal(reply.status, 400, JSON.stringify(body));
      assert.equal(reply.body.error.code, 'validation_failed');
    }
  });

  it('refuses unknown and expired quotes', async () => {
    const { token } = await freshCard(sandbox, 'active');
    assert.equal((await order(sandbox, token, { quoteId: 'quo_nope', paymentMethod: 'card' })).status, 404);
    const q = await quote(sandbox, token);
    clock.advance(15 * 60_000);
    const reply = await order(sandbox, token, { quoteId: q.id, paymentMethod: 'card' });
    assert.equal(reply.status, 410);
    assert.equal(reply.body.error.code, 'quote_expired');
  });

  it('cancels older unpaid orders of the same quote, and refuses a quote already paid', async () => {
    const { token } = await freshCard(sandbox, 'active');
    const q = await quote(sandbox, token);
    const first = (await order(sandbox, token, { quoteId: q.id, paymentMethod: 'card' })).body;
    const second = (await order(sandbox, token, { quoteId: q.id, paymentMethod: 'alipay' })).body;
    assert.equal((await call(sandbox, 'GET', `/v1/orders/${first.id}`, { token })).body.status, 'canceled');
    assert.equal((await call(sandbox, 'GET', `/v1/orders/${second.id}`, { token })).body.status, 'requires_payment');
    const paid = await call(sandbox, 'POST', `/sandbox/orders/${second.id}/simulate`, { token, body: { outcome: 'succeed' } });
    assert.equal(paid.body.status, 'processing');
    assert.equal(paid.body.paymentAction, null);
    const third = await order(sandbox, token, { quoteId: q.id, paymentMethod: 'card' });
    assert.equal(third.status, 409);
    assert.equal(third.body.error.code, 'invalid_state');
  });

  it('cancels only an order awaiting payment', async () => {
    const { token } = await freshCard(sandbox, 'active');
    const q = await quote(sandbox, token);
    const created = (await order(sandbox, token, { quoteId: q.id, paymentMethod: 'card' })).body;
    const canceled = await call(sandbox, 'POST', `/v1/orders/${created.id}/cancel`, { token });
    assert.equal(canceled.status, 200);
    assert.equal(Order.parse(canceled.body).status, 'canceled');
    assert.equal(canceled.body.paymentAction, null);
    const again = await call(sandbox, 'POST', `/v1/orders/${created.id}/cancel`, { token });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'invalid_state');

    const q2 = await quote(sandbox, token);
    const processing = (await order(sandbox, token, { quoteId: q2.id, paymentMethod: 'card' })).body;
    await call(sandbox, 'POST', `/sandbox/orders/${processing.id}/simulate`, { token, body: { outcome: 'succeed' } });
    assert.equal((await call(sandbox, 'POST', `/v1/orders/${processing.id}/cancel`, { token })).status, 409);
  });

  it('closes an order left unpaid for a day (canceled, order_expired), counting from its last fresh wallet code', async () => {
    const day = manualClock();
    const local = testSandbox({ now: day.now });
    try {
      const { card, token } = await freshCard(local, 'active');
      const byCard = (await order(local, token, { quoteId: (await quote(local, token)).id, paymentMethod: 'card' })).body;
      const byWallet = (await order(local, token, { quoteId: (await quote(local, token)).id, paymentMethod: 'alipay' })).body;
      day.advance(12 * 60 * 60_000);
      const refreshed = await call(local, 'POST', `/v1/orders/${byWallet.id}/refresh-payment`, { token: await sessionFor(local, card.iccid) });
      assert.equal(refreshed.status, 200);
      day.advance(12 * 60 * 60_000); // a day after the card order was made, half a day after the wallet's fresh code
      const read = async (id: string) => {
        const token = await sessionFor(local, card.iccid); // sessions are short-lived: a new one for each read
        return Order.parse((await call(local, 'GET', `/v1/orders/${id}`, { token })).body);
      };
      const closed = await read(byCard.id);
      assert.equal(closed.status, 'canceled');
      assert.equal(closed.failureCode, 'order_expired');
      assert.equal(closed.paymentAction, null);
      assert.equal((await read(byWallet.id)).status, 'requires_payment');
      const later = await sessionFor(local, card.iccid);
      const pay = await call(local, 'POST', `/sandbox/orders/${byCard.id}/simulate`, { token: later, body: { outcome: 'succeed' } });
      assert.equal(pay.body.error?.code, 'invalid_state', 'a closed order cannot be paid');
      day.advance(12 * 60 * 60_000);
      assert.equal((await read(byWallet.id)).status, 'canceled');
    } finally {
      local.close();
    }
  });

  it('rate-limits order creation per card with Retry-After', async () => {
    const limited = testSandbox({ rateLimits: { ordersPerMinute: 3 } });
    try {
      const { token } = await freshCard(limited, 'active');
      const q = await quote(limited, token);
      const statuses = [];
      let last;
      for (let i = 0; i < 4; i++) {
        last = await order(limited, token, { quoteId: q.id, paymentMethod: 'card' });
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [201, 201, 201, 429]);
      assert.equal(last!.body.error.code, 'rate_limited');
      assert.ok(Number(last!.headers.get('retry-after')) >= 1);
      const other = await freshCard(limited, 'active');
      assert.equal((await order(limited, other.token, { quoteId: (await quote(limited, other.token)).id, paymentMethod: 'card' })).status, 201);
    } finally {
      limited.close();
    }
  });
});

describe('orders over real HTTP', () => {
  let server: RunningSandbox;
  before(async () => {
    server = await startSandbox({ settleDelayMs: 50, rateLimits: { ordersPerMinute: 1000 } });
  });
  after(() => server.close());

  it('20 concurrent requests with one Idempotency-Key create exactly one order', async () => {
    const { token, card } = await freshCard(server.sandbox, 'active');
    const q = await quote(server.sandbox, token);
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(server.url, 'POST', '/v1/orders', {
          token,
          body: { quoteId: q.id, paymentMethod: 'card' },
          headers: { 'Idempotency-Key': 'double-click' },
        })),
    );
    assert.deepEqual(new Set(replies.map((r) => r.status)), new Set([201]));
    assert.equal(new Set(replies.map((r) => r.body.id)).size, 1);
    assert.equal(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 19);
    const { n } = server.sandbox.db.prepare('SELECT COUNT(*) AS n FROM orders WHERE card_id = ?').get(card.id) as { n: number };
    assert.equal(n, 1);
  });
});
