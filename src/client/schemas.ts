/**
 * The Renewal API v1 contract, written once with `zod/mini`.
 *
 * The client (in browsers and in Node) parses every response with these schemas and takes its types from them; the
 * sandbox server validates every request and response with them and builds its OpenAPI document from them: one
 * source of truth for both sides.
 *
 * Request bodies are strict objects: a field the API does not know is refused (`validation_failed`), so a client
 * that thinks it can set a price learns that it cannot. Responses stay open: a newer server may add fields.
 */
import * as z from 'zod/mini';
import {
  ERROR_CODES,
  CARD_STATUSES,
  PERIODS,
  PLAN_TAGS,
  DISCOUNT_KINDS,
  PAYMENT_METHODS,
  ORDER_STATUSES,
  REFUND_OUTCOMES,
  REFUND_STATUSES,
  TRANSFER_STATUSES,
} from './constants.js';

export * from './constants.js';

// Before any schema is built. zod 4 can compile object parsers with `new Function`, deciding so as each object schema
// is built, after probing once whether `eval` works; under a page's strict CSP (no 'unsafe-eval') or Trusted Types
// that probe alone is a reported violation, although zod catches it. `jitless` turns both off. zod/mini 4.6's objects
// do not compile (classic zod's do), so this costs our parsing nothing; it keeps the pages at zero violations
// whichever zod builds the objects. zod 4 keeps it on globalThis, shared by every copy of zod 4 on the page: the
// page's own zod parses without `eval` too (test/client/zod-config.test.ts).
z.config({ jitless: true });

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

/**
 * An ISO 8601 UTC timestamp, e.g. `2026-11-25T08:00:00.000Z`: fields in range, `Z` only. Lighter than
 * `z.iso.datetime()`, whose calendar regexes cost 0.3 kB min+gzip in the script-tag file; the OpenAPI document still
 * says `format: date-time`.
 */
export const Timestamp = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?Z$/))
  .register(z.globalRegistry, { format: 'date-time' });

/** A whole number of bytes; never negative. */
const Bytes = z.int().check(z.minimum(0));

/** Money in minor units (cents, fen) of an ISO 4217 currency. */
export const Money = z.object({
  amount: z.int().check(z.minimum(0)),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
});

/** The error body every non-2xx response carries. `code` is kept a string so a newer server cannot break parsing. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.optional(z.unknown()),
  }),
});

// ---------------------------------------------------------------------------------------------------------------
// Sessions and partner back office (secret key, server to server)

/** ICCIDs are 18 to 22 digits (ITU-T E.118), the last one a check digit. */
export const Iccid = z.string().check(z.regex(/^\d{18,22}$/));

/** A BCP 47 language tag the widget should speak, e.g. `zh-CN` or `en`. */
export const Locale = z.string().check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/));

export const CreateSessionInput = z.strictObject({
  iccid: Iccid,
  locale: z.optional(Locale),
  /** Lifetime in seconds; 30 minutes when left out. */
  ttlSeconds: z.optional(z.int().check(z.minimum(60), z.maximum(86_400))),
});

export const Session = z.object({
  token: z.string().check(z.startsWith('rs_')),
  expiresAt: Timestamp,
  cardId: z.string(),
});

export const CardStatus = z.enum(CARD_STATUSES);

/** Data left and in total; `null` means unlimited. */
export const DataBalance = z.object({
  remainingBytes: z.nullable(Bytes),
  totalBytes: z.nullable(Bytes),
});

export const PartnerCard = z.object({
  id: z.string(),
  iccid: Iccid,
  status: CardStatus,
  label: z.string(),
  expiresAt: Timestamp,
  data: DataBalance,
});

export const PartnerCardList = z.object({ cards: z.array(PartnerCard) });

// ---------------------------------------------------------------------------------------------------------------
// Cards and plans (session token, browser)

export const Period = z.enum(PERIODS);

export const CardPlan = z.object({
  id: z.string(),
  name: z.string(),
  period: Period,
});

export const AutoRenew = z.object({
  enabled: z.boolean(),
  planId: z.nullable(z.string()),
});

