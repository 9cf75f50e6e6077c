/**
 * Refunds: the operator's policy, as one pure function used by the preview (`GET /v1/orders/:id/refund-quote`) and
 * by the request (`POST /v1/orders/:id/refunds`, which freezes its answer), and the decision that applies an
 * approved refund to the card exactly once, after the settle delay, with the same machinery as order settlement.
 */
import type { Db } from './db.ts';
import type { OrderRepository } from './order-repository.ts';
import type { RefundRepository } from './refund-repository.ts';
import type { CardRow, OrderRow, RefundRow } from './rows.ts';
import type { EventRecorder } from './webhooks/events.ts';

export type RefundOutcome = 'full' | 'credit' | 'rejected';

export interface RefundFacts {
  status: OrderRow['status'];
  /** What the traveller paid for the order: its quote's total, in minor units. */
  total: number;
  /** The renewal's own period: from max(paid, the expiry before it) to the expiry it gave the card. */
  periodStart: number;
  periodEnd: number;
  /** Data the renewal added; `null` when the card was unlimited after it (time is all that counts then). */
  addedBytes: number | null;
  /** The card's data left now; `null` means unlimited. */
  remainingBytes: number | null;
  /** Data added by later renewals (not refunded in full): older data is used first, so theirs is used last. */
  laterAddedBytes: number;
  /** A refund was already requested for this order. */
  alreadyRequested: boolean;
  now: number;
}

export interface RefundDecision {
  outcome: RefundOutcome;
  /** Money back (full) or credit granted (credit), in minor units; 0 when rejected. */
  amount: number;
  reason: 'not_started' | 'partly_used' | 'period_mostly_used' | 'data_mostly_used' | 'not_paid' | 'already_requested';
  periodStarted: boolean;
  /** Data used from this renewal's allowance; `null` for unlimited. */
  dataUsedBytes: number | null;
}

/** Half the period or half the data used: from there on nothing is given back. */
export const MOSTLY_USED = 0.5;

/**
 * The operator's rules:
 * - only a paid (`succeeded`) order, and one request per order;
 * - `full` (the total back to the original payment method) when the renewal's period has not started and none of
 *   its data was used;
 * - else `credit` of the unused share, total × (1 − max(time share, data share)), while both shares are under 50 %;
 * - else `rejected`, saying which share is mostly used (time first).
 */
export function refundPolicy(f: RefundFacts): RefundDecision {
  const periodStarted = f.now >= f.periodStart;
  let dataUsedBytes: number | null = null;
  if (f.addedBytes !== null) {
    // FIFO: what is left of this renewal's data is what remains beyond the data added after it.
    const left = f.remainingBytes === null
      ? f.addedBytes
      : Math.min(f.addedBytes, Math.max(0, f.remainingBytes - f.laterAddedBytes));
    dataUsedBytes = f.addedBytes - left;
  }
  const decision = (outcome: RefundOutcome, amount: number, reason: RefundDecision['reason']): RefundDecision =>
    ({ outcome, amount, reason, periodStarted, dataUsedBytes });

  if (f.status !== 'succeeded') return decision('rejected', 0, 'not_paid');
  if (f.alreadyRequested) return decision('rejected', 0, 'already_requested');
  const used = dataUsedBytes ?? 0;
  if (!periodStarted && used === 0) return decision('full', f.total, 'not_started');

  const length = f.periodEnd - f.periodStart;
  const timeShare = length > 0 ? Math.min(1, Math.max(0, (f.now - f.periodStart) / length)) : 1;
  const dataShare = f.addedBytes ? used / f.addedBytes : 0;
  if (timeShare >= MOSTLY_USED) return decision('rejected', 0, 'period_mostly_used');
  if (dataShare >= MOSTLY_USED) return decision('rejected', 0, 'data_mostly_used');
  return decision('credit', Math.round(f.total * (1 - Math.max(timeShare, dataShare))), 'partly_used');
}

