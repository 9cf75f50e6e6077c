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
  'internal',
] as const;

export const CARD_STATUSES = ['active', 'expiring', 'expired', 'suspended'] as const;

export const PERIODS = ['day', 'month', 'year'] as const;

export const PLAN_TAGS = ['popular', 'best_value', 'discount', 'unlimited', 'new'] as const;

export const DISCOUNT_KINDS = ['first_topup', 'loyalty', 'promo', 'credit'] as const;

export const PAYMENT_METHODS = ['card', 'alipay', 'wechat_pay'] as const;

export const ORDER_STATUSES = ['requires_payment', 'processing', 'succeeded', 'failed', 'canceled'] as const;

/** Statuses an order never leaves. */
export const FINAL_ORDER_STATUSES = ['succeeded', 'failed', 'canceled'] as const;

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