export const Card = z.object({
  id: z.string(),
  /** Masked: only the last four digits are shown, e.g. `•••• 1234`. */
  iccid: z.string(),
  status: CardStatus,
  plan: CardPlan,
  data: DataBalance,
  validFrom: Timestamp,
  expiresAt: Timestamp,
  /** ISO 3166-1 alpha-2 codes of the countries the card works in. */
  coverage: z.array(z.string()),
  autoRenew: AutoRenew,
  renewalCount: z.int().check(z.minimum(0)),
  /** The currency this card's renewals are priced in. */
  currency: z.string(),
  /** When the balance was read from the network; balances are never guessed. */
  asOf: Timestamp,
  /** Store credit (from refunds granted as credit), offered as a discount at the next checkout. */
  credit: z.optional(Money),
  /** The phone the card's profile is installed on, when known. */
  device: z.optional(z.nullable(z.object({ brand: z.string(), model: z.string() }))),
});

export const Plan = z.object({
  id: z.string(),
  name: z.string(),
  period: Period,
  durationDays: z.int().check(z.positive()),
  /** Data included; `null` means unlimited. */
  dataBytes: z.nullable(Bytes),
  coverage: z.array(z.string()),
  /** The plan's region, e.g. `JP`, `EU`, `ASIA`, `GLOBAL`; its display name is `regionName`. */
  region: z.string(),
  regionName: z.string(),
  price: Money,
  /** The regular price when `price` is discounted. */
  compareAtPrice: z.optional(Money),
  /** Known tags are in `PLAN_TAGS`; others may appear and should be ignored. */
  tags: z.array(z.string()),
});

export const PlanList = z.object({ plans: z.array(Plan) });

export const PlansQuery = z.object({
  region: z.optional(z.string().check(z.regex(/^[A-Za-z]{2,8}$/))),
  period: z.optional(Period),
});

// ---------------------------------------------------------------------------------------------------------------
// Quotes and orders

export const CreateQuoteInput = z.strictObject({
  planId: z.string().check(z.minLength(1), z.maxLength(64)),
  quantity: z.optional(z.int().check(z.minimum(1), z.maximum(12))),
  promoCode: z.optional(z.string().check(z.minLength(1), z.maxLength(32))),
});

export const Discount = z.object({
  kind: z.enum(DISCOUNT_KINDS),
  label: z.string(),
  amount: Money,
});

export const Quote = z.object({
  id: z.string(),
  plan: Plan,
  quantity: z.int().check(z.positive()),
  subtotal: Money,
  discounts: z.array(Discount),
  total: Money,
  /** The card's expiry after this renewal: max(now, current expiry) + the plan's duration × quantity. */
  newExpiresAt: Timestamp,
  /** Data after renewal: what remains is carried over and the plan's data added; `null` means unlimited. */
  dataAfterBytes: z.nullable(Bytes),
  /** The quote can be ordered until then (15 minutes). */
  expiresAt: Timestamp,
});

export const PaymentMethod = z.enum(PAYMENT_METHODS);

/**
 * A page the API may send a traveller to (`returnUrl`, a hand-off `url`): an absolute http(s) URL without spaces or
 * control characters. The server also requires https (http only on a loopback host), no user name or password, and
 * an origin the partner registered.
 */
export const HttpUrl = z
  .string()
  .check(
    z.maxLength(2048),
    z.regex(/^https?:\/\/[^\s\x00-\x1f\x7f]+$/, 'must be an absolute http(s) URL without spaces or control characters'),
  )
  .register(z.globalRegistry, {
    description: 'A page of the partner: https (http only on a loopback host), no user name or password, on an origin the partner registered.',
  });

/**
 * A QR code, encoded by the API so that a page only draws it (the widget ships no QR encoder): `size` modules a
 * side (21 to 177), and `modules`, the dark ones as bits, row by row from the top left, eight to a byte with the
 * first module in the highest bit, in base64. Scanners need a light margin of 4 modules around it.
 */
export const QrCode = z.object({
  size: z.int().check(z.minimum(21), z.maximum(177)),
  modules: z.string().check(
    z.maxLength(5224),
    z.regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/),
  ),
});

export const CreateOrderInput = z.strictObject({
  quoteId: z.string().check(z.minLength(1), z.maxLength(64)),
  paymentMethod: PaymentMethod,
  returnUrl: z.optional(HttpUrl),
});

/**
 * What the widget navigates to or links to, so never a script: a redirect is http(s); a QR payload may be a
 * wallet's own scheme (`alipays:`, `weixin:`) but never `javascript:`, `data:` or `vbscript:`.
 */
