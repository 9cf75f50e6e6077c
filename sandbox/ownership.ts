/**
 * Whose is it: an order, a quote, a transfer or a card asked for by id belongs to the caller, or answers 404 — another card's
 * (or another partner's) looks exactly like one that does not exist. Written once, used by every route that takes
 * such an id.
 */
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { CallerEnv, SessionEnv } from './auth.ts';
import type { Deps } from './deps.ts';
import { notFound } from './errors.ts';
import type { CardRow, OrderRow, QuoteRow, TransferRow } from './rows.ts';

export type OrderEnv = { Variables: { order: OrderRow } };

/** The partner's card with this ICCID. */
export function cardOfPartner(deps: Deps, partnerId: string, iccid: string): CardRow {
  const card = deps.cards.cardByIccid(iccid);
  if (!card || card.partner_id !== partnerId) throw notFound('Card');
  return card;
}

/** The card's move to another phone with this id. */
export function transferOfCard(deps: Deps, card: CardRow, transferId: string): TransferRow {
  const transfer = deps.transfers.transfer(transferId);
  if (!transfer || transfer.card_id !== card.id) throw notFound('Transfer');
  return transfer;
}

/** The card's order with this id. */
export function orderOfCard(deps: Deps, card: CardRow, orderId: string): OrderRow {
  const order = deps.orders.order(orderId);
  if (!order || order.card_id !== card.id) throw notFound('Order');
  return order;
}

/** The card's quote with this id. */
export function quoteOfCard(deps: Deps, card: CardRow, quoteId: string): QuoteRow {
  const quote = deps.orders.quote(quoteId);
  if (!quote || quote.card_id !== card.id) throw notFound('Quote');
  return quote;
}

/** Middleware after the session guard: the order `:id` of the session's card, as `c.var.order`. */
export const ownOrder = (deps: Deps): MiddlewareHandler<SessionEnv & OrderEnv> =>
  createMiddleware<SessionEnv & OrderEnv>(async (c, next) => {
    c.set('order', orderOfCard(deps, c.var.card, c.req.param('id') ?? ''));
    await next();
  });

/** Middleware after the either-credential guard: the order `:id` of the session's card or of the partner's cards. */
export const callerOrder = (deps: Deps): MiddlewareHandler<CallerEnv & OrderEnv> =>
  createMiddleware<CallerEnv & OrderEnv>(async (c, next) => {
    const { caller } = c.var;
    const id = c.req.param('id') ?? '';
    if (caller.kind === 'session') c.set('order', orderOfCard(deps, caller.card, id));
    else {
      const order = deps.orders.order(id);
      if (!order || deps.cards.card(order.card_id)!.partner_id !== caller.partner.id) throw notFound('Order');
      c.set('order', order);
    }
    await next();
  });
