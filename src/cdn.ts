/**
 * The script-tag entry: `<script src=".../esim-renewal.js"></script>` registers every element and exposes the
 * `EsimRenewal` global (version and `createRenewalClient`). Including it twice is harmless: names already defined
 * are skipped.
 */
// Evaluation order, chosen for gzip: it finds repeats only within 32 kB, so the libraries come first, then every
// element's styles side by side, then both locales side by side, then the elements (about 0.7 kB min+gzip less than
// each element bringing its own styles in). The elements' own order is the best one a search over moves found
// (0.3 kB less); it only affects bytes, never behaviour. A new element's styles belong in the list; leaving one out
// costs bytes, not correctness. `npm run bench -- size` measures it.
import 'lit';
import '@lit/context';
import './internal/theme.js';
import './components/auto-renew-toggle/auto-renew-toggle.styles.js';
import './components/balance-badge/balance-badge.styles.js';
import './components/checkout-button/checkout-button.styles.js';
import './components/device-change/device-change.styles.js';
import './components/order-history/order-history.styles.js';
import './components/plan-picker/plan-picker.styles.js';
import './components/renewal-flow/renewal-flow.styles.js';
import './components/usage-meter/usage-meter.styles.js';
import './i18n/index.js';
import './components/balance-badge/balance-badge.js';
import './components/usage-meter/usage-meter.js';
import './components/renewal/renewal.js';
import './components/plan-picker/plan-picker.js';
import './components/checkout-button/checkout-button.js';
import './components/auto-renew-toggle/auto-renew-toggle.js';
import './components/renewal-flow/renewal-flow.js';
import './components/device-change/device-change.js';
import './components/order-history/order-history.js';
import { createRenewalClient } from './client/client.js';
import { isRenewalError, RenewalError } from './client/errors.js';
import { defineAll } from './define.js';
import { registerLocale } from './i18n/index.js';
import type { EsimRenewalGlobal } from './script-tag.js';
import { VERSION } from './version.js';

defineAll();

export { createRenewalClient, isRenewalError, registerLocale, RenewalError, VERSION as version };

// The published typings of the global (src/script-tag.ts) must say exactly what this module exports: `tsc` fails
// here when one changes without the other. It compiles to a bare `true;`, which the minifier drops.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies Same<typeof import('./cdn.js'), EsimRenewalGlobal>;
