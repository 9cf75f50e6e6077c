import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Order, OrderList } from '../../src/client/schemas.ts';
import { DEMO_KEY, ICCID, call, freshCard, manualClock, order, quote, sessionFor, testSandbox } from './helpers.ts';

type Listed = ReturnType<typeof Order.parse>;

/** Newest first; equal times by id, descending. */
const isNewestFirst = (orders: Listed[]) =>
  orders.every((o, i) => {
    const prev = orders[i - 1];
    return !prev || prev.createdAt > o.createdAt || (prev.createdAt === o.createdAt && prev.id > o.id);
  });

describe('order history', () => {
  const clock = manualClock();
  const sandbox = testSandbox({ now: clock.now });
  after(() => sandbox.close());

  const list = async (token: string, query = '') => {
    const reply = await call(sandbox, 'GET', `/v1/orders${query}`, { token });
    assert.equal(reply.status, 200, reply.text);
    return OrderList.parse(reply.body);
  };

  async function pay(token: string, planId = 'jp-month-10gb') {
    const q = await quote(sandbox, token, { planId });
    const created = (await order(sandbox, token, { quoteId: q.id, paymentMethod: 'alipay' })).body;
    const paid = await call(sandbox, 'POST', `/sandbox/orders/${created.id}/simulate`, { token, body: { outcome: 'succeed' } });
    assert.equal(paid.status, 200, paid.text);
    return created.id as string;
  }

  it('pages through 23 past orders with opaque cursors, newest first, each once', async () => {
    const { token } = await freshCard(sandbox, 'history');
    const pages: OrderList[] = [];
    let cursor: string | null = null;
    do {
      const page: OrderList = await list(token, cursor ? `?limit=10&cursor=${encodeURIComponent(cursor)}` : '?limit=10');
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(pages.map((p) => p.orders.length), [10, 10, 3]);
    assert.equal(pages[2]!.nextCursor, null);
    const all = pages.flatMap((p) => p.orders);
    assert.equal(new Set(all.map((o) => o.id)).size, 23);
    assert.ok(isNewestFirst(all), 'newest first');
    assert.deepEqual(all.map((o) => o.id), (await list(token, '?limit=50')).orders.map((o) => o.id), 'pages add up to one big page');
    // The history shows what happened: 21 renewals, one declined payment, one abandoned order.
    const statuses = all.map((o) => o.status);
    assert.equal(statuses.filter((s) => s === 'succeeded').length, 21);
    assert.deepEqual(statuses.filter((s) => s !== 'succeeded').sort(), ['canceled', 'failed']);
    for (const o of all) {
      assert.equal(o.renewedUntil === null, o.status !== 'succeeded', `${o.status} order's renewedUntil`);
      assert.equal(o.refund, null);
    }
    // Each renewal's period follows the previous one: the newest ends when the card expires.
    const card = (await call(sandbox, 'GET', '/v1/card', { token })).body;
    assert.equal(all.find((o) => o.status === 'succeeded')!.renewedUntil, card.expiresAt);
  });

  it('gives 10 orders by default and breaks ties in time by id', async () => {
    const { token } = await freshCard(sandbox, 'history');
    assert.equal((await list(token)).orders.length, 10);

    const fresh = await freshCard(sandbox, 'active');
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const q = await quote(sandbox, fresh.token);
      ids.push((await order(sandbox, fresh.token, { quoteId: q.id, paymentMethod: 'card' })).body.id);
    }
    // Same clock for all four: the order is by id, and a page of one still walks through them all.
    const expected = [...ids].sort().reverse();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: OrderList = await list(fresh.token, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.orders.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, expected);
  });

  it("shows only the session's own card's orders", async () => {
    const a = await freshCard(sandbox, 'history');
    const b = await freshCard(sandbox, 'history');
    const aIds = new Set((await list(a.token, '?limit=50')).orders.map((o) => o.id));
    const bIds = (await list(b.token, '?limit=50')).orders.map((o) => o.id);
    assert.equal(bIds.length, 23);
    assert.ok(bIds.every((id) => !aIds.has(id)));
    // B's cursor on A's session pages A's orders, never B's.
    const bPage = await list(b.token, '?limit=5');
    const aPage = await list(a.token, `?limit=50&cursor=${bPage.nextCursor}`);
    assert.ok(aPage.orders.every((o) => aIds.has(o.id)));
    // The other partner's demo card has no seeded history.
    const other = await call(sandbox, 'POST', '/v1/sessions', { token: 'sk_test_other', body: { iccid: ICCID.other } });
    assert.equal((await list(other.body.token)).orders.length, 0);
  });

  it('records the expiry each renewal gave the card', async () => {
    const { token } = await freshCard(sandbox, 'active');
    const id = await pay(token);
    const processing = Order.parse((await call(sandbox, 'GET', `/v1/orders/${id}`, { token })).body);
    assert.equal(processing.renewedUntil, null);
    clock.advance(60_000);
    sandbox.settleDue();
    const done = Order.parse((await call(sandbox, 'GET', `/v1/orders/${id}`, { token })).body);
    assert.equal(done.status, 'succeeded');
    assert.equal(done.renewedUntil, done.card!.expiresAt);
    assert.equal(done.renewedUntil, done.quote.newExpiresAt);
    assert.equal(done.refund, null);
    // A second renewal: the first keeps the expiry it gave, the list shows both.
    const second = await pay(token);
    clock.advance(60_000);
    sandbox.settleDue();
    const [newest, older] = (await list(token)).orders;
    assert.equal(newest!.id, second);
    assert.equal(older!.renewedUntil, done.renewedUntil);
    assert.equal(Date.parse(newest!.renewedUntil!) - Date.parse(done.renewedUntil!), 30 * 86_400_000);
  });

  it('has the seeded demo card 0011 renewed twice, and 0029 once', async () => {
    const active = await list(await sessionFor(sandbox, ICCID.active));
    assert.deepEqual(active.orders.map((o) => o.status), ['succeeded', 'succeeded']);
    assert.equal(active.nextCursor, null);
    const expiring = await list(await sessionFor(sandbox, ICCID.expiring));
    assert.equal(expiring.orders.length, 1);
    assert.equal((await list(await sessionFor(sandbox, ICCID.neverRenewed))).orders.length, 0);
  });

  it('describes the card-care operations in the OpenAPI document', async () => {
    const doc = (await call(sandbox, 'GET', '/openapi.json')).body;
    const expected: Record<string, [string, string]> = {
      '/v1/orders': ['get', 'OrderList'], '/v1/orders/{id}/refund-quote': ['get', 'RefundQuote'],
      '/v1/orders/{id}/refunds': ['post', 'Refund'], '/v1/devices': ['get', 'DeviceList'],
      '/v1/card/transfer': ['post', 'Transfer'], '/v1/card/transfer/{id}/verify': ['post', 'TransferResult'],
      '/sandbox/transfers/{id}/otp': ['get', 'TransferOtp'], '/sandbox/activations/install': ['post', 'ActivationInstalled'],
      '/sandbox/cards/{iccid}/activation': ['get', 'CardActivation'],
    };
    for (const [path, [method, schema]] of Object.entries(expected)) {
      const op = doc.paths[path]?.[method];
      assert.ok(op, `${method} ${path}`);
      const ok = Object.values(op.responses as Record<string, { content?: Record<string, { schema: { $ref: string } }> }>)[0]!;
      assert.equal(ok.content!['application/json']!.schema.$ref, `#/components/schemas/${schema}`, path);
    }
    const refunds = doc.paths['/v1/orders/{id}/refunds'].post;
    assert.ok(refunds.parameters.some((p: { name: string; required: boolean }) => p.name === 'Idempotency-Key' && p.required));
    assert.ok(doc.paths['/v1/orders'].get.parameters.some((p: { name: string }) => p.name === 'cursor'));
    assert.ok(doc.paths['/v1/card/transfer/{id}/verify'].post.responses['423']);
    assert.equal(doc.components.schemas.Order.properties.refund.anyOf[0].$ref, '#/components/schemas/Refund');
  });

  it('refuses a bad limit or cursor with validation_failed', async () => {
    const { token } = await freshCard(sandbox, 'history');
    for (const query of ['?limit=0', '?limit=51', '?limit=abc', '?limit=1.5', '?cursor=', '?cursor=bm9wZQ', `?cursor=${'x'.repeat(201)}`]) {
      const reply = await call(sandbox, 'GET', `/v1/orders${query}`, { token });
      assert.equal(reply.status, 400, `${query}: ${reply.text}`);
      assert.equal(reply.body.error.code, 'validation_failed');
    }
    assert.equal((await call(sandbox, 'GET', '/v1/orders', { token: DEMO_KEY })).status, 403);
  });
});

