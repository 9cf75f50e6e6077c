import type { ReactiveController, ReactiveControllerHost } from 'lit';
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
 * `inherited` (the provider's, already resolved), else `auto`: `navigator.languages`, then the page's `lang`.
 */
export function localeAt(node: Node, own: string | undefined, inherited?: string): string {
  if (isExplicitLocale(own)) return resolveLocale(own);
  return inherited ?? autoLocale(pageLanguage(node));
}

/**
 * Calls `changed` when the traveller changes the browser's languages (the window's `languagechange` event) while
 * `host` is in the page: `auto` negotiates again then, rather than keeping the language it chose at first.
 */
export class LanguageChangeController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly changed: () => void,
  ) {
    host.addController(this);
  }

  private readonly listener = () => this.changed();

  hostConnected(): void {
    globalThis.addEventListener?.('languagechange', this.listener);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener?.('languagechange', this.listener);
  }
}
