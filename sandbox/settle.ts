/**
 * Settlement: a `processing` order whose settle time has passed becomes `succeeded`, and the renewal is applied
 * exactly once, in the same transaction as the conditional status change (and its `order.succeeded` event). And
 * closing: an order left unpaid for a day is canceled and its payment closed, as a checkout session expires. Each
 * partner's orders go by the partner's sandbox time (`clock.ts`).
 */
import type { SandboxClock } from './clock.ts';
import type { Db } from './db.ts';
import type { CardRow, OrderRow, PlanRow, QuoteRow } from './rows.ts';
import { renewalResult } from './pricing.ts';
import { createRefundDecider } from './refunds.ts';
import type { EventRecorder } from './webhooks/events.ts';

/**
 * How long an order may wait for payment after its last change (creation, a fresh wallet code). Past that it is
 * `canceled` with `order_expired`: nothing was charged, so nothing is undone. This closes the orders a traveller
 * left behind, e.g. when an order's answer was lost and they started over with a new quote.
 */
export const UNPAID_ORDER_TTL_MS = 24 * 60 * 60_000;

/** How often the unpaid orders are looked at (they are many under load, and a minute late is no matter). */
const CLOSE_EVERY_MS = 60_000;

export function createSettler(db: Db, clock: SandboxClock, events: EventRecorder): () => number {
  const due = db.prepare<[number, string], Pick<OrderRow, 'id'>>(
    `SELECT o.id FROM orders o JOIN cards c ON c.id = o.card_id
     WHERE o.status = 'processing' AND o.settle_at <= ? AND c.partner_id = ? ORDER BY o.settle_at LIMIT 100`);
  const markSucceeded = db.prepare<[number, string], void>(
    `UPDATE orders SET status = 'succeeded', updated_at = ? WHERE id = ? AND status = 'processing'`);
  const order = db.prepare<[string], OrderRow>('SELECT * FROM orders WHERE id = ?');
  const quote = db.prepare<[string], QuoteRow>('SELECT * FROM quotes WHERE id = ?');
  const card = db.prepare<[string], CardRow>('SELECT * FROM cards WHERE id = ?');
  const plan = db.prepare<[string], PlanRow>('SELECT * FROM plans WHERE id = ?');
  const renewCard = db.prepare<[number, number | null, number | null, string, string], void>(
    `UPDATE cards SET expires_at = ?, remaining_bytes = ?, total_bytes = ?, renewal_count = renewal_count + 1,
     plan_id = ? WHERE id = ?`);
  const usePromo = db.prepare<[string], void>('UPDATE promo_codes SET uses = uses + 1 WHERE code = ?');
  // What the renewal did, for the order history and the refund policy: its period, the data it added, the card before.
  const recordRenewal = db.prepare<[number, number, number | null, string, number | null, number | null, number, string], void>(
    `UPDATE orders SET renewed_until = ?, period_start = ?, added_bytes = ?, prev_plan_id = ?, prev_remaining_bytes = ?,
     prev_total_bytes = ?, credit_used = ? WHERE id = ?`);
  const useCredit = db.prepare<[number, string], void>('UPDATE cards SET credit_amount = credit_amount - ? WHERE id = ?');
  const decideRefunds = createRefundDecider(db, events);
  const closeUnpaid = db.prepare<[number, number, number, string], void>(
    `UPDATE orders SET status = 'canceled', failure_code = 'order_expired', updated_at = ?, payment_closed_at = ?
     WHERE status = 'requires_payment' AND updated_at <= ? AND card_id IN (SELECT id FROM cards WHERE partner_id = ?)`);
  let closedAt = -Infinity;

  const settleOne = db.transaction((orderId: string, at: number): boolean => {
    if (markSucceeded.run(at, orderId).changes !== 1) return false;
    const o = order.get(orderId)!;
    const q = quote.get(o.quote_id)!;
    const c = card.get(o.card_id)!;
    const p = plan.get(q.plan_id)!;
    const after = renewalResult(c, p, q.quantity, at);
    renewCard.run(after.expiresAt, after.remainingBytes, after.remainingBytes, p.id, c.id);
    // The limited discounts the order held since it was created are spent now, once: the promo code's use, and
    // exactly the store credit its quote showed (the hold guarantees the card still has it).
    if (q.promo_code) usePromo.run(q.promo_code);
    const credit = o.credit_reserved;
    if (credit > 0) useCredit.run(credit, c.id);
    const added = after.remainingBytes === null ? null : p.data_bytes! * q.quantity;
    recordRenewal.run(after.expiresAt, Math.max(at, c.expires_at), added, c.plan_id, c.remaining_bytes, c.total_bytes, credit, o.id);
    events.orderEnded(o.id, at);
    return true;
  });

  /**
   * Settles every order that is due, closes the ones left unpaid too long, then decides every refund request that
   * is due; returns how many.
   */
  return function settleDue(): number {
    let settled = 0;
    const close = clock.base() - closedAt >= CLOSE_EVERY_MS;
    if (close) closedAt = clock.base();
    for (const partner of clock.partners()) {
      const at = partner.now;
      for (const { id } of due.all(at, partner.id)) {
        // IMMEDIATE takes the write lock first, so two processes sharing the file cannot both apply it.
        if (settleOne.immediate(id, at)) settled++;
      }
      if (close) settled += closeUnpaid.run(at, at, at - UNPAID_ORDER_TTL_MS, partner.id).changes;
      settled += decideRefunds(at, partner.id);
    }
    return settled;
  };
}
