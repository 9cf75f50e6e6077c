// Webhook deliveries survive a crash: the `npm start` process (sandbox/main.ts) is SIGKILLed while a delivery is
// waiting for its retry, or while the partner's server is still answering one, then restarted on the same data
// folder. Every event must still reach the partner — a real local HTTP server that verifies each delivery with
// constructEvent — and be processed there exactly once (it deduplicates by event id, as a partner must: deliveries
// are at least once).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startReceiver, type Receiver } from '../helpers/webhook-receiver.ts';
import { waitFor } from '../sandbox/helpers.ts';
import { recordFigures, size } from './figures.ts';
import { call, DEMO_KEY, createOrder, newCardSession, newQuote, openReadOnly } from './http.ts';
import { spawnSandbox, type SandboxProcess } from './processes.ts';

const KILLS = size('CHAOS_WEBHOOK_KILLS', { fast: 2, long: 20 });
const PHASES = ['waiting to retry', 'partner answering'] as const;

describe('durability: webhook deliveries across SIGKILL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'esim-webhooks-'));
  const env = { SANDBOX_WEBHOOK_RETRY_MS: '300', SANDBOX_WEBHOOK_TIMEOUT_MS: '1500', SANDBOX_WEBHOOK_SWEEP_MS: '50' };
  const tally = { kills: 0, events: 0, received: 0, processed: 0, duplicatesSkipped: 0, lost: 0 };
  let proc: SandboxProcess | undefined;
  let receiver: Receiver | undefined;

  after(async () => {
    await proc?.stop();
    await receiver?.close();
    rmSync(dir, { recursive: true, force: true });
    recordFigures('webhook-durability', {
      title: 'npm start process SIGKILLed mid-delivery, restarted on the same database',
      rows: {
        'kills (waiting to retry / partner answering)': tally.kills,
        events: tally.events,
        'deliveries received': tally.received,
        'repeats skipped by event id': tally.duplicatesSkipped,
        'events processed': tally.processed,
        'events lost': tally.lost,
      },
    });
  });

  /** A declined payment on a fresh card: exactly one `order.failed` event. Returns the order id. */
  async function failAnOrder(base: string): Promise<string> {
    const { token } = await newCardSession(base);
    const made = await createOrder(base, token, { quoteId: (await newQuote(base, token)).id, paymentMethod: 'card' }, 'k');
    assert.equal(made.status, 201, made.text);
    const failed = await call(base, 'POST', `/sandbox/orders/${made.body.id}/simulate`, { token, body: { outcome: 'fail' } });
    assert.equal(failed.status, 200, failed.text);
    return made.body.id;
  }

  it(`delivers every event exactly once to the partner through ${KILLS} kills`, { timeout: 120_000 }, async () => {
    receiver = await startReceiver();
    proc = await spawnSandbox(dir, env);
    const endpoint = await call(proc.url, 'POST', '/v1/webhook-endpoints', { token: DEMO_KEY, body: { url: receiver.url, events: ['order.failed'] } });
    assert.equal(endpoint.status, 201, endpoint.text);
    receiver.secret = endpoint.body.secret;
    const orders: string[] = [];

    for (let kill = 0; kill < KILLS; kill += 1) {
      const phase = PHASES[kill % PHASES.length]!;
      // Fails first; in the second phase the next attempt is left hanging, and the kill lands while it is.
      receiver.answer = (_event, attempt) => (attempt === 1 ? 500 : phase === 'partner answering' && attempt === 2 ? 'hang' : 200);
      const orderId = await failAnOrder(proc.url);
      orders.push(orderId);
      const mine = () => receiver!.deliveries.filter((d) => d.status !== 'duplicate' && d.status !== 'refused');
      const seen = mine().length;
      await waitFor(() => mine().slice(seen).some((d) => d.status === (phase === 'partner answering' ? 'hang' : 500)), 10_000);
      await proc.kill();
      tally.kills += 1;
      proc = await spawnSandbox(dir, env);
      await waitFor(() => receiver!.processed.some((e) => e.type === 'order.failed' && e.data.order.id === orderId), 20_000);
    }

    const db = openReadOnly(join(dir, 'sandbox.db'));
    try {
      const rows = () => db.prepare(
        `SELECT e.id, d.status FROM events e JOIN webhook_deliveries d ON d.event_seq = e.seq WHERE e.type = 'order.failed'`,
      ).all() as Array<{ id: string; status: string }>;
      // The sandbox records the last delivery once the partner's answer is in.
      await waitFor(() => rows().every((row) => row.status === 'succeeded'), 10_000).catch(() => undefined);
      tally.events = rows().length;
      assert.equal(rows().length, KILLS, 'one event per failed order, none recorded twice');
      assert.ok(rows().every((row) => row.status === 'succeeded'), JSON.stringify(rows()));
    } finally {
      db.close();
    }
    const processedIds = receiver.processed.map((e) => e.id);
    tally.received = receiver.deliveries.length;
    tally.processed = processedIds.length;
    tally.duplicatesSkipped = receiver.deliveries.filter((d) => d.status === 'duplicate').length;
    tally.lost = orders.filter((id) => !receiver!.processed.some((e) => e.type === 'order.failed' && e.data.order.id === id)).length;
    assert.equal(new Set(processedIds).size, processedIds.length, 'an event was processed twice');
    assert.equal(tally.lost, 0);
    assert.ok(receiver.deliveries.every((d) => d.status !== 'refused'), 'every delivery verified');
  });
});
