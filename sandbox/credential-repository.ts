/**
 * Prepared statements over what opens a card: session tokens and single-use hand-off codes, stored only as hashes.
 */
import type { Db } from './db.ts';
import type { HandoffRow, SessionRow } from './rows.ts';

export class CredentialRepository {
  readonly #s;

  constructor(db: Db) {
    this.#s = {
      insertSession: db.prepare<[string, string, string, string | null, number, number], void>(
        'INSERT INTO sessions (id, token_hash, card_id, locale, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      sessionByHash: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token_hash = ?'),
      expireSession: db.prepare<[number, string], void>('UPDATE sessions SET expires_at = MIN(expires_at, ?) WHERE id = ?'),
      revokeSessions: db.prepare<[number, string, string], void>(
        'UPDATE sessions SET revoked_at = ? WHERE card_id = ? AND id != ? AND revoked_at IS NULL'),
      insertHandoff: db.prepare<[string, string, string | null, string | null, number, number], void>(
        'INSERT INTO handoffs (code_hash, card_id, plan_id, locale, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      handoff: db.prepare<[string], HandoffRow>('SELECT * FROM handoffs WHERE code_hash = ?'),
      claimHandoff: db.prepare<[number, string], void>(
        'UPDATE handoffs SET claimed_at = ? WHERE code_hash = ? AND claimed_at IS NULL'),
      expireHandoffs: db.prepare<[number, string], void>(
        'UPDATE handoffs SET expires_at = MIN(expires_at, ?) WHERE card_id = ? AND claimed_at IS NULL'),
    };
  }

  insertSession = (s: SessionRow) =>
    this.#s.insertSession.run(s.id, s.token_hash, s.card_id, s.locale, s.expires_at, s.created_at);
  sessionByHash = (hash: string) => this.#s.sessionByHash.get(hash);
  expireSession = (id: string, at: number) => this.#s.expireSession.run(at, id);

  insertHandoff = (h: Pick<HandoffRow, 'code_hash' | 'card_id' | 'plan_id' | 'locale' | 'expires_at' | 'created_at'>) =>
    this.#s.insertHandoff.run(h.code_hash, h.card_id, h.plan_id, h.locale, h.expires_at, h.created_at);
  handoff = (codeHash: string) => this.#s.handoff.get(codeHash);
  /** Marks the code used; returns false when it already was. */
  claimHandoff = (codeHash: string, at: number) => this.#s.claimHandoff.run(at, codeHash).changes === 1;

  /**
   * The card moved to another phone: every session minted before, but the one that moved it, stops opening the card,
   * and so does every hand-off link not yet claimed (it would mint a session of the old kind).
   */
  endCredentialsBefore = (cardId: string, keptSessionId: string, at: number) => {
    this.#s.revokeSessions.run(at, cardId, keptSessionId);
    this.#s.expireHandoffs.run(at, cardId);
  };
}
