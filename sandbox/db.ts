/**
 * SQLite storage: the schema, the columns added since the first release, and opening a database. Seeding is in
 * `seeding.ts`; the row types are in `rows.ts`; the questions the routes ask are in the repositories.
 */
import Database from 'better-sqlite3';
import { WEBHOOK_SCHEMA } from './webhooks/schema.ts';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS partners (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS plans (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  region TEXT NOT NULL,
  period TEXT NOT NULL CHECK (period IN ('day', 'month', 'year')),
  duration_days INTEGER NOT NULL CHECK (duration_days > 0),
  data_bytes INTEGER,
  coverage TEXT NOT NULL,
  name_en TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  region_name_en TEXT NOT NULL,
  region_name_zh TEXT NOT NULL,
  price_cny INTEGER NOT NULL,
  price_usd INTEGER NOT NULL,
  compare_cny INTEGER,
  compare_usd INTEGER,
  tags TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS cards (
  id TEXT PRIMARY KEY,
  partner_id TEXT NOT NULL REFERENCES partners(id),
  iccid TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  plan_id TEXT NOT NULL REFERENCES plans(id),
  currency TEXT NOT NULL,
  coverage TEXT NOT NULL,
  valid_from INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  remaining_bytes INTEGER,
  total_bytes INTEGER,
  renewal_count INTEGER NOT NULL DEFAULT 0,
  suspended INTEGER NOT NULL DEFAULT 0,
  auto_renew INTEGER NOT NULL DEFAULT 0,
  auto_renew_plan_id TEXT REFERENCES plans(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS cards_partner ON cards(partner_id);
CREATE TABLE IF NOT EXISTS promo_codes (
  code TEXT PRIMARY KEY,
  percent_off INTEGER NOT NULL CHECK (percent_off BETWEEN 0 AND 100),
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  max_uses INTEGER,
  uses INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  card_id TEXT NOT NULL REFERENCES cards(id),
  locale TEXT,
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS quotes (
  id TEXT PRIMARY KEY,
  card_id TEXT NOT NULL REFERENCES cards(id),
  plan_id TEXT NOT NULL REFERENCES plans(id),
  quantity INTEGER NOT NULL,
  promo_code TEXT REFERENCES promo_codes(code),
  body TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS orders (
  id TEXT PRIMARY KEY,
  card_id TEXT NOT NULL REFERENCES cards(id),
  quote_id TEXT NOT NULL REFERENCES quotes(id),
  status TEXT NOT NULL CHECK (status IN ('requires_payment', 'processing', 'succeeded', 'failed', 'canceled')),
  payment_method TEXT NOT NULL CHECK (payment_method IN ('card', 'alipay', 'wechat_pay')),
  return_url TEXT,
  public_base TEXT NOT NULL,
  action_expires_at INTEGER,
  failure_code TEXT,
  settle_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_due ON orders(status, settle_at);
CREATE INDEX IF NOT EXISTS orders_quote ON orders(quote_id);
CREATE TABLE IF NOT EXISTS handoffs (
  code_hash TEXT PRIMARY KEY,
  card_id TEXT NOT NULL REFERENCES cards(id),
  plan_id TEXT REFERENCES plans(id),
  locale TEXT,
  expires_at INTEGER NOT NULL,
  claimed_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS idempotency_keys (
  card_id TEXT NOT NULL REFERENCES cards(id),
  key TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  order_id TEXT NOT NULL REFERENCES orders(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (card_id, key)
);
CREATE INDEX IF NOT EXISTS orders_card_created ON orders(card_id, created_at, id);
CREATE TABLE IF NOT EXISTS refunds (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL UNIQUE REFERENCES orders(id),
  card_id TEXT NOT NULL REFERENCES cards(id),
  idempotency_key TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  note TEXT,
  status TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'rejected')),
  outcome TEXT NOT NULL CHECK (outcome IN ('full', 'credit', 'rejected')),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  currency TEXT NOT NULL,
  reason TEXT NOT NULL,
  decide_at INTEGER NOT NULL,
  decided_at INTEGER,
  created_at INTEGER NOT NULL,
  UNIQUE (card_id, idempotency_key)
);
CREATE INDEX IF NOT EXISTS refunds_due ON refunds(status, decide_at);
CREATE TABLE IF NOT EXISTS transfers (
  id TEXT PRIMARY KEY,
  card_id TEXT NOT NULL REFERENCES cards(id),
  brand TEXT NOT NULL,
  model TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('verifying', 'completed', 'locked')),
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
  destination TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  -- Sandbox only: lets tests read the code "sent" by SMS. A real server keeps only the hash.
  code_plain TEXT NOT NULL,
  attempts_left INTEGER NOT NULL CHECK (attempts_left >= 0),
  expires_at INTEGER NOT NULL,
  completed_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS transfers_card ON transfers(card_id, status);
CREATE TABLE IF NOT EXISTS activations (
  code TEXT PRIMARY KEY,
  card_id TEXT NOT NULL REFERENCES cards(id),
  state TEXT NOT NULL CHECK (state IN ('ready', 'installed', 'transferred')),
  expires_at INTEGER,
  installed_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS activations_card ON activations(card_id, created_at);
`;

/**
 * Columns added after the first release. `CREATE TABLE IF NOT EXISTS` leaves an existing table alone, so a
 * database from an older sandbox gets them here (and a fresh one too: one path for both).
 */
const ADDED_COLUMNS: Array<[table: string, column: string, declaration: string]> = [
  // JSON array of the partner's registered origins (`sandbox/url-rules.ts`); filled from the seed when null.
  ['partners', 'origins', 'TEXT'],
  // The page renewal links open (`POST /v1/renewal-links`); filled from the seed when null.
  ['partners', 'renewal_page', 'TEXT'],
  // The partner's sandbox time, ahead of real time by this much (`POST /sandbox/clock`).
  ['partners', 'clock_offset_ms', 'INTEGER NOT NULL DEFAULT 0'],
  ['cards', 'credit_amount', 'INTEGER NOT NULL DEFAULT 0'],
  ['cards', 'contact', 'TEXT'],
  ['cards', 'device_brand', 'TEXT'],
  ['cards', 'device_model', 'TEXT'],
  // What a settled renewal did to the card, recorded at settlement: the refund policy and a full refund need it.
  ['orders', 'renewed_until', 'INTEGER'],
  ['orders', 'period_start', 'INTEGER'],
  ['orders', 'added_bytes', 'INTEGER'],
  ['orders', 'prev_plan_id', 'TEXT'],
  ['orders', 'prev_remaining_bytes', 'INTEGER'],
  ['orders', 'prev_total_bytes', 'INTEGER'],
  ['orders', 'credit_used', 'INTEGER NOT NULL DEFAULT 0'],
  // The store credit a live order (requires_payment, processing) holds: what its quote offered. Settlement spends
  // exactly this; an order that fails or is canceled holds nothing any more (see `OrderRepository.creditHeld`).
  ['orders', 'credit_reserved', 'INTEGER NOT NULL DEFAULT 0'],
  // Where the widget ran when the order was made (`PAYMENT_ENVS`); null for older orders, which are `desktop`.
  ['orders', 'payment_env', 'TEXT'],
  // The wallet's own reference, made with the order: Alipay's trade number (`tradePay`), WeChat Pay's prepay id.
  ['orders', 'provider_ref', 'TEXT'],
  // When the payment's provider side (the wallet trade, the hosted card session) was closed, by a cancel or by
  // closing an order left unpaid: from then on the provider refuses a payment for it (see `order-payments.ts`).
  ['orders', 'payment_closed_at', 'INTEGER'],
  // Set when the card moved to another phone after the session was minted: it no longer opens the card.
  ['sessions', 'revoked_at', 'INTEGER'],
  // A plan's price (and compare-at price) in every currency the catalogue is priced in, as JSON; filled from the
  // seed when null (`seed/prices.ts`).
  ['plans', 'prices', 'TEXT'],
  ['plans', 'compare_prices', 'TEXT'],
  // A fixed-amount promo code's amount in every priced currency, as JSON; null for a percentage code.
  ['promo_codes', 'amounts_off', 'TEXT'],
];

function addMissingColumns(db: Db): void {
  // Under the write lock, so two processes opening the same file cannot both add a column.
  db.transaction(() => {
    for (const [table, column, declaration] of ADDED_COLUMNS) {
      const columns = db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>;
      if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${declaration}`);
    }
  }).immediate();
}

/** Opens (or creates) the database and brings its schema up to date; `seeding.ts` fills it. */
export function openDatabase(dbPath: string): Db {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  addMissingColumns(db);
  // On an added column, so only once it exists.
  db.exec('CREATE UNIQUE INDEX IF NOT EXISTS orders_provider_ref ON orders(provider_ref)');
  db.exec(WEBHOOK_SCHEMA);
  return db;
}