export const PaymentAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('redirect'), url: z.string().check(z.regex(/^https?:\/\//i)) }),
  z.object({
    type: z.literal('qr'),
    data: z.string().check(z.regex(/^(?![\s\x00-\x1f]*(?:javascript|data|vbscript):)/i)),
    /** `data` as a QR code, to show on a computer; a phone opens `data` instead. */
    qr: QrCode,
    expiresAt: Timestamp,
  }),
]);

export const OrderStatus = z.enum(ORDER_STATUSES);

export const Order = z.object({
  id: z.string(),
  status: OrderStatus,
  paymentMethod: PaymentMethod,
  quote: Quote,
  /** What the traveller does to pay; `null` once nothing is left to do. */
  paymentAction: z.nullable(PaymentAction),
  /** Why the order failed or was closed, e.g. `card_declined`, `payment_expired`, `order_expired` (unpaid for a day). */
  failureCode: z.optional(z.nullable(z.string())),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The renewed card, present once the order has `succeeded`. */
  card: z.optional(Card),
  /** The expiry the renewal actually gave the card, once it has succeeded. */
  renewedUntil: z.optional(z.nullable(Timestamp)),
  /** The refund requested for this order, if any. */
  refund: z.optional(z.nullable(z.lazy(() => Refund))),
});

// ---------------------------------------------------------------------------------------------------------------
// Renewal history and refunds

export const OrdersQuery = z.object({
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(50))),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});

/** The card's orders, newest first, a page at a time. */
export const OrderList = z.object({
  orders: z.array(Order),
  nextCursor: z.nullable(z.string()),
});

export const RefundQuote = z.object({
  orderId: z.string(),
  outcome: z.enum(REFUND_OUTCOMES),
  /** Money back (full) or credit granted (credit); zero when rejected. */
  amount: Money,
  /** Why, in a stable code: `not_started`, `partly_used`, `period_mostly_used`, `data_mostly_used`, `not_paid`, `already_requested`. */
  reason: z.string(),
  /** Has the renewal's period begun? */
  periodStarted: z.boolean(),
  /** Data used from this renewal's allowance; `null` for unlimited plans. */
  dataUsedBytes: z.nullable(Bytes),
});

export const CreateRefundInput = z.strictObject({
  /** The traveller's own words, e.g. "came home early". */
  note: z.optional(z.string().check(z.maxLength(500))),
});

/** A refund request: `requested` until the operator decides, then `approved` (refund or credit) or `rejected`. */
export const Refund = z.object({
  id: z.string(),
  orderId: z.string(),
  status: z.enum(REFUND_STATUSES),
  outcome: z.enum(REFUND_OUTCOMES),
  amount: Money,
  reason: z.string(),
  createdAt: Timestamp,
  decidedAt: z.nullable(Timestamp),
});

// ---------------------------------------------------------------------------------------------------------------
// Moving the card to a new phone

export const DevicesQuery = z.object({ q: z.optional(z.string().check(z.maxLength(64))) });

/** A phone model and whether it takes eSIMs (some regional variants do not). */
export const Device = z.object({
  brand: z.string(),
  model: z.string(),
  esim: z.boolean(),
  /** E.g. "Not the mainland China model (dual physical SIM)". */
  note: z.optional(z.string()),
});

export const DeviceList = z.object({ devices: z.array(Device) });

export const StartTransferInput = z.strictObject({
  brand: z.string().check(z.minLength(1), z.maxLength(40)),
  model: z.string().check(z.minLength(1), z.maxLength(80)),
});

/** A move in progress: a one-time code went to the traveller's contact; 5 wrong codes lock it. */
export const Transfer = z.object({
  id: z.string(),
  status: z.enum(TRANSFER_STATUSES),
  channel: z.enum(['sms', 'email']),
  /** Where the code went, masked: `+86 138****5678`, `t***@example.com`. */
  destination: z.string(),
  attemptsLeft: z.int().check(z.minimum(0)),
  expiresAt: Timestamp,
});

export const VerifyTransferInput = z.strictObject({ code: z.string().check(z.regex(/^\d{6}$/)) });

/** How to install the card on the new phone: scan `lpa` as a QR code, or type the SM-DP+ address and code. */
export const Activation = z.object({
  /** `LPA:1$<SM-DP+ address>$<activation code>` — the content of the installation QR code. */
  lpa: z.string().check(z.startsWith('LPA:1$')),
  /** `lpa` as a QR code, for the new phone's camera. */
  qr: QrCode,
  smdpAddress: z.string(),
  activationCode: z.string(),
  /** Single-use, and only until then. */
  expiresAt: Timestamp,
});

