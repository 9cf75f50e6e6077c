import type { Messages } from './en.js';
import { localeLoaders } from './locales.js';
import { negotiateLocale } from './negotiate.js';

/**
 * Which locale to speak, apart from the messages themselves: the provider and the settings resolve a locale with
 * this module alone, so a page with only `<esim-renewal>` does not load English's messages to choose a language.
 */

/** Locales ready to use (`i18n/index.ts` puts English in, `registerLocale` the partner's). */
export const catalog = new Map<string, Messages>();

/** Every locale the SDK can speak: English, those registered and those it can load. */
function knownTags(): string[] {
  return [...new Set(['en', ...catalog.keys(), ...Object.keys(localeLoaders)])];
}

/** Negotiations already made (`navigator.languages` and a page's `lang` rarely change): an element asks on every render. */
const negotiated = new Map<string, string>();

/** The locale we speak best for readers preferring `requested` (best first): see `negotiateLocale`. */
function negotiate(requested: readonly string[]): string {
  const key = requested.join(',');
  let tag = negotiated.get(key);
  if (tag === undefined) negotiated.set(key, (tag = negotiateLocale(requested, knownTags())));
  return tag;
}

/**
 * The best supported locale for a requested BCP 47 tag: the tag itself when we speak it, else the closest by
 * language, script and region (`zh-Hant` → `zh-TW`, `zh-MO` → `zh-HK`, `zh-SG` → `zh-CN`, `in` → `id`), else English.
 */
export function resolveLocale(requested: string | undefined | null): string {
  if (!requested) return 'en';
  if (catalog.has(requested) || requested in localeLoaders) return requested;
  return negotiate([requested]);
}

/** Whether a `locale` attribute asks for a language (`ja`), rather than leaving it to the page (unset or `auto`). */
export function isExplicitLocale(locale: string | undefined | null): locale is string {
  return !!locale && locale.toLowerCase() !== 'auto';
}

/**
 * `locale="auto"`, the default: the page's language (`pageLang`, the nearest `lang` attribute) if we speak it or one
 * close to it, else the traveller's browser preferences (`navigator.languages`, best first), else English.
 */
export function autoLocale(pageLang?: string): string {
  // Some WebViews leave `languages` empty and set only `language`.
  const { languages, language } = globalThis.navigator ?? {};
  const browser = languages?.length ? languages : language ? [language] : [];
  return negotiate(pageLang ? [pageLang, ...browser] : browser);
}

/** A locale was added: negotiations made before it may now end differently. */
export function forgetNegotiations(): void {
  negotiated.clear();
}
