/**
 * Prepared statements over quotes, orders and their idempotency keys: one method per question. Order status moves
 * only through `transition`, a conditional update (and, for a failure, its webhook event in the same transaction).
 */
import type { Db } from './db.ts';
import type { OrderRow, QuoteRow } from './rows.ts';

export class OrderRepository {
  readonly #s;
  readonly #transition;

  /** `failed` hears of every order that fails, in the transaction that fails it (the webhook event is recorded there). */
  constructor(readonly db: Db, failed: (orderId: string, at: number) => void) {
    this.#s = {
      insertQuote: db.prepare<[string, string, string, number, string | null, string, number, number], void>(
        `INSERT INTO quotes (id, card_id, plan_id, quantity, promo_code, body, expires_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      quote: db.prepare<[string], QuoteRow>('SELECT * FROM quotes WHERE id = ?'),
      order: db.prepare<[string], OrderRow>('SELECT * FROM orders WHERE id = ?'),
      orderByProviderRef: db.prepare<[string], OrderRow>('SELECT * FROM orders WHERE provider_ref = ?'),
      ordersOfQuote: db.prepare<[string], OrderRow>('SELECT * FROM orders WHERE quote_id = ?'),
      insertOrder: db.prepare<[string, string, string, string, string | null, string, number | null, number, string | null, string | null, number, number], void>(
        `INSERT INTO orders (id, card_id, quote_id, status, payment_method, return_url, public_base, action_expires_at,
         credit_reserved, payment_env, provider_ref, created_at, updated_at)
         VALUES (?, ?, ?, 'requires_payment', ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      creditHeld: db.prepare<[string], { held: number }>(
        `SELECT COALESCE(SUM(credit_reserved), 0) AS held FROM orders
         WHERE card_id = ? AND status IN ('requires_payment', 'processing')`),
      promoHeld: db.prepare<[string], { held: number }>(
        `SELECT COUNT(*) AS held FROM orders o JOIN quotes q ON q.id = o.quote_id
         WHERE q.promo_code = ? AND o.status IN ('requires_payment', 'processing')`),
      // A payment whose provider side is closed can no longer move the order to `processing` (paid).
      transition: db.prepare<[string, string | null, number | null, number, string, string, string], void>(
        `UPDATE orders SET status = ?, failure_code = ?, settle_at = ?, updated_at = ? WHERE id = ? AND status = ?
         AND (? <> 'processing' OR payment_closed_at IS NULL)`),
      closePayment: db.prepare<[number, string], void>(
        `UPDATE orders SET payment_closed_at = ? WHERE id = ? AND status = 'requires_payment' AND payment_closed_at IS NULL`),
      renewAction: db.prepare<[number, number, string], void>(
        `UPDATE orders SET action_expires_at = ?, updated_at = ? WHERE id = ? AND status = 'requires_payment'`),
      idempotencyKey: db.prepare<[string, string], { body_hash: string; order_id: string }>(
        'SELECT body_hash, order_id FROM idempotency_keys WHERE card_id = ? AND key = ?'),
      quoteBody: db.prepare<[string], { body: string }>('SELECT body FROM quotes WHERE id = ?'),
      ordersPage: db.prepare<[string, number, number, string, number], OrderRow>(
        `SELECT * FROM orders WHERE card_id = ? AND (created_at < ? OR (created_at = ? AND id < ?))
         ORDER BY created_at DESC, id DESC LIMIT ?`),
      laterAddedBytes: db.prepare<[string, number, number, string], { bytes: number | null }>(
        `SELECT SUM(o.added_bytes) AS bytes FROM orders o
         WHERE o.card_id = ? AND o.status = 'succeeded' AND o.added_bytes IS NOT NULL
           AND (o.period_start > ? OR (o.period_start = ? AND o.id > ?))
           AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id AND r.status = 'approved' AND r.outcome = 'full')`),
      insertIdempotencyKey: db.prepare<[string, string, string, string, number], void>(
        `INSERT INTO idempotency_keys (card_id, key, body_hash, order_id, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (card_id, key) DO NOTHING`),
    };
    this.#transition = db.transaction(
      (orderId: string, from: OrderRow['status'], to: OrderRow['status'], at: number, failureCode: string | null, settleAt: number | null) => {
        if (this.#s.transition.run(to, failureCode, settleAt, at, orderId, from, to).changes !== 1) return false;
        if (to === 'failed') failed(orderId, at);
        return true;
      },
    );
  }

  insertQuote = (q: QuoteRow) =>
    this.#s.insertQuote.run(q.id, q.card_id, q.plan_id, q.quantity, q.promo_code, q.body, q.expires_at, q.created_at);
  quote = (id: string) => this.#s.quote.get(id);

  order = (id: string) => this.#s.order.get(id);
  /** The order of a wallet's reference (an Alipay trade number, a WeChat Pay prepay id). */
  orderByProviderRef = (ref: string) => this.#s.orderByProviderRef.get(ref);
  ordersOfQuote = (quoteId: string) => this.#s.ordersOfQuote.all(quoteId);
  insertOrder = (o: Pick<OrderRow, 'id' | 'card_id' | 'quote_id' | 'payment_method' | 'return_url' | 'public_base' | 'action_expires_at' | 'credit_reserved' | 'payment_env' | 'provider_ref' | 'created_at'>) =>
    this.#s.insertOrder.run(o.id, o.card_id, o.quote_id, o.payment_method, o.return_url, o.public_base,
      o.action_expires_at, o.credit_reserved, o.payment_env, o.provider_ref, o.created_at, o.created_at);

