// Durability: the `npm start` process (sandbox/main.ts) is killed with SIGKILL at a random point of the payment path
// — after the quote, while the order is being created, after it, while the card payment is being taken, after the
// payment was acknowledged, around settlement, after it — then restarted on the same data folder, and the traveller
// carries on as the widget would (same Idempotency-Key, pay again if still unpaid). No payment the sandbox
// acknowledged may be lost, and every paid order must extend the card exactly once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { random, recordFigures, SEED, size } from './figures.ts';
import { call, createOrder, newCardSession, newQuote, openReadOnly, payOnHostedPage } from './http.ts';
import { spawnSandbox, type SandboxProcess } from './processes.ts';

const ITERATIONS = size('CHAOS_ITERATIONS', { fast: 7, long: 210 });

const POINTS = [
  'after-quote',
  'during-order',
  'after-order',
  'during-payment',
  'after-payment',
  'during-settlement',
  'after-settlement',
] as const;
type Point = (typeof POINTS)[number];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Attempt {
  iteration: number;
  point: Point;
  cardId: string;
  token: string;
  key: string;
  quote: { id: string; newExpiresAt: string };
  before: { renewalCount: number; expiresAt: string };
  /** The sandbox answered the payment (a page or a redirect): from then on it must never be forgotten. */
  paymentAcknowledged: boolean;
}

