/**
 * Prepared statements for card care (order history, refunds, transfers, activations), one set per database,
 * in the manner of `store.ts`.
 */
import type { ActivationRow, Db, OrderRow, RefundRow, TransferRow } from './db.ts';

class CareStore {
  readonly #s;

  constructor(db: Db) {
    this.#s = {
      quoteBody: db.prepare<[string], { body: string }>('SELECT body FROM quotes WHERE id = ?'),
      ordersPage: db.prepare<[string, number, number, string, number], OrderRow>(
        `SELECT * FROM orders WHERE card_id = ? AND (created_at < ? OR (created_at = ? AND id < ?))
         ORDER BY created_at DESC, id DESC LIMIT ?`),
      laterAddedBytes: db.prepare<[string, number, number, string], { bytes: number | null }>(
        `SELECT SUM(o.added_bytes) AS bytes FROM orders o
         WHERE o.card_id = ? AND o.status = 'succeeded' AND o.added_bytes IS NOT NULL
           AND (o.period_start > ? OR (o.period_start = ? AND o.id > ?))
           AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id AND r.status = 'approved' AND r.outcome = 'full')`),
      refundOfOrder: db.prepare<[string], RefundRow>('SELECT * FROM refunds WHERE order_id = ?'),
      refundByKey: db.prepare<[string, string], RefundRow>('SELECT * FROM refunds WHERE card_id = ? AND idempotency_key = ?'),
      refund: db.prepare<[string], RefundRow>('SELECT * FROM refunds WHERE id = ?'),
      insertRefund: db.prepare<[string, string, string, string, string, string | null, string, number, string, string, number, number], void>(
        `INSERT INTO refunds (id, order_id, card_id, idempotency_key, body_hash, note, status, outcome, amount, currency,
         reason, decide_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'requested', ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
      transfer: db.prepare<[string], TransferRow>('SELECT * FROM transfers WHERE id = ?'),
      supersedeTransfers: db.prepare<[number, string], void>(
        `UPDATE transfers SET expires_at = MIN(expires_at, ?) WHERE card_id = ? AND status = 'verifying'`),
      insertTransfer: db.prepare<[string, string, string, string, string, string, string, string, number, number, number], void>(
        `INSERT INTO transfers (id, card_id, brand, model, status, channel, destination, code_hash, code_plain,
         attempts_left, expires_at, created_at) VALUES (?, ?, ?, ?, 'verifying', ?, ?, ?, ?, ?, ?, ?)`),
      wrongGuess: db.prepare<[string], void>(
        `UPDATE transfers SET attempts_left = attempts_left - 1,
         status = CASE WHEN attempts_left <= 1 THEN 'locked' ELSE status END
         WHERE id = ? AND status = 'verifying' AND attempts_left > 0`),
      completeTransfer: db.prepare<[number, string], void>(
        `UPDATE transfers SET status = 'completed', completed_at = ? WHERE id = ? AND status = 'verifying'`),
      activation: db.prepare<[string], ActivationRow>('SELECT * FROM activations WHERE code = ?'),
      currentActivation: db.prepare<[string], ActivationRow>(
        'SELECT * FROM activations WHERE card_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1'),
      retireActivations: db.prepare<[string], void>(
        `UPDATE activations SET state = 'transferred' WHERE card_id = ? AND state != 'transferred'`),
      insertActivation: db.prepare<[string, string, number, number], void>(
        `INSERT INTO activations (code, card_id, state, expires_at, created_at) VALUES (?, ?, 'ready', ?, ?)`),
      install: db.prepare<[number, string, number], void>(
        `UPDATE activations SET state = 'installed', installed_at = ?
         WHERE code = ? AND state = 'ready' AND (expires_at IS NULL OR expires_at > ?)`),
      setDevice: db.prepare<[string, string, string], void>('UPDATE cards SET device_brand = ?, device_model = ? WHERE id = ?'),
      revokeSessions: db.prepare<[number, string, string], void>(
        'UPDATE sessions SET revoked_at = ? WHERE card_id = ? AND id != ? AND revoked_at IS NULL'),
      expireHandoffs: db.prepare<[number, string], void>(
        'UPDATE handoffs SET expires_at = MIN(expires_at, ?) WHERE card_id = ? AND claimed_at IS NULL'),
    };
  }

  quoteBody = (quoteId: string) => this.#s.quoteBody.get(quoteId)!.body;
  /** One page of a card's orders, newest first, strictly after the (createdAt, id) position given. */
  ordersPage = (cardId: string, before: { createdAt: number; id: string }, limit: number) =>
    this.#s.ordersPage.all(cardId, before.createdAt, before.createdAt, before.id, limit);
  /** Data added by the card's renewals after the one starting at (periodStart, orderId), except full refunds. */
  laterAddedBytes = (cardId: string, periodStart: number, orderId: string) =>
    this.#s.laterAddedBytes.get(cardId, periodStart, periodStart, orderId)?.bytes ?? 0;

  refundOfOrder = (orderId: string) => this.#s.refundOfOrder.get(orderId);
  refundByKey = (cardId: string, key: string) => this.#s.refundByKey.get(cardId, key);
  refund = (id: string) => this.#s.refund.get(id);
  /** Returns false when the order already has a refund or the key is taken (both are UNIQUE). */
  insertRefund = (r: Pick<RefundRow, 'id' | 'order_id' | 'card_id' | 'idempotency_key' | 'body_hash' | 'note' | 'outcome' | 'amount' | 'currency' | 'reason' | 'decide_at' | 'created_at'>) =>
    this.#s.insertRefund.run(r.id, r.order_id, r.card_id, r.idempotency_key, r.body_hash, r.note, r.outcome, r.amount,
      r.currency, r.reason, r.decide_at, r.created_at).changes === 1;

  transfer = (id: string) => this.#s.transfer.get(id);
  /** Open transfers of the card expire now: only the newest code counts. */
  supersedeTransfers = (cardId: string, at: number) => this.#s.supersedeTransfers.run(at, cardId);
  insertTransfer = (t: Pick<TransferRow, 'id' | 'card_id' | 'brand' | 'model' | 'channel' | 'destination' | 'code_hash' | 'code_plain' | 'attempts_left' | 'expires_at' | 'created_at'>) =>
    this.#s.insertTransfer.run(t.id, t.card_id, t.brand, t.model, t.channel, t.destination, t.code_hash, t.code_plain,
      t.attempts_left, t.expires_at, t.created_at);
  /** One attempt fewer; the last one locks the transfer. Returns whether an attempt was left to take. */
  wrongGuess = (id: string) => this.#s.wrongGuess.run(id).changes === 1;
  completeTransfer = (id: string, at: number) => this.#s.completeTransfer.run(at, id).changes === 1;

  activation = (code: string) => this.#s.activation.get(code);
  currentActivation = (cardId: string) => this.#s.currentActivation.get(cardId);
  /** Every earlier code of the card stops working: the profile moved to another phone. */
  retireActivations = (cardId: string) => this.#s.retireActivations.run(cardId);
  insertActivation = (code: string, cardId: string, expiresAt: number, at: number) =>
    this.#s.insertActivation.run(code, cardId, expiresAt, at);
  /** Marks a ready, unexpired code installed; returns false when it was not (used, transferred or expired). */
  install = (code: string, at: number) => this.#s.install.run(at, code, at).changes === 1;
  setDevice = (cardId: string, brand: string, model: string) => this.#s.setDevice.run(brand, model, cardId);
  /**
   * The card moved to another phone: every session minted before, but the one that moved it, stops opening the card,
   * and so does every hand-off link not yet claimed (it would mint a session of the old kind).
   */
  endCredentialsBefore = (cardId: string, keptSessionId: string, at: number) => {
    this.#s.revokeSessions.run(at, cardId, keptSessionId);
    this.#s.expireHandoffs.run(at, cardId);
  };
}

const stores = new WeakMap<Db, CareStore>();

/** The card-care statements of this database, prepared once. */
export function careStore(db: Db): CareStore {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = new CareStore(db)));
  return store;
}
