import { EsimAutoRenewChangeEvent } from './auto-renew-change.js';
import { EsimCheckoutStartEvent } from './checkout-start.js';
import { EsimDeviceChangeEvent } from './device-change.js';
import { EsimExpiryWarningEvent } from './expiry-warning.js';
import { EsimPlanChangeEvent } from './plan-change.js';
import { EsimRefundRequestEvent } from './refund-request.js';
import { EsimRenewalErrorEvent } from './renewal-error.js';
import { EsimRenewalSuccessEvent } from './renewal-success.js';

export {
  EsimAutoRenewChangeEvent,
  EsimCheckoutStartEvent,
  EsimDeviceChangeEvent,
  EsimExpiryWarningEvent,
  EsimPlanChangeEvent,
  EsimRefundRequestEvent,
  EsimRenewalErrorEvent,
  EsimRenewalSuccessEvent,
};

/**
 * Every event the elements fire: the one list the package exports, and the React wrappers' `on…` props are made
 * from (src/react/events.ts). Each event's own module registers it in `GlobalEventHandlersEventMap`.
 */
export const esimEvents = [
  EsimPlanChangeEvent,
  EsimCheckoutStartEvent,
  EsimRenewalSuccessEvent,
  EsimRenewalErrorEvent,
  EsimExpiryWarningEvent,
  EsimAutoRenewChangeEvent,
  EsimRefundRequestEvent,
  EsimDeviceChangeEvent,
] as const;

/**
 * The events by name, as `addEventListener` on `document`, `window` or any element types them. `tsc` fails here
 * when an event of the list is missing from `GlobalEventHandlersEventMap`.
 */
export type EsimEventMap = {
  [Class in (typeof esimEvents)[number] as Class['type']]: GlobalEventHandlersEventMap[Class['type']];
};
