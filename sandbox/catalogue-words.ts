/**
 * The catalogue's words in every language the API speaks: region and country names, plan names composed from them
 * and the plan's shape (its data and period), and the quote's discount labels. Pure (the Storybook fixtures use it
 * in the browser).
 *
 * Country names come from CLDR through `Intl.DisplayNames`, except where sellers of travel eSIMs write them
 * otherwise: Hong Kong and Macao by their short names everywhere ("Hong Kong", not "Hong Kong SAR China"), and the
 * names the catalogue has always used in English and Simplified Chinese (`中国香港`, `阿联酋`). Regions of many
 * countries (Europe, Asia, Global) are named here.
 */
import type { Lang } from './locale.ts';
import { GB } from './units.ts';

/** Names that replace CLDR's, by language and region code. */
const COUNTRY_OVERRIDES: Partial<Record<Lang, Readonly<Record<string, string>>>> = {
  'zh-CN': { HK: '中国香港', MO: '中国澳门', TW: '中国台湾', AE: '阿联酋' },
  ko: { KR: '한국' },
};
/** Codes named in CLDR's short style: the long one is a legal name nobody writes on a price list. */
const SHORT_STYLE = new Set(['HK', 'MO']);

/** Regions of many countries: the short name used in plan names, and the region's own name with its count. */
const MULTI_COUNTRY: Record<string, Record<Lang, { short: string; named: (count: number) => string }>> = {
  EU: {
    en: { short: 'Europe', named: (n) => `Europe (${n} countries)` },
    'zh-CN': { short: '欧洲', named: (n) => `欧洲 ${n} 国` },
    'zh-TW': { short: '歐洲', named: (n) => `歐洲 ${n} 國` },
    'zh-HK': { short: '歐洲', named: (n) => `歐洲 ${n} 國` },
    ja: { short: 'ヨーロッパ', named: (n) => `ヨーロッパ ${n}か国` },
    ko: { short: '유럽', named: (n) => `유럽 ${n}개국` },
    th: { short: 'ยุโรป', named: (n) => `ยุโรป ${n} ประเทศ` },
    vi: { short: 'Châu Âu', named: (n) => `Châu Âu (${n} quốc gia)` },
    id: { short: 'Eropa', named: (n) => `Eropa (${n} negara)` },
    ms: { short: 'Eropah', named: (n) => `Eropah (${n} negara)` },
  },
  ASIA: {
    en: { short: 'Asia', named: (n) => `Asia (${n} countries)` },
    'zh-CN': { short: '亚洲', named: (n) => `亚洲 ${n} 国` },
    'zh-TW': { short: '亞洲', named: (n) => `亞洲 ${n} 國` },
    'zh-HK': { short: '亞洲', named: (n) => `亞洲 ${n} 國` },
    ja: { short: 'アジア', named: (n) => `アジア ${n}か国` },
    ko: { short: '아시아', named: (n) => `아시아 ${n}개국` },
    th: { short: 'เอเชีย', named: (n) => `เอเชีย ${n} ประเทศ` },
    vi: { short: 'Châu Á', named: (n) => `Châu Á (${n} quốc gia)` },
    id: { short: 'Asia', named: (n) => `Asia (${n} negara)` },
    ms: { short: 'Asia', named: (n) => `Asia (${n} negara)` },
  },
  GLOBAL: {
    en: { short: 'Global', named: (n) => `Global (${n} countries)` },
    'zh-CN': { short: '全球', named: (n) => `全球 ${n} 国` },
    'zh-TW': { short: '全球', named: (n) => `全球 ${n} 國` },
    'zh-HK': { short: '全球', named: (n) => `全球 ${n} 國` },
    ja: { short: '世界周遊', named: (n) => `世界周遊 ${n}か国` },
    ko: { short: '글로벌', named: (n) => `글로벌 ${n}개국` },
    th: { short: 'ทั่วโลก', named: (n) => `ทั่วโลก ${n} ประเทศ` },
    vi: { short: 'Toàn cầu', named: (n) => `Toàn cầu (${n} quốc gia)` },
    id: { short: 'Global', named: (n) => `Global (${n} negara)` },
    ms: { short: 'Global', named: (n) => `Global (${n} negara)` },
  },
};

