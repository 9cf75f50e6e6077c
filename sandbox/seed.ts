/**
 * The sandbox's fixed data: partners, the plan catalogue, promo codes and the demo cards.
 * The ICCIDs below are documented (README, demo page); keep them stable.
 */
import { GB, MB } from './util.ts';

export interface PartnerSeed {
  id: string;
  name: string;
  secretKey: string;
  /**
   * Where the partner's pages are (`sandbox/url-rules.ts`): return URLs and hand-off pages must be on one of these.
   * An origin, one with any port (`http://localhost:*`), or `'self'` (the sandbox's own origin, where the demo page is).
   */
  origins: string[];
  /** The page renewal links open: a URL on one of `origins`, or a path on the sandbox's own origin (`'self'`). */
  renewalPage: string;
}

export const DEMO_PARTNER_ID = 'partner_demo';

export const PARTNERS: PartnerSeed[] = [
  {
    id: DEMO_PARTNER_ID,
    name: 'Demo Travel',
    secretKey: 'sk_test_demo',
    origins: ["'self'", 'http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'],
    renewalPage: '/demo',
  },
  {
    id: 'partner_other',
    name: 'Other Agency',
    secretKey: 'sk_test_other',
    origins: ['https://other-agency.example'],
    renewalPage: 'https://other-agency.example/esim/renew',
  },
];

const EU_COUNTRIES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT',
  'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'GB', 'NO', 'IS', 'CH', 'LI', 'UA',
];
const ASIA_COUNTRIES = ['JP', 'KR', 'TH', 'SG', 'MY', 'VN', 'ID', 'PH', 'HK', 'MO', 'TW'];

interface RegionSeed {
  code: string;
  /** Short names used inside plan names. */
  short: { en: string; zh: string };
  /** Display names of the region itself. */
  regionName: { en: string; zh: string };
  coverage: string[];
  /** Price relative to Japan. */
  factor: number;
  unlimitedDay?: boolean;
  popular?: boolean;
}

const country = (code: string, en: string, zh: string, factor: number, extra: Partial<RegionSeed> = {}): RegionSeed => ({
  code,
  short: { en, zh },
  regionName: { en, zh },
  coverage: [code],
  factor,
  ...extra,
});

const SINGLE_COUNTRIES: RegionSeed[] = [
  country('JP', 'Japan', '日本', 1, { unlimitedDay: true, popular: true }),
  country('KR', 'South Korea', '韩国', 1, { unlimitedDay: true, popular: true }),
  country('TH', 'Thailand', '泰国', 0.8, { unlimitedDay: true, popular: true }),
  country('SG', 'Singapore', '新加坡', 1),
  country('MY', 'Malaysia', '马来西亚', 0.8),
  country('VN', 'Vietnam', '越南', 0.7),
  country('ID', 'Indonesia', '印度尼西亚', 0.8),
  country('PH', 'Philippines', '菲律宾', 0.9),
  country('HK', 'Hong Kong', '中国香港', 0.8, { unlimitedDay: true }),
  country('MO', 'Macao', '中国澳门', 0.9),
  country('TW', 'Taiwan', '中国台湾', 0.9),
  country('US', 'United States', '美国', 1.3, { unlimitedDay: true, popular: true }),
  country('CA', 'Canada', '加拿大', 1.5),
  country('MX', 'Mexico', '墨西哥', 1.4),
  country('GB', 'United Kingdom', '英国', 1.1),
  country('AU', 'Australia', '澳大利亚', 1.4),
  country('NZ', 'New Zealand', '新西兰', 1.5),
  country('AE', 'United Arab Emirates', '阿联酋', 1.6),
  country('TR', 'Türkiye', '土耳其', 1.2),
];

/** Every country any plan covers: the coverage of a global profile. */
export const CATALOG_COUNTRIES: string[] = [
  ...new Set([...SINGLE_COUNTRIES.flatMap((r) => r.coverage), ...EU_COUNTRIES, ...ASIA_COUNTRIES]),
].sort();

const REGIONS: RegionSeed[] = [
  ...SINGLE_COUNTRIES,
  {
    code: 'EU',
    short: { en: 'Europe', zh: '欧洲' },
    regionName: { en: `Europe (${EU_COUNTRIES.length} countries)`, zh: `欧洲 ${EU_COUNTRIES.length} 国` },
    coverage: EU_COUNTRIES,
    factor: 1.2,
    unlimitedDay: true,
    popular: true,
  },
  {
    code: 'ASIA',
    short: { en: 'Asia', zh: '亚洲' },
    regionName: { en: `Asia (${ASIA_COUNTRIES.length} countries)`, zh: `亚洲 ${ASIA_COUNTRIES.length} 国` },
    coverage: ASIA_COUNTRIES,
    factor: 1.5,
    unlimitedDay: true,
    popular: true,
  },
  {
    code: 'GLOBAL',
    short: { en: 'Global', zh: '全球' },
    regionName: { en: `Global (${CATALOG_COUNTRIES.length} countries)`, zh: `全球 ${CATALOG_COUNTRIES.length} 国` },
    coverage: CATALOG_COUNTRIES,
    factor: 2.5,
    unlimitedDay: true,
    popular: true,
  },
];

export interface PlanSeed {
  id: string;
  region: string;
  period: 'day' | 'month' | 'year';
  durationDays: number;
  dataBytes: number | null;
  coverage: string[];
  name: { en: string; zh: string };
  regionName: { en: string; zh: string };
  /** Minor units by currency. */
  price: { CNY: number; USD: number };
  compareAtPrice?: { CNY: number; USD: number };
  tags: string[];
}