describe('durability: SIGKILL at random points of the payment path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'esim-durability-'));
  const rng = random(SEED);
  const kills: Record<string, number> = Object.fromEntries(POINTS.map((p) => [p, 0]));
  const tally = { acknowledged: 0, lost: 0, appliedTwice: 0, ordersDuplicated: 0, restarts: 0, paidOrders: 0 };
  let proc: SandboxProcess | undefined;

  after(async () => {
    await proc?.stop();
    rmSync(dir, { recursive: true, force: true });
    recordFigures('durability', {
      title: 'npm start process SIGKILLed at random points of the payment path, restarted on the same database',
      rows: {
        iterations: ITERATIONS,
        restarts: tally.restarts,
        ...Object.fromEntries(POINTS.map((p) => [`killed ${p}`, kills[p]!])),
        'payments acknowledged before the kill': tally.acknowledged,
        'paid orders (after recovery)': tally.paidOrders,
        'paid orders lost': tally.lost,
        'renewals applied twice': tally.appliedTwice,
        'orders duplicated': tally.ordersDuplicated,
        seed: SEED,
      },
      totals: { paidOrdersLost: tally.lost, renewalsAppliedTwice: tally.appliedTwice, ordersDuplicated: tally.ordersDuplicated },
    });
  });

  /** A settle delay per process: short enough that a kill "around settlement" lands on both sides of it. */
  const start = async () => {
    proc = await spawnSandbox(dir, { SANDBOX_SETTLE_DELAY_MS: String(20 + Math.floor(rng() * 60)) });
    return proc.url;
  };

  /** Walks the payment path up to `point`, then kills the process there. */
  async function walkAndKill(base: string, iteration: number, point: Point): Promise<Attempt> {
    const { card, token } = await newCardSession(base);
    const before = (await call(base, 'GET', '/v1/card', { token })).body;
    const quote = await newQuote(base, token);
    const attempt: Attempt = { iteration, point, cardId: card.id, token, key: `attempt-${iteration}`, quote, before, paymentAcknowledged: false };
    const body = { quoteId: quote.id, paymentMethod: 'card' };
    const killNow = async () => {
      kills[point] = (kills[point] ?? 0) + 1;
      await proc!.kill();
    };
    const inFlight = async (request: Promise<unknown>) => {
      const settled = request.catch(() => undefined); // the kill may well cut it off
      await sleep(Math.floor(rng() * 15));
      await killNow();
      await settled;
    };
    if (point === 'after-quote') return killNow().then(() => attempt);
    if (point === 'during-order') return inFlight(createOrder(base, token, body, attempt.key)).then(() => attempt);
    const order = await createOrder(base, token, body, attempt.key);
    assert.equal(order.status, 201, order.text);
    if (point === 'after-order') return killNow().then(() => attempt);
    if (point === 'during-payment') {
      const paying = payOnHostedPage(base, order.body.id).then((status) => {
        if (status === 303 || status === 200) attempt.paymentAcknowledged = true;
      });
      return inFlight(paying).then(() => attempt);
    }
    const paid = await payOnHostedPage(base, order.body.id);
    assert.ok(paid === 200 || paid === 303, `payment answered ${paid}`);
    attempt.paymentAcknowledged = true;
    if (point === 'after-payment') return killNow().then(() => attempt);
    if (point === 'during-settlement') {
      await sleep(Math.floor(rng() * 120));
      return killNow().then(() => attempt);
    }
    // after-settlement
    for (let i = 0; i < 500; i += 1) {
      if ((await call(base, 'GET', '/v1/card', { token })).body.renewalCount > before.renewalCount) break;
      await sleep(20);
    }
    await killNow();
    return attempt;
  }

  /** After the restart: check nothing acknowledged was lost, then finish the attempt as the widget would. */
  async function recoverAndCheck(base: string, attempt: Attempt): Promise<void> {
    const where = `iteration ${attempt.iteration} (${attempt.point})`;
    const existing = readOrders(attempt.cardId);
    if (attempt.paymentAcknowledged) {
      tally.acknowledged += 1;
      const kept = existing.some((o) => o.status === 'processing' || o.status === 'succeeded');
      if (!kept) tally.lost += 1;
      assert.ok(kept, `${where}: an acknowledged payment was lost: ${JSON.stringify(existing)}`);
    }
    // The widget resumes: the same attempt key gives the same order (or makes it, if it never was).
    const order = await createOrder(base, attempt.token, { quoteId: attempt.quote.id, paymentMethod: 'card' }, attempt.key);
    assert.equal(order.status, 201, `${where}: ${order.text}`);
    if (order.body.status === 'requires_payment') {
      const paid = await payOnHostedPage(base, order.body.id);
      assert.ok([200, 303, 409].includes(paid), `${where}: payment answered ${paid}`);
    }
    let card = attempt.before;
    for (let i = 0; i < 500 && card.renewalCount === attempt.before.renewalCount; i += 1) {
      card = (await call(base, 'GET', '/v1/card', { token: attempt.token })).body;
      if (card.renewalCount === attempt.before.renewalCount) await sleep(20);
    }
    const orders = readOrders(attempt.cardId);
    const paidOrders = orders.filter((o) => o.status === 'succeeded').length;
    tally.paidOrders += paidOrders;
    tally.ordersDuplicated += Math.max(0, orders.length - 1);
    const applied = card.renewalCount - attempt.before.renewalCount;
    if (applied > paidOrders) tally.appliedTwice += 1;
    if (paidOrders < 1 || applied < paidOrders) tally.lost += 1;
    assert.equal(orders.length, 1, `${where}: one order per attempt: ${JSON.stringify(orders)}`);
    assert.equal(paidOrders, 1, `${where}: the order is paid and settled`);
    assert.equal(applied, 1, `${where}: renewed exactly once`);
    assert.equal(card.expiresAt, attempt.quote.newExpiresAt, `${where}: expiry extended exactly once`);
  }

  function readOrders(cardId: string) {
    const db = openReadOnly(join(dir, 'sandbox.db'));
    try {
      return db.prepare('SELECT id, status FROM orders WHERE card_id = ?').all(cardId) as Array<{ id: string; status: string }>;
    } finally {
      db.close();
    }
  }

  it(`loses no paid order and applies none twice over ${ITERATIONS} kills`, async () => {
    let base = await start();
    const attempts: Attempt[] = [];
    // Every point comes up once in each round of seven, in an order shuffled by the seed.
    let round: Point[] = [];
    for (let i = 0; i < ITERATIONS; i += 1) {
      if (round.length === 0) round = [...POINTS].sort(() => rng() - 0.5);
      const point = round.pop()!;
      const attempt = await walkAndKill(base, i, point);
      attempts.push(attempt);
      base = await start();
      tally.restarts += 1;
      await recoverAndCheck(base, attempt);
    }
    // One more restart, and everything paid is still there, applied exactly once.
    await proc!.kill();
    base = await start();
    tally.restarts += 1;
    const db = openReadOnly(join(dir, 'sandbox.db'));
    try {
      for (const attempt of attempts) {
        const card = db.prepare('SELECT renewal_count, expires_at FROM cards WHERE id = ?').get(attempt.cardId) as { renewal_count: number; expires_at: number };
        assert.equal(card.renewal_count, attempt.before.renewalCount + 1, `card of iteration ${attempt.iteration}`);
        assert.equal(new Date(card.expires_at).toISOString(), attempt.quote.newExpiresAt);
      }
    } finally {
      db.close();
    }
    assert.deepEqual({ lost: tally.lost, appliedTwice: tally.appliedTwice, duplicated: tally.ordersDuplicated }, { lost: 0, appliedTwice: 0, duplicated: 0 });
  });
});
