import { autoLocale, isExplicitLocale, resolveLocale } from '../i18n/resolve.js';

/** The page's language where `node` sits: the nearest `lang` attribute, crossing shadow roots; undefined if none. */
function pageLanguage(node: Node): string | undefined {
  for (let current: Node | null = node; current; ) {
    if (current instanceof Element && current.getAttribute('lang')) return current.getAttribute('lang')!;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return undefined;
}

/**
 * The locale an element (or the provider) at `node` speaks: its own `locale` unless that is unset or `auto`, else
 * `inherited` (the provider's, already resolved), else `auto`: the page's `lang`, then `navigator.languages`.
 */
export function localeAt(node: Node, own: string | undefined, inherited?: string): string {
  if (isExplicitLocale(own)) return resolveLocale(own);
  return inherited ?? autoLocale(pageLanguage(node));
}
