/**
 * The simulated payment pages: a hosted card checkout and an Alipay / WeChat Pay wallet. No credential but the
 * order's address; every answer is a page, errors included.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { RETURN_PARAM } from '../../src/client/constants.ts';
import type { Quote } from '../../src/client/schemas.ts';
import type { Deps } from '../deps.ts';
import { operation } from '../openapi.ts';
import {
  type Html, type OrderSummary, PAGE_HEADERS, checkoutPage, formatMoney, messagePage, walletIndexPage, walletPage,
} from '../pages.ts';
import type { OrderRow } from '../rows.ts';
import { CheckoutForm, WalletForm } from '../sandbox-schemas.ts';
import { iso } from '../units.ts';

const PAYS = '4242424242424242';
const DECLINED = '4000000000000002';
const WALLETS = { alipay: 'Alipay', wechat_pay: 'WeChat Pay', card: 'Card' } as const;

const page = (c: Context, body: Html, status: ContentfulStatusCode = 200) => c.html(body, status, PAGE_HEADERS);

/** The fields of a posted form; a body that is no form has none. */
async function formFields(c: Context): Promise<Record<string, unknown>> {
  try {
    return await c.req.parseBody();
  } catch {
    return {};
  }
}

type PageEnv = { Variables: { order: OrderRow; summary: OrderSummary } };

const SUBMITTED = ['Payment submitted', 'You can close this window and return to the shop.'] as const;

/** Why an order can no longer be paid, in words. */
function statusPage(c: Context, order: OrderRow): Response | Promise<Response> {
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
  const { orders } = deps;

  /** The order `:orderId` and its summary (`c.var`), or the page that says there is none. */
  const orderPage: MiddlewareHandler<PageEnv> = createMiddleware<PageEnv>(async (c, next) => {
    const order = orders.order(c.req.param('orderId') ?? '');
    if (!order) return page(c, messagePage('Order not found', 'There is no order at this address.'), 404);
    const quote = JSON.parse(orders.quote(order.quote_id)!.body) as Quote;
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

  /** Only a card order still awaiting payment goes on; any other gets the page that says why. */
  const payableByCard: MiddlewareHandler<PageEnv> = createMiddleware<PageEnv>(async (c, next) => {
    const { order } = c.var;
    if (order.payment_method !== 'card') {
      return page(c, messagePage('Wrong payment page', `This order is paid with ${WALLETS[order.payment_method]}.`), 409);
    }
    if (order.status !== 'requires_payment') return statusPage(c, order);
    await next();
  });

  /** Only a wallet order goes on. */
  const wallet: MiddlewareHandler<PageEnv> = createMiddleware<PageEnv>(async (c, next) => {
    if (c.var.order.payment_method === 'card') {
      return page(c, messagePage('Wrong payment page', 'This order is paid by card on the checkout page.'), 409);
    }
    if (c.var.order.status !== 'requires_payment') return statusPage(c, c.var.order);
    await next();
  });

  /** After a card payment: back to the shop when it gave a return URL, else a page to close. */
  function finish(c: Context, order: OrderRow, title: string, message: string): Response | Promise<Response> {
    if (order.return_url) {
      const target = new URL(order.return_url);
      target.searchParams.set(RETURN_PARAM, order.id);
      return c.redirect(target.toString(), 303);
    }
    return page(c, messagePage(title, message));
  }

  const checkout = operation({
    tag: 'Sandbox', summary: 'Hosted card checkout page', security: 'none',
    ok: { status: 200, html: true, description: 'Checkout page' }, errors: [404, 409],
  });
  app.get('/sandbox/checkout/:orderId', checkout, orderPage, payableByCard, (c) => page(c, checkoutPage(c.var.summary)));

  const payByCard = operation({
    tag: 'Sandbox', summary: 'Pay with a test card', security: 'none', form: CheckoutForm,
    ok: { status: 200, html: true, description: 'Payment submitted page, or 303 to the return URL' }, errors: [404, 409, 413, 422],
  });
  app.post('/sandbox/checkout/:orderId', payByCard, orderPage, payableByCard, async (c) => {
    const { order, summary } = c.var;
    const form = CheckoutForm.safeParse(await formFields(c));
    const number = (form.success ? form.data.number : '').replace(/\s+/g, '');
    const now = deps.now();
    if (number === PAYS) {
      if (!orders.transition(order.id, 'requires_payment', 'processing', now, { settleAt: now + deps.settleDelayMs })) {
        return statusPage(c, orders.order(order.id)!);
      }
      return finish(c, order, SUBMITTED[0], SUBMITTED[1]);
    }
    if (number === DECLINED) {
      if (!orders.transition(order.id, 'requires_payment', 'failed', now, { failureCode: 'card_declined' })) {
        return statusPage(c, orders.order(order.id)!);
      }
      return finish(c, order, 'Card declined', 'Your card was declined. Return to the shop to try another way to pay.');
    }
    return page(c, checkoutPage(summary, 'Use a test card: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined.'), 422);
  });

  const walletIndex = operation({
    tag: 'Sandbox', summary: 'Where the sandbox wallet scans', security: 'none',
    ok: { status: 200, html: true, description: 'Wallet index page' }, errors: [],
  });
  app.get('/sandbox/wallet', walletIndex, (c) => page(c, walletIndexPage()));

  const walletPay = operation({
    tag: 'Sandbox', summary: 'Simulated Alipay / WeChat Pay wallet', security: 'none',
    ok: { status: 200, html: true, description: 'Wallet page' }, errors: [404, 409],
  });
  app.get('/sandbox/wallet/:orderId', walletPay, orderPage, wallet, (c) => {
    const { order, summary } = c.var;
    const until = order.action_expires_at ?? order.created_at;
    return page(c, walletPage(summary, WALLETS[order.payment_method], iso(until), deps.now() >= until));
  });

  const walletAnswer = operation({
    tag: 'Sandbox', summary: 'Pay or decline in the wallet', security: 'none', form: WalletForm,
    ok: { status: 200, html: true, description: 'Result page' }, errors: [400, 404, 409, 410, 413],
  });
  app.post('/sandbox/wallet/:orderId', walletAnswer, orderPage, wallet, async (c) => {
    const { order } = c.var;
    const form = WalletForm.safeParse(await formFields(c));
    if (!form.success) return page(c, messagePage('Unknown action', 'Choose Pay or Decline.'), 400);
    const now = deps.now();
    if (form.data.action === 'pay' && now >= (order.action_expires_at ?? order.created_at)) {
      if (!orders.transition(order.id, 'requires_payment', 'failed', now, { failureCode: 'payment_expired' })) {
        return statusPage(c, orders.order(order.id)!);
      }
      return page(c, messagePage('QR code expired', 'This QR code has expired and the order has failed. Return to the shop for a new code.'), 410);
    }
    if (form.data.action === 'pay') {
      if (!orders.transition(order.id, 'requires_payment', 'processing', now, { settleAt: now + deps.settleDelayMs })) {
        return statusPage(c, orders.order(order.id)!);
      }
      return page(c, messagePage(SUBMITTED[0], SUBMITTED[1]));
    }
    if (!orders.transition(order.id, 'requires_payment', 'failed', now, { failureCode: 'payment_declined' })) {
      return statusPage(c, orders.order(order.id)!);
    }
    return page(c, messagePage('Payment declined', 'You declined the payment. Return to the shop.'));
  });
}
