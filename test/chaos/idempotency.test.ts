// Idempotency under concurrency, at the API: N concurrent order creations with one Idempotency-Key, served by two
// sandbox processes sharing one database file, give exactly one order; N concurrent attempts on one quote give at
// most one charge; a payment whose answer the network dropped, retried, charges once. (Limited discounts under the
// same burst: limited-discounts.test.ts.)
import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { recordFigures, size } from './figures.ts';
import { call, createOrder, newCardSession, newQuote, payOnHostedPage, repeatOnReset } from './http.ts';
import { spawnSandboxPair, type SandboxPair, type SandboxProcess } from './processes.ts';

const N = size('CHAOS_N', { fast: 40, long: 400 });

/**
 * A TCP proxy in front of the sandbox that can drop the next answer: the request reaches the server (which commits
 * it), and the connection is cut as the answer starts coming back — a phone losing signal at the worst moment.
 */
async function droppingProxy(target: URL) {
  let dropNext = false;
  let dropped = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    upstream.on('data', (chunk) => {
      if (dropNext) {
        dropNext = false;
        dropped += 1;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    dropNextAnswer: () => void (dropNext = true),
    dropped: () => dropped,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('idempotency under concurrency', () => {
  const figures: Record<string, number | string> = {};
  let pair: SandboxPair;
  let one: SandboxProcess;
  let two: SandboxProcess;
  let ordersDuplicated = 0;
  let chargesDuplicated = 0;

  before(async () => {
    pair = await spawnSandboxPair('esim-idem-');
    ({ one, two } = pair);
  });

  after(async () => {
    await pair?.stop();
    recordFigures('idempotency', {
      title: 'concurrent order creation and payment against two sandbox processes sharing one database',
      rows: { N, ...figures, 'orders duplicated': ordersDuplicated, 'charges duplicated': chargesDuplicated },
      totals: { ordersDuplicated, chargesDuplicated },
    });
  });

  const count = (sql: string, ...args: unknown[]) => pair.count(sql, ...args);

  it(`N concurrent order creations with one Idempotency-Key give exactly one order`, async () => {
    const { card, token } = await newCardSession(one.url);
    const quote = await newQuote(one.url, token);
    const body = { quoteId: quote.id, paymentMethod: 'card' };
    const replies = await Promise.all(
      Array.from({ length: N }, (_, i) => createOrder(i % 2 ? two.url : one.url, token, body, 'one-attempt')),
    );
    const statuses: Record<number, number> = {};
    for (const r of replies) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const ids = new Set(replies.filter((r) => r.status === 201).map((r) => r.body.id));
    const rows = count('SELECT COUNT(*) AS n FROM orders WHERE card_id = ?', card.id);
    figures['same-key creations sent'] = N;
    figures['same-key answers 201'] = statuses[201] ?? 0;
    figures['same-key answers replayed'] = replies.filter((r) => r.headers.get('idempotent-replayed') === 'true').length;
    figures['same-key orders created'] = rows;
    ordersDuplicated += Math.max(0, rows - 1);
    assert.deepEqual(statuses, { 201: N }, 'every request is answered with the one order');
    assert.equal(ids.size, 1);
    assert.equal(rows, 1);
  });

  it('N concurrent attempts on one quote, each paying at once, charge once', async () => {
    const { card, token } = await newCardSession(one.url);
    const before = (await call(one.url, 'GET', '/v1/card', { token })).body;
    const quote = await newQuote(one.url, token);
    const body = { quoteId: quote.id, paymentMethod: 'card' };
    const counter = { resets: 0 };
    const again = <T>(request: () => Promise<T>) => repeatOnReset(request, counter);
    // N tabs or retries, each its own attempt (key), each paying the moment its order exists.
    const payments = await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const base = i % 2 ? two.url : one.url;
        const created = await again(() => createOrder(base, token, body, `attempt-${i}`));
        if (created.status !== 201) return { created: created.status, paid: 0 };
        return { created: 201, paid: await again(() => payOnHostedPage(base, created.body.id)) };
      }),
    );
    figures['connection resets under the burst (request repeated)'] = counter.resets;
    const accepted = payments.filter((p) => p.paid === 200 || p.paid === 303).length;
    const charges = count(`SELECT COUNT(*) AS n FROM orders WHERE card_id = ? AND status IN ('processing', 'succeeded')`, card.id);
    figures['attempts on one quote'] = N;
    figures['payments accepted'] = accepted;
    figures['charges'] = charges;
    chargesDuplicated += Math.max(0, charges - 1);
    assert.equal(charges, 1, 'one charge');
    assert.equal(accepted, 1, 'one payment page accepted the card');
    // …and the renewal lands once.
    const settled = await waitForSettled(one.url, token, before.renewalCount + 1);
    assert.equal(settled.renewalCount, before.renewalCount + 1);
    assert.equal(settled.expiresAt, quote.newExpiresAt);
  });

  it('a payment whose answer was dropped, retried, charges once', async () => {
    const proxy = await droppingProxy(new URL(one.url));
    try {
      const { card, token } = await newCardSession(one.url);
      const before = (await call(one.url, 'GET', '/v1/card', { token })).body;
      const quote = await newQuote(one.url, token);
      // The order's answer is dropped too: the retry with the same key replays it.
      proxy.dropNextAnswer();
      await assert.rejects(createOrder(proxy.url, token, { quoteId: quote.id, paymentMethod: 'card' }, 'dropped'));
      const created = await createOrder(proxy.url, token, { quoteId: quote.id, paymentMethod: 'card' }, 'dropped');
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('idempotent-replayed'), 'true');
      // The card payment's answer is dropped after the payment was taken; the traveller submits again.
      proxy.dropNextAnswer();
      await assert.rejects(payOnHostedPage(proxy.url, created.body.id));
      const again = await payOnHostedPage(proxy.url, created.body.id);
      assert.equal(again, 409, 'the page says it is already paid');
      // And a simulated wallet payment whose answer was dropped, retried.
      const quote2 = await newQuote(one.url, token);
      const wallet = (await createOrder(one.url, token, { quoteId: quote2.id, paymentMethod: 'alipay' }, 'wallet')).body;
      proxy.dropNextAnswer();
      const simulate = () => call(proxy.url, 'POST', `/sandbox/orders/${wallet.id}/simulate`, { token, body: { outcome: 'succeed' } });
      await assert.rejects(simulate());
      assert.equal((await simulate()).status, 409);

      const orders = count('SELECT COUNT(*) AS n FROM orders WHERE card_id = ?', card.id);
      const charges = count(`SELECT COUNT(*) AS n FROM orders WHERE card_id = ? AND status IN ('processing', 'succeeded')`, card.id);
      figures['answers dropped after commit'] = proxy.dropped();
      figures['charges after dropped + retried payments'] = charges;
      assert.equal(proxy.dropped(), 3);
      assert.equal(orders, 2, 'one order per attempt');
      assert.equal(charges, 2, 'one charge per order');
      const settled = await waitForSettled(one.url, token, before.renewalCount + 2);
      assert.equal(settled.renewalCount, before.renewalCount + 2, 'each paid order renewed the card once');
    } finally {
      await proxy.close();
    }
  });
});

/** Reads the card until its renewal count reaches `count` (settlement runs on a timer). */
async function waitForSettled(base: string, token: string, count: number) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const card = (await call(base, 'GET', '/v1/card', { token })).body;
    if (card.renewalCount >= count || Date.now() > deadline) return card;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
