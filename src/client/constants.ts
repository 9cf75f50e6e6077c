/**
 * The contract's fixed vocabularies (error codes, statuses, periods, payment methods), as plain arrays. They live
 * apart from the schemas so that code which only needs a list (an element, the error mapping) pulls in no schema.
 */

export const ERROR_CODES = [
  'unauthorized',
  'session_expired',
  'forbidden',
  'not_found',
  'validation_failed',
  'plan_unavailable',
  'quote_expired',
  'promo_invalid',
  'idempotency_conflict',
  'invalid_state',
  'payment_failed',
  'rate_limited',
  'payload_too_large',
  'device_incompatible',
  'otp_invalid',
  'otp_locked',
  'method_unavailable_in_env',
  'internal',
] as const;

export const CARD_STATUSES = ['active', 'expiring', 'expired', 'suspended'] as const;

export const PERIODS = ['day', 'month', 'year'] as const;

export const PLAN_TAGS = ['popular', 'best_value', 'discount', 'unlimited', 'new'] as const;

export const DISCOUNT_KINDS = ['first_topup', 'loyalty', 'promo', 'credit'] as const;

export const PAYMENT_METHODS = ['card', 'alipay', 'wechat_pay'] as const;

/**
 * Where the widget runs, which decides how each method is paid (see `PaymentAction`):
 * - `desktop`: a computer's browser — wallets show a QR code to scan with the phone; the default;
 * - `mobile_browser`: a phone's own browser — wallets are reached by redirect (WeChat Pay H5, Alipay WAP);
 * - `wechat`: WeChat's in-app browser (`MicroMessenger` in the user agent) — WeChat Pay through JSAPI on the
 *   operator's hosted page; Alipay cannot open here;
 * - `alipay`: the Alipay app's browser (`AlipayClient`) — Alipay through the app's own `tradePay` bridge; WeChat Pay
 *   cannot open here;
 * - `wechat_miniprogram`: a web-view inside a WeChat mini program — neither wallet can start from the page.
 */
export const PAYMENT_ENVS = ['desktop', 'mobile_browser', 'wechat', 'alipay', 'wechat_miniprogram'] as const;

/** The kinds of `PaymentAction`: `redirect` to a page, `qr` to scan, `app_bridge` to call a wallet app's bridge. */
export const PAYMENT_ACTION_TYPES = ['qr', 'redirect', 'app_bridge'] as const;

/** What a `redirect` opens: the hosted card page, or a wallet's page on the operator's registered domain. */
export const REDIRECT_FLOWS = ['card', 'wechat_jsapi', 'wechat_h5', 'alipay_wap'] as const;

/**
 * Why a payment method is not offered in an environment (`PaymentMethodOption.reason`, and `details.reason` of a
 * `method_unavailable_in_env` error), for the widget to tell the traveller what to do:
 * - `blocked_in_wechat`: Alipay links do not open inside WeChat — open the page in the phone's browser;
 * - `blocked_in_alipay`: WeChat Pay does not open inside the Alipay app — open the page in the browser or WeChat;
 * - `miniprogram_webview`: a mini program's web-view cannot start a wallet payment — pay by card, or continue on
 *   another device.
 */
export const METHOD_UNAVAILABLE_REASONS = ['blocked_in_wechat', 'blocked_in_alipay', 'miniprogram_webview'] as const;

/**
 * Why an order failed (`Order.failureCode`). Kept an open string in the schema, so a newer server cannot break
 * parsing; these are the ones the API sends today:
 * - `card_declined`: the card issuer said no; `insufficient_funds`: the card has not enough money on it;
 * - `authentication_failed`: the card's 3-D Secure check failed;
 * - `payment_declined`: declined in the wallet (or by the hosted Apple Pay / Google Pay sheet);
 * - `payment_expired`: the wallet's code or page expired before it was paid;
 * - `order_expired`: the order waited a day unpaid and was closed.
 */
export const PAYMENT_FAILURE_CODES = [
  'card_declined',
  'insufficient_funds',
  'authentication_failed',
  'payment_declined',
  'payment_expired',
  'order_expired',
] as const;

export const ORDER_STATUSES = ['requires_payment', 'processing', 'succeeded', 'failed', 'canceled'] as const;

/** Statuses an order never leaves. */
export const FINAL_ORDER_STATUSES = ['succeeded', 'failed', 'canceled'] as const;

/** Whether an order is final: `succeeded`, `failed` or `canceled` (FINAL_ORDER_STATUSES). */
export function isFinalOrder(order: { readonly status: string }): boolean {
  return (FINAL_ORDER_STATUSES as readonly string[]).includes(order.status);
}

/**
 * What the operator's policy would decide for a refund of this order, shown before the traveller asks:
 * - `full`: the renewal has not started (its period begins later) and none of its data was used — all of it back to
 *   the original payment method;
 * - `credit`: partly used — the unused share as store credit for the next renewal;
 * - `rejected`: mostly used, or not refundable; `reason` says why.
 */
export const REFUND_OUTCOMES = ['full', 'credit', 'rejected'] as const;

export const REFUND_STATUSES = ['requested', 'approved', 'rejected'] as const;

export const TRANSFER_STATUSES = ['verifying', 'completed', 'locked', 'expired'] as const;

/**
 * Hosts a return URL or hand-off page may reach over plain http (a developer's machine); everywhere else it must be
 * https. The API refuses other http pages, and the widget does not offer them as its default return URL.
 */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/** The query parameter the payment page adds to the `returnUrl` it sends the traveller back to. */
export const RETURN_PARAM = 'esim_order';

/** The query parameter a "continue on another device" link carries; `<esim-renewal>` there claims it. */
export const HANDOFF_PARAM = 'esim_handoff';