const displayNames = new Map<string, Intl.DisplayNames>();

/** A country's name in `lang`. */
function countryName(code: string, lang: Lang): string {
  const override = COUNTRY_OVERRIDES[lang]?.[code];
  if (override) return override;
  const style = SHORT_STYLE.has(code) ? 'short' : 'long';
  let names = displayNames.get(`${lang}|${style}`);
  if (!names) displayNames.set(`${lang}|${style}`, (names = new Intl.DisplayNames(lang, { type: 'region', style })));
  return names.of(code) ?? code;
}

/** What a region is called inside a plan name: `Japan`, `Europe`. */
function regionShortName(region: string, lang: Lang): string {
  return MULTI_COUNTRY[region]?.[lang].short ?? countryName(region, lang);
}

/** The region's own name: `Japan`, `Europe (33 countries)`. */
export function regionName(region: string, countries: number, lang: Lang): string {
  return MULTI_COUNTRY[region]?.[lang].named(countries) ?? countryName(region, lang);
}

/** What a plan is, apart from where: data per day, or data over a term of days. */
interface PlanShape {
  period: 'day' | 'month' | 'year';
  durationDays: number;
  /** `null`: unlimited. */
  dataBytes: number | null;
}

interface PlanWords {
  /** `Japan 1 GB daily`; `gb` is null for unlimited. */
  daily: (region: string, gb: number | null) => string;
  /** `Japan 10 GB · 30 days`, `Japan 50 GB · 1 year`: `years` when the term is whole years, else `days`. */
  term: (region: string, gb: number, length: { days: number } | { years: number }) => string;
}

const span = (length: { days: number } | { years: number }, day: string, year: string, sep = '') =>
  'years' in length ? `${length.years}${sep}${year}` : `${length.days}${sep}${day}`;

const PLAN_WORDS: Record<Lang, PlanWords> = {
  en: {
    daily: (r, gb) => (gb === null ? `${r} unlimited daily` : `${r} ${gb} GB daily`),
    term: (r, gb, t) => `${r} ${gb} GB · ${'years' in t ? `${t.years} year${t.years === 1 ? '' : 's'}` : `${t.days} days`}`,
  },
  'zh-CN': {
    daily: (r, gb) => `${r} 每日 ${gb === null ? '不限流量' : `${gb}GB`}`,
    term: (r, gb, t) => `${r} ${span(t, '天', '年')} ${gb}GB`,
  },
  // Taiwan's sellers say 吃到飽 for unlimited data; Hong Kong's say 無限數據 and count days in 日.
  'zh-TW': {
    daily: (r, gb) => `${r} 每日 ${gb === null ? '吃到飽' : `${gb}GB`}`,
    term: (r, gb, t) => `${r} ${span(t, '天', '年')} ${gb}GB`,
  },
  'zh-HK': {
    daily: (r, gb) => `${r} 每日 ${gb === null ? '無限數據' : `${gb}GB`}`,
    term: (r, gb, t) => `${r} ${span(t, '日', '年')} ${gb}GB`,
  },
  ja: {
    daily: (r, gb) => `${r} 1日${gb === null ? 'データ無制限' : `${gb}GB`}`,
    term: (r, gb, t) => `${r} ${gb}GB・${span(t, '日間', '年間')}`,
  },
  ko: {
    daily: (r, gb) => `${r} 1일 ${gb === null ? '무제한' : `${gb}GB`}`,
    term: (r, gb, t) => `${r} ${gb}GB · ${span(t, '일', '년')}`,
  },
  th: {
    daily: (r, gb) => `${r} ${gb === null ? 'ไม่จำกัดรายวัน' : `วันละ ${gb}GB`}`,
    term: (r, gb, t) => `${r} ${gb}GB · ${span(t, 'วัน', 'ปี', ' ')}`,
  },
  vi: {
    daily: (r, gb) => `${r} ${gb === null ? 'không giới hạn' : `${gb} GB`} mỗi ngày`,
    term: (r, gb, t) => `${r} ${gb} GB · ${span(t, 'ngày', 'năm', ' ')}`,
  },
  id: {
    daily: (r, gb) => `${r} ${gb === null ? 'tanpa batas' : `${gb} GB`} per hari`,
    term: (r, gb, t) => `${r} ${gb} GB · ${span(t, 'hari', 'tahun', ' ')}`,
  },
  ms: {
    daily: (r, gb) => `${r} ${gb === null ? 'tanpa had' : `${gb} GB`} sehari`,
    term: (r, gb, t) => `${r} ${gb} GB · ${span(t, 'hari', 'tahun', ' ')}`,
  },
};

