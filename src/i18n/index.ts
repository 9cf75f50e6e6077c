import { en, type Messages } from './en.js';
import { localeLoaders } from './locales.js';
import { negotiateLocale } from './negotiate.js';

export type { Messages };

/** Locales ready to use. English is always here; the others arrive from `localeLoaders` or `registerLocale`. */
const catalog = new Map<string, Messages>([['en', en]]);
/** Locales being loaded, so that every element asking for one shares a single request. */
const loading = new Map<string, Promise<void>>();
/** Locales whose file could not be loaded: they fall back to English rather than wait forever. */
const failed = new Set<string>();

/**
 * Adds or replaces a locale. A new locale is one file exporting a `Messages` object and one call to this
 * (e.g. `registerLocale('ja', ja)`); lookups fall back by language (`zh-Hans-CN` → `zh-CN`) and then to English.
 */
export function registerLocale(tag: string, messages: Messages): void {
  catalog.set(tag, messages);
  failed.delete(tag);
  negotiated.clear();
}

/** Every locale the SDK can speak: those registered and those it can load. */
function knownTags(): string[] {
  return [...new Set([...catalog.keys(), ...Object.keys(localeLoaders)])];
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
  const browser = globalThis.navigator?.languages ?? [globalThis.navigator?.language].filter(Boolean);
  return negotiate(pageLang ? [pageLang, ...browser] : browser);
}

/**
 * The messages of a locale, if they are here; English while a locale's file is still loading (see `loadLocale`),
 * or when it could not be loaded.
 */
export function messagesFor(locale: string): Messages {
  return catalog.get(resolveLocale(locale)) ?? en;
}

/**
 * Loads the file of a locale (once, however many elements ask) and resolves when `messagesFor` speaks it. A file
 * that fails to load is reported once and the locale falls back to English; a later call tries again.
 */
export function loadLocale(locale: string): Promise<void> {
  const tag = resolveLocale(locale);
  failed.delete(tag);
  return localePending(tag) ?? Promise.resolve();
}

/**
 * A promise while `locale`'s messages are not here yet (starting the load if needed), undefined once they are, or
 * when they never will be (no such file, or it failed: English then).
 */
export function localePending(locale: string): Promise<void> | undefined {
  const tag = resolveLocale(locale);
  if (catalog.has(tag) || failed.has(tag)) return undefined;
  const load = localeLoaders[tag];
  if (!load) return undefined;
  let pending = loading.get(tag);
  if (!pending) {
    pending = load().then(
      (messages) => {
        if (!catalog.has(tag)) catalog.set(tag, messages);
      },
      (error: unknown) => {
        failed.add(tag);
        console.warn(`esim-renewal: the ${tag} messages could not be loaded; showing English instead.`, error);
      },
    );
    loading.set(tag, pending);
    void pending.finally(() => loading.delete(tag));
  }
  return pending;
}
