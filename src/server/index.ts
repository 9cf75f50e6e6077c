/** Server-side entry (`@esim-renewal/widgets/server`): for the partner's backend, never for a browser bundle. */
export { createPartnerClient } from './partner.js';
export type { PartnerClient, PartnerClientOptions } from './partner.js';
export { RenewalError, isRenewalError } from '../client/errors.js';
export type { RenewalErrorCode } from '../client/errors.js';
export type { CreateSessionInput, PartnerCard, Session } from '../client/schemas.js';
