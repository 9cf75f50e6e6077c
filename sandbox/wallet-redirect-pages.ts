/**
 * HTML of the wallet pages a phone is redirected to, on the operator's domain (see `routes/sandbox-wallet-pages.ts`):
 * WeChat Pay inside WeChat (JSAPI), WeChat Pay from a phone's browser (H5) and Alipay from a phone's browser (WAP),
 * and the hosted result page. Each wallet page carries the sandbox's controls for what the wallet would do, including
 * a return that arrives before the payment has settled, or before it was made at all.
 */
import { html } from 'hono/html';
import { type Html, type OrderSummary, layout, summary } from './pages.ts';

export type RedirectWalletFlow = 'wechat_jsapi' | 'wechat_h5' | 'alipay_wap';

/** What WeChat's `getBrandWCPayRequest` takes, as the operator's server signs it for the page. */
export interface JsapiParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

/** The sandbox's stand-in for the wallet app: how the payment ends and when the traveller comes back. */
function sandboxControls(wallet: string, expired: boolean): Html {
  return html`<section class="sandbox" aria-labelledby="sandbox-controls">
<h2 id="sandbox-controls">Sandbox: what ${wallet} does</h2>
${expired ? html`<p class="error" role="alert">This payment window has expired; paying now fails the order.</p>` : ''}
<form method="post"><input type="hidden" name="action" value="pay"><input type="hidden" name="settle" value="later">
<button type="submit">Pay, and return before the payment settles</button></form>
<form method="post"><input type="hidden" name="action" value="pay"><input type="hidden" name="settle" value="now">
<button type="submit">Pay, and return after it settles</button></form>
<form method="post"><input type="hidden" name="action" value="leave">
<button type="submit" class="secondary">Return without paying (the return arrives first)</button></form>
<form method="post"><input type="hidden" name="action" value="decline">
<button type="submit" class="secondary">Decline</button></form>
</section>`;
}

/**
 * WeChat Pay inside WeChat: the page (a payment directory the operator registered with WeChat) waits for
 * `WeixinJSBridgeReady` and calls `getBrandWCPayRequest` (`page-scripts/wechat-jsapi.js`); whatever the bridge
 * answers, it goes on to `next` (the return URL, or the hosted result page), where the order is read.
 */
export function wechatJsapiPage(s: OrderSummary, params: JsapiParams, next: string, expired: boolean): Html {
  return layout(`WeChat Pay — ${s.merchant}`, html`<h1>WeChat Pay</h1>
${summary(s)}
<div id="jsapi" data-params="${JSON.stringify(params)}" data-next="${next}">
<p id="jsapi-status" role="status">Waiting for WeChat to open its payment sheet…</p>
<p class="hint">This page pays through WeChat's own bridge, so it only works inside WeChat.</p>
</div>
${sandboxControls('WeChat Pay', expired)}`, '/sandbox/assets/wechat-jsapi.js');
}

const REDIRECT_WALLETS = {
  wechat_h5: ['WeChat Pay', 'A phone browser opens WeChat to pay; WeChat then sends you back here, sometimes before the payment has gone through.'],
  alipay_wap: ['Alipay', 'A phone browser opens the Alipay app (or Alipay\'s web checkout) to pay, then comes back here, sometimes before the payment has gone through.'],
} as const;

/** WeChat Pay H5 or Alipay WAP from a phone's browser: the wallet opens, then sends the traveller back. */
export function redirectWalletPage(s: OrderSummary, flow: 'wechat_h5' | 'alipay_wap', expired: boolean): Html {
  const [wallet, how] = REDIRECT_WALLETS[flow];
  return layout(`${wallet} — ${s.merchant}`, html`<h1>${wallet}</h1>
${summary(s)}
<p class="hint">${how}</p>
${sandboxControls(wallet, expired)}`);
}

const RESULT: Record<string, [string, string]> = {
  requires_payment: ['Not paid yet', 'We have not received this payment. If you paid, it may take a moment: this page shows the order as the shop sees it.'],
  processing: ['Payment received', 'The payment is being confirmed. Return to the shop to see your renewal.'],
  succeeded: ['Paid', 'The payment went through and the card is renewed. Return to the shop.'],
  failed: ['Payment failed', 'The payment did not go through. Return to the shop to try again.'],
  canceled: ['Order canceled', 'This order was canceled. Return to the shop to start again.'],
};

/** Where a wallet page ends when the order has no return URL: the order's own state, never the wallet's word. */
export function resultPage(orderId: string, status: string, failureCode: string | null): Html {
  const [title, message] = RESULT[status] ?? ['Order', `This order is ${status}.`];
  return layout(title, html`<h1>${title}</h1><p>${message}</p>
<p class="hint">Order ${orderId} is ${status}${failureCode ? ` (${failureCode})` : ''}.</p>`);
}
