/**
 * The two things a payment can do to an order, for every simulated payment path (the hosted card page, the wallet
 * pages, the sandbox controls): pay it (it settles after the sandbox's delay, or at once) or fail it with a code.
 * Both are conditional moves out of `requires_payment`, so a second answer for the same order changes nothing.
 * And the one thing the operator does to an unpaid one: cancel it, closing the provider's side of its payment first.
 */
import type { PAYMENT_FAILURE_CODES } from '../src/client/constants.ts';
import type { Deps } from './deps.ts';

export type PaymentFailureCode = (typeof PAYMENT_FAILURE_CODES)[number];

/**
 * Marks the order paid: `processing` until it settles, after `deps.settleDelayMs` (`later`) or right now (`now`, and
 * settled before this returns). False when the order was no longer awaiting payment.
 */
export function payOrder(deps: Deps, orderId: string, settle: 'later' | 'now' = 'later'): boolean {
  const now = deps.now();
  const settleAt = settle === 'now' ? now : now + deps.settleDelayMs;
  if (!deps.orders.transition(orderId, 'requires_payment', 'processing', now, { settleAt })) return false;
  if (settle === 'now') deps.settleDue();
  return true;
}

/** Fails the order with `failureCode`; false when it was no longer awaiting payment. */
export const failOrder = (deps: Deps, orderId: string, failureCode: PaymentFailureCode): boolean =>
  deps.orders.transition(orderId, 'requires_payment', 'failed', deps.now(), { failureCode });

/**
 * Cancels an unpaid order the way an operator must when a wallet payment may still arrive: the provider's side of
 * the payment (the wallet trade, the hosted card session) is closed first, then the order canceled, in one
 * transaction. A payment notification that comes later finds the payment closed and is refused by the provider, so
 * nothing is charged for a canceled order. False when the payment arrived first (the order is `processing` or
 * `succeeded`) or the order is over: nothing was changed.
 */
export function cancelUnpaidOrder(deps: Deps, orderId: string): boolean {
  const at = deps.now();
  return deps.db.transaction(() =>
    deps.orders.closePayment(orderId, at) && deps.orders.transition(orderId, 'requires_payment', 'canceled', at),
  )();
}
