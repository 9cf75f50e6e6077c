/**
 * Card care seed data: each card's contact (where one-time codes go), its phone, its activation code, and past
 * orders, so the order history and the three refund outcomes can be shown on seeded data.
 *
 * Past orders are written as they would have settled: a quote priced then, and the renewal's period and data
 * recorded as the settlement records them (`sandbox/settle.ts`). The card rows themselves come from the templates.
 */
import type { PaymentMethod } from '../src/client/schemas.ts';
import { newActivationCode } from './activation.ts';
import type { CardRow, Db, NewCard, PlanRow } from './db.ts';
import { priceQuote, QUOTE_TTL_MS } from './pricing.ts';
import type { CardTemplateName } from './seed.ts';
import { DAY_MS, MINUTE_MS, randomId } from './util.ts';

export interface PastOrder {
  planId: string;
  quantity?: number;
  /** When it was paid and settled, in days before now. */
  paidDaysAgo: number;
  /** `succeeded` when left out. */
  status?: 'succeeded' | 'failed' | 'canceled';
  paymentMethod?: PaymentMethod;
  /** When the renewal's period starts, in days from now (negative: already started); when it was paid if left out. */
  startsInDays?: number;
}

interface CardCare {
  /** Where one-time codes are sent: a phone number (`+86 13812345678`) or an e-mail address. */
  contact: string;
  device: { brand: string; model: string } | null;
}

/** Every template's contact and phone (the phones are in the catalogue, `sandbox/devices.ts`). */
const TEMPLATE_CARE: Record<CardTemplateName, CardCare> = {
  active: { contact: '+86 13812345678', device: { brand: 'Apple', model: 'iPhone 14 Pro' } },
  expiring: { contact: '+86 13911112222', device: { brand: 'Huawei', model: 'Mate 40 Pro' } },
  expired: { contact: '+86 13700001234', device: { brand: 'Xiaomi', model: '13' } },
  low_data: { contact: '+86 15012345678', device: { brand: 'Samsung', model: 'Galaxy S23' } },
  suspended: { contact: '+86 18688889999', device: { brand: 'Apple', model: 'iPhone 12' } },
  never_renewed: { contact: '+86 13600006666', device: { brand: 'OPPO', model: 'Find X5 Pro' } },
  unlimited: { contact: 'traveller.ny@example.com', device: { brand: 'Google', model: 'Pixel 7' } },
  japan_only: { contact: '+1 4155550134', device: { brand: 'Apple', model: 'iPhone 15' } },
  refund_full: { contact: '+86 13512340000', device: { brand: 'Apple', model: 'iPhone 13' } },
  refund_credit: { contact: '+86 13787654321', device: { brand: 'Honor', model: 'Magic5 Pro' } },
  refund_rejected: { contact: '+86 18900001111', device: { brand: 'vivo', model: 'X90 Pro' } },
  history: { contact: '+86 13322223333', device: { brand: 'Apple', model: 'iPhone 15 Pro Max' } },
};

/** 21 contiguous 30-day renewals (the last one ends in 10 days), one declined payment and one abandoned order. */
function frequentFlyer(): PastOrder[] {
  const plans = ['global-month-10gb', 'global-month-20gb', 'asia-month-10gb', 'eu-month-10gb'];
  const methods: PaymentMethod[] = ['alipay', 'wechat_pay', 'card'];
  const orders: PastOrder[] = [];
  for (let j = 0; j < 21; j++) {
    const startsInDays = 10 - 30 * (21 - j);
    orders.push({ planId: plans[j % plans.length]!, paidDaysAgo: -startsInDays + 2, startsInDays, paymentMethod: methods[j % 3] });
  }
  orders.push({ planId: 'global-month-10gb', paidDaysAgo: orders[5]!.paidDaysAgo + 1, status: 'failed', paymentMethod: 'card' });
  orders.push({ planId: 'global-month-20gb', paidDaysAgo: orders[14]!.paidDaysAgo + 0.5, status: 'canceled', paymentMethod: 'alipay' });
  return orders;
}