export const TransferResult = z.object({
  transfer: Transfer,
  activation: Activation,
  card: Card,
});

// ---------------------------------------------------------------------------------------------------------------
// Usage and auto-renew

export const UsageQuery = z.object({
  days: z.optional(z.int().check(z.minimum(1), z.maximum(90))),
});

export const Usage = z.object({
  days: z.array(z.object({ date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), usedBytes: Bytes })),
});

export const SetAutoRenewInput = z.strictObject({
  enabled: z.boolean(),
  planId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});

// ---------------------------------------------------------------------------------------------------------------
// Hand-off: continue the same renewal on another device

export const CreateHandoffInput = z.strictObject({
  /** The page the other device opens (usually the current one): the API adds the code to it as `esim_handoff`. */
  url: HttpUrl,
  /** The plan the traveller had selected, preselected on the other device. */
  planId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});

/** A single-use code (10 minutes) that another device exchanges for a session of its own on the same card. */
export const Handoff = z.object({
  code: z.string(),
  /** The link to open on the other device: the `url` asked for, with the code. */
  url: z.string().check(z.regex(/^https?:\/\//i)),
  /** `url` as a QR code. */
  qr: QrCode,
  expiresAt: Timestamp,
});

export const ClaimHandoffInput = z.strictObject({ code: z.string().check(z.minLength(8), z.maxLength(64)) });

export const HandoffSession = z.object({
  token: z.string().check(z.startsWith('rs_')),
  expiresAt: Timestamp,
  cardId: z.string(),
  planId: z.nullable(z.string()),
  locale: z.nullable(z.string()),
});

// ---------------------------------------------------------------------------------------------------------------
// Sandbox-only

export const SimulateInput = z.strictObject({ outcome: z.enum(['succeed', 'fail']) });

// ---------------------------------------------------------------------------------------------------------------
// Types

export type Money = z.infer<typeof Money>;
export type QrCode = z.infer<typeof QrCode>;
export type RenewalErrorBody = z.infer<typeof ErrorBody>;
export type CreateSessionInput = z.infer<typeof CreateSessionInput>;
export type Session = z.infer<typeof Session>;
export type PartnerCard = z.infer<typeof PartnerCard>;
export type PartnerCardList = z.infer<typeof PartnerCardList>;
export type CardStatus = z.infer<typeof CardStatus>;
export type DataBalance = z.infer<typeof DataBalance>;
export type Period = z.infer<typeof Period>;
export type AutoRenew = z.infer<typeof AutoRenew>;
export type Card = z.infer<typeof Card>;
export type Plan = z.infer<typeof Plan>;
export type PlanList = z.infer<typeof PlanList>;
export type PlanTag = (typeof PLAN_TAGS)[number];
export type PlansQuery = z.infer<typeof PlansQuery>;
export type CreateQuoteInput = z.infer<typeof CreateQuoteInput>;
export type Discount = z.infer<typeof Discount>;
export type Quote = z.infer<typeof Quote>;
export type PaymentMethod = z.infer<typeof PaymentMethod>;
export type CreateOrderInput = z.infer<typeof CreateOrderInput>;
export type PaymentAction = z.infer<typeof PaymentAction>;
export type OrderStatus = z.infer<typeof OrderStatus>;
export type Order = z.infer<typeof Order>;
export type UsageQuery = z.infer<typeof UsageQuery>;
export type Usage = z.infer<typeof Usage>;
export type SetAutoRenewInput = z.infer<typeof SetAutoRenewInput>;
export type OrdersQuery = z.infer<typeof OrdersQuery>;
export type OrderList = z.infer<typeof OrderList>;
export type RefundQuote = z.infer<typeof RefundQuote>;
export type CreateRefundInput = z.infer<typeof CreateRefundInput>;
export type Refund = z.infer<typeof Refund>;
export type DevicesQuery = z.infer<typeof DevicesQuery>;
export type Device = z.infer<typeof Device>;
export type DeviceList = z.infer<typeof DeviceList>;
export type StartTransferInput = z.infer<typeof StartTransferInput>;
export type Transfer = z.infer<typeof Transfer>;
export type Activation = z.infer<typeof Activation>;
export type TransferResult = z.infer<typeof TransferResult>;
export type CreateHandoffInput = z.infer<typeof CreateHandoffInput>;
export type Handoff = z.infer<typeof Handoff>;
export type HandoffSession = z.infer<typeof HandoffSession>;
export type ServerErrorCode = (typeof ERROR_CODES)[number];
