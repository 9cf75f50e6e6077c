/**
 * The script-tag entry: `<script src=".../esim-renewal.js" defer></script>`. The file holds what the usual page
 * shows first — Lit, the client, the store, the provider, the badge, the picker, the checkout button and its dialog's
 * frame, English — and registers those elements at once. Everything else is a chunk beside it, loaded when the page
 * uses it (see src/internal/autoloader.ts): each other element when its tag appears, the checkout (its flow, the
 * summary, promo code and outcome) and its payment steps when "Renew" is pressed (prefetched on hover, focus or idle), each other language when an element speaks it, the schemas of orders and of card care
 * when the client first calls one of their operations (src/client/client.ts). It exposes the `EsimRenewal` global.
 * Including it twice is harmless: names already defined are skipped, and the first copy's chunks serve both.
 */
import { EsimBalanceBadge } from './components/balance-badge/balance-badge.js';
import { EsimCheckoutButton } from './components/checkout-button/checkout-button.js';
import { loadCheckout } from './components/checkout-button/prefetch.js';
import { EsimPlanPicker } from './components/plan-picker/plan-picker.js';
import { EsimRenewal } from './components/renewal/renewal.js';
import { createRenewalClient, loadContract } from './client/client.js';
// The usual page shows plans at once: their part of the contract is in the file, not a chunk the client would load
// alongside its first request (src/client/client.ts imports it on demand, for pages that show only the card).
import './client/schemas/plans.js';
import { isRenewalError, RenewalError } from './client/errors.js';
import { loadLocale, registerLocale } from './i18n/index.js';
import { localeLoaders } from './i18n/locales.js';
import { startAutoloader } from './internal/autoloader.js';
import { defineElement } from './internal/define.js';
import { installRuntime } from './internal/script-runtime.js';
import type { EsimRenewalGlobal } from './script-tag.js';
import { VERSION } from './version.js';

/** In the file, registered as it runs. */
const inFile = {
  'esim-renewal': EsimRenewal,
  'esim-balance-badge': EsimBalanceBadge,
  'esim-plan-picker': EsimPlanPicker,
  'esim-checkout-button': EsimCheckoutButton,
};

/** Chunks, each loaded when its tag first appears: the npm entries, which register their element. */
const onDemand = {
  'esim-usage-meter': () => import('./usage-meter.js'),
  'esim-auto-renew-toggle': () => import('./auto-renew-toggle.js'),
  'esim-order-history': () => import('./order-history.js'),
  'esim-device-change': () => import('./device-change.js'),
  'esim-renewal-flow': () => import('./renewal-flow.js'),
};

installRuntime();
for (const [tag, element] of Object.entries(inFile)) defineElement(tag, element);
const loader = startAutoloader({
  elements: onDemand,
  tags: [...Object.keys(inFile), ...Object.keys(onDemand)],
  eager: [loadCheckout, loadContract, ...Object.keys(localeLoaders).map((tag) => () => loadLocale(tag))],
});

/** Resolves once every element in the page is defined and shows its text (see `Autoloader.ready`). */
export const ready: Promise<void> = loader.ready;

/** Loads every chunk now, for pages that want no request later (or whose elements live in shadow roots). */
export const loadAll: () => Promise<void> = loader.loadAll;

export { createRenewalClient, isRenewalError, registerLocale, RenewalError, VERSION as version };

// The published typings of the global (src/script-tag.ts) must say exactly what this module exports: `tsc` fails
// here when one changes without the other. It compiles to a bare `true;`, which the minifier drops.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies Same<typeof import('./cdn.js'), EsimRenewalGlobal>;
