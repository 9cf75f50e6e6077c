/**
 * SQLite storage: schema, row types and the seed. Times are stored as epoch milliseconds; JSON arrays as text.
 */
import Database from 'better-sqlite3';
import { CARD_TEMPLATES, CATALOG_COUNTRIES, DEMO_CARDS, PARTNERS, PLANS, type CardTemplateName } from './seed.ts';
import { seedCardCare } from './care-seed.ts';
import { addMissingColumns, addMissingSeeds } from './db-upgrade.ts';
import { WEBHOOK_SCHEMA } from './webhooks/schema.ts';
import { DAY_MS, sha256 } from './util.ts';

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

export interface PartnerRow {
  id: string; name: string; key_hash: string;
  /** JSON array of the origins the partner's pages may be on (return URLs, hand-off pages). */
  origins: string | null;
  /** The page renewal links open: a URL, or a path on the sandbox's own origin (`/demo`). */
  renewal_page: string | null;
  /** How far the partner's sandbox time is ahead of real time (`sandbox/clock.ts`). */
  clock_offset_ms: number;
}

export interface PlanRow {
  id: string; position: number; region: string; period: 'day' | 'month' | 'year'; duration_days: number;
  data_bytes: number | null; coverage: string; name_en: string; name_zh: string; region_name_en: string;
  region_name_zh: string; price_cny: number; price_usd: number; compare_cny: number | null; compare_usd: number | null;
  tags: string;
}

export interface CardRow {
  id: string; partner_id: string; iccid: string; label: string; plan_id: string; currency: string; coverage: string;
  valid_from: number; expires_at: number; remaining_bytes: number | null; total_bytes: number | null;
  renewal_count: number; suspended: number; auto_renew: number; auto_renew_plan_id: string | null; created_at: number;
  /** Store credit in minor units of `currency`. */
  credit_amount: number; contact: string | null; device_brand: string | null; device_model: string | null;
}

export interface PromoRow {
  code: string; percent_off: number; starts_at: number; ends_at: number; max_uses: number | null; uses: number;
}

export interface SessionRow {
  id: string; token_hash: string; card_id: string; locale: string | null; expires_at: number; created_at: number;
  /** When the session was ended by a move of the card to another phone; null while it is good. */
  revoked_at?: number | null;
}

export interface QuoteRow {
  id: string; card_id: string; plan_id: string; quantity: number; promo_code: string | null; body: string;
  expires_at: number; created_at: number;
}

export interface OrderRow {
  id: string; card_id: string; quote_id: string;
  status: 'requires_payment' | 'processing' | 'succeeded' | 'failed' | 'canceled';
  payment_method: 'card' | 'alipay' | 'wechat_pay'; return_url: string | null; public_base: string;
  action_expires_at: number | null; failure_code: string | null; settle_at: number | null;
  created_at: number; updated_at: number;
  /** Set at settlement: the renewal's period [period_start, renewed_until] and the data it added (null: unlimited). */
  renewed_until: number | null; period_start: number | null; added_bytes: number | null;
  /** The card before the renewal, for a full refund of an unlimited plan. */
  prev_plan_id: string | null; prev_remaining_bytes: number | null; prev_total_bytes: number | null;
  /** Store credit the order consumed when it succeeded. */
  credit_used: number;
  /** Store credit the order took from its quote: held while it is live, spent (as `credit_used`) when it succeeds. */
  credit_reserved: number;
}

export interface RefundRow {
  id: string; order_id: string; card_id: string; idempotency_key: string; body_hash: string; note: string | null;
  status: 'requested' | 'approved' | 'rejected'; outcome: 'full' | 'credit' | 'rejected'; amount: number;
  currency: string; reason: string; decide_at: number; decided_at: number | null; created_at: number;
}

export interface TransferRow {
  id: string; card_id: string; brand: string; model: string; status: 'verifying' | 'completed' | 'locked';
  channel: 'sms' | 'email'; destination: string; code_hash: string; code_plain: string; attempts_left: number;
  expires_at: number; completed_at: number | null; created_at: number;
}

export interface ActivationRow {
  code: string; card_id: string; state: 'ready' | 'installed' | 'transferred'; expires_at: number | null;
  installed_at: number | null; created_at: number;
}

/** Opens (or creates) the database, applies the schema and seeds it when empty. */
export function openDatabase(dbPath: string, now: number): Db {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  addMissingColumns(db);
  db.exec(WEBHOOK_SCHEMA);
  const { count } = db.prepare('SELECT COUNT(*) AS count FROM partners').get() as { count: number };
  if (count === 0) db.transaction(() => seed(db, now))();
  addMissingSeeds(db);
  return db;
}

function seed(db: Db, now: number): void {
  const partner = db.prepare('INSERT INTO partners (id, name, key_hash, origins) VALUES (?, ?, ?, ?)');
  for (const p of PARTNERS) partner.run(p.id, p.name, sha256(p.secretKey), JSON.stringify(p.origins));

  const plan = db.prepare(`INSERT INTO plans (id, position, region, period, duration_days, data_bytes, coverage,
    name_en, name_zh, region_name_en, region_name_zh, price_cny, price_usd, compare_cny, compare_usd, tags)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  PLANS.forEach((p, position) => {
    plan.run(p.id, position, p.region, p.period, p.durationDays, p.dataBytes, JSON.stringify(p.coverage), p.name.en,
      p.name.zh, p.regionName.en, p.regionName.zh, p.price.CNY, p.price.USD, p.compareAtPrice?.CNY ?? null,
      p.compareAtPrice?.USD ?? null, JSON.stringify(p.tags));
  });

  for (const card of DEMO_CARDS) {
    insertCardFromTemplate(db, { ...card, now });
  }
}

export interface NewCard {
  id: string;
  partnerId: string;
  iccid: string;
  template: CardTemplateName;
  currency?: 'CNY' | 'USD';
  label?: string;
  now: number;
}

/** Creates a card as one of the templates describes it, relative to `now`, with its past orders: all or nothing. */
export function insertCardFromTemplate(db: Db, card: NewCard): void {
  db.transaction(() => insertCard(db, card))();
}

function insertCard(db: Db, card: NewCard): void {
  const t = CARD_TEMPLATES[card.template];
  db.prepare(`INSERT INTO cards (id, partner_id, iccid, label, plan_id, currency, coverage, valid_from, expires_at,
    remaining_bytes, total_bytes, renewal_count, suspended, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(card.id, card.partnerId, card.iccid, card.label ?? t.label, t.planId, card.currency ?? t.currency,
      JSON.stringify(t.coverage ?? CATALOG_COUNTRIES), card.now - t.validFromDaysAgo * DAY_MS,
      card.now + t.expiresInDays * DAY_MS, t.remainingBytes, t.totalBytes, t.renewalCount, t.suspended ? 1 : 0, card.now);
  seedCardCare(db, card);
}
