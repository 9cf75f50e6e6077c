/**
 * The partner's side of the Renewal API contract that only a server uses: webhook endpoints, the events they
 * receive, and renewal links. Written with `zod/mini` like `src/client/schemas.ts`, whose building blocks it reuses;
 * kept apart so that no browser bundle carries it (the browser client imports only the parts of
 * `client/schemas/` it uses). The sandbox validates with these schemas and builds the OpenAPI document's `webhooks`
 * section from them; `constructEvent` parses every event it verifies with `WebhookEvent`.
 */
import * as z from 'zod/mini';
import {
  HttpUrl, Iccid, Locale, Money, OrderStatus, PartnerCard, PaymentMethod, QrCode, Refund, Timestamp,
} from '../client/schemas.js';

/** What a partner can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'card.expiring',
  'card.data_low',
  'card.expired',
  'order.succeeded',
  'order.failed',
  'refund.decided',
  'card.transferred',
] as const;

/** Days before expiry at which `card.expiring` fires unless an endpoint chooses others. */
export const DEFAULT_EXPIRING_DAYS = [14, 7, 3, 1] as const;

/** Shares of the card's data used at which `card.data_low` fires. */
export const DATA_LOW_PERCENTS = [75, 90] as const;

/** The header that signs a delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export const SIGNATURE_HEADER = 'Esim-Signature';

export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);

// ---------------------------------------------------------------------------------------------------------------
// Events

/**
 * A renewal as the partner's server sees it in an event: what was bought, for how much, and how it ended.
 * (The traveller's page gets the fuller `Order`.)
 */
export const PartnerOrder = z.object({
  id: z.string(),
  status: OrderStatus,
  paymentMethod: PaymentMethod,
  planId: z.string(),
  /** The plan's name in English. */
  planName: z.string(),
  total: Money,
  /** Why it failed, e.g. `card_declined`, `payment_declined`, `payment_expired`; null otherwise. */
  failureCode: z.nullable(z.string()),
  /** The expiry the renewal gave the card, once it has succeeded. */
  renewedUntil: z.nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const EventId = z.string().check(z.regex(/^evt_[A-Za-z0-9_-]{8,64}$/));

/** Every event: an id to deduplicate by (deliveries are at least once), its type, when it happened, and its data. */
const event = <T extends (typeof WEBHOOK_EVENT_TYPES)[number], D extends z.ZodMiniType>(type: T, data: D) =>
  z.object({
    id: EventId,
    type: z.literal(type),
    /** When it happened, in the partner's sandbox time (`POST /sandbox/clock` moves it). */
    createdAt: Timestamp,
    data,
  });

/** The card expires within `daysBefore` days: one of the endpoint's `expiringDays` (14, 7, 3 and 1 by default). */
export const CardExpiringEvent = event('card.expiring', z.object({ card: PartnerCard, daysBefore: z.int().check(z.minimum(1)) }));

/** The card has used `usedPercent` (75 or 90) per cent of its data or more. */
export const CardDataLowEvent = event(
  'card.data_low',
  z.object({ card: PartnerCard, usedPercent: z.int().check(z.minimum(1), z.maximum(100)) }),
);

/** The card's validity ended without a renewal. */
export const CardExpiredEvent = event('card.expired', z.object({ card: PartnerCard }));

/** A renewal was paid and applied: `card` shows the new expiry and data. */
export const OrderSucceededEvent = event('order.succeeded', z.object({ card: PartnerCard, order: PartnerOrder }));

/** A payment was declined or expired; nothing was charged. */
export const OrderFailedEvent = event('order.failed', z.object({ card: PartnerCard, order: PartnerOrder }));

/** A refund request was decided: approved (money back or store credit) or rejected. */
export const RefundDecidedEvent = event('refund.decided', z.object({ card: PartnerCard, refund: Refund }));

/** The card moved to another phone; its earlier sessions and links stopped working. */
export const CardTransferredEvent = event(
  'card.transferred',
  z.object({ card: PartnerCard, device: z.object({ brand: z.string(), model: z.string() }) }),
);

/** Any event, told apart by `type`. */
export const WebhookEvent = z.discriminatedUnion('type', [
  CardExpiringEvent,
  CardDataLowEvent,
  CardExpiredEvent,
  OrderSucceededEvent,
  OrderFailedEvent,
  RefundDecidedEvent,
  CardTransferredEvent,
]);

export const EventsQuery = z.object({
  type: z.optional(WebhookEventType),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(100))),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
});

