export { claimHandoff, createRenewalClient, isFinalOrder } from './client.js';
export type {
  CreateOrderOptions,
  RenewalClient,
  RenewalClientOptions,
  RequestOptions,
  RequestRefundOptions,
  WaitForOrderOptions,
} from './client.js';
export { InvalidResponseError, RenewalError, isRenewalError } from './errors.js';
export type { RenewalErrorCode, RenewalErrorOptions } from './errors.js';
// Helpers for code that polls or repeats a write on its own, as the elements do: a wait that an AbortSignal cuts short
// (rejecting with an `aborted` RenewalError), and a fresh Idempotency-Key.
export { newIdempotencyKey, sleep } from './transport.js';
export { minorUnitExponent, toMajorUnits, toMinorUnits } from './money.js';
export type * from './schemas.js';
