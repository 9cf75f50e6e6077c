/**
 * The simulated payment pages: a hosted card checkout and an Alipay / WeChat Pay wallet. No credential but the
 * order's address; every answer is a page, errors included.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Deps } from '../deps.ts';
import { operation } from '../openapi.ts';
import { failOrder, payOrder, type PaymentFailureCode } from '../order-payments.ts';
import {
  SCRIPTED_PAGE_HEADERS, TEST_CARDS, challengePage, checkoutPage, messagePage, walletIndexPage, walletPage,
} from '../pages.ts';
import type { OrderRow } from '../rows.ts';
import { CheckoutForm, WalletForm } from '../sandbox-schemas.ts';
import { iso } from '../units.ts';
import { type PageEnv, formFields, orderPage as findOrderPage, page, returnTarget, statusPage } from './hosted.ts';

const PAYS = '4242424242424242';
const THREE_D_SECURE = '4000000000003220';
/** Declined cards and the failure code each gives. */
const DECLINES: Record<string, [PaymentFailureCode, string, string]> = {
  '4000000000000002': ['card_declined', 'Card declined', 'Your card was declined. Return to the shop to try another way to pay.'],
  '4000000000009995': ['insufficient_funds', 'Insufficient funds', 'Your card has insufficient funds. Nothing was charged; return to the shop to try another card or way to pay.'],
};
const WALLETS = { alipay: 'Alipay', wechat_pay: 'WeChat Pay', card: 'Card' } as const;

const SUBMITTED = ['Payment submitted', 'You can close this window and return to the shop.'] as const;
const CARD_HINT = `Use a test card: ${TEST_CARDS.map(([number, does]) => `${number} ${does}`).join('; ')}.`;

export function sandboxPageRoutes(app: Hono, deps: Deps): void {
  const { orders } = deps;

  const orderPage = findOrderPage(deps);

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
    const target = returnTarget(order);
    return target ? c.redirect(target, 303) : page(c, messagePage(title, message));
  }

  const checkout = operation({
    tag: 'Sandbox', summary: 'Hosted card checkout page', security: 'none',
    ok: { status: 200, html: true, description: 'Checkout page' }, errors: [404, 409],
  });
  app.get('/sandbox/checkout/:orderId', checkout, orderPage, payableByCard, (c) =>
    page(c, checkoutPage(c.var.summary), 200, SCRIPTED_PAGE_HEADERS));

  const payByCard = operation({
    tag: 'Sandbox', summary: 'Pay with a test card', security: 'none', form: CheckoutForm,
    ok: { status: 200, html: true, description: 'Payment submitted page, or 303 to the return URL' }, errors: [404, 409, 413, 422],
  });
  app.post('/sandbox/checkout/:orderId', payByCard, orderPage, payableByCard, async (c) => {
    const { order, summary } = c.var;
    const form = CheckoutForm.safeParse(await formFields(c));
    const fields = form.success ? form.data : {};
    const number = (fields.number ?? '').replace(/\s+/g, '');
    const pay = (title: string, message: string) =>
      payOrder(deps, order.id) ? finish(c, order, title, message) : statusPage(c, orders.order(order.id)!);
    const fail = (code: PaymentFailureCode, title: string, message: string) =>
      failOrder(deps, order.id, code) ? finish(c, order, title, message) : statusPage(c, orders.order(order.id)!);
    // Apple Pay / Google Pay, simulated: the sheet's answer was chosen on the page.
    if (fields.wallet) {
      return fields.outcome === 'fail'
        ? fail('payment_declined', 'Payment declined', 'The wallet declined the payment. Return to the shop to try another way to pay.')
        : pay(SUBMITTED[0], SUBMITTED[1]);
    }
    if (number === PAYS) return pay(SUBMITTED[0], SUBMITTED[1]);
    if (number === THREE_D_SECURE) {
      // The issuer's challenge first; the order stays unpaid until it is answered.
      if (fields.challenge === undefined) return page(c, challengePage(summary, fields.number!));
      return fields.challenge === 'pass'
        ? pay(SUBMITTED[0], SUBMITTED[1])
        : fail('authentication_failed', 'Authentication failed', 'Your bank could not confirm it was you, so nothing was charged. Return to the shop to try again.');
    }
    const decline = DECLINES[number];
    if (decline) return fail(...decline);
    return page(c, checkoutPage(summary, CARD_HINT), 422, SCRIPTED_PAGE_HEADERS);
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
      if (!failOrder(deps, order.id, 'payment_expired')) return statusPage(c, orders.order(order.id)!);
      return page(c, messagePage('QR code expired', 'This QR code has expired and the order has failed. Return to the shop for a new code.'), 410);
    }
    if (form.data.action === 'pay') {
      if (!payOrder(deps, order.id)) return statusPage(c, orders.order(order.id)!);
      return page(c, messagePage(SUBMITTED[0], SUBMITTED[1]));
    }
    if (!failOrder(deps, order.id, 'payment_declined')) return statusPage(c, orders.order(order.id)!);
    return page(c, messagePage('Payment declined', 'You declined the payment. Return to the shop.'));
  });
}