  // Limited discounts are held by live orders (awaiting payment or being processed), and by nothing once an order
  // has failed or been canceled: there is no release step to forget. Settlement spends what a succeeded order held.
  /** The card's store credit its live orders hold. */
  creditHeld = (cardId: string) => this.#s.creditHeld.get(cardId)!.held;
  /** The uses of a promo code live orders hold. */
  promoHeld = (code: string) => this.#s.promoHeld.get(code)!.held;

  /**
   * Moves an order from one status to another only if it is still in `from`; returns whether it moved.
   * The conditional update is what makes concurrent payments and settlements safe. A move to `failed` records the
   * `order.failed` event with it.
   */
  transition(orderId: string, from: OrderRow['status'], to: OrderRow['status'], at: number,
    extra: { failureCode?: string | null; settleAt?: number | null } = {}): boolean {
    return this.#transition(orderId, from, to, at, extra.failureCode ?? null, extra.settleAt ?? null);
  }

  /**
   * Closes the provider side of an unpaid order's payment (the wallet trade, the hosted card session), as an
   * operator calls the wallet's "close trade" before canceling: false when the order is no longer awaiting payment
   * (the payment arrived first) or its payment is already closed.
   */
  closePayment = (orderId: string, at: number) => this.#s.closePayment.run(at, orderId).changes === 1;

  /** Gives an unpaid wallet order's QR code a new lifetime; returns whether the order was still unpaid. */
  renewAction = (orderId: string, expiresAt: number, at: number) =>
    this.#s.renewAction.run(expiresAt, at, orderId).changes === 1;

  idempotencyKey = (cardId: string, key: string) => this.#s.idempotencyKey.get(cardId, key);
  /** Returns false when another request stored the key first. */
  insertIdempotencyKey = (cardId: string, key: string, bodyHash: string, orderId: string, at: number) =>
    this.#s.insertIdempotencyKey.run(cardId, key, bodyHash, orderId, at).changes === 1;

  quoteBody = (quoteId: string) => this.#s.quoteBody.get(quoteId)!.body;
  /** One page of a card's orders, newest first, strictly after the (createdAt, id) position given. */
  ordersPage = (cardId: string, before: { createdAt: number; id: string }, limit: number) =>
    this.#s.ordersPage.all(cardId, before.createdAt, before.createdAt, before.id, limit);
  /** Data added by the card's renewals after the one starting at (periodStart, orderId), except full refunds. */
  laterAddedBytes = (cardId: string, periodStart: number, orderId: string) =>
    this.#s.laterAddedBytes.get(cardId, periodStart, periodStart, orderId)?.bytes ?? 0;
}