/** A plan's name in `lang`, from its region's name and its shape: `Japan 1 GB daily`, `日本 30天 10GB`. */
export function composePlanName(region: string, shape: PlanShape, lang: Lang): string {
  const words = PLAN_WORDS[lang];
  const where = regionShortName(region, lang);
  const gb = shape.dataBytes === null ? null : Math.round((shape.dataBytes / GB) * 10) / 10;
  if (shape.period === 'day' && shape.durationDays === 1) return words.daily(where, gb);
  const length = shape.durationDays % 365 === 0 ? { years: shape.durationDays / 365 } : { days: shape.durationDays };
  // A term plan always has a data allowance in this catalogue; an unlimited one reads as daily-unlimited words.
  return gb === null ? words.daily(where, null) : words.term(where, gb, length);
}

interface DiscountWords {
  first_topup: string;
  loyalty: string;
  promo: (code: string) => string;
  credit: string;
}

/** The quote's discount labels. Top-up is 增值 in Hong Kong and 儲值 in Taiwan. */
export const DISCOUNT_LABELS: Record<Lang, DiscountWords> = {
  en: { first_topup: 'First top-up 10% off', loyalty: 'Loyalty 5% off', promo: (c) => `Promo ${c}`, credit: 'Store credit' },
  'zh-CN': { first_topup: '首次续费 9 折', loyalty: '老用户 95 折', promo: (c) => `优惠码 ${c}`, credit: '账户余额抵扣' },
  'zh-TW': { first_topup: '首次儲值 9 折', loyalty: '老客戶 95 折', promo: (c) => `優惠碼 ${c}`, credit: '帳戶餘額折抵' },
  'zh-HK': { first_topup: '首次增值 9 折', loyalty: '熟客 95 折', promo: (c) => `優惠碼 ${c}`, credit: '賬戶餘額扣減' },
  ja: { first_topup: '初回チャージ 10%オフ', loyalty: 'リピーター 5%オフ', promo: (c) => `クーポン ${c}`, credit: 'ストアクレジット' },
  ko: { first_topup: '첫 충전 10% 할인', loyalty: '재구매 고객 5% 할인', promo: (c) => `프로모션 코드 ${c}`, credit: '적립금 사용' },
  th: { first_topup: 'เติมครั้งแรก ลด 10%', loyalty: 'ลูกค้าประจำ ลด 5%', promo: (c) => `โค้ดส่วนลด ${c}`, credit: 'เครดิตร้านค้า' },
  vi: { first_topup: 'Giảm 10% lần gia hạn đầu', loyalty: 'Khách quen giảm 5%', promo: (c) => `Mã khuyến mãi ${c}`, credit: 'Số dư tài khoản' },
  id: { first_topup: 'Diskon 10% isi ulang pertama', loyalty: 'Diskon pelanggan setia 5%', promo: (c) => `Kode promo ${c}`, credit: 'Saldo akun' },
  ms: { first_topup: 'Diskaun 10% tambah nilai pertama', loyalty: 'Diskaun pelanggan setia 5%', promo: (c) => `Kod promosi ${c}`, credit: 'Kredit akaun' },
};
