import type { Messages } from './en.js';
import { enCore } from './en/core.js';
import { localeLoaders } from './locales.js';
import { catalog, forgetNegotiations, resolveLocale } from './resolve.js';

export type { Messages };

export { autoLocale, isExplicitLocale, resolveLocale } from './resolve.js';

/**
 * English, as far as this page has it. Its core (errors, common words) is always here; each element (and the
 * checkout's payment steps) brings its own group and adds it with `addEnglish` when its module is evaluated, which is
 * always before it can render (a custom element renders only once its class is defined). So `msg.history` is there
 * whenever `<esim-order-history>` reads it, while a badge-only page never downloads it. The
 * type is the whole `Messages` for that reason: a group missing here belongs to an element that is not on the page.
 * Other locales are whole objects, loaded from `localeLoaders` or given to `registerLocale`.
 */
const en = { ...enCore } as Messages;
catalog.set('en', en);

/**
 * Adds English groups that load with the code that shows them (`addEnglish({ usage: enUsage })` at the top of
 * the usage meter's module): see `en` above. A group may come in parts, each with the code that shows it (the
 * checkout button's own words with the element, its dialog's with the dialog's views): a part adds its keys to what
 * the group already has, in whatever order the modules are evaluated.
 */
export function addEnglish(groups: { [Group in keyof Messages]?: Partial<Messages[Group]> }): void {
  for (const [group, part] of Object.entries(groups)) {
    Object.assign(en, { [group]: { ...en[group as keyof Messages], ...part } });
  }
}

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