/** The facts the policy needs about one of the card's orders, read now. */
export function refundFacts(
  { orders, refunds }: { orders: OrderRepository; refunds: RefundRepository },
  order: OrderRow,
  card: CardRow,
  now: number,
): RefundFacts {
  const quote = JSON.parse(orders.quoteBody(order.quote_id)) as { total: { amount: number }; newExpiresAt: string };
  // Orders settled before the sandbox recorded periods: from settlement to the expiry the quote promised.
  const periodStart = order.period_start ?? order.updated_at;
  const periodEnd = order.renewed_until ?? Date.parse(quote.newExpiresAt);
  return {
    status: order.status,
    total: quote.total.amount,
    periodStart,
    periodEnd,
    addedBytes: order.added_bytes,
    remainingBytes: card.remaining_bytes,
    laterAddedBytes: orders.laterAddedBytes(card.id, periodStart, order.id),
    alreadyRequested: refunds.refundOfOrder(order.id) !== undefined,
    now,
  };
}

/**
 * Decides every refund request of a partner's cards whose delay has passed at the partner's time `at`; returns how
 * many this call decided. The conditional update (`status = 'requested'`), the change to the card and the
 * `refund.decided` event share one IMMEDIATE transaction: applied exactly once, even with two processes on the same
 * file.
 */
export function createRefundDecider(db: Db, events: EventRecorder): (at: number, partnerId: string) => number {
  const due = db.prepare<[number, string], Pick<RefundRow, 'id'>>(
    `SELECT r.id FROM refunds r JOIN cards c ON c.id = r.card_id
     WHERE r.status = 'requested' AND r.decide_at <= ? AND c.partner_id = ? ORDER BY r.decide_at LIMIT 100`);
  const decide = db.prepare<[number, string], void>(
    `UPDATE refunds SET status = CASE outcome WHEN 'rejected' THEN 'rejected' ELSE 'approved' END, decided_at = ?
     WHERE id = ? AND status = 'requested'`);
  const refund = db.prepare<[string], RefundRow>('SELECT * FROM refunds WHERE id = ?');
  const order = db.prepare<[string], OrderRow>('SELECT * FROM orders WHERE id = ?');
  const card = db.prepare<[string], CardRow>('SELECT * FROM cards WHERE id = ?');
  const quotePlan = db.prepare<[string], { plan_id: string; duration_days: number; quantity: number }>(
    `SELECT q.plan_id, p.duration_days, q.quantity FROM quotes q JOIN plans p ON p.id = q.plan_id WHERE q.id = ?`);
  const addCredit = db.prepare<[number, string], void>('UPDATE cards SET credit_amount = credit_amount + ? WHERE id = ?');
  const takeBack = db.prepare<[number, number | null, number | null, string, number, string], void>(
    `UPDATE cards SET expires_at = ?, remaining_bytes = ?, total_bytes = ?, plan_id = ?,
     renewal_count = MAX(0, renewal_count - 1), credit_amount = credit_amount + ? WHERE id = ?`);

  /** A full refund: the card loses what the renewal gave it, and gets back the store credit the order used. */
  function undoRenewal(o: OrderRow, c: CardRow, at: number): void {
    const q = quotePlan.get(o.quote_id)!;
    const duration = o.renewed_until !== null && o.period_start !== null
      ? o.renewed_until - o.period_start
      : q.duration_days * q.quantity * 86_400_000;
    const expiresAt = Math.max(at, c.expires_at - duration);
    let remaining = c.remaining_bytes;
    let total = c.total_bytes;
    if (o.added_bytes !== null && remaining !== null) {
      remaining = Math.max(0, remaining - o.added_bytes);
      total = Math.max(remaining, (total ?? 0) - o.added_bytes);
    } else if (o.added_bytes === null && remaining === null && o.prev_remaining_bytes !== null) {
      // An unlimited renewal of a metered card: back to the numbers it had before.
      remaining = o.prev_remaining_bytes;
      total = o.prev_total_bytes ?? remaining;
    }
    const planId = o.prev_plan_id !== null && c.plan_id === q.plan_id ? o.prev_plan_id : c.plan_id;
    takeBack.run(expiresAt, remaining, total, planId, o.credit_used, c.id);
  }

  const decideOne = db.transaction((id: string, at: number): boolean => {
    if (decide.run(at, id).changes !== 1) return false;
    const r = refund.get(id)!;
    if (r.outcome === 'credit') addCredit.run(r.amount, r.card_id);
    if (r.outcome === 'full') undoRenewal(order.get(r.order_id)!, card.get(r.card_id)!, at);
    events.refundDecided(r.id, at);
    return true;
  });

  return (at, partnerId) => {
    let decided = 0;
    for (const { id } of due.all(at, partnerId)) if (decideOne.immediate(id, at)) decided++;
    return decided;
  };
}
