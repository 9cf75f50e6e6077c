/**
 * The languages the sandbox answers in, and how a request picks one. The API speaks every locale the SDK ships
 * (`src/i18n/locales.ts`, and English): plan, region and discount names (`catalogue-words.ts`) and error messages
 * (`error-messages.ts`) in each.
 */
import type { Context } from 'hono';
import { negotiateLocale } from '../src/i18n/negotiate.ts';

export const LANGS = ['en', 'zh-CN', 'zh-TW', 'zh-HK', 'ja', 'ko', 'th', 'vi', 'id', 'ms'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * The shipped language that serves a list of BCP 47 tags (best first), by the SDK's own rules (`negotiateLocale`:
 * `zh-Hant`, `zh-MO` → Traditional, `zh-SG` → Simplified, `in` → `id`, `ja-JP` → `ja`); undefined when none does.
 */
function negotiateLang(tags: readonly string[]): Lang | undefined {
  const key = tags.join(',');
  let chosen = negotiated.get(key);
  if (chosen === undefined) {
    // Parsing and maximizing every tag costs tens of microseconds: a few distinct headers come back all the time.
    chosen = negotiateLocale(tags, LANGS, '') as Lang | '';
    if (negotiated.size >= MAX_NEGOTIATED) negotiated.delete(negotiated.keys().next().value!);
    if (key.length <= MAX_KEY_LENGTH) negotiated.set(key, chosen);
  }
  return chosen === '' ? undefined : chosen;
}

/** Answers of `negotiateLang` by the tags asked, oldest first out ('' when none was shipped). */
const negotiated = new Map<string, Lang | ''>();
const MAX_NEGOTIATED = 1_000;
/** Longer lists (no browser sends one) are negotiated every time rather than kept. */
const MAX_KEY_LENGTH = 200;

/** One tag (a session's or a renewal link's locale, the widget's `Esim-Locale`) as a shipped language, if any. */
export function normalizeLocale(tag: string | null | undefined): Lang | undefined {
  const trimmed = tag?.trim();
  return trimmed ? negotiateLang([trimmed]) : undefined;
}

const MAX_ACCEPTED_TAGS = 16;

/**
 * The tags of an `Accept-Language` header, most wanted first (RFC 9110 §12.5.4: by `q`, then in the order given);
 * `*` and `q=0` tags are left out; only the first 16 entries are read. A malformed entry is skipped, never thrown.
 */
export function acceptLanguageTags(header: string | undefined): string[] {
  if (!header) return [];
  const ranked: Array<{ tag: string; q: number; index: number }> = [];
  // Browsers send a handful; a header of thousands would cost a negotiation each, so only the first few count.
  header.split(',', MAX_ACCEPTED_TAGS).forEach((part, index) => {
    const [range, ...params] = part.split(';').map((piece) => piece.trim());
    if (!range || range === '*') return;
    let q = 1;
    for (const param of params) {
      const match = /^q=([01](?:\.\d{0,3})?)$/i.exec(param);
      if (match) q = Number(match[1]);
    }
    if (q > 0) ranked.push({ tag: range, q, index });
  });
  return ranked.sort((a, b) => b.q - a.q || a.index - b.index).map((entry) => entry.tag);
}

/**
 * The language of an answer: the widget's explicit choice (`Esim-Locale`), then the locale the partner minted the
 * session with, then `Accept-Language` (negotiated over all its tags), then English. Browsers send
 * `Accept-Language` on every request whatever the page chose, so it only decides when nobody said anything more
 * specific. The answer says which it chose in `Content-Language`.
 */
export function requestLang(c: Context, sessionLocale?: string | null): Lang {
  const lang =
    normalizeLocale(c.req.header('esim-locale')) ??
    normalizeLocale(sessionLocale) ??
    negotiateLang(acceptLanguageTags(c.req.header('accept-language'))) ??
    'en';
  c.header('Content-Language', lang);
  return lang;
}

/**
 * Middleware: answers of `/v1/*` say their language even when the handler has nothing to translate. Set before the
 * handler runs, from the request's headers (the session is not known yet); a handler that reads the session's
 * locale through `requestLang` replaces it.
 */
export async function contentLanguage(c: Context, next: () => Promise<void>): Promise<void> {
  requestLang(c);
  await next();
}
