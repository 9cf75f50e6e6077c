import { en, type Messages } from './en.js';
import { localeLoaders } from './locales.js';
import { catalog, forgetNegotiations, resolveLocale } from './resolve.js';

export type { Messages };

export { autoLocale, isExplicitLocale, resolveLocale } from './resolve.js';

// English is always here; the others arrive from `localeLoaders` or `registerLocale`.
catalog.set('en', en);

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
  forgetNegotiations();
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
