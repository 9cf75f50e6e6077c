/**
 * Plans, quotes and QR codes: what a page with the plan picker or the checkout button parses, and what orders.ts and
 * care.ts share. The client imports this part on its first call of `listPlans` or `createQuote` (or of an order or
 * care operation, through their parts), alongside the request, so a badge-only page never loads it; the script-tag
 * file holds it, since the usual page parses plans at once (src/cdn.ts).
 */
import * as z from 'zod/mini';
import { DISCOUNT_KINDS, PLAN_TAGS } from '../constants.js';
import { Bytes, Money, Period, Timestamp } from './core.js';

// QR codes are here rather than in orders.ts or care.ts because both use them (a wallet's payment code; a new
// phone's installation code, a hand-off link): in either part, the other's chunk would import it, one request later;
// here they are in the script-tag file, and a badge-only page never loads them.
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
// Plans

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
// Quotes: the checkout button's summary, on the usual page's first click (here rather than in orders.ts, where the
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

export type QrCode = z.infer<typeof QrCode>;
export type Plan = z.infer<typeof Plan>;
export type PlanList = z.infer<typeof PlanList>;
export type PlanTag = (typeof PLAN_TAGS)[number];
export type Discount = z.infer<typeof Discount>;
export type Quote = z.infer<typeof Quote>;
