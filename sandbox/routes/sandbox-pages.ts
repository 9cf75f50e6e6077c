/** The simulated payment pages: a hosted card checkout and an Alipay / WeChat Pay wallet. */
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { RETURN_PARAM } from '../../src/client/constants.ts';
import type { Quote } from '../../src/client/schemas.ts';
import type { OrderRow } from '../db.ts';
import type { Deps } from '../deps.ts';
import { readForm } from '../http.ts';
import {
  type OrderSummary, type SafeHtml, PAGE_HEADERS, checkoutPage, formatMoney, messagePage, walletIndexPage, walletPage,
} from '../pages.ts';
import { iso } from '../util.ts';

const PAYS = '4242424242424242';
const DECLINED = '4000000000000002';
const WALLETS = { alipay: 'Alipay', wechat_pay: 'WeChat Pay', card: 'Card' } as const;

const page = (c: Context, body: SafeHtml, status: ContentfulStatusCode = 200) => c.html(body.value, status, PAGE_HEADERS);

const SUBMITTED = ['Payment submitted', 'You can close this window and return to the shop.'] as const;

/** Why an order can no longer be paid, in words. */
function statusPage(c: Context, order: OrderRow): Response {
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

export function sandboxPageRoutes(app: Hono, deps: Deps): void {
  const { store } = deps;

  function load(c: Context): { order: OrderRow; summary: OrderSummary } | Response {
    const order = store.order(c.req.param('orderId') ?? '');
    if (!order) return page(c, messagePage('Order not found', 'There is no order at this address.'), 404);
    const quote = JSON.parse(store.quote(order.quote_id)!.body) as Quote;
    const partner = store.partner(store.card(order.card_id)!.partner_id)!;
    // No credential but the order's address: the page runs on its partner's sandbox time.
    deps.clock.actFor(partner.id);
    const summary = {
      orderId: order.id,
      merchant: partner.name,
      planName: quote.plan.name,
      quantity: quote.quantity,
      total: formatMoney(quote.total.amount, quote.total.currency),
    };
    return { order, summary };
  }

  /** After a card payment: back to the shop when it gave a return URL, else a page to close. */
  function finish(c: Context, order: OrderRow, title: string, message: string): Response {
    if (order.return_url) {
      const target = new URL(order.return_url);
      target.searchParams.set(RETURN_PARAM, order.id);
      return c.redirect(target.toString(), 303);
    }
    return page(c, messagePage(title, message));
  }

  /** A card order still awaiting payment, or the page that says why this one cannot be paid here. */
  function payableByCard(c: Context): { order: OrderRow; summary: OrderSummary } | Response {
    const found = load(c);
    if (found instanceof Response) return found;
    const { order } = found;
    if (order.payment_method !== 'card') {
      return page(c, messagePage('Wrong payment page', `This order is paid with ${WALLETS[order.payment_method]}.`), 409);
    }
    if (order.status !== 'requires_payment') return statusPage(c, order);
    return found;
  }

  app.get('/sandbox/checkout/:orderId', (c) => {
    const found = payableByCard(c);
    return found instanceof Response ? found : page(c, checkoutPage(found.summary));
  });

  app.post('/sandbox/checkout/:orderId', async (c) => {
    const found = payableByCard(c);
    if (found instanceof Response) return found;
    const { order, summary } = found;
    const number = ((await readForm(c)).get('number') ?? '').replace(/\s+/g, '');
    const now = deps.now();
    if (number === PAYS) {
      if (!store.transition(order.id, 'requires_payment', 'processing', now, { settleAt: now + deps.settleDelayMs })) {
        return statusPage(c, store.order(order.id)!);
      }
      return finish(c, order, SUBMITTED[0], SUBMITTED[1]);
    }
    if (number === DECLINED) {
      if (!store.transition(order.id, 'requires_payment', 'failed', now, { failureCode: 'card_declined' })) {
        return statusPage(c, store.order(order.id)!);
      }
      return finish(c, order, 'Card declined', 'Your card was declined. Return to the shop to try another way to pay.');
    }
    return page(c, checkoutPage(summary, 'Use a test card: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined.'), 422);
  });

  app.get('/sandbox/wallet', (c) => page(c, walletIndexPage()));

  app.get('/sandbox/wallet/:orderId', (c) => {
    const found = load(c);
    if (found instanceof Response) return found;
    const { order, summary } = found;
    if (order.payment_method === 'card') {
      return page(c, messagePage('Wrong payment page', 'This order is paid by card on the checkout page.'), 409);
    }
    if (order.status !== 'requires_payment') return statusPage(c, order);
    const until = order.action_expires_at ?? order.created_at;
    return page(c, walletPage(summary, WALLETS[order.payment_method], iso(until), deps.now() >= until));
  });

  app.post('/sandbox/wallet/:orderId', async (c) => {
    const found = load(c);
    if (found instanceof Response) return found;
    const { order } = found;
    if (order.payment_method === 'card') {
      return page(c, messagePage('Wrong payment page', 'This order is paid by card on the checkout page.'), 409);
    }
    if (order.status !== 'requires_payment') return statusPage(c, order);
    const action = (await readForm(c)).get('action');
    const now = deps.now();
    if (action === 'pay' && now >= (order.action_expires_at ?? order.created_at)) {
      if (!store.transition(order.id, 'requires_payment', 'failed', now, { failureCode: 'payment_expired' })) {
        return statusPage(c, store.order(order.id)!);
      }
      return page(c, messagePage('QR code expired', 'This QR code has expired and the order has failed. Return to the shop for a new code.'), 410);
    }
    if (action === 'pay') {
      if (!store.transition(order.id, 'requires_payment', 'processing', now, { settleAt: now + deps.settleDelayMs })) {
        return statusPage(c, store.order(order.id)!);
      }
      return page(c, messagePage(SUBMITTED[0], SUBMITTED[1]));
    }
    if (action === 'decline') {
      if (!store.transition(order.id, 'requires_payment', 'failed', now, { failureCode: 'payment_declined' })) {
        return statusPage(c, store.order(order.id)!);
      }
      return page(c, messagePage('Payment declined', 'You declined the payment. Return to the shop.'));
    }
    return page(c, messagePage('Unknown action', 'Choose Pay or Decline.'), 400);
  });
}