const TEMPLATE_HISTORY: Partial<Record<CardTemplateName, PastOrder[]>> = {
  // Bought 10 days ago for a trip next week: starts in 10 days, nothing used → a full refund.
  refund_full: [{ planId: 'global-month-10gb', paidDaysAgo: 1, startsInDays: 10, paymentMethod: 'alipay' }],
  // 6 of 30 days gone and 3 of the 10 GB used → credit for the unused 70%.
  refund_credit: [{ planId: 'global-month-10gb', paidDaysAgo: 7, startsInDays: -6, paymentMethod: 'wechat_pay' }],
  // 20 of 30 days gone → rejected (period mostly used).
  refund_rejected: [{ planId: 'global-month-10gb', paidDaysAgo: 21, startsInDays: -20, paymentMethod: 'card' }],
  history: frequentFlyer(),
};

/** The fixed demo cards' past orders, by card id (templates give none to the documented ICCIDs). */
const DEMO_HISTORY: Record<string, PastOrder[]> = {
  // 89860000000000000011, renewed twice: a 30-day renewal 10 days in (its 20 GB mostly used: the 10 GB bought since
  // are used last) → rejected; and 10 extra days bought yesterday, starting in 20 days → full refund.
  card_active: [
    { planId: 'global-month-20gb', paidDaysAgo: 12, startsInDays: -10, paymentMethod: 'alipay' },
    { planId: 'global-day-1gb', quantity: 10, paidDaysAgo: 1, startsInDays: 20, paymentMethod: 'wechat_pay' },
  ],
  // 89860000000000000029: 7 days bought 2 days ago, 3 of their 7 GB used → credit.
  card_expiring: [{ planId: 'global-day-1gb', quantity: 7, paidDaysAgo: 2, startsInDays: -2, paymentMethod: 'alipay' }],
};

/** Gives a new card its contact, phone, activation code (installed) and past orders. */
export function seedCardCare(db: Db, card: NewCard): void {
  const care = TEMPLATE_CARE[card.template];
  db.prepare('UPDATE cards SET contact = ?, device_brand = ?, device_model = ? WHERE id = ?')
    .run(care.contact, care.device?.brand ?? null, care.device?.model ?? null, card.id);
  const row = db.prepare<[string], CardRow>('SELECT * FROM cards WHERE id = ?').get(card.id)!;
  db.prepare(`INSERT INTO activations (code, card_id, state, expires_at, installed_at, created_at)
    VALUES (?, ?, 'installed', NULL, ?, ?)`).run(newActivationCode(), card.id, row.valid_from, row.valid_from);
  insertPastOrders(db, row, DEMO_HISTORY[card.id] ?? TEMPLATE_HISTORY[card.template] ?? [], card.now);
}

function insertPastOrders(db: Db, card: CardRow, history: PastOrder[], now: number): void {
  const plan = db.prepare<[string], PlanRow>('SELECT * FROM plans WHERE id = ?');
  const insertQuote = db.prepare(`INSERT INTO quotes (id, card_id, plan_id, quantity, promo_code, body, expires_at,
    created_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)`);
  const insertOrder = db.prepare(`INSERT INTO orders (id, card_id, quote_id, status, payment_method, return_url,
    public_base, action_expires_at, failure_code, settle_at, created_at, updated_at, renewed_until, period_start,
    added_bytes, prev_plan_id, prev_remaining_bytes, prev_total_bytes, credit_used)
    VALUES (?, ?, ?, ?, ?, NULL, '', NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`);
  const chronological = [...history].sort((a, b) => b.paidDaysAgo - a.paidDaysAgo);
  const succeeded = chronological.filter((o) => (o.status ?? 'succeeded') === 'succeeded').length;
  let renewalsBefore = Math.max(0, card.renewal_count - succeeded);
  for (const past of chronological) {
    const p = plan.get(past.planId);
    if (!p) throw new Error(`care seed: unknown plan ${past.planId}`);
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
