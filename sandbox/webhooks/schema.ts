/**
 * The webhook tables: partners' endpoints, the events recorded for them (once each), and one delivery per event and
 * endpoint, kept until it succeeds or is given up — so a restart, even after SIGKILL, resumes where it stopped.
 */
export const WEBHOOK_SCHEMA = `
CREATE TABLE IF NOT EXISTS webhook_endpoints (
  id TEXT PRIMARY KEY,
  partner_id TEXT NOT NULL REFERENCES partners(id),
  url TEXT NOT NULL,
  -- Kept as it is, not hashed: every delivery is signed with it. Shown to the partner only when it is created.
  secret TEXT NOT NULL,
  -- JSON arrays: the event types wanted, and the days before expiry for card.expiring (largest first).
  events TEXT NOT NULL,
  expiring_days TEXT NOT NULL,
  description TEXT,
  created_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX IF NOT EXISTS webhook_endpoints_partner ON webhook_endpoints(partner_id, deleted_at);
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  partner_id TEXT NOT NULL REFERENCES partners(id),
  type TEXT NOT NULL,
  -- What the event is about, once: e.g. card.expiring:<card>:<expiry>:14. Recording it again does nothing.
  once_key TEXT NOT NULL UNIQUE,
  -- The event as JSON: the very bytes every delivery sends and GET /v1/events lists.
  body TEXT NOT NULL,
  -- The partner's sandbox time.
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS events_partner ON events(partner_id, seq);
CREATE INDEX IF NOT EXISTS events_partner_type ON events(partner_id, type, seq);
CREATE TABLE IF NOT EXISTS webhook_deliveries (
  id TEXT PRIMARY KEY,
  event_seq INTEGER NOT NULL REFERENCES events(seq),
  endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'canceled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  -- Times below are the base (real) time, not the partner's sandbox time: retries happen in real time.
  next_attempt_at INTEGER,
  first_attempt_at INTEGER,
  last_attempt_at INTEGER,
  -- The last answer's HTTP status, or why there was none (timeout, connection refused…).
  last_status INTEGER,
  last_error TEXT,
  delivered_at INTEGER,
  created_at INTEGER NOT NULL,
  UNIQUE (event_seq, endpoint_id)
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at);
CREATE INDEX IF NOT EXISTS cards_partner_expiry ON cards(partner_id, expires_at);
`;
