// Partner events, as the sandbox clock moves: each reminder fires once at its threshold (card.expiring at the days
// each endpoint chose, card.data_low at 75 % and 90 %, card.expired), each fact once with its transaction
// (order.succeeded, order.failed, refund.decided, card.transferred) — and none again after the sandbox restarts on
// the same database. Deliveries go to real local HTTP servers that verify them with the SDK's constructEvent.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { WebhookEvent } from '../../src/server/index.ts';
import { GB } from '../../sandbox/units.ts';
import { startReceiver, type Receiver } from '../helpers/webhook-receiver.ts';
import { DEMO_KEY, call, freshCard, manualClock, order, quote, testSandbox, waitFor } from './helpers.ts';

describe('reminders and events as the sandbox clock moves', () => {
  const dir = mkdtempSync(join(tmpdir(), 'esim-reminders-'));
  const dbPath = join(dir, 'sandbox.db');
  const clock = manualClock(Date.UTC(2026, 10, 25, 8));
  // No background sweep: the clock route records what is due, and the test sends deliveries when it wants.
  const open = () => testSandbox({ dbPath, now: clock.now, webhooks: { sweepIntervalMs: 1e9 } });
  let sandbox = open();
  const receivers: Receiver[] = [];
  after(async () => {
    sandbox.close();
    await Promise.all(receivers.map((r) => r.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  /** A partner endpoint (a real server) subscribed with `options`. */
  async function subscribe(options: Record<string, unknown> = {}): Promise<Receiver> {
    const receiver = await startReceiver();
    receiver.now = clock.now;
    const created = await call(sandbox, 'POST', '/v1/webhook-endpoints', { token: DEMO_KEY, body: { url: receiver.url, ...options } });
    assert.equal(created.status, 201, created.text);
    receiver.secret = created.body.secret;
    receivers.push(receiver);
    return receiver;
  }

  const advance = async (advance: Record<string, number>) => {
    const moved = await call(sandbox, 'POST', '/sandbox/clock', { token: DEMO_KEY, body: { advance } });
    assert.equal(moved.status, 200, moved.text);
  };

  async function allEvents(): Promise<WebhookEvent[]> {
    const events: WebhookEvent[] = [];
    for (let cursor = ''; ;) {
      const page = await call(sandbox, 'GET', `/v1/events?limit=100${cursor && `&cursor=${cursor}`}`, { token: DEMO_KEY });
      assert.equal(page.status, 200, page.text);
      events.push(...page.body.events);
      if (!page.body.nextCursor) return events.reverse();
      cursor = page.body.nextCursor;
    }
  }

  /** What an event says about a card, in a line: `card.expiring 14`, `card.data_low 75`, `order.failed`. */
  const describeEvent = (e: WebhookEvent) =>
    [e.type, e.type === 'card.expiring' ? e.data.daysBefore : e.type === 'card.data_low' ? e.data.usedPercent : '']
      .join(' ').trim();
  const aboutCard = (cardId: string) => (e: WebhookEvent) => e.data.card.id === cardId;

  let everything: Receiver;
  let tenDays: Receiver;

  it('fires card.expiring at each threshold and card.expired once, each endpoint at the days it chose', async () => {
    everything = await subscribe({ events: ['card.expiring', 'card.expired'] });
    tenDays = await subscribe({ events: ['card.expiring'], expiringDays: [10] });
    const { card } = await freshCard(sandbox, 'active'); // expires in 30 days
    const fired: string[] = [];
    for (let day = 1; day <= 32; day += 1) {
      const before = (await allEvents()).filter(aboutCard(card.id)).length;
      await advance({ days: 1 });
      const now = (await allEvents()).filter(aboutCard(card.id));
      fired.push(...now.slice(before).map((e) => `day ${day}: ${describeEvent(e)}`));
    }
    assert.deepEqual(fired, [
      'day 16: card.expiring 14',
      'day 20: card.expiring 10',
      'day 23: card.expiring 7',
      'day 27: card.expiring 3',
      'day 29: card.expiring 1',
      'day 30: card.expired',
    ]);
    await sandbox.deliverWebhooks();
    assert.deepEqual(everything.processed.filter(aboutCard(card.id)).map(describeEvent),
      ['card.expiring 14', 'card.expiring 7', 'card.expiring 3', 'card.expiring 1', 'card.expired']);
    assert.deepEqual(tenDays.processed.filter(aboutCard(card.id)).map(describeEvent), ['card.expiring 10']);
    const [expiring] = everything.processed.filter(aboutCard(card.id));
    assert.equal(expiring!.data.card.iccid, card.iccid, 'the partner learns the full ICCID');
  });

  it('sends each endpoint only its nearest threshold when time jumps past several', async () => {
    const { card } = await freshCard(sandbox, 'active');
    await advance({ days: 28 }); // 2 days left: 14, 10, 7 and 3 were all crossed at once
    assert.deepEqual((await allEvents()).filter(aboutCard(card.id)).map(describeEvent).sort(), ['card.expiring 10', 'card.expiring 3']);
    await sandbox.deliverWebhooks();
    assert.deepEqual(everything.processed.filter(aboutCard(card.id)).map(describeEvent), ['card.expiring 3']);
    assert.deepEqual(tenDays.processed.filter(aboutCard(card.id)).map(describeEvent), ['card.expiring 10']);
  });

  it('fires card.data_low at 75 % and at 90 % used, once each', async () => {
    const { card } = await freshCard(sandbox, 'active'); // 12 GB of 20 GB left: 40 % used
    const use = async (bytes: number) => {
      const used = await call(sandbox, 'POST', `/sandbox/cards/${card.iccid}/use-data`, { token: DEMO_KEY, body: { bytes } });
      assert.equal(used.status, 200, used.text);
      return used.body.data.remainingBytes as number;
    };
    const dataEvents = async () => (await allEvents()).filter((e) => aboutCard(card.id)(e) && e.type === 'card.data_low').map(describeEvent);
    assert.equal(await use(6 * GB), 6 * GB); // 70 %
    assert.deepEqual(await dataEvents(), []);
    await use(1 * GB); // 75 %
    assert.deepEqual(await dataEvents(), ['card.data_low 75']);
    await use(2 * GB); // 85 %
    assert.deepEqual(await dataEvents(), ['card.data_low 75']);
    await use(1 * GB); // 90 %
    await use(1 * GB); // 95 %
    await advance({ minutes: 1 });
    assert.deepEqual(await dataEvents(), ['card.data_low 75', 'card.data_low 90']);
  });

  it('records order.succeeded, order.failed, refund.decided and card.transferred once, with their facts', async () => {
    const receiver = await subscribe({ events: ['order.succeeded', 'order.failed', 'refund.decided', 'card.transferred'] });
    const { card, token } = await freshCard(sandbox, 'refund_full');
    const [past] = (await call(sandbox, 'GET', '/v1/orders', { token })).body.orders;

    const paid = (await order(sandbox, token, { quoteId: (await quote(sandbox, token)).id, paymentMethod: 'alipay' })).body;
    assert.equal((await call(sandbox, 'POST', `/sandbox/orders/${paid.id}/simulate`, { token, body: { outcome: 'succeed' } })).status, 200);
    const declined = (await order(sandbox, token, { quoteId: (await quote(sandbox, token)).id, paymentMethod: 'card' })).body;
    assert.equal((await call(sandbox, 'POST', `/sandbox/orders/${declined.id}/simulate`, { token, body: { outcome: 'fail' } })).status, 200);
    const refund = await call(sandbox, 'POST', `/v1/orders/${past.id}/refunds`, { token, body: {}, headers: { 'Idempotency-Key': 'r1' } });
    assert.equal(refund.status, 201, refund.text);
    const moving = (await call(sandbox, 'POST', '/v1/card/transfer', { token, body: { brand: 'Apple', model: 'iPhone 15' } })).body;
    const { code } = (await call(sandbox, 'GET', `/sandbox/transfers/${moving.id}/otp`, { token })).body;
    assert.equal((await call(sandbox, 'POST', `/v1/card/transfer/${moving.id}/verify`, { token, body: { code } })).status, 200);
    // The settle delay passes (real time, here the test's clock): the payment settles and the refund is decided.
    clock.advance(1000);
    for (let i = 0; i < 3; i += 1) sandbox.settleDue();

    const events = (await allEvents()).filter(aboutCard(card.id)).filter((e) => !e.type.startsWith('card.expiring'));
    assert.deepEqual(events.map((e) => e.type).sort(), ['card.transferred', 'order.failed', 'order.succeeded', 'refund.decided']);
    const byType = Object.fromEntries(events.map((e) => [e.type, e]));
    const succeeded = byType['order.succeeded'] as Extract<WebhookEvent, { type: 'order.succeeded' }>;
    assert.equal(succeeded.data.order.id, paid.id);
    assert.equal(succeeded.data.order.renewedUntil, succeeded.data.card.expiresAt, 'the event shows the renewed card');
    const failed = byType['order.failed'] as Extract<WebhookEvent, { type: 'order.failed' }>;
    assert.deepEqual([failed.data.order.id, failed.data.order.failureCode], [declined.id, 'payment_declined']);
    const decided = byType['refund.decided'] as Extract<WebhookEvent, { type: 'refund.decided' }>;
    assert.deepEqual([decided.data.refund.orderId, decided.data.refund.status], [past.id, 'approved']);
    const moved = byType['card.transferred'] as Extract<WebhookEvent, { type: 'card.transferred' }>;
    assert.deepEqual(moved.data.device, { brand: 'Apple', model: 'iPhone 15' });

    await sandbox.deliverWebhooks();
    assert.deepEqual(receiver.processed.map((e) => e.id).sort(), events.map((e) => e.id).sort());
  });

  it('fires nothing again after a restart on the same database', async () => {
    await sandbox.deliverWebhooks();
    const before = await allEvents();
    const deliveries = receivers.map((r) => r.deliveries.length);
    sandbox.close();
    sandbox = open();
    assert.equal(sandbox.recordReminders(), 0, 'nothing new on the first look');
    await advance({ seconds: 1 });
    sandbox.settleDue();
    await sandbox.deliverWebhooks();
    assert.deepEqual((await allEvents()).map((e) => e.id), before.map((e) => e.id));
    assert.deepEqual(receivers.map((r) => r.deliveries.length), deliveries, 'no delivery was repeated');
    assert.ok(receivers.every((r) => r.deliveries.every((d) => d.status !== 'duplicate' && d.status !== 'refused')));
  });
});

describe('the reminder scheduler', () => {
  it('records reminders as real time passes, with nobody asking', async () => {
    const clock = manualClock(Date.UTC(2026, 10, 25, 8));
    const sandbox = testSandbox({ now: clock.now, webhooks: { sweepIntervalMs: 20 } });
    try {
      const { card } = await freshCard(sandbox, 'active'); // 30 days left
      const expiring = () => sandbox.db.prepare('SELECT body FROM events WHERE type = ?').all('card.expiring')
        .map((row) => JSON.parse((row as { body: string }).body) as WebhookEvent)
        .filter((e) => e.data.card.id === card.id);
      clock.advance(16 * 24 * 3600_000); // real time, not the partner's clock: no request, no clock call
      const [reminder] = await waitFor(() => expiring().length > 0 && expiring(), 5_000);
      assert.equal(reminder!.type === 'card.expiring' && reminder!.data.daysBefore, 14);
    } finally {
      sandbox.close();
    }
  });
});
