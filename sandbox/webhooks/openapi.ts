/**
 * The OpenAPI 3.1 `webhooks` section: one POST per event type, as the partner's endpoint receives it, with the
 * schemas from the server-side contract (`src/server/schemas.ts`). `sandbox/openapi.ts` adds it to the document.
 */
import * as server from '../../src/server/schemas.ts';

/** The event schemas by type, and the other webhook components the document lists. */
export const WEBHOOK_COMPONENTS = {
  CardExpiringEvent: server.CardExpiringEvent, CardDataLowEvent: server.CardDataLowEvent,
  CardExpiredEvent: server.CardExpiredEvent, OrderSucceededEvent: server.OrderSucceededEvent,
  OrderFailedEvent: server.OrderFailedEvent, RefundDecidedEvent: server.RefundDecidedEvent,
  CardTransferredEvent: server.CardTransferredEvent, WebhookEvent: server.WebhookEvent, PartnerOrder: server.PartnerOrder,
  EventList: server.EventList, CreateWebhookEndpointInput: server.CreateWebhookEndpointInput,
  WebhookEndpoint: server.WebhookEndpoint, CreatedWebhookEndpoint: server.CreatedWebhookEndpoint,
  WebhookEndpointList: server.WebhookEndpointList, DeletedWebhookEndpoint: server.DeletedWebhookEndpoint,
  CreateRenewalLinkInput: server.CreateRenewalLinkInput, RenewalLink: server.RenewalLink,
};

const EVENTS: Record<server.WebhookEventType, [schema: keyof typeof WEBHOOK_COMPONENTS, summary: string]> = {
  'card.expiring': ['CardExpiringEvent', 'The card expires within `daysBefore` days (each endpoint chooses its days: 14, 7, 3 and 1 by default)'],
  'card.data_low': ['CardDataLowEvent', 'The card has used 75 % or 90 % of its data'],
  'card.expired': ['CardExpiredEvent', 'The card expired without a renewal'],
  'order.succeeded': ['OrderSucceededEvent', 'A renewal was paid and applied to the card'],
  'order.failed': ['OrderFailedEvent', 'A payment was declined or expired'],
  'refund.decided': ['RefundDecidedEvent', 'A refund request was approved or rejected'],
  'card.transferred': ['CardTransferredEvent', 'The card moved to another phone'],
};

export const SIGNATURE_DESCRIPTION = `Every delivery is signed: \`${server.SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex>\`, `
  + 'where `v1` is the HMAC-SHA256 of `<t>.<raw body>` keyed with the endpoint\'s signing secret (`whsec_…`, shown '
  + 'once, when the endpoint is created). Compare in constant time and refuse a `t` more than 5 minutes away from '
  + 'your clock; `constructEvent` in `@esim-renewal/widgets/server` does both. Deliveries are at least once: '
  + 'deduplicate by the event `id` (also in the `Esim-Event-Id` header). Any 2xx answer delivers; anything else, '
  + 'or no answer within 10 s, is retried with exponential backoff (10 s, doubling, at most an hour apart) for 24 '
  + 'hours, then the delivery is marked failed — `GET /v1/events` lists what you missed. Each event is recorded '
  + 'once: a reminder threshold fires once per card and expiry, and a restart does not repeat it.';

/** The `webhooks` object of the document; `ref` makes a `$ref` to a component. */
export function webhooksSection(ref: (kind: string, name: string) => unknown): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(EVENTS).map(([type, [schema, summary]]) => [type, {
      post: {
        tags: ['Webhooks'],
        summary,
        description: SIGNATURE_DESCRIPTION,
        operationId: `webhook${type.replace(/(^|[._])(.)/g, (_, __: string, ch: string) => ch.toUpperCase())}`,
        parameters: [
          { name: server.SIGNATURE_HEADER, in: 'header', required: true, description: '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`', schema: { type: 'string' } },
          { name: 'Esim-Event-Id', in: 'header', required: true, description: 'The event id, to deduplicate by', schema: { type: 'string' } },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: ref('schemas', schema) } } },
        responses: {
          '2XX': { description: 'Received: the delivery is done' },
          default: { description: 'Anything else, or no answer within 10 s: retried with backoff for 24 hours' },
        },
      },
    }]),
  );
}
