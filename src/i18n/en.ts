import { enAutoRenew } from './en/auto-renew.js';
import { enBadge } from './en/badge.js';
import { enCheckout, enPaymentFailures } from './en/checkout.js';
import type { RenewalErrorCode } from '../client/errors.js';
import { ERROR_CODES } from '../client/constants.js';
import { enCore } from './en/core.js';
import { enDevice } from './en/device.js';
import { enFlow } from './en/flow.js';
import { enHistory } from './en/history.js';
import { enOperationErrors } from './en/operation-errors.js';
import { enPaymentUnavailable } from './en/payment-unavailable.js';
import { enPicker } from './en/picker.js';
import { enUsage } from './en/usage.js';

export type { UsageReport } from './en/usage.js';

/** Every error's English, whole: the API's codes in the contract's order, then the client's own. */
const allErrors = { ...enCore.errors, ...enOperationErrors } satisfies Record<RenewalErrorCode, string>;
const ERROR_ORDER = [
  ...ERROR_CODES,
  'invalid_response',
  'timeout',
  'network',
  'aborted',
  'unknown',
  'handoff_used',
] as const;
const errors = Object.fromEntries(ERROR_ORDER.map((code) => [code, allErrors[code]])) as typeof allErrors;

/**
 * English, whole: the reference every other locale file follows (`Messages` is its type), in the order they follow.
 * Its groups live in ./en/ so that each loads with the code that shows it: every page has ./en/core.ts (errors,
 * common words) and each element brings its own group (see `addEnglish` in ./index.ts). The SDK itself never imports
 * this object (only its type); tests, the pseudo-locale and the API docs do.
 */
export const en = {
  badge: enBadge,
  picker: enPicker,
  checkout: enCheckout,
  errors,
  paymentFailures: enPaymentFailures,
  paymentUnavailable: enPaymentUnavailable,
  usage: enUsage,
  autoRenew: enAutoRenew,
  flow: enFlow,
  history: enHistory,
  device: enDevice,
  common: enCore.common,
};

export type Messages = typeof en;
