export { EsimAutoRenewChangeEvent } from './auto-renew-change.js';
export { EsimCheckoutStartEvent } from './checkout-start.js';
export { EsimDeviceChangeEvent } from './device-change.js';
export { EsimExpiryWarningEvent } from './expiry-warning.js';
export { EsimPlanChangeEvent } from './plan-change.js';
export { EsimRefundRequestEvent } from './refund-request.js';
export { EsimRenewalErrorEvent } from './renewal-error.js';
export { EsimRenewalSuccessEvent } from './renewal-success.js';

/**
 * The name of every event the elements fire: the one list of them, from which the React wrappers' `on…` props are
 * made (src/react/events.ts). Each event's module above registers its class under its name in
 * `GlobalEventHandlersEventMap`, which types `addEventListener` on `document`, `window` and every element.
 */
export const esimEventNames = [
  'esim-plan-change',
  'esim-checkout-start',
  'esim-renewal-success',
  'esim-renewal-error',
  'esim-expiry-warning',
  'esim-auto-renew-change',
  'esim-refund-request',
  'esim-device-change',
] as const;

export type EsimEventName = (typeof esimEventNames)[number];

/** The events by name, as `addEventListener` types them. `tsc` fails here when one of the list is not registered. */
export type EsimEventMap = { [Name in EsimEventName]: GlobalEventHandlersEventMap[Name] };
