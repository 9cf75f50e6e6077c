/**
 * Orders: what the checkout's payment steps read (an order and how to pay it) and the order history (its pages,
 * refunds and what a refund would give). The client imports this module the first time it makes or reads an order
 * (`createRenewalClient`'s order and refund methods), so a page that never does so never loads it. The history lives
 * here with the order, not in care.ts: its list is of orders, and each order holds its refund.
 */
import * as z from 'zod/mini';
import {
  ORDER_STATUSES, PAYMENT_ACTION_TYPES, PAYMENT_ENVS, PAYMENT_METHODS, REDIRECT_FLOWS, REFUND_OUTCOMES, REFUND_STATUSES,
} from '../constants.js';
import { Bytes, Card, Money, Timestamp } from './core.js';
import { QrCode, Quote } from './plans.js';

export const PaymentMethod = z.enum(PAYMENT_METHODS);

/** Where the widget runs (`PAYMENT_ENVS`): it decides which methods are offered and how each is paid. */
export const PaymentEnv = z.enum(PAYMENT_ENVS);

/** A method in an environment: offered with the action it will get, or not, and why (`METHOD_UNAVAILABLE_REASONS`). */
export const PaymentMethodOption = z.object({
  method: PaymentMethod,
  available: z.boolean(),
  /**
   * The `PaymentAction` type an order of this method gets in this environment (`PAYMENT_ACTION_TYPES`); absent when
   * unavailable. A string, like `reason`, so that a newer server's new kind cannot break parsing: skip one you do not
   * know.
   */
  action: z.optional(z.string().check(z.meta({ examples: [...PAYMENT_ACTION_TYPES] }))),
  /** Why it is unavailable; absent when available. Unknown reasons may appear: show a general message for them. */
  reason: z.optional(z.string()),
});

/** The methods of an environment, in the order to offer them. */
export const PaymentMethodList = z.object({ env: PaymentEnv, methods: z.array(PaymentMethodOption) });

// A plain union, not `z.discriminatedUnion('type', …)`: each option's `type` is a literal of its own, so the two
// accept exactly the same answers and parse them to the same value, and zod's union still reports the fields of the
// option whose `type` matched (a `javascript:` redirect is wrong at `paymentAction.url`). The discriminated union's
// code cost 0.44 kB min+brotli of the script-tag file, which holds zod's union code wherever this schema lives
// (rollup cannot split one of zod's modules between the file and a chunk). What changes: an answer missing a field
// of its option is reported at `paymentAction` ("invalid union"), and the OpenAPI document says `anyOf` rather than
// `oneOf`, the same for options that cannot both match.
/**
 * How the traveller pays, fitting the order's `paymentEnv`. What the widget navigates to or links to, so never a
 * script: a redirect is http(s); a QR payload may be a wallet's own scheme (`alipays:`, `weixin:`) but never
 * `javascript:`, `data:` or `vbscript:`.
 * - `redirect`: open `url`, a page on the operator's domain (`flow` says which: the hosted card page, WeChat Pay
 *   JSAPI or H5, Alipay WAP). The traveller comes back to the order's `returnUrl` with `esim_order` — possibly
 *   before the payment has settled, or without paying: read the order, never trust the return.
 * - `qr`: a wallet code to scan from another screen (desktop), valid until `expiresAt`.
 * - `app_bridge`: inside the Alipay app, call `AlipayJSBridge.call('tradePay', { tradeNO })`. Its result code
 *   (9000, 8000, 6001, 6004…) is no proof either way: read the order.
 */
export const PaymentAction = z.union([
  z.object({
    type: z.literal('redirect'),
    url: z.string().check(z.regex(/^https?:\/\//i)),
    /**
     * What `url` opens (`REDIRECT_FLOWS`: `card`, `wechat_jsapi`, `wechat_h5`, `alipay_wap`); absent from older
     * servers, which only redirect to the card page. Open `url` whatever it says: it is a string so that a newer
     * server's new page cannot break parsing.
     */
    flow: z.optional(z.string().check(z.meta({ examples: [...REDIRECT_FLOWS] }))),
    /** A wallet page's payment window closes then (the order can be given a new one with refresh-payment). */
    expiresAt: z.optional(Timestamp),
  }),
  z.object({
    type: z.literal('qr'),
    // Not a script or data URL, and no tab or line break anywhere: a URL parser drops those, so `java\tscript:` would
    // become `javascript:` once a phone opens `data` as a link.
    data: z.string().check(z.regex(/^(?![\s\x00-\x1f]*(?:javascript|data|vbscript):)[^\t\n\r]*$/i)),
    /** `data` as a QR code, to show on a computer; a phone opens `data` instead. */
    qr: QrCode,
    expiresAt: Timestamp,
  }),
  z.object({
    type: z.literal('app_bridge'),
    /** The wallet bridge to call: today only the Alipay app's `tradePay`. */
    bridge: z.literal('alipay_trade_pay'),
    /** Alipay's trade number, passed to `tradePay` as `tradeNO`. */
    tradeNo: z.string().check(z.regex(/^[0-9A-Za-z_-]{8,64}$/)),
    expiresAt: Timestamp,
  }),
]);

export const OrderStatus = z.enum(ORDER_STATUSES);

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

export const Order = z.object({
  id: z.string(),
  status: OrderStatus,
  paymentMethod: PaymentMethod,
  /** The environment the order was made for (`desktop` when the request named none). */
  paymentEnv: z.optional(PaymentEnv),
  quote: Quote,
  /** What the traveller does to pay; `null` once nothing is left to do. */
  paymentAction: z.nullable(PaymentAction),
  /** Why the order failed or was closed: one of `PAYMENT_FAILURE_CODES` (`card_declined`, `insufficient_funds`…). */
  failureCode: z.optional(z.nullable(z.string())),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The renewed card, present once the order has `succeeded`. */
  card: z.optional(Card),
  /** The expiry the renewal actually gave the card, once it has succeeded. */
  renewedUntil: z.optional(z.nullable(Timestamp)),
  /** The refund requested for this order, if any. */
  refund: z.optional(z.nullable(Refund)),
});

// ---------------------------------------------------------------------------------------------------------------
// Renewal history and refunds

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

export type PaymentMethod = z.infer<typeof PaymentMethod>;
export type PaymentEnv = z.infer<typeof PaymentEnv>;
export type PaymentMethodOption = z.infer<typeof PaymentMethodOption>;
export type PaymentMethodList = z.infer<typeof PaymentMethodList>;
export type RedirectFlow = (typeof REDIRECT_FLOWS)[number];
export type PaymentAction = z.infer<typeof PaymentAction>;
export type OrderStatus = z.infer<typeof OrderStatus>;
export type Refund = z.infer<typeof Refund>;
export type Order = z.infer<typeof Order>;
export type OrderList = z.infer<typeof OrderList>;
export type RefundQuote = z.infer<typeof RefundQuote>;
