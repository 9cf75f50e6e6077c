// Delivering events to a partner's endpoint — a real local HTTP server that verifies every delivery with the SDK's
// constructEvent and processes each event id once: retried with exponential backoff while it fails (a status, a
// redirect, no answer in time), delivered again when the answer was lost (and skipped there by its id), given up
// after 24 hours, stopped with the endpoint, and never in the way of API requests. The sandbox's real-time clock is
// the test's: backoff is checked by moving it, never by waiting.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Sandbox, SandboxOptions } from '../../sandbox/app.ts';
import type { WebhookEvent } from '../../src/server/index.ts';
import { startReceiver } from '../helpers/webhook-receiver.ts';
import { DEMO_KEY, call, freshCard, manualClock, order, quote, testSandbox, waitFor } from './helpers.ts';

const SECOND = 1000;

describe('webhook delivery', () => {
  const open: Array<{ close(): unknown }> = [];
  after(async () => {
    for (const thing of open) await thing.close();
  });

  /** A sandbox, a partner endpoint subscribed to order.failed, and a way to make one such event. */
  async function setUp(options: Partial<SandboxOptions> = {}) {
    const sandbox = testSandbox({ ...options, webhooks: { sweepIntervalMs: 1e9, ...options.webhooks } });
    const receiver = await startReceiver();
    open.push(sandbox, receiver);
    const created = await call(sandbox, 'POST', '/v1/webhook-endpoints', { token: DEMO_KEY, body: { url: receiver.url, events: ['order.failed'] } });
    assert.equal(created.status, 201, created.text);
    receiver.secret = created.body.secret;
    /** A declined payment: one `order.failed` event. */
    const failOrder = async (): Promise<string> => {
      const { token } = await freshCard(sandbox, 'active');
      const made = (await order(sandbox, token, { quoteId: (await quote(sandbox, token)).id, paymentMethod: 'card' })).body;
      assert.equal((await call(sandbox, 'POST', `/sandbox/orders/${made.id}/simulate`, { token, body: { outcome: 'fail' } })).status, 200);
      return made.id;
    };
    const deliveryRow = (orderId: string) => sandbox.db.prepare(
      `SELECT d.status, d.attempts, d.last_status, d.last_error FROM webhook_deliveries d JOIN events e ON e.seq = d.event_seq
       WHERE e.once_key = ?`).get(`order.failed:${orderId}`) as { status: string; attempts: number; last_status: number | null; last_error: string | null };
    return { sandbox, receiver, endpointId: created.body.id as string, failOrder, deliveryRow };
  }

  /** The id of the event about this order, from the event log (a partner's replay source). */
  async function eventId(sandbox: Sandbox, orderId: string): Promise<string> {
    const { events } = (await call(sandbox, 'GET', '/v1/events?type=order.failed&limit=100', { token: DEMO_KEY })).body;
    return (events as WebhookEvent[]).find((e) => e.type === 'order.failed' && e.data.order.id === orderId)!.id;
  }

  it('retries with exponential backoff while the endpoint fails, then delivers; the partner processes it once', async () => {
    const clock = manualClock();
    const { sandbox, receiver, failOrder, deliveryRow } = await setUp({ now: clock.now, webhooks: { retryDelayMs: 10 * SECOND } });
    receiver.now = clock.now;
    receiver.answer = (_event, attempt) => (attempt <= 3 ? 500 : 200); // fails 3 times, then succeeds
    const orderId = await failOrder();
    const id = await eventId(sandbox, orderId);
    const attemptsOf = () => receiver.deliveries.filter((d) => d.eventId === id).length;
    await sandbox.deliverWebhooks();
    assert.equal(attemptsOf(), 1);
    // 10 s, then 20 s, then 40 s: not a moment before each.
    for (const [n, wait] of [[2, 10], [3, 20], [4, 40]] as const) {
      clock.advance(wait * SECOND - 1);
      await sandbox.deliverWebhooks();
      assert.equal(attemptsOf(), n - 1, `attempt ${n} came before its ${wait} s`);
      clock.advance(1);
      await sandbox.deliverWebhooks();
      assert.equal(attemptsOf(), n, `attempt ${n} did not come after ${wait} s`);
    }
    assert.deepEqual(receiver.deliveries.filter((d) => d.eventId === id).map((d) => d.status), [500, 500, 500, 200]);
    assert.deepEqual(receiver.processed.filter((e) => e.id === id).length, 1);
    assert.deepEqual(deliveryRow(orderId), { status: 'succeeded', attempts: 4, last_status: 200, last_error: null });
    // Delivered: later sweeps send nothing more.
    clock.advance(3600 * SECOND);
    await sandbox.deliverWebhooks();
    assert.equal(attemptsOf(), 4);
  });

  it('treats a redirect and a timeout as failures; an answer lost after processing is delivered again and skipped', async () => {
    const { sandbox, receiver, failOrder, deliveryRow } = await setUp({ webhooks: { retryDelayMs: 20, timeoutMs: 300, sweepIntervalMs: 20 } });
    // A redirect is not followed; then the partner processes it but its answer never comes; then it is a repeat.
    receiver.answer = (_event, attempt) => (attempt === 1 ? 302 : 'process-then-hang');
    const orderId = await failOrder();
    const id = await eventId(sandbox, orderId);
    await waitFor(() => deliveryRow(orderId).status === 'succeeded', 10_000);
    assert.deepEqual(receiver.deliveries.filter((d) => d.eventId === id).map((d) => d.status), [302, 'process-then-hang', 'duplicate']);
    assert.equal(receiver.processed.filter((e) => e.id === id).length, 1, 'processed exactly once, by its event id');
    assert.equal(deliveryRow(orderId).attempts, 3);
  });

  it('gives up after 24 hours of retries, doubling from 10 s to at most an hour apart; the event stays in the log', async () => {
    const clock = manualClock();
    const { sandbox, receiver, failOrder, deliveryRow } = await setUp({ now: clock.now }); // the default schedule
    receiver.now = clock.now;
    receiver.answer = () => 503;
    const orderId = await failOrder();
    const id = await eventId(sandbox, orderId);
    const attempts = () => receiver.deliveries.filter((d) => d.eventId === id);
    await sandbox.deliverWebhooks();
    const start = clock.now();
    for (let n = 2; deliveryRow(orderId).status === 'pending'; n += 1) {
      const wait = Math.min(10 * SECOND * 2 ** (n - 2), 3600 * SECOND);
      clock.advance(wait - 1);
      await sandbox.deliverWebhooks();
      assert.equal(attempts().length, n - 1);
      clock.advance(1);
      await sandbox.deliverWebhooks();
      assert.equal(attempts().length, n);
      assert.ok(n < 100, 'it never gave up');
    }
    const row = deliveryRow(orderId);
    assert.deepEqual([row.status, row.last_status], ['failed', 503]);
    const gaps = attempts().slice(1).map((d, i) => d.signedAt - attempts()[i]!.signedAt);
    assert.deepEqual(gaps.slice(0, 4), [10, 20, 40, 80]);
    assert.ok(gaps.every((gap) => gap <= 3600));
    assert.ok(clock.now() - start >= 24 * 3600 * SECOND, 'retried for at least 24 hours');
    assert.ok(clock.now() - start < 25 * 3600 * SECOND);
    clock.advance(24 * 3600 * SECOND);
    await sandbox.deliverWebhooks();
    assert.equal(attempts().length, row.attempts, 'nothing after it was marked failed');
    assert.ok((await call(sandbox, 'GET', '/v1/events?type=order.failed', { token: DEMO_KEY })).body.events.some((e: WebhookEvent) => e.id === id));
  });

  it('stops retrying when the endpoint is deleted', async () => {
    const clock = manualClock();
    const { sandbox, receiver, failOrder, deliveryRow, endpointId } = await setUp({ now: clock.now });
    receiver.now = clock.now;
    receiver.answer = () => 500;
    const orderId = await failOrder();
    await sandbox.deliverWebhooks();
    assert.equal(deliveryRow(orderId).attempts, 1);
    assert.equal((await call(sandbox, 'DELETE', `/v1/webhook-endpoints/${endpointId}`, { token: DEMO_KEY })).status, 200);
    clock.advance(3600 * SECOND);
    await sandbox.deliverWebhooks();
    assert.deepEqual([deliveryRow(orderId).status, deliveryRow(orderId).attempts], ['canceled', 1]);
  });

  it('never makes an API request wait for a partner that does not answer', async () => {
    const { sandbox, receiver, failOrder } = await setUp({ webhooks: { timeoutMs: 60_000, sweepIntervalMs: 20 } });
    receiver.answer = () => 'hang';
    const { token } = await freshCard(sandbox, 'active');
    await failOrder();
    await waitFor(() => receiver.deliveries.some((d) => d.status === 'hang'));
    // The delivery is still waiting for its answer; the API answers meanwhile.
    const card = await call(sandbox, 'GET', '/v1/card', { token });
    assert.equal(card.status, 200);
    assert.ok(receiver.processed.length === 0 && receiver.deliveries.length === 1, 'the delivery was still in flight');
  });
});
