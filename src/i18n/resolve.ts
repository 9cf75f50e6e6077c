import type { Messages } from './en.js';
import { localeLoaders } from './locales.js';
import { negotiateAuto, negotiateLocale } from './negotiate.js';

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

/** `negotiate()`, remembered by what was asked: the same question is answered once. */
function remembered(key: string, negotiate: () => string): string {
  let tag = negotiated.get(key);
  if (tag === undefined) negotiated.set(key, (tag = negotiate()));
  return tag;
}

/**
 * The best supported locale for a requested BCP 47 tag: the tag itself when we speak it, else the closest by
 * language, script and region (`zh-Hant` → `zh-TW`, `zh-MO` → `zh-HK`, `zh-SG` → `zh-CN`, `in` → `id`), else English.
 */
export function resolveLocale(requested: string | undefined | null): string {
  if (!requested) return 'en';
  if (catalog.has(requested) || requested in localeLoaders) return requested;
  return remembered(requested, () => negotiateLocale([requested], knownTags()));
}

/** Whether a `locale` attribute asks for a language (`ja`), rather than leaving it to the page (unset or `auto`). */
export function isExplicitLocale(locale: string | undefined | null): locale is string {
  return !!locale && locale.toLowerCase() !== 'auto';
}

/**
 * `locale="auto"`, the default: the traveller's browser preferences (`navigator.languages`, best first) when we
 * speak one of them or one close to it, else the page's language (`pageLang`, the nearest `lang` attribute), else
 * English (see `negotiateAuto`).
 */
export function autoLocale(pageLang?: string): string {
  // Some WebViews leave `languages` empty and set only `language`.
  const { languages, language } = globalThis.navigator ?? {};
  const browser = languages?.length ? languages : language ? [language] : [];
  return remembered(`${browser.join(',')}|${pageLang ?? ''}`, () => negotiateAuto(browser, pageLang, knownTags()));
}

/** A locale was added: negotiations made before it may now end differently. */
export function forgetNegotiations(): void {
  negotiated.clear();
}
