/**
 * @esim-renewal/widgets — renewal widgets for eSIM travel data cards.
 *
 * Importing this module defines nothing and touches no globals; import an element's own entry
 * (`@esim-renewal/widgets/balance-badge`) or call `defineAll()` to register elements.
 */
// The typed client, also importable alone from `@esim-renewal/widgets/client`.
export * from './client/index.js';
export { VERSION } from './version.js';

export { EsimAutoRenewToggle } from './components/auto-renew-toggle/auto-renew-toggle.js';
export type { AutoRenewStep } from './components/auto-renew-toggle/auto-renew-toggle.js';
export { EsimBalanceBadge } from './components/balance-badge/balance-badge.js';
export type { BadgeState } from './components/balance-badge/balance-badge.js';
export { EsimCheckoutButton } from './components/checkout-button/checkout-button.js';
export type { CheckoutStep } from './components/checkout-button/checkout-state.js';
export { EsimPlanPicker } from './components/plan-picker/plan-picker.js';
export { EsimRenewal } from './components/renewal/renewal.js';
export { EsimOrderHistory } from './components/order-history/order-history.js';
export { EsimDeviceChange } from './components/device-change/device-change.js';
export type { DeviceChangeStep } from './components/device-change/device-change.js';
export { EsimRenewalFlow } from './components/renewal-flow/renewal-flow.js';
export type { FlowStep } from './components/renewal-flow/renewal-flow.js';
export { EsimUsageMeter } from './components/usage-meter/usage-meter.js';
export type { UsageMeterState } from './components/usage-meter/usage-meter.js';
export { RenewalStore } from './context/store.js';
export { MultilingualStore } from './context/language-views.js';
export type { Loadable, RenewalState } from './context/store.js';
export { renewalContext } from './context/renewal-context.js';
export { settingsContext } from './context/settings.js';
export type { RenewalSettings, SupportContact } from './context/settings.js';
export { defineAll, elements } from './define.js';
// Every event class, and `esimEventNames`, the list of their names (src/events/index.ts).
export * from './events/index.js';
export { formatBytes, formatDate, formatMoney, formatRelativeDays } from './i18n/format.js';
export { loadLocale, messagesFor, registerLocale, resolveLocale } from './i18n/index.js';
export type { Messages } from './i18n/index.js';