describe('orders in the reader’s language', () => {
  const sandbox = testSandbox();
  after(() => sandbox.close());

  it('names the plan and the discounts of an order in the language it is read in, keeping the quoted amounts', async () => {
    const zh = await sessionFor(sandbox, '89860000000000000060', { locale: 'zh-CN' });
    const quote = (await call(sandbox, 'POST', '/v1/quotes', { token: zh, body: { planId: 'jp-day-1gb', promoCode: 'TRAVEL20' } })).body;
    const order = (await call(sandbox, 'POST', '/v1/orders', {
      token: zh,
      body: { quoteId: quote.id, paymentMethod: 'alipay' },
      headers: { 'Idempotency-Key': 'lang-1' },
    })).body;
    assert.equal(order.quote.plan.name, '日本 每日 1GB');
    const en = await sessionFor(sandbox, '89860000000000000060', { locale: 'en' });
    const read = (await call(sandbox, 'GET', `/v1/orders/${order.id}`, { token: en })).body;
    assert.equal(read.quote.plan.name, 'Japan 1 GB daily');
    assert.deepEqual(read.quote.discounts.map((d: { label: string }) => d.label), ['First top-up 10% off', 'Promo TRAVEL20']);
    assert.deepEqual(read.quote.total, order.quote.total);
  });
});
