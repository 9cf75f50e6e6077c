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
export { minorUnitExponent, toMajorUnits, toMinorUnits } from './money.js';
export { newIdempotencyKey } from './transport.js';
export type * from './schemas.js';
