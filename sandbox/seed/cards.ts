/**
 * The card templates (one per state a traveller can be in, and cards with past orders to refund or page through),
 * the fixed demo cards made from them, and the row a template makes. Pure (no storage): the seeding
 * (`sandbox/seeding.ts`) writes these rows, and the Storybook fixtures serve the same cards.
 * The ICCIDs below are documented (README, demo page); keep them stable.
 */
import type { PaymentMethod } from '../../src/client/schemas.ts';
import type { CardRow } from '../rows.ts';
import { DAY_MS, GB, MB } from '../units.ts';
import { CATALOG_COUNTRIES } from './plans.ts';
import type { Currency } from './prices.ts';

export const CARD_TEMPLATE_NAMES = [
  'active', 'expiring', 'expired', 'low_data', 'suspended', 'never_renewed', 'unlimited', 'japan_only',
  // With past orders (below): one refund outcome each, and a long history to page through.
  'refund_full', 'refund_credit', 'refund_rejected', 'history',
] as const;
export type CardTemplateName = (typeof CARD_TEMPLATE_NAMES)[number];

export interface CardTemplate {
  label: string;
  planId: string;
  /** The currency the card was sold in, and its renewals are priced in (a card made from it may name another). */
  currency: Currency;
  /** `null` means a global profile: every country in the catalogue. */
  coverage: string[] | null;
  /** Days from now; negative means already expired. */
  expiresInDays: number;
  validFromDaysAgo: number;
  remainingBytes: number | null;
  totalBytes: number | null;
  renewalCount: number;
  suspended?: boolean;
}

export const CARD_TEMPLATES: Record<CardTemplateName, CardTemplate> = {
  active: { label: 'Round-the-world', planId: 'global-month-20gb', currency: 'CNY', coverage: null, expiresInDays: 30, validFromDaysAgo: 60, remainingBytes: 12 * GB, totalBytes: 20 * GB, renewalCount: 2 },
  expiring: { label: 'Europe summer', planId: 'global-month-10gb', currency: 'CNY', coverage: null, expiresInDays: 5, validFromDaysAgo: 25, remainingBytes: 4 * GB, totalBytes: 10 * GB, renewalCount: 1 },
  expired: { label: 'Bangkok weekend', planId: 'global-month-10gb', currency: 'CNY', coverage: null, expiresInDays: -3, validFromDaysAgo: 33, remainingBytes: 1536 * MB, totalBytes: 10 * GB, renewalCount: 1 },
  low_data: { label: 'Seoul business trip', planId: 'global-month-10gb', currency: 'CNY', coverage: null, expiresInDays: 20, validFromDaysAgo: 10, remainingBytes: 300 * MB, totalBytes: 10 * GB, renewalCount: 1 },
  suspended: { label: 'Lost phone', planId: 'global-month-10gb', currency: 'CNY', coverage: null, expiresInDays: 15, validFromDaysAgo: 15, remainingBytes: 6 * GB, totalBytes: 10 * GB, renewalCount: 1, suspended: true },
  never_renewed: { label: 'First trip abroad', planId: 'global-month-10gb', currency: 'CNY', coverage: null, expiresInDays: 25, validFromDaysAgo: 5, remainingBytes: 5 * GB, totalBytes: 10 * GB, renewalCount: 0 },
  unlimited: { label: 'New York week', planId: 'global-day-unlimited', currency: 'USD', coverage: null, expiresInDays: 2, validFromDaysAgo: 4, remainingBytes: null, totalBytes: null, renewalCount: 3 },
  japan_only: { label: 'Tokyo trip', planId: 'jp-month-10gb', currency: 'USD', coverage: ['JP'], expiresInDays: 18, validFromDaysAgo: 12, remainingBytes: 6 * GB, totalBytes: 10 * GB, renewalCount: 1 },
  refund_full: { label: 'Paris in spring', planId: 'global-month-10gb', currency: 'CNY', coverage: null, expiresInDays: 40, validFromDaysAgo: 20, remainingBytes: 13 * GB, totalBytes: 20 * GB, renewalCount: 1 },
  refund_credit: { label: 'Osaka and Kyoto', planId: 'global-month-10gb', currency: 'CNY', coverage: null, expiresInDays: 24, validFromDaysAgo: 36, remainingBytes: 7 * GB, totalBytes: 10 * GB, renewalCount: 1 },
  refund_rejected: { label: 'Summer in Bali', planId: 'global-month-10gb', currency: 'CNY', coverage: null, expiresInDays: 10, validFromDaysAgo: 50, remainingBytes: 5 * GB, totalBytes: 10 * GB, renewalCount: 1 },
  history: { label: 'Frequent flyer', planId: 'global-month-10gb', currency: 'CNY', coverage: null, expiresInDays: 10, validFromDaysAgo: 700, remainingBytes: 6 * GB, totalBytes: 10 * GB, renewalCount: 21 },
};

