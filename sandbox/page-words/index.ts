/**
 * The hosted pages' words in every language the API speaks (`../locale.ts`), which language a page is shown in, and
 * its money and times formatted for it.
 */
import type { Context } from 'hono';
import { minorUnitExponent, toMajorUnits } from '../../src/client/money.ts';
import { acceptLanguageTags, type Lang, normalizeLocale } from '../locale.ts';
import { en, type PageWords } from './en.ts';
import { id } from './id.ts';
import { ja } from './ja.ts';
import { ko } from './ko.ts';
import { ms } from './ms.ts';
import { th } from './th.ts';
import { vi } from './vi.ts';
import { zhCN } from './zh-CN.ts';
import { zhHK } from './zh-HK.ts';
import { zhTW } from './zh-TW.ts';

export type { PageWords };

export const PAGE_WORDS: Readonly<Record<Lang, PageWords>> = {
  en, 'zh-CN': zhCN, 'zh-TW': zhTW, 'zh-HK': zhHK, ja, ko, th, vi, id, ms,
};

/** A page's language and its words. */
export interface PageLocale {
  lang: Lang;
  words: PageWords;
}

export const pageLocale = (lang: Lang): PageLocale => ({ lang, words: PAGE_WORDS[lang] });

/**
 * The language of a hosted page: the `lang` query the API put on the page's address (the widget's language, which the
 * order was answered in: `paymentAction.url`), else the browser's `Accept-Language` (a phone scanning a QR code),
 * else English; each matched by the SDK's rules (`zh-MO` → `zh-HK`, `in` → `id`). Said in `Content-Language`.
 */
export function pageLang(c: Context): Lang {
  const lang =
    normalizeLocale(c.req.query('lang')) ??
    acceptLanguageTags(c.req.header('accept-language')).map(normalizeLocale).find((tag) => tag !== undefined) ??
    'en';
  c.header('Content-Language', lang);
  return lang;
}

/**
 * Money in minor units, in `lang`, with exactly its currency's ISO 4217 decimals (`src/client/money.ts`): `¥1,200`
 * for `{ 1200, JPY }`, never `¥12.00`; the same table the API's amounts and the widget's formatting use.
 */
export function formatPageMoney(amount: number, currency: string, lang: Lang): string {
  const digits = minorUnitExponent(currency);
  return new Intl.NumberFormat(lang, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(toMajorUnits(amount, currency));
}

/** A moment (epoch milliseconds) for the page: date and time in `lang`, in UTC and saying so (`long` times name their zone). */
export function formatPageTime(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'long', timeZone: 'UTC' }).format(ms);
}
