import type { RenewalErrorCode } from '../../client/errors.js';

/**
 * The English every element uses: the API's errors and the common words. Each element's own group lives beside this
 * file and arrives with the element's module (see `addEnglish` in ../index.ts), so a page downloads the English of
 * the elements it has; ../en.ts joins them all.
 */
export const enCore = {
  errors: {
    unauthorized: 'Your session is not valid. Please reload the page.',
    session_expired: 'Your session has expired. Please reload the page to continue.',
    forbidden: 'This card cannot be renewed here.',
    not_found: 'We could not find what you asked for.',
    validation_failed: 'Some details were not accepted. Please check and try again.',
    plan_unavailable: 'This plan is no longer available for your card. Please choose another.',
    quote_expired: 'The price has expired. Please try again to get a new one.',
    promo_invalid: 'This promo code is not valid.',
    idempotency_conflict: 'This payment attempt changed midway. Please start again.',
    invalid_state: 'This order has already moved on. Please reload to see its status.',
    payment_failed: 'The payment was not completed. No money was taken.',
    rate_limited: 'Too many attempts. Please wait a moment and try again.',
    payload_too_large: 'The request was too large.',
    device_incompatible: 'This phone cannot use an eSIM.',
    otp_invalid: 'That code is not right. Please check it and try again.',
    otp_locked: 'Too many wrong codes. For your safety this change is locked; please contact support.',
    method_unavailable_in_env:
      'This payment method does not work here. Please choose another, or open this page in your browser.',
    internal: 'Something went wrong on our side. Please try again.',
    invalid_response: 'We received an unexpected answer. Please try again.',
    timeout: 'The connection timed out. Please check your network and try again.',
    network: 'You appear to be offline. Please check your connection and try again.',
    aborted: 'The request was cancelled.',
    unknown: 'Something went wrong. Please try again.',
    handoff_used:
      'This link has already been used. Each link works once: on the device where you started, choose “Continue on another device” again to get a new one.',
  } satisfies Record<RenewalErrorCode, string>,
  common: {
    loading: 'Loading…',
    retry: 'Retry',
    failure: (what: string, why: string) => `${what} ${why}`,
    errorCode: (code: string) => `Error code: ${code}`,
  },
};
