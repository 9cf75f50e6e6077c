/**
 * Seeding: writes the fixed data of `seed/` into a database — partners, the plan catalogue and the demo cards into
 * an empty one, and what was added to the seed since the first release into an older one — and makes new cards from
 * templates, each with its activation code and past orders.
 *
 * Past orders are written as they would have settled: a quote priced then (by the same rules as `POST /v1/quotes`),
 * and the renewal's period and data recorded as the settlement records them (`sandbox/settle.ts`).
 */
import { newActivationCode } from './activation.ts';
import type { Db } from './db.ts';
import { priceQuote, QUOTE_TTL_MS } from './pricing.ts';
import type { CardRow, PlanRow } from './rows.ts';
import { cardRow, DEMO_CARDS, pastOrdersOf, type NewCard, type PastOrder } from './seed/cards.ts';
import { PARTNERS, PROMO_CODES, promoRow } from './seed/partners.ts';
import { PLAN_ROWS } from './seed/plans.ts';
import { DAY_MS, MINUTE_MS } from './units.ts';
import { randomId, sha256 } from './util.ts';

/** Fills an empty database with the seed (relative to `now`), then adds what an older one lacks. */
export function seedDatabase(db: Db, now: number): void {
  const { count } = db.prepare('SELECT COUNT(*) AS count FROM partners').get() as { count: number };
  if (count === 0) db.transaction(() => seedEmpty(db, now))();
  addMissingSeeds(db, now);
}

function seedEmpty(db: Db, now: number): void {
  const partner = db.prepare('INSERT INTO partners (id, name, key_hash, origins) VALUES (?, ?, ?, ?)');
  for (const p of PARTNERS) partner.run(p.id, p.name, sha256(p.secretKey), JSON.stringify(p.origins));
  const plan = db.prepare(`INSERT INTO plans (id, position, region, period, duration_days, data_bytes, coverage,
    name_en, name_zh, region_name_en, region_name_zh, price_cny, price_usd, compare_cny, compare_usd, tags, prices,
    compare_prices) VALUES (@id, @position, @region, @period, @duration_days, @data_bytes, @coverage, @name_en,
    @name_zh, @region_name_en, @region_name_zh, @price_cny, @price_usd, @compare_cny, @compare_usd, @tags, @prices,
    @compare_prices)`);
  for (const row of PLAN_ROWS) plan.run(row);
  for (const card of DEMO_CARDS) insertCardFromTemplate(db, { ...card, now });
}

const insertPromo = `INSERT INTO promo_codes (code, percent_off, starts_at, ends_at, max_uses, uses, amounts_off)
  VALUES (@code, @percent_off, @starts_at, @ends_at, @max_uses, @uses, @amounts_off) ON CONFLICT (code) DO NOTHING`;

/**
 * Seed data added after the first release (promo codes, partners' origins and renewal pages, plans' prices in more
 * currencies, demo cards in those currencies), for an older database.
 */
function addMissingSeeds(db: Db, now: number): void {
  db.transaction(() => {
    const prices = db.prepare('UPDATE plans SET prices = ?, compare_prices = ? WHERE id = ? AND prices IS NULL');
    for (const row of PLAN_ROWS) prices.run(row.prices, row.compare_prices, row.id);
    const hasCard = db.prepare<[string], { id: string }>('SELECT id FROM cards WHERE id = ?');
    for (const card of DEMO_CARDS) if (!hasCard.get(card.id)) insertCardFromTemplate(db, { ...card, now });
    const promo = db.prepare(insertPromo);
    for (const p of PROMO_CODES) promo.run(promoRow(p));
    const origins = db.prepare('UPDATE partners SET origins = ? WHERE id = ? AND origins IS NULL');
    for (const p of PARTNERS) origins.run(JSON.stringify(p.origins), p.id);
    const renewalPage = db.prepare('UPDATE partners SET renewal_page = ? WHERE id = ? AND renewal_page IS NULL');
    for (const p of PARTNERS) renewalPage.run(p.renewalPage, p.id);
  }).immediate();
}

