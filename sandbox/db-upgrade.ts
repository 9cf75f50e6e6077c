/**
 * A database an older sandbox made is brought up to date when it is opened: the columns and the seed data added
 * since the first release. A fresh database goes through the same steps (one path for both).
 */
import type { Db } from './db.ts';
import { PARTNERS, PROMO_CODES } from './seed.ts';

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
  // exactly this; an order that fails or is canceled holds nothing any more (see `Store.creditHeld`).
  ['orders', 'credit_reserved', 'INTEGER NOT NULL DEFAULT 0'],
  // Set when the card moved to another phone after the session was minted: it no longer opens the card.
  ['sessions', 'revoked_at', 'INTEGER'],
];

export function addMissingColumns(db: Db): void {
  // Under the write lock, so two processes opening the same file cannot both add a column.
  db.transaction(() => {
    for (const [table, column, declaration] of ADDED_COLUMNS) {
      const columns = db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>;
      if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${declaration}`);
    }
  }).immediate();
}

const insertPromo = `INSERT INTO promo_codes (code, percent_off, starts_at, ends_at, max_uses, uses) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (code) DO NOTHING`;

/** Seed data added after the first release (a promo code, partners' origins and renewal pages), for a database an older sandbox seeded. */
export function addMissingSeeds(db: Db): void {
  db.transaction(() => {
    const promo = db.prepare(insertPromo);
    for (const p of PROMO_CODES) promo.run(p.code, p.percentOff, Date.parse(p.startsAt), Date.parse(p.endsAt), p.maxUses, p.uses);
    const origins = db.prepare('UPDATE partners SET origins = ? WHERE id = ? AND origins IS NULL');
    for (const p of PARTNERS) origins.run(JSON.stringify(p.origins), p.id);
    const renewalPage = db.prepare('UPDATE partners SET renewal_page = ? WHERE id = ? AND renewal_page IS NULL');
    for (const p of PARTNERS) renewalPage.run(p.renewalPage, p.id);
  }).immediate();
}
