import { enAutoRenew } from './en/auto-renew.js';
import { enBadge } from './en/badge.js';
import { enCheckout, enPaymentFailures } from './en/checkout.js';
import { enCore } from './en/core.js';
import { enDevice } from './en/device.js';
import { enFlow } from './en/flow.js';
import { enHistory } from './en/history.js';
import { enPaymentUnavailable } from './en/payment-unavailable.js';
import { enPicker } from './en/picker.js';
import { enUsage } from './en/usage.js';

export type { UsageReport } from './en/usage.js';

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
  errors: enCore.errors,
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
