import type { EventName } from '@lit/react';
import type {
  EsimAutoRenewChangeEvent,
  EsimCheckoutStartEvent,
  EsimDeviceChangeEvent,
  EsimExpiryWarningEvent,
  EsimPlanChangeEvent,
  EsimRefundRequestEvent,
  EsimRenewalErrorEvent,
  EsimRenewalSuccessEvent,
} from '../events/index.js';

/** Our DOM events as typed React props: `onPlanChange={(event) => event.detail.plan}`. */
export const reactEvents = {
  onPlanChange: 'esim-plan-change' as EventName<EsimPlanChangeEvent>,
  onCheckoutStart: 'esim-checkout-start' as EventName<EsimCheckoutStartEvent>,
  onRenewalSuccess: 'esim-renewal-success' as EventName<EsimRenewalSuccessEvent>,
  onRenewalError: 'esim-renewal-error' as EventName<EsimRenewalErrorEvent>,
  onExpiryWarning: 'esim-expiry-warning' as EventName<EsimExpiryWarningEvent>,
  onAutoRenewChange: 'esim-auto-renew-change' as EventName<EsimAutoRenewChangeEvent>,
  onRefundRequest: 'esim-refund-request' as EventName<EsimRefundRequestEvent>,
  onDeviceChange: 'esim-device-change' as EventName<EsimDeviceChangeEvent>,
};

export type ReactEvents = typeof reactEvents;

/** The subset of `reactEvents` an element fires. */
export function eventsOf<K extends keyof ReactEvents>(...names: K[]): Pick<ReactEvents, K> {
  return Object.fromEntries(names.map((name) => [name, reactEvents[name]])) as Pick<ReactEvents, K>;
}
