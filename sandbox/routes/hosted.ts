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
import type { Lang } from '../locale.ts';
import { formatPageMoney, PAGE_WORDS, pageLang } from '../page-words/index.ts';
import { type Html, type OrderSummary, PAGE_HEADERS, messagePage } from '../pages.ts';
import type { OrderRow } from '../rows.ts';
import { localizeQuote } from '../serialize.ts';

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

/** What an order page's handlers read: the order, its summary, and the page's language (`pageLang`). */
export type PageEnv = { Variables: { order: OrderRow; summary: OrderSummary; lang: Lang } };

/** Why an order can no longer be paid, in words of the page's language. */
export function statusPage(c: Context, order: OrderRow): Response | Promise<Response> {
  const lang = pageLang(c);
  const words = PAGE_WORDS[lang];
  const [title, message] = words.status[order.status];
  const text = typeof message === 'function' ? message(order.failure_code ?? words.unknownReason) : message;
  return page(c, messagePage(lang, [title, text], words.orderIs(order.id, words.statuses[order.status])), 409);
}

/** The order `:orderId` and its summary (`c.var`), or the page that says there is none. */
export function orderPage(deps: Deps): MiddlewareHandler<PageEnv> {
  return createMiddleware<PageEnv>(async (c, next) => {
    const lang = pageLang(c);
    const order = deps.orders.order(c.req.param('orderId') ?? '');
    if (!order) return page(c, messagePage(lang, PAGE_WORDS[lang].messages.notFound), 404);
    const stored = deps.orders.quote(order.quote_id)!;
    const quoted = JSON.parse(stored.body) as Quote;
    // The plan's name in the page's language, whichever language the order was made in.
    const quote = localizeQuote(quoted, deps.cards.plan(quoted.plan.id), stored.promo_code, lang);
    const partner = deps.cards.partner(deps.cards.card(order.card_id)!.partner_id)!;
    // No credential but the order's address: the page runs on its partner's sandbox time.
    deps.clock.actFor(partner.id);
    c.set('order', order);
    c.set('lang', lang);
    c.set('summary', {
      lang,
      orderId: order.id,
      merchant: partner.name,
      planName: quote.plan.name,
      quantity: quote.quantity,
      total: formatPageMoney(quote.total.amount, quote.total.currency, lang),
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
