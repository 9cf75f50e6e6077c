/** Server-side entry (`@esim-renewal/widgets/server`): for the partner's backend, never for a browser bundle. */
export { createPartnerClient } from './partner.js';
export type { PartnerClient, PartnerClientOptions } from './partner.js';
export { constructEvent, isWebhookVerificationError, WebhookVerificationError, webhookSignatureHeader } from './webhooks.js';
export type { ConstructEventOptions, WebhookVerificationErrorCode } from './webhooks.js';
export { DEFAULT_EXPIRING_DAYS, DATA_LOW_PERCENTS, SIGNATURE_HEADER, WEBHOOK_EVENT_TYPES } from './schemas.js';
export type {
  CardDataLowEvent, CardExpiredEvent, CardExpiringEvent, CardTransferredEvent, CreatedWebhookEndpoint,
  CreateRenewalLinkInput, CreateWebhookEndpointInput, EventList, EventsQuery, OrderFailedEvent, OrderSucceededEvent,
  PartnerOrder, RefundDecidedEvent, RenewalLink, WebhookEndpoint, WebhookEvent, WebhookEventType,
} from './schemas.js';
export { RenewalError, isRenewalError } from '../client/errors.js';
export type { RenewalErrorCode } from '../client/errors.js';
export type { CreateSessionInput, PartnerCard, Session } from '../client/schemas.js';
