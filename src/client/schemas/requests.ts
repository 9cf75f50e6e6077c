/**
 * What the browser API accepts: the query strings and request bodies of every operation. The sandbox validates each
 * request with them and the OpenAPI document describes them; the client only sends them, typed by them (its types
 * are free), and never parses one, so no browser bundle carries this module.
 *
 * Request bodies are strict objects: a field the API does not know is refused (`validation_failed`), so a client
 * that thinks it can set a price learns that it cannot. (Responses stay open: a newer server may add fields.)
 */
import * as z from 'zod/mini';
import { PAYMENT_FAILURE_CODES } from '../constants.js';
import { Period } from './core.js';
import { PaymentEnv, PaymentMethod } from './orders.js';

export const PlansQuery = z.object({
  region: z.optional(z.string().check(z.regex(/^[A-Za-z]{2,8}$/))),
  period: z.optional(Period),
});

export const CreateQuoteInput = z.strictObject({
  planId: z.string().check(z.minLength(1), z.maxLength(64)),
  quantity: z.optional(z.int().check(z.minimum(1), z.maximum(12))),
  promoCode: z.optional(z.string().check(z.minLength(1), z.maxLength(32))),
});

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
    description:
      'A page of the partner: https (http only on a loopback host), no user name or password, on an origin the partner registered.',
  });

export const CreateOrderInput = z.strictObject({
  quoteId: z.string().check(z.minLength(1), z.maxLength(64)),
  paymentMethod: PaymentMethod,
  /**
   * Where the widget runs; `desktop` when left out (wallets as QR codes, as before environments existed). A method
   * that cannot work there is refused with `422 method_unavailable_in_env`.
   */
  paymentEnv: z.optional(PaymentEnv),
  /** Where the payment page sends the traveller back (with `esim_order`); needed for redirects from a phone. */
  returnUrl: z.optional(HttpUrl),
});

export const PaymentMethodsQuery = z.object({ env: z.optional(PaymentEnv) });

// ---------------------------------------------------------------------------------------------------------------
// Renewal history and refunds

export const OrdersQuery = z.object({
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(50))),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});

export const CreateRefundInput = z.strictObject({
  /** The traveller's own words, e.g. "came home early". */
  note: z.optional(z.string().check(z.maxLength(500))),
});

// ---------------------------------------------------------------------------------------------------------------
// Moving the card to a new phone

export const DevicesQuery = z.object({ q: z.optional(z.string().check(z.maxLength(64))) });

export const StartTransferInput = z.strictObject({
  brand: z.string().check(z.minLength(1), z.maxLength(40)),
  model: z.string().check(z.minLength(1), z.maxLength(80)),
});

export const VerifyTransferInput = z.strictObject({ code: z.string().check(z.regex(/^\d{6}$/)) });

// ---------------------------------------------------------------------------------------------------------------
// Usage and auto-renew

export const UsageQuery = z.object({
  days: z.optional(z.int().check(z.minimum(1), z.maximum(90))),
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

export const ClaimHandoffInput = z.strictObject({ code: z.string().check(z.minLength(8), z.maxLength(64)) });

// ---------------------------------------------------------------------------------------------------------------
// Sandbox-only

export const SimulateInput = z.strictObject({
  outcome: z.enum(['succeed', 'fail']),
  /**
   * For `succeed`: whether the payment settles after the sandbox's settle delay (`later`, the default, so a return
   * can arrive while it is `processing`) or at once (`now`).
   */
  settle: z.optional(z.enum(['later', 'now'])),
  /** For `fail`: the failure code; `payment_declined` when left out. */
  failureCode: z.optional(z.enum(PAYMENT_FAILURE_CODES)),
});

export type PlansQuery = z.infer<typeof PlansQuery>;
export type CreateQuoteInput = z.infer<typeof CreateQuoteInput>;
export type CreateOrderInput = z.infer<typeof CreateOrderInput>;
export type PaymentMethodsQuery = z.infer<typeof PaymentMethodsQuery>;
export type OrdersQuery = z.infer<typeof OrdersQuery>;
export type CreateRefundInput = z.infer<typeof CreateRefundInput>;
export type DevicesQuery = z.infer<typeof DevicesQuery>;
export type StartTransferInput = z.infer<typeof StartTransferInput>;
export type UsageQuery = z.infer<typeof UsageQuery>;
export type SetAutoRenewInput = z.infer<typeof SetAutoRenewInput>;
export type CreateHandoffInput = z.infer<typeof CreateHandoffInput>;
