/** Prepared statements over the webhook tables (`schema.ts`), one method per question the webhook modules ask. */
import type { WebhookEventType } from '../../src/server/schemas.ts';
import type { Db } from '../db.ts';

export interface EndpointRow {
  id: string; partner_id: string; url: string; secret: string; events: string; expiring_days: string;
  description: string | null; created_at: number; deleted_at: number | null;
}

/** An endpoint with its JSON columns read. */
export interface Endpoint {
  id: string;
  url: string;
  secret: string;
  events: WebhookEventType[];
  /** Largest first. */
  expiringDays: number[];
  description: string | null;
  createdAt: number;
}

export interface DueDelivery {
  id: string; attempts: number; first_attempt_at: number | null; next_attempt_at: number;
  event_id: string; body: string; url: string; secret: string;
}

const toEndpoint = (row: EndpointRow): Endpoint => ({
  id: row.id,
  url: row.url,
  secret: row.secret,
  events: JSON.parse(row.events) as WebhookEventType[],
  expiringDays: JSON.parse(row.expiring_days) as number[],
  description: row.description,
  createdAt: row.created_at,
});

export class WebhookRepository {
  readonly #s;

  constructor(db: Db) {
    this.#s = {
      insertEndpoint: db.prepare<[string, string, string, string, string, string, string | null, number], void>(
        `INSERT INTO webhook_endpoints (id, partner_id, url, secret, events, expiring_days, description, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      endpointsOf: db.prepare<[string], EndpointRow>(
        'SELECT * FROM webhook_endpoints WHERE partner_id = ? AND deleted_at IS NULL ORDER BY created_at, id'),
      deleteEndpoint: db.prepare<[number, string, string], void>(
        'UPDATE webhook_endpoints SET deleted_at = ? WHERE id = ? AND partner_id = ? AND deleted_at IS NULL'),
      cancelDeliveries: db.prepare<[string], void>(
        `UPDATE webhook_deliveries SET status = 'canceled', next_attempt_at = NULL WHERE endpoint_id = ? AND status = 'pending'`),
      eventExists: db.prepare<[string], { one: 1 }>('SELECT 1 AS one FROM events WHERE once_key = ?'),
      insertEvent: db.prepare<[string, string, string, string, string, number], { seq: number }>(
        `INSERT INTO events (id, partner_id, type, once_key, body, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (once_key) DO NOTHING RETURNING seq`),
      events: db.prepare<[{ partner: string; type: string | null; before: number; limit: number }], { seq: number; body: string }>(
        `SELECT seq, body FROM events WHERE partner_id = @partner AND (@type IS NULL OR type = @type) AND seq < @before
         ORDER BY seq DESC LIMIT @limit`),
      insertDelivery: db.prepare<[string, number, string, number, number], void>(
        `INSERT INTO webhook_deliveries (id, event_seq, endpoint_id, status, next_attempt_at, created_at)
         VALUES (?, ?, ?, 'pending', ?, ?) ON CONFLICT (event_seq, endpoint_id) DO NOTHING`),
      due: db.prepare<[number, number], DueDelivery>(
        `SELECT d.id, d.attempts, d.first_attempt_at, d.next_attempt_at, e.id AS event_id, e.body, w.url, w.secret
         FROM webhook_deliveries d JOIN events e ON e.seq = d.event_seq JOIN webhook_endpoints w ON w.id = d.endpoint_id
         WHERE d.status = 'pending' AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at LIMIT ?`),
      claim: db.prepare<[{ id: string; attempt: number; at: number; retryAt: number }], void>(
        `UPDATE webhook_deliveries SET attempts = @attempt, next_attempt_at = @retryAt,
         first_attempt_at = COALESCE(first_attempt_at, @at), last_attempt_at = @at
         WHERE id = @id AND status = 'pending' AND attempts = @attempt - 1`),
      succeeded: db.prepare<[number, number, string, number], void>(
        `UPDATE webhook_deliveries SET status = 'succeeded', delivered_at = ?, last_status = ?, last_error = NULL,
         next_attempt_at = NULL WHERE id = ? AND status = 'pending' AND attempts = ?`),
      retry: db.prepare<[number | null, string | null, number, string, number], void>(
        `UPDATE webhook_deliveries SET last_status = ?, last_error = ?, next_attempt_at = ?
         WHERE id = ? AND status = 'pending' AND attempts = ?`),
      giveUp: db.prepare<[number | null, string | null, string, number], void>(
        `UPDATE webhook_deliveries SET status = 'failed', last_status = ?, last_error = ?, next_attempt_at = NULL
         WHERE id = ? AND status = 'pending' AND attempts = ?`),
    };
  }

  insertEndpoint = (partnerId: string, e: Omit<Endpoint, 'createdAt'>, at: number) =>
    this.#s.insertEndpoint.run(e.id, partnerId, e.url, e.secret, JSON.stringify(e.events), JSON.stringify(e.expiringDays),
      e.description, at);
  endpointsOf = (partnerId: string): Endpoint[] => this.#s.endpointsOf.all(partnerId).map(toEndpoint);
  /** Returns whether the partner had this endpoint; its pending deliveries are canceled with it. */
  deleteEndpoint = (partnerId: string, id: string, at: number): boolean => {
    if (this.#s.deleteEndpoint.run(at, id, partnerId).changes !== 1) return false;
    this.#s.cancelDeliveries.run(id);
    return true;
  };

  eventExists = (onceKey: string) => this.#s.eventExists.get(onceKey) !== undefined;
  /** The new event's sequence number, or undefined when one with this `onceKey` was recorded before. */
  insertEvent = (e: { id: string; partnerId: string; type: string; onceKey: string; body: string; createdAt: number }) =>
    this.#s.insertEvent.get(e.id, e.partnerId, e.type, e.onceKey, e.body, e.createdAt)?.seq;
  /** A page of the partner's events, newest first, before sequence number `before`. */
  events = (partnerId: string, type: string | null, before: number, limit: number) =>
    this.#s.events.all({ partner: partnerId, type, before, limit });

  insertDelivery = (id: string, eventSeq: number, endpointId: string, at: number) =>
    this.#s.insertDelivery.run(id, eventSeq, endpointId, at, at);
  due = (at: number, limit: number) => this.#s.due.all(at, limit);
  /**
   * Takes attempt number `attempt` of a delivery, if nobody took it first. Until its outcome is written the delivery
   * is due again at `retryAt`: if this process dies mid-request, another attempt follows then (at least once).
   */
  claim = (id: string, attempt: number, at: number, retryAt: number) =>
    this.#s.claim.run({ id, attempt, at, retryAt }).changes === 1;
  succeeded = (id: string, attempt: number, at: number, status: number) => this.#s.succeeded.run(at, status, id, attempt);
  retry = (id: string, attempt: number, retryAt: number, status: number | null, error: string | null) =>
    this.#s.retry.run(status, error, retryAt, id, attempt);
  giveUp = (id: string, attempt: number, status: number | null, error: string | null) =>
    this.#s.giveUp.run(status, error, id, attempt);
}

const repositories = new WeakMap<Db, WebhookRepository>();

/** The webhook statements of this database, prepared once. */
export function webhookRepository(db: Db): WebhookRepository {
  let repository = repositories.get(db);
  if (!repository) repositories.set(db, (repository = new WebhookRepository(db)));
  return repository;
}
