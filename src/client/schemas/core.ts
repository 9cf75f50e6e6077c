/**
 * The contract's core: what every page parses before its data shows (the card, its plans, a quote for the checkout
 * button's summary) and the building blocks the other parts of the contract reuse. The client imports this module
 * statically; orders.ts and care.ts it imports on demand, requests.ts and partner.ts never (see ../schemas.ts).
 */
import * as z from 'zod/mini';
import { CARD_STATUSES, DISCOUNT_KINDS, ERROR_CODES, PERIODS, PLAN_TAGS } from '../constants.js';

// Before any schema is built: every other schema module imports this one first. zod 4 can compile object parsers
// with `new Function`, deciding so as each object schema is built, after probing once whether `eval` works; under a
// page's strict CSP (no 'unsafe-eval') or Trusted Types that probe alone is a reported violation, although zod
// catches it. `jitless` turns both off. zod/mini 4.6's objects do not compile (classic zod's do), so this costs our
// parsing nothing; it keeps the pages at zero violations whichever zod builds the objects. zod 4 keeps it on
// globalThis, shared by every copy of zod 4 on the page: the page's own zod parses without `eval` too
// (test/client/zod-config.test.ts).
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
export const Bytes = z.int().check(z.minimum(0));

/**
 * Money in minor units of an ISO 4217 currency: a whole number of cents or fen for most (1500 CNY is ¥15.00), of yen
 * or won for JPY and KRW, which have no minor unit (1200 JPY is ¥1,200). `src/client/money.ts` has the exponents.
 */
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

// QR codes are here rather than in orders.ts or care.ts because both use them (a wallet's payment code; a new
// phone's installation code, a hand-off link): in either part, the other's chunk would import it, one request later.
// `modules` is at most 5224 characters (the base64 of 177 × 177 modules): that bound is in the pattern, at most 1305
// groups of four and a last one, rather than in `z.maxLength(5224)`, whose check (used nowhere else on the client)
// costs 0.25 kB min+brotli of the script-tag file. The two accept exactly the same strings.
/**
 * A QR code, encoded by the API so that a page only draws it (the widget ships no QR encoder): `size` modules a
 * side (21 to 177), and `modules`, the dark ones as bits, row by row from the top left, eight to a byte with the
 * first module in the highest bit, in base64. Scanners need a light margin of 4 modules around it.
 */
export const QrCode = z.object({
  size: z.int().check(z.minimum(21), z.maximum(177)),
  modules: z
    .string()
    .check(z.regex(/^(?:[A-Za-z0-9+/]{4}){0,1305}(?:[A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/)),
});

// ---------------------------------------------------------------------------------------------------------------
// Cards and plans (session token, browser)

export const CardStatus = z.enum(CARD_STATUSES);

/** Data left and in total; `null` means unlimited. */
export const DataBalance = z.object({
  remainingBytes: z.nullable(Bytes),
  totalBytes: z.nullable(Bytes),
});

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

// ---------------------------------------------------------------------------------------------------------------
// Quotes: the checkout button's summary, on the usual page's first click (0.05 kB min+brotli here; in orders.ts the
// summary would wait for a chunk before it could show the price)

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

export type Money = z.infer<typeof Money>;
export type QrCode = z.infer<typeof QrCode>;
export type RenewalErrorBody = z.infer<typeof ErrorBody>;
export type CardStatus = z.infer<typeof CardStatus>;
export type DataBalance = z.infer<typeof DataBalance>;
export type Period = z.infer<typeof Period>;
export type AutoRenew = z.infer<typeof AutoRenew>;
export type Card = z.infer<typeof Card>;
export type Plan = z.infer<typeof Plan>;
export type PlanList = z.infer<typeof PlanList>;
export type PlanTag = (typeof PLAN_TAGS)[number];
export type Discount = z.infer<typeof Discount>;
export type Quote = z.infer<typeof Quote>;
export type ServerErrorCode = (typeof ERROR_CODES)[number];
