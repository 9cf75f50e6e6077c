/**
 * Types for pages that load the script-tag file (`<script src=".../dist/esim-renewal.js">`) rather than importing
 * the package: the `EsimRenewal` global it sets, and every element it defines (`document.querySelector(
 * 'esim-checkout-button')` is typed). In TypeScript, reference them once:
 *
 * ```ts
 * /// <reference types="@esim-renewal/widgets/script-tag" />
 * const client = EsimRenewal.createRenewalClient({ baseUrl, sessionToken });
 * ```
 *
 * Types only: nothing here runs. `src/cdn.ts`, the file's entry, checks that its exports are exactly this. Every
 * element is typed, whether it is in the file or loaded on demand when its tag appears.
 */
import type { createRenewalClient } from './client/client.js';
import type { isRenewalError, RenewalError } from './client/errors.js';
import type { registerLocale } from './i18n/index.js';
import type { elements } from './define.js';

/**
 * The element classes the file defines, by tag name. Naming them here also brings in their modules' declarations
 * of HTMLElementTagNameMap and HTMLElementEventMap, which type `querySelector` and `addEventListener`.
 */
export type ScriptTagElements = typeof elements;

/** What `window.EsimRenewal` holds once the script-tag file ran. */
export interface EsimRenewalGlobal {
  /** The package version the file was built from. */
  version: string;
  createRenewalClient: typeof createRenewalClient;
  isRenewalError: typeof isRenewalError;
  RenewalError: typeof RenewalError;
  registerLocale: typeof registerLocale;
  /**
   * Resolves once every element in the page (as parsed) is defined and has rendered in its language — on-demand
   * elements and languages loaded — though its data may still be on the way. Rejects if a chunk could not be loaded.
   */
  ready: Promise<void>;
  /**
   * Loads every chunk now (each on-demand element, the checkout's payment steps, every language) rather than when
   * first used: for pages that want no request later, or whose elements sit in shadow roots the loader cannot see.
   */
  loadAll(): Promise<void>;
}

declare global {
  // `var`: a global set by a classic script, readable as `EsimRenewal` and `window.EsimRenewal`.
  var EsimRenewal: EsimRenewalGlobal;
}
