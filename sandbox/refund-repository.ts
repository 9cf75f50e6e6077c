/** Prepared statements over refund requests (one per order, one per idempotency key): one method per question. */
import type { Db } from './db.ts';
import type { RefundRow } from './rows.ts';

export class RefundRepository {
  readonly #s;

  constructor(db: Db) {
    this.#s = {
      refundOfOrder: db.prepare<[string], RefundRow>('SELECT * FROM refunds WHERE order_id = ?'),
      refundByKey: db.prepare<[string, string], RefundRow>('SELECT * FROM refunds WHERE card_id = ? AND idempotency_key = ?'),
      refund: db.prepare<[string], RefundRow>('SELECT * FROM refunds WHERE id = ?'),
      insertRefund: db.prepare<[string, string, string, string, string, string | null, string, number, string, string, number, number], void>(
        `INSERT INTO refunds (id, order_id, card_id, idempotency_key, body_hash, note, status, outcome, amount, currency,
         reason, decide_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'requested', ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
    };
  }

  refundOfOrder = (orderId: string) => this.#s.refundOfOrder.get(orderId);
  refundByKey = (cardId: string, key: string) => this.#s.refundByKey.get(cardId, key);
  refund = (id: string) => this.#s.refund.get(id);
  /** Returns false when the order already has a refund or the key is taken (both are UNIQUE). */
  insertRefund = (r: Pick<RefundRow, 'id' | 'order_id' | 'card_id' | 'idempotency_key' | 'body_hash' | 'note' | 'outcome' | 'amount' | 'currency' | 'reason' | 'decide_at' | 'created_at'>) =>
    this.#s.insertRefund.run(r.id, r.order_id, r.card_id, r.idempotency_key, r.body_hash, r.note, r.outcome, r.amount,
      r.currency, r.reason, r.decide_at, r.created_at).changes === 1;
}
