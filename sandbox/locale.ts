/** The two languages the sandbox answers in, and how a request picks one. */
import type { Context } from 'hono';

export type Lang = 'en' | 'zh-CN';

/** `zh*` means Simplified Chinese; anything else English. */
export function normalizeLocale(tag: string | null | undefined): Lang | undefined {
  if (!tag) return undefined;
  return tag.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * The language of an answer: the widget's explicit choice (`Esim-Locale`), then the locale the partner minted the
 * session with, then `Accept-Language`'s first tag, then English. Browsers send `Accept-Language` on every request
 * whatever the page chose, so it only decides when nobody said anything more specific.
 */
export function requestLang(c: Context, sessionLocale?: string | null): Lang {
  const header = c.req.header('accept-language');
  const first = header?.split(',')[0]?.split(';')[0]?.trim();
  return (
    normalizeLocale(c.req.header('esim-locale')) ??
    normalizeLocale(sessionLocale) ??
    normalizeLocale(first && first !== '*' ? first : undefined) ??
    'en'
  );
}

export const DISCOUNT_LABELS = {
  first_topup: { en: 'First top-up 10% off', 'zh-CN': '首次续费 9 折' },
  loyalty: { en: 'Loyalty 5% off', 'zh-CN': '老用户 95 折' },
  promo: { en: (code: string) => `Promo ${code}`, 'zh-CN': (code: string) => `优惠码 ${code}` },
  credit: { en: 'Store credit', 'zh-CN': '账户余额抵扣' },
} as const;