export interface DemoCardSeed {
  id: string;
  partnerId: string;
  iccid: string;
  template: CardTemplateName;
  label?: string;
  /** The template's currency when left out. */
  currency?: Currency;
}

/** The fixed demo cards; the last six sold in the markets' own currencies (README, "Currencies"). */
export const DEMO_CARDS: DemoCardSeed[] = [
  { id: 'card_active', partnerId: 'partner_demo', iccid: '89860000000000000011', template: 'active' },
  { id: 'card_expiring', partnerId: 'partner_demo', iccid: '89860000000000000029', template: 'expiring' },
  { id: 'card_expired', partnerId: 'partner_demo', iccid: '89860000000000000037', template: 'expired' },
  { id: 'card_low_data', partnerId: 'partner_demo', iccid: '89860000000000000045', template: 'low_data' },
  { id: 'card_suspended', partnerId: 'partner_demo', iccid: '89860000000000000052', template: 'suspended' },
  { id: 'card_never_renewed', partnerId: 'partner_demo', iccid: '89860000000000000060', template: 'never_renewed' },
  { id: 'card_unlimited', partnerId: 'partner_demo', iccid: '89860000000000000078', template: 'unlimited' },
  { id: 'card_japan_only', partnerId: 'partner_demo', iccid: '89860000000000000086', template: 'japan_only' },
  { id: 'card_other', partnerId: 'partner_other', iccid: '89860000000000000094', template: 'active', label: 'Other Agency customer' },
  { id: 'card_jpy', partnerId: 'partner_demo', iccid: '89860000000000000100', template: 'japan_only', currency: 'JPY', label: '東京旅行' },
  { id: 'card_krw', partnerId: 'partner_demo', iccid: '89860000000000000118', template: 'never_renewed', currency: 'KRW', label: '첫 해외여행' },
  { id: 'card_hkd', partnerId: 'partner_demo', iccid: '89860000000000000126', template: 'expiring', currency: 'HKD', label: '歐洲暑假' },
  { id: 'card_twd', partnerId: 'partner_demo', iccid: '89860000000000000134', template: 'active', currency: 'TWD', label: '環遊世界' },
  { id: 'card_thb', partnerId: 'partner_demo', iccid: '89860000000000000142', template: 'low_data', currency: 'THB', label: 'ทริปโซล' },
  { id: 'card_sgd', partnerId: 'partner_demo', iccid: '89860000000000000159', template: 'active', currency: 'SGD', label: 'Round-the-world' },
];

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

interface CardExtras {
  /** Where one-time codes are sent: a phone number (`+86 13812345678`) or an e-mail address. */
  contact: string;
  device: { brand: string; model: string } | null;
}

/** Every template's contact and phone (the phones are in the catalogue, `sandbox/devices.ts`). */
const TEMPLATE_EXTRAS: Record<CardTemplateName, CardExtras> = {
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

export interface NewCard {
  id: string;
  partnerId: string;
  iccid: string;
  template: CardTemplateName;
  currency?: Currency;
  label?: string;
  now: number;
}

/** The row of a new card made from its template, relative to `now`, with its contact and phone. */
export function cardRow(card: NewCard): CardRow {
  const t = CARD_TEMPLATES[card.template];
  const extras = TEMPLATE_EXTRAS[card.template];
  return {
    id: card.id, partner_id: card.partnerId, iccid: card.iccid, label: card.label ?? t.label, plan_id: t.planId,
    currency: card.currency ?? t.currency, coverage: JSON.stringify(t.coverage ?? CATALOG_COUNTRIES),
    valid_from: card.now - t.validFromDaysAgo * DAY_MS, expires_at: card.now + t.expiresInDays * DAY_MS,
    remaining_bytes: t.remainingBytes, total_bytes: t.totalBytes, renewal_count: t.renewalCount,
    suspended: t.suspended ? 1 : 0, auto_renew: 0, auto_renew_plan_id: null, created_at: card.now, credit_amount: 0,
    contact: extras.contact, device_brand: extras.device?.brand ?? null, device_model: extras.device?.model ?? null,
  };
}

/** The past orders a new card is seeded with: the demo card's own, else its template's (oldest first). */
export const pastOrdersOf = (card: Pick<NewCard, 'id' | 'template'>): PastOrder[] =>
  [...(DEMO_HISTORY[card.id] ?? TEMPLATE_HISTORY[card.template] ?? [])].sort((a, b) => b.paidDaysAgo - a.paidDaysAgo);
