import type { RenewalErrorCode } from '../../client/errors.js';

/**
 * The English every element uses: the errors any request can end in (the session, the network, a garbled answer,
 * a used hand-off link: any element may show them for the card or the plans it reads) and the common words. The
 * errors of operations that change something (ordering, paying, refunds, moving the card: ./operation-errors.ts)
 * and each element's own group live beside this file and arrive with the modules that show them (see `addEnglish`
 * in ../index.ts), so a page downloads the English of the elements it has; ../en.ts joins them all.
 */
export const enCore = {
  errors: {
    unauthorized: 'Your session is not valid. Please reload the page.',
    session_expired: 'Your session has expired. Please reload the page to continue.',
    forbidden: 'This card cannot be renewed here.',
    not_found: 'We could not find what you asked for.',
    validation_failed: 'Some details were not accepted. Please check and try again.',
    rate_limited: 'Too many attempts. Please wait a moment and try again.',
    payload_too_large: 'The request was too large.',
    internal: 'Something went wrong on our side. Please try again.',
    invalid_response: 'We received an unexpected answer. Please try again.',
    timeout: 'The connection timed out. Please check your network and try again.',
    network: 'You appear to be offline. Please check your connection and try again.',
    aborted: 'The request was cancelled.',
    unknown: 'Something went wrong. Please try again.',
    handoff_used: 'This link has already been used. Each link works once: on the device where you started, choose “Continue on another device” again to get a new one.',
  } satisfies Partial<Record<RenewalErrorCode, string>>,
  common: {
    loading: 'Loading…',
    retry: 'Retry',
    failure: (what: string, why: string) => `${what} ${why}`,
    errorCode: (code: string) => `Error code: ${code}`,
  },
};
