/**
 * The wallet pages a phone is redirected to (`PaymentAction` `redirect` with a wallet `flow`), on the operator's own
 * domain as WeChat and Alipay require: WeChat Pay JSAPI inside WeChat (a registered payment directory), WeChat Pay
 * H5 and Alipay WAP from a phone's browser. Each page has the sandbox's controls for what the wallet does, including
 * a return before the payment settles or before it is made. Where a page ends — the return URL with `esim_order`, or
 * the hosted result page — nothing says the payment succeeded: the order does. Also the pages' own scripts, and the
 * stand-in for Alipay's server behind the app's `tradePay` bridge. No credential but the order's address (or trade
 * number); every answer for a person is a page.
 */
import { readFileSync } from 'node:fs';
import type { Hono, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Deps } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import { json } from '../http.ts';
import { operation } from '../openapi.ts';
import { failOrder, payOrder } from '../order-payments.ts';
import { PAGE_WORDS } from '../page-words/index.ts';
import { SCRIPTED_PAGE_HEADERS, messagePage } from '../pages.ts';
import { paymentRoute } from '../payment-envs.ts';
import type { OrderRow } from '../rows.ts';
import { AlipayTrade, AlipayTradeInput, HostedWalletForm } from '../sandbox-schemas.ts';
import { REDIRECT_PATHS } from '../serialize.ts';
import { sha256 } from '../util.ts';
import { type RedirectWalletFlow, redirectWalletPage, resultPage, wechatJsapiPage } from '../wallet-redirect-pages.ts';
import { type PageEnv, formFields, orderPage, page, returnTarget, statusPage } from './hosted.ts';

/** The pages' scripts, read once; served from the sandbox's own origin, the only one their policy allows. */
const SCRIPTS = {
  'wechat-jsapi.js': readFileSync(new URL('../page-scripts/wechat-jsapi.js', import.meta.url), 'utf8'),
  'card-wallets.js': readFileSync(new URL('../page-scripts/card-wallets.js', import.meta.url), 'utf8'),
};

const FLOWS: Array<[RedirectWalletFlow, string]> = [
  ['wechat_jsapi', 'WeChat Pay JSAPI page (inside WeChat)'],
  ['wechat_h5', 'WeChat Pay H5 page (phone browser)'],
  ['alipay_wap', 'Alipay WAP page (phone browser)'],
];

