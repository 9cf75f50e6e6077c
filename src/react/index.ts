/**
 * React components for every element, typed with their properties and events (`@lit/react`):
 *
 * ```tsx
 * import { RenewalProvider, BalanceBadge, PlanPicker, CheckoutButton } from '@esim-renewal/widgets/react';
 *
 * <RenewalProvider apiBase="https://renew.example.com" sessionToken={token} locale="zh-CN">
 *   <BalanceBadge />
 *   <PlanPicker onPlanChange={(event) => console.log(event.detail.plan)} />
 *   <CheckoutButton onRenewalSuccess={(event) => refresh(event.detail.card)} />
 * </RenewalProvider>
 * ```
 *
 * Importing this module registers every element; `@esim-renewal/widgets/react/<element>` registers one.
 */
export { AutoRenewToggle } from './auto-renew-toggle.js';
export { BalanceBadge } from './balance-badge.js';
export { CheckoutButton } from './checkout-button.js';
export { DeviceChange } from './device-change.js';
export { reactEvents } from './events.js';
export type { ReactEvents } from './events.js';
export { OrderHistory } from './order-history.js';
export { PlanPicker } from './plan-picker.js';
export { RenewalFlow } from './renewal-flow.js';
export { RenewalProvider } from './renewal.js';
export { UsageMeter } from './usage-meter.js';