/** Creates a card as its template describes it, relative to `now`, with its activation and past orders: all or nothing. */
export function insertCardFromTemplate(db: Db, card: NewCard): void {
  db.transaction(() => {
    const row = cardRow(card);
    db.prepare(`INSERT INTO cards (id, partner_id, iccid, label, plan_id, currency, coverage, valid_from, expires_at,
      remaining_bytes, total_bytes, renewal_count, suspended, auto_renew, auto_renew_plan_id, created_at, credit_amount,
      contact, device_brand, device_model) VALUES (@id, @partner_id, @iccid, @label, @plan_id, @currency, @coverage,
      @valid_from, @expires_at, @remaining_bytes, @total_bytes, @renewal_count, @suspended, @auto_renew,
      @auto_renew_plan_id, @created_at, @credit_amount, @contact, @device_brand, @device_model)`).run(row);
    // The card's eSIM profile is installed on its phone since it became valid.
    db.prepare(`INSERT INTO activations (code, card_id, state, expires_at, installed_at, created_at)
      VALUES (?, ?, 'installed', NULL, ?, ?)`).run(newActivationCode(), row.id, row.valid_from, row.valid_from);
    insertPastOrders(db, row, pastOrdersOf(card), card.now);
  })();
}

function insertPastOrders(db: Db, card: CardRow, history: PastOrder[], now: number): void {
  const plan = db.prepare<[string], PlanRow>('SELECT * FROM plans WHERE id = ?');
  const insertQuote = db.prepare(`INSERT INTO quotes (id, card_id, plan_id, quantity, promo_code, body, expires_at,
    created_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)`);
  const insertOrder = db.prepare(`INSERT INTO orders (id, card_id, quote_id, status, payment_method, return_url,
    public_base, action_expires_at, failure_code, settle_at, created_at, updated_at, renewed_until, period_start,
    added_bytes, prev_plan_id, prev_remaining_bytes, prev_total_bytes, credit_used)
    VALUES (?, ?, ?, ?, ?, NULL, '', NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`);
  const succeeded = history.filter((o) => (o.status ?? 'succeeded') === 'succeeded').length;
  let renewalsBefore = Math.max(0, card.renewal_count - succeeded);
  for (const past of history) {
    const p = plan.get(past.planId);
    if (!p) throw new Error(`seed: unknown plan ${past.planId}`);
    const quantity = past.quantity ?? 1;
    const status = past.status ?? 'succeeded';
    const paidAt = Math.round(now - past.paidDaysAgo * DAY_MS);
    const start = Math.max(paidAt, past.startsInDays === undefined ? paidAt : Math.round(now + past.startsInDays * DAY_MS));
    const added = card.remaining_bytes === null || p.data_bytes === null ? null : p.data_bytes * quantity;
    // What the card had before: enough that the latest renewal's "data after" matches today's balance.
    const carried = card.remaining_bytes === null ? null : Math.max(0, card.remaining_bytes - (added ?? 0));
    const then: CardRow = { ...card, expires_at: start, remaining_bytes: carried, renewal_count: renewalsBefore, credit_amount: 0 };
    const quotedAt = paidAt - 5 * MINUTE_MS;
    const quoteId = randomId('quo');
    const body = priceQuote(quoteId, { card: then, plan: p, quantity, promo: null, credit: 0, lang: card.currency === 'CNY' ? 'zh-CN' : 'en', now: quotedAt });
    insertQuote.run(quoteId, card.id, p.id, quantity, JSON.stringify(body), quotedAt + QUOTE_TTL_MS, quotedAt);
    const done = status === 'succeeded';
    insertOrder.run(randomId('ord'), card.id, quoteId, status, past.paymentMethod ?? 'alipay',
      status === 'failed' ? 'payment_declined' : null, done ? paidAt : null, paidAt - 3 * MINUTE_MS, paidAt,
      done ? start + p.duration_days * quantity * DAY_MS : null, done ? start : null, done ? added : null,
      done ? card.plan_id : null, done ? carried : null, done ? carried : null);
    if (done) renewalsBefore++;
  }
}
