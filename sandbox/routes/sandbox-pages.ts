/**
 * The simulated payment pages: a hosted card checkout and an Alipay / WeChat Pay wallet. No credential but the
 * order's address; every answer is a page, errors included.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Deps } from '../deps.ts';
import { operation } from '../openapi.ts';
import { failOrder, payOrder, type PaymentFailureCode } from '../order-payments.ts';
import { formatPageTime, PAGE_WORDS, pageLang, type PageWords } from '../page-words/index.ts';
import {
  SCRIPTED_PAGE_HEADERS, challengePage, checkoutPage, messagePage, testCards, walletIndexPage, walletPage,
} from '../pages.ts';
import type { OrderRow } from '../rows.ts';
import { CheckoutForm, WalletForm } from '../sandbox-schemas.ts';
import { type PageEnv, formFields, orderPage as findOrderPage, page, returnTarget, statusPage } from './hosted.ts';

const PAYS = '4242424242424242';
const THREE_D_SECURE = '4000000000003220';
/** Declined cards, the failure code each gives and the page that says so. */
const DECLINES: Record<string, [PaymentFailureCode, 'cardDeclined' | 'insufficientFunds']> = {
  '4000000000000002': ['card_declined', 'cardDeclined'],
  '4000000000009995': ['insufficient_funds', 'insufficientFunds'],
};

/** What the card page says under a number that is no test card. */
const cardHint = (words: PageWords) =>
  words.card.useTestCard(testCards(words).map(([number, does]) => `${number} ${does}`).join('; '));

export function sandboxPageRoutes(app: Hono, deps: Deps): void {
  const { orders } = deps;

  const orderPage = findOrderPage(deps);

  /** Only a card order still awaiting payment goes on; any other gets the page that says why. */
  const payableByCard: MiddlewareHandler<PageEnv> = createMiddleware<PageEnv>(async (c, next) => {
    const { order } = c.var;
    if (order.payment_method !== 'card') {
      const { lang } = c.var;
      const words = PAGE_WORDS[lang];
      const wallet = words.wallets[order.payment_method];
      return page(c, messagePage(lang, [words.messages.wrongPage, words.messages.paidWith(wallet)]), 409);
    }
    if (order.status !== 'requires_payment') return statusPage(c, order);
    await next();
  });

  /** Only a wallet order goes on. */
  const wallet: MiddlewareHandler<PageEnv> = createMiddleware<PageEnv>(async (c, next) => {
    if (c.var.order.payment_method === 'card') {
      const { lang } = c.var;
      const { messages } = PAGE_WORDS[lang];
      return page(c, messagePage(lang, [messages.wrongPage, messages.paidByCard]), 409);
    }
    if (c.var.order.status !== 'requires_payment') return statusPage(c, c.var.order);
    await next();
  });

  /** After a card payment: back to the shop when it gave a return URL, else a page to close. */
  function finish(c: Context<PageEnv>, order: OrderRow, said: readonly [string, string]): Response | Promise<Response> {
    const target = returnTarget(order);
    return target ? c.redirect(target, 303) : page(c, messagePage(c.var.lang, said));
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
    const { order, summary, lang } = c.var;
    const words = PAGE_WORDS[lang];
    const { messages } = words;
    const form = CheckoutForm.safeParse(await formFields(c));
    const fields = form.success ? form.data : {};
    const number = (fields.number ?? '').replace(/\s+/g, '');
    const pay = () =>
      payOrder(deps, order.id) ? finish(c, order, messages.submitted) : statusPage(c, orders.order(order.id)!);
    const fail = (code: PaymentFailureCode, said: readonly [string, string]) =>
      failOrder(deps, order.id, code) ? finish(c, order, said) : statusPage(c, orders.order(order.id)!);
    // Apple Pay / Google Pay, simulated: the sheet's answer was chosen on the page.
    if (fields.wallet) return fields.outcome === 'fail' ? fail('payment_declined', messages.walletDeclined) : pay();
    if (number === PAYS) return pay();
    if (number === THREE_D_SECURE) {
      // The issuer's challenge first; the order stays unpaid until it is answered.
      if (fields.challenge === undefined) return page(c, challengePage(summary, fields.number!));
      return fields.challenge === 'pass' ? pay() : fail('authentication_failed', messages.authenticationFailed);
    }
    const decline = DECLINES[number];
    if (decline) return fail(decline[0], messages[decline[1]]);
    return page(c, checkoutPage(summary, cardHint(words)), 422, SCRIPTED_PAGE_HEADERS);
  });

  const walletIndex = operation({
    tag: 'Sandbox', summary: 'Where the sandbox wallet scans', security: 'none',
    ok: { status: 200, html: true, description: 'Wallet index page' }, errors: [],
  });
  app.get('/sandbox/wallet', walletIndex, (c) => page(c, walletIndexPage(pageLang(c))));

  const walletPay = operation({
    tag: 'Sandbox', summary: 'Simulated Alipay / WeChat Pay wallet', security: 'none',
    ok: { status: 200, html: true, description: 'Wallet page' }, errors: [404, 409],
  });
  app.get('/sandbox/wallet/:orderId', walletPay, orderPage, wallet, (c) => {
    const { order, summary, lang } = c.var;
    const until = order.action_expires_at ?? order.created_at;
    const wallet = PAGE_WORDS[lang].wallets[order.payment_method];
    return page(c, walletPage(summary, wallet, formatPageTime(until, lang), deps.now() >= until));
  });

  const walletAnswer = operation({
    tag: 'Sandbox', summary: 'Pay or decline in the wallet', security: 'none', form: WalletForm,
    ok: { status: 200, html: true, description: 'Result page' }, errors: [400, 404, 409, 410, 413],
  });
  app.post('/sandbox/wallet/:orderId', walletAnswer, orderPage, wallet, async (c) => {
    const { order, lang } = c.var;
    const { messages } = PAGE_WORDS[lang];
    const form = WalletForm.safeParse(await formFields(c));
    if (!form.success) return page(c, messagePage(lang, [messages.unknownAction, messages.choosePayOrDecline]), 400);
    const now = deps.now();
    if (form.data.action === 'pay' && now >= (order.action_expires_at ?? order.created_at)) {
      if (!failOrder(deps, order.id, 'payment_expired')) return statusPage(c, orders.order(order.id)!);
      return page(c, messagePage(lang, messages.qrExpired), 410);
    }
    if (form.data.action === 'pay') {
      if (!payOrder(deps, order.id)) return statusPage(c, orders.order(order.id)!);
      return page(c, messagePage(lang, messages.submitted));
    }
    if (!failOrder(deps, order.id, 'payment_declined')) return statusPage(c, orders.order(order.id)!);
    return page(c, messagePage(lang, messages.youDeclined));
  });
}
