/**
 * @esim-renewal/widgets — renewal widgets for eSIM travel data cards.
 *
 * Importing this module defines nothing and touches no globals; import an element's own entry
 * (`@esim-renewal/widgets/balance-badge`) or call `defineAll()` to register elements.
 */
export { createRenewalClient, isFinalOrder } from './client/client.js';
export type {
  CreateOrderOptions,
  RenewalClient,
  RenewalClientOptions,
  RequestOptions,
  WaitForOrderOptions,
} from './client/client.js';
export { InvalidResponseError, RenewalError, isRenewalError } from './client/errors.js';
export type { RenewalErrorCode, RenewalErrorOptions } from './client/errors.js';
export { newIdempotencyKey } from './client/transport.js';
export type * from './client/schemas.js';
export { VERSION } from './version.js';
