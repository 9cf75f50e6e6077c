import type { RenewalErrorCode } from '../../client/errors.js';

/**
 * The errors of operations that change something — quoting and ordering, paying, refunds, auto-renew, moving the card
 * to another phone — which reading the card, its plans or its usage never ends in. They join the English errors with
 * the elements that run those operations (the checkout's views, the order history, the device change, the auto-renew
 * toggle, the flow; see `addEnglish` in ../index.ts), so a page that only shows the card never downloads them.
 */
export const enOperationErrors = {
  plan_unavailable: 'This plan is no longer available for your card. Please choose another.',
  quote_expired: 'The price has expired. Please try again to get a new one.',
  promo_invalid: 'This promo code is not valid.',
  idempotency_conflict: 'This payment attempt changed midway. Please start again.',
  invalid_state: 'This order has already moved on. Please reload to see its status.',
  payment_failed: 'The payment was not completed. No money was taken.',
  device_incompatible: 'This phone cannot use an eSIM.',
  otp_invalid: 'That code is not right. Please check it and try again.',
  otp_locked: 'Too many wrong codes. For your safety this change is locked; please contact support.',
  method_unavailable_in_env:
    'This payment method does not work here. Please choose another, or open this page in your browser.',
} satisfies Partial<Record<RenewalErrorCode, string>>;