/** The partner's events, newest first, a page at a time: what to replay after an outage. */
export const EventList = z.object({
  events: z.array(WebhookEvent),
  nextCursor: z.nullable(z.string()),
});

// ---------------------------------------------------------------------------------------------------------------
// Webhook endpoints (secret key)

/** Where events are sent: https (http and https on a loopback host too, in the sandbox), no user name or password. */
const EndpointUrl = z.string().check(
  z.maxLength(2048),
  z.regex(/^https?:\/\/[^\s\x00-\x1f\x7f]+$/, 'must be an absolute http(s) URL without spaces or control characters'),
);

export const CreateWebhookEndpointInput = z.strictObject({
  url: EndpointUrl,
  /** The event types to send; every type when left out. */
  events: z.optional(z.array(WebhookEventType).check(z.minLength(1), z.maxLength(WEBHOOK_EVENT_TYPES.length))),
  /** Days before expiry at which to send `card.expiring`; 14, 7, 3 and 1 when left out. */
  expiringDays: z.optional(z.array(z.int().check(z.minimum(1), z.maximum(90))).check(z.minLength(1), z.maxLength(10))),
  /** A note of your own, e.g. "production reminders". */
  description: z.optional(z.string().check(z.maxLength(200))),
});

export const WebhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(WebhookEventType),
  /** Largest first. */
  expiringDays: z.array(z.int()),
  description: z.nullable(z.string()),
  createdAt: Timestamp,
});

/** A new endpoint, with the secret that signs its deliveries: shown this once, keep it on your server. */
export const CreatedWebhookEndpoint = z.extend(WebhookEndpoint, {
  secret: z.string().check(z.startsWith('whsec_')),
});

export const WebhookEndpointList = z.object({ endpoints: z.array(WebhookEndpoint) });

export const DeletedWebhookEndpoint = z.object({ id: z.string(), deleted: z.literal(true) });

// ---------------------------------------------------------------------------------------------------------------
// Renewal links (secret key)

export const CreateRenewalLinkInput = z.strictObject({
  iccid: Iccid,
  /** The plan to preselect; it must be able to renew the card. */
  planId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  /** Lifetime in seconds, 60 to 604 800 (7 days); 24 hours when left out. */
  expiresIn: z.optional(z.int().check(z.minimum(60), z.maximum(604_800))),
  /** The language the widget should speak, e.g. `zh-CN`. */
  locale: z.optional(Locale),
  /** The page to open, on an origin you registered; your registered renewal page when left out. */
  url: z.optional(HttpUrl),
});

/** A single-use link that opens the widget signed in to the card, the plan preselected; and its QR code. */
export const RenewalLink = z.object({
  url: z.string().check(z.regex(/^https?:\/\//i)),
  qr: QrCode,
  expiresAt: Timestamp,
  planId: z.nullable(z.string()),
});

// ---------------------------------------------------------------------------------------------------------------
// Types

export type WebhookEventType = z.infer<typeof WebhookEventType>;
export type PartnerOrder = z.infer<typeof PartnerOrder>;
export type WebhookEvent = z.infer<typeof WebhookEvent>;
export type CardExpiringEvent = z.infer<typeof CardExpiringEvent>;
export type CardDataLowEvent = z.infer<typeof CardDataLowEvent>;
export type CardExpiredEvent = z.infer<typeof CardExpiredEvent>;
export type OrderSucceededEvent = z.infer<typeof OrderSucceededEvent>;
export type OrderFailedEvent = z.infer<typeof OrderFailedEvent>;
export type RefundDecidedEvent = z.infer<typeof RefundDecidedEvent>;
export type CardTransferredEvent = z.infer<typeof CardTransferredEvent>;
export type EventsQuery = z.infer<typeof EventsQuery>;
export type EventList = z.infer<typeof EventList>;
export type CreateWebhookEndpointInput = z.infer<typeof CreateWebhookEndpointInput>;
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;
export type CreatedWebhookEndpoint = z.infer<typeof CreatedWebhookEndpoint>;
export type CreateRenewalLinkInput = z.infer<typeof CreateRenewalLinkInput>;
export type RenewalLink = z.infer<typeof RenewalLink>;
