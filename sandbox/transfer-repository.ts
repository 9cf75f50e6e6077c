/**
 * Prepared statements over moving a card to another phone: the moves (with their one-time codes), the card's
 * activation codes and the phone it is on. One method per question.
 */
import type { Db } from './db.ts';
import type { ActivationRow, TransferRow } from './rows.ts';

export class TransferRepository {
  readonly #s;

  constructor(db: Db) {
    this.#s = {
      transfer: db.prepare<[string], TransferRow>('SELECT * FROM transfers WHERE id = ?'),
      supersedeTransfers: db.prepare<[number, string], void>(
        `UPDATE transfers SET expires_at = MIN(expires_at, ?) WHERE card_id = ? AND status = 'verifying'`),
      insertTransfer: db.prepare<[string, string, string, string, string, string, string, string, number, number, number], void>(
        `INSERT INTO transfers (id, card_id, brand, model, status, channel, destination, code_hash, code_plain,
         attempts_left, expires_at, created_at) VALUES (?, ?, ?, ?, 'verifying', ?, ?, ?, ?, ?, ?, ?)`),
      startsSince: db.prepare<[string, number], { n: number; first: number | null }>(
        'SELECT COUNT(*) AS n, MIN(created_at) AS first FROM transfers WHERE card_id = ? AND created_at > ?'),
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
    };
  }

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
  /** How many moves the card started after `since`, and when the first of them was. */
  startsSince = (cardId: string, since: number) => this.#s.startsSince.get(cardId, since)!;
}