interface PlanShape {
  slug: string;
  period: PlanSeed['period'];
  durationDays: number;
  dataBytes: number | null;
  /** Japan's price in fen and cents. */
  base: { CNY: number; USD: number };
  name: (short: { en: string; zh: string }) => { en: string; zh: string };
}

const SHAPES: PlanShape[] = [
  { slug: 'day-1gb', period: 'day', durationDays: 1, dataBytes: GB, base: { CNY: 1500, USD: 250 }, name: (s) => ({ en: `${s.en} 1 GB daily`, zh: `${s.zh} 每日 1GB` }) },
  { slug: 'day-unlimited', period: 'day', durationDays: 1, dataBytes: null, base: { CNY: 3500, USD: 550 }, name: (s) => ({ en: `${s.en} unlimited daily`, zh: `${s.zh} 每日 不限流量` }) },
  { slug: 'month-10gb', period: 'month', durationDays: 30, dataBytes: 10 * GB, base: { CNY: 8900, USD: 1300 }, name: (s) => ({ en: `${s.en} 10 GB · 30 days`, zh: `${s.zh} 30天 10GB` }) },
  { slug: 'month-20gb', period: 'month', durationDays: 30, dataBytes: 20 * GB, base: { CNY: 13900, USD: 2000 }, name: (s) => ({ en: `${s.en} 20 GB · 30 days`, zh: `${s.zh} 30天 20GB` }) },
  { slug: 'year-50gb', period: 'year', durationDays: 365, dataBytes: 50 * GB, base: { CNY: 35900, USD: 5200 }, name: (s) => ({ en: `${s.en} 50 GB · 1 year`, zh: `${s.zh} 1年 50GB` }) },
];

/** Whole yuan; US prices in steps of 50 cents (Japan 1 GB daily: ¥15 / $2.50). */
const priceFor = (base: { CNY: number; USD: number }, factor: number) => ({
  CNY: Math.round((base.CNY * factor) / 100) * 100,
  USD: Math.round((base.USD * factor) / 50) * 50,
});

function buildPlans(): PlanSeed[] {
  const plans: PlanSeed[] = [];
  for (const region of REGIONS) {
    for (const shape of SHAPES) {
      if (shape.slug === 'day-unlimited' && !region.unlimitedDay) continue;
      const price = priceFor(shape.base, region.factor);
      const tags: string[] = [];
      let compareAtPrice: PlanSeed['compareAtPrice'];
      if (region.popular && (shape.slug === 'day-1gb' || shape.slug === 'month-10gb')) tags.push('popular');
      if (shape.dataBytes === null) tags.push('unlimited');
      if (shape.period === 'year') tags.push('best_value');
      if (shape.slug === 'month-20gb') {
        tags.push('discount');
        compareAtPrice = priceFor(shape.base, region.factor * 1.25);
      }
      if ((region.code === 'AE' || region.code === 'TR') && shape.slug === 'month-10gb') tags.push('new');
      plans.push({
        id: `${region.code.toLowerCase()}-${shape.slug}`,
        region: region.code,
        period: shape.period,
        durationDays: shape.durationDays,
        dataBytes: shape.dataBytes,
        coverage: region.coverage,
        name: shape.name(region.short),
        regionName: region.regionName,
        price,
        ...(compareAtPrice ? { compareAtPrice } : {}),
        tags,
      });
    }
  }
  return plans;
}

export const PLANS: PlanSeed[] = buildPlans();

export interface PromoSeed {
  code: string;
  percentOff: number;
  startsAt: string;
  endsAt: string;
  maxUses: number | null;
  uses: number;
}

export const PROMO_CODES: PromoSeed[] = [
  { code: 'TRAVEL20', percentOff: 20, startsAt: '2024-01-01T00:00:00.000Z', endsAt: '2099-12-31T23:59:59.000Z', maxUses: null, uses: 0 },
  { code: 'SUMMER2025', percentOff: 15, startsAt: '2025-06-01T00:00:00.000Z', endsAt: '2025-09-01T00:00:00.000Z', maxUses: null, uses: 0 },
  { code: 'SOON', percentOff: 10, startsAt: '2099-01-01T00:00:00.000Z', endsAt: '2099-12-31T23:59:59.000Z', maxUses: null, uses: 0 },
  { code: 'ONCE', percentOff: 50, startsAt: '2024-01-01T00:00:00.000Z', endsAt: '2099-12-31T23:59:59.000Z', maxUses: 1, uses: 1 },
  // Limited and not used up: each order awaiting payment holds one of its uses, each succeeded order spends one.
  { code: 'LIMITED', percentOff: 15, startsAt: '2024-01-01T00:00:00.000Z', endsAt: '2099-12-31T23:59:59.000Z', maxUses: 3, uses: 0 },
];

export const CARD_TEMPLATE_NAMES = [
  'active', 'expiring', 'expired', 'low_data', 'suspended', 'never_renewed', 'unlimited', 'japan_only',
  // With past orders (sandbox/care-seed.ts): one refund outcome each, and a long history to page through.
  'refund_full', 'refund_credit', 'refund_rejected', 'history',
] as const;
export type CardTemplateName = (typeof CARD_TEMPLATE_NAMES)[number];

export interface CardTemplate {
  label: string;
  planId: string;
  currency: 'CNY' | 'USD';
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
}

/** The fixed demo cards. */
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
];
