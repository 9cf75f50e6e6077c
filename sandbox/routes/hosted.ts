/**
 * What every hosted payment page route shares: answering with a page (and its headers), finding the order of the
 * address with its summary, saying why an order cannot be paid any more, and sending the traveller back.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { RETURN_PARAM } from '../../src/client/constants.ts';
import type { Quote } from '../../src/client/schemas.ts';
import type { Deps } from '../deps.ts';
import { type Html, type OrderSummary, PAGE_HEADERS, formatMoney, messagePage } from '../pages.ts';
import type { OrderRow } from '../rows.ts';

export const page = (c: Context, body: Html, status: ContentfulStatusCode = 200, headers: Record<string, string> = PAGE_HEADERS) =>
  c.html(body, status, headers);

/** The fields of a posted form; a body that is no form has none. */
export async function formFields(c: Context): Promise<Record<string, unknown>> {
  try {
    return await c.req.parseBody();
  } catch {
    return {};
  }
}

export type PageEnv = { Variables: { order: OrderRow; summary: OrderSummary } };

/** Why an order can no longer be paid, in words. */
export function statusPage(c: Context, order: OrderRow): Response | Promise<Response> {
  const explain: Record<OrderRow['status'], [string, string]> = {
    requires_payment: ['Awaiting payment', 'This order is waiting for payment.'],
    processing: ['Already paid', 'This order has been paid and is being processed. Return to the shop.'],
    succeeded: ['Already paid', 'This order has been paid and the card renewed. Return to the shop.'],
    failed: ['Payment failed', `This order failed (${order.failure_code ?? 'unknown reason'}). Return to the shop to try again.`],
    canceled: ['Order canceled', 'This order was canceled. Return to the shop to start again.'],
  };
  const [title, message] = explain[order.status];
  return page(c, messagePage(title, message, `Order ${order.id} is ${order.status}.`), 409);
}

/** The order `:orderId` and its summary (`c.var`), or the page that says there is none. */
export function orderPage(deps: Deps): MiddlewareHandler<PageEnv> {
  return createMiddleware<PageEnv>(async (c, next) => {
    const order = deps.orders.order(c.req.param('orderId') ?? '');
    if (!order) return page(c, messagePage('Order not found', 'There is no order at this address.'), 404);
    const quote = JSON.parse(deps.orders.quote(order.quote_id)!.body) as Quote;
    const partner = deps.cards.partner(deps.cards.card(order.card_id)!.partner_id)!;
    // No credential but the order's address: the page runs on its partner's sandbox time.
    deps.clock.actFor(partner.id);
    c.set('order', order);
    c.set('summary', {
      orderId: order.id,
      merchant: partner.name,
      planName: quote.plan.name,
      quantity: quote.quantity,
      total: formatMoney(quote.total.amount, quote.total.currency),
    });
    await next();
  });
}

/** The order's return URL with `esim_order`, the page a payment sends the traveller back to; undefined without one. */
export function returnTarget(order: OrderRow): string | undefined {
  if (!order.return_url) return undefined;
  const target = new URL(order.return_url);
  target.searchParams.set(RETURN_PARAM, order.id);
  return target.toString();
}