export function sandboxWalletPageRoutes(app: Hono, deps: Deps): void {
  const { orders } = deps;
  const findOrder = orderPage(deps);
  /** The hosted result page, in the language the wallet page was asked in (its `lang` query), if it was. */
  const resultPath = (order: OrderRow, lang: string | undefined) =>
    `/sandbox/pay/result/${order.id}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`;
  /** Where the wallet sends the traveller back: the shop's return URL, else the hosted result page. */
  const next = (order: OrderRow, lang: string | undefined) => returnTarget(order) ?? resultPath(order, lang);

  /** Only an order paid through `flow` and still awaiting payment goes on. */
  const payableThrough = (flow: RedirectWalletFlow): MiddlewareHandler<PageEnv> =>
    createMiddleware<PageEnv>(async (c, next) => {
      const { order } = c.var;
      const route = paymentRoute(order.payment_method, order.payment_env);
      if (route.action !== 'redirect' || route.flow !== flow) {
        const { lang } = c.var;
        const { messages } = PAGE_WORDS[lang];
        return page(c, messagePage(lang, [messages.wrongPage, messages.notPaidHere]), 409);
      }
      if (order.status !== 'requires_payment') return statusPage(c, order);
      await next();
    });

  const expired = (order: OrderRow) => deps.now() >= (order.action_expires_at ?? order.created_at);

  for (const [flow, name] of FLOWS) {
    const path = `/sandbox/${REDIRECT_PATHS[flow]}/:orderId`;
    const show = operation({
      tag: 'Sandbox', summary: name, security: 'none',
      ok: { status: 200, html: true, description: 'The wallet page' }, errors: [404, 409],
    });
    app.get(path, show, findOrder, payableThrough(flow), (c) => {
      const { order, summary } = c.var;
      if (flow !== 'wechat_jsapi') return page(c, redirectWalletPage(summary, flow, expired(order)));
      // What the operator's server would sign for the page after WeChat's unified order (sandbox values).
      const timeStamp = String(Math.floor(deps.now() / 1000));
      const nonceStr = sha256(`${order.id}:${timeStamp}`).slice(0, 32);
      const params = {
        appId: 'wx0000000000sandbox', timeStamp, nonceStr, package: `prepay_id=${order.provider_ref}`,
        signType: 'RSA' as const, paySign: `sandbox-${sha256(`${order.provider_ref}:${nonceStr}`)}`,
      };
      return page(c, wechatJsapiPage(summary, params, next(order, c.req.query('lang')), expired(order)), 200, SCRIPTED_PAGE_HEADERS);
    });

    const answer = operation({
      tag: 'Sandbox', summary: `${name}: what the wallet does (sandbox controls)`, security: 'none', form: HostedWalletForm,
      ok: { status: 200, html: true, description: '303 to the return URL (or the hosted result page)' }, errors: [400, 404, 409, 413],
    });
    app.post(path, answer, findOrder, payableThrough(flow), async (c) => {
      const { order, lang } = c.var;
      const { messages } = PAGE_WORDS[lang];
      const form = HostedWalletForm.safeParse(await formFields(c));
      if (!form.success) return page(c, messagePage(lang, [messages.unknownAction, messages.chooseControl]), 400);
      const { action, settle = 'later' } = form.data;
      if (action === 'pay') {
        const done = expired(order) ? failOrder(deps, order.id, 'payment_expired') : payOrder(deps, order.id, settle);
        if (!done) return statusPage(c, orders.order(order.id)!);
      } else if (action === 'decline') {
        if (!failOrder(deps, order.id, 'payment_declined')) return statusPage(c, orders.order(order.id)!);
      }
      // `leave`: the wallet sends the traveller back before anything was paid, as WeChat's H5 redirect_url may.
      return c.redirect(next(order, c.req.query('lang')), 303);
    });
  }

  const result = operation({
    tag: 'Sandbox', summary: 'Hosted result page: the order as it stands', security: 'none',
    ok: { status: 200, html: true, description: 'The order\'s state, in words' }, errors: [404],
  });
  app.get('/sandbox/pay/result/:orderId', result, findOrder, (c) => {
    const order = orders.order(c.var.order.id)!;
    return page(c, resultPage(c.var.lang, order.id, order.status, order.failure_code));
  });

  for (const [file, source] of Object.entries(SCRIPTS)) {
    const script = operation({
      tag: 'Sandbox', summary: `Script of the hosted pages: ${file}`, security: 'none',
      ok: { status: 200, script: true, description: 'JavaScript' }, errors: [],
    });
    app.get(`/sandbox/assets/${file}`, script, (c) => c.body(source, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': 'same-origin',
    }));
  }

  // The Alipay app's side of `tradePay`, for a stand-in of its bridge: what the traveller did in the app reaches the
  // operator as Alipay's notification, never through the page, whatever result code the bridge gives the page.
  const trade = operation({
    tag: 'Sandbox', summary: 'Alipay app: pay or fail a tradePay trade (for a stand-in bridge)', security: 'none',
    ok: { status: 200, schema: AlipayTrade, description: 'The trade\'s order' }, errors: [400, 404, 409, 413],
  });
  app.post('/sandbox/alipay/trades/:tradeNo', trade, json(AlipayTradeInput), (c) => {
    const order = orders.orderByProviderRef(c.req.param('tradeNo') ?? '');
    if (!order || paymentRoute(order.payment_method, order.payment_env).action !== 'app_bridge') throw notFound('Trade');
    deps.clock.actFor(deps.cards.card(order.card_id)!.partner_id);
    const input = c.req.valid('json');
    let done;
    if (input.outcome === 'fail') done = failOrder(deps, order.id, 'payment_declined');
    else done = expired(order) ? failOrder(deps, order.id, 'payment_expired') : payOrder(deps, order.id, input.settle);
    if (!done) {
      throw new ApiError('invalid_state', `Only a trade awaiting payment can be paid or failed; this one is ${order.status}`, {
        status: order.status,
      });
    }
    const current = orders.order(order.id)!;
    return trade.send(c, { tradeNo: order.provider_ref!, orderId: current.id, status: current.status });
  });
}
