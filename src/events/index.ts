export { EsimAutoRenewChangeEvent } from './auto-renew-change.js';
export { EsimCheckoutStartEvent } from './checkout-start.js';
export { EsimDeviceChangeEvent } from './device-change.js';
export { EsimRefundRequestEvent } from './refund-request.js';
export { EsimExpiryWarningEvent } from './expiry-warning.js';
export { EsimPlanChangeEvent } from './plan-change.js';
export { EsimRenewalErrorEvent } from './renewal-error.js';
export { EsimRenewalSuccessEvent } from './renewal-success.js';
