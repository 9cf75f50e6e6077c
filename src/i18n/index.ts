import { en, type Messages } from './en.js';
import { zhCN } from './zh-CN.js';

export type { Messages };

const catalog = new Map<string, Messages>([
  ['en', en],
  ['zh-CN', zhCN],
]);

/**
 * Adds or replaces a locale. A new locale is one file exporting a `Messages` object and one call to this
 * (e.g. `registerLocale('ja', ja)`); lookups fall back by language (`zh-Hans-CN` → `zh-CN`) and then to English.
 */
export function registerLocale(tag: string, messages: Messages): void {
  catalog.set(tag, messages);
}

/** The best supported locale for a requested BCP 47 tag. */
export function resolveLocale(requested: string | undefined | null): string {
  if (!requested) return 'en';
  if (catalog.has(requested)) return requested;
  const lower = requested.toLowerCase();
  for (const tag of catalog.keys()) if (tag.toLowerCase() === lower) return tag;
  const language = lower.split('-')[0];
  // Traditional Chinese scripts and regions would read Simplified poorly, but better than English; refine when a
  // zh-TW file exists (an exact match wins first).
  for (const tag of catalog.keys()) if (tag.toLowerCase().split('-')[0] === language) return tag;
  return 'en';
}

export function messagesFor(locale: string): Messages {
  return catalog.get(resolveLocale(locale)) ?? en;
}
