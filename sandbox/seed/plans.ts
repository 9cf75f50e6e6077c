/**
 * The plan catalogue: every region in five shapes, priced from Japan's prices. Pure (no storage), so that the
 * seeding (`sandbox/seeding.ts`) and the Storybook fixtures serve the same plans.
 */
import type { PlanRow } from '../rows.ts';
import { GB } from '../units.ts';
import { priceList, type BasePrice, type PriceList } from './prices.ts';

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
  /** Minor units by currency (`prices.ts`). */
  price: PriceList;
  compareAtPrice?: PriceList;
  tags: string[];
}

interface PlanShape {
  slug: string;
  period: PlanSeed['period'];
  durationDays: number;
  dataBytes: number | null;
  /** Japan's price in fen and cents. */
  base: BasePrice;
  name: (short: { en: string; zh: string }) => { en: string; zh: string };
}

const SHAPES: PlanShape[] = [
  { slug: 'day-1gb', period: 'day', durationDays: 1, dataBytes: GB, base: { CNY: 1500, USD: 250 }, name: (s) => ({ en: `${s.en} 1 GB daily`, zh: `${s.zh} 每日 1GB` }) },
  { slug: 'day-unlimited', period: 'day', durationDays: 1, dataBytes: null, base: { CNY: 3500, USD: 550 }, name: (s) => ({ en: `${s.en} unlimited daily`, zh: `${s.zh} 每日 不限流量` }) },
  { slug: 'month-10gb', period: 'month', durationDays: 30, dataBytes: 10 * GB, base: { CNY: 8900, USD: 1300 }, name: (s) => ({ en: `${s.en} 10 GB · 30 days`, zh: `${s.zh} 30天 10GB` }) },
  { slug: 'month-20gb', period: 'month', durationDays: 30, dataBytes: 20 * GB, base: { CNY: 13900, USD: 2000 }, name: (s) => ({ en: `${s.en} 20 GB · 30 days`, zh: `${s.zh} 30天 20GB` }) },
  { slug: 'year-50gb', period: 'year', durationDays: 365, dataBytes: 50 * GB, base: { CNY: 35900, USD: 5200 }, name: (s) => ({ en: `${s.en} 50 GB · 1 year`, zh: `${s.zh} 1年 50GB` }) },
];

function buildPlans(): PlanSeed[] {
  const plans: PlanSeed[] = [];
  for (const region of REGIONS) {
    for (const shape of SHAPES) {
      if (shape.slug === 'day-unlimited' && !region.unlimitedDay) continue;
      const price = priceList(shape.base, region.factor);
      const tags: string[] = [];
      let compareAtPrice: PlanSeed['compareAtPrice'];
      if (region.popular && (shape.slug === 'day-1gb' || shape.slug === 'month-10gb')) tags.push('popular');
      if (shape.dataBytes === null) tags.push('unlimited');
      if (shape.period === 'year') tags.push('best_value');
      if (shape.slug === 'month-20gb') {
        tags.push('discount');
        compareAtPrice = priceList(shape.base, region.factor * 1.25);
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

/** A plan as its row holds it; `position` is its place in the catalogue. */
export const planRow = (p: PlanSeed, position: number): PlanRow => ({
  id: p.id, position, region: p.region, period: p.period, duration_days: p.durationDays, data_bytes: p.dataBytes,
  coverage: JSON.stringify(p.coverage), name_en: p.name.en, name_zh: p.name.zh, region_name_en: p.regionName.en,
  region_name_zh: p.regionName.zh, price_cny: p.price.CNY, price_usd: p.price.USD,
  compare_cny: p.compareAtPrice?.CNY ?? null, compare_usd: p.compareAtPrice?.USD ?? null, tags: JSON.stringify(p.tags),
  prices: JSON.stringify(p.price), compare_prices: p.compareAtPrice ? JSON.stringify(p.compareAtPrice) : null,
});

/** The whole catalogue as rows, in catalogue order. */
export const PLAN_ROWS: readonly PlanRow[] = PLANS.map(planRow);
