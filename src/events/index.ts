export { EsimCheckoutStartEvent } from './checkout-start.js';
export { EsimPlanChangeEvent } from './plan-change.js';
export { EsimRenewalErrorEvent } from './renewal-error.js';
export { EsimRenewalSuccessEvent } from './renewal-success.js';
