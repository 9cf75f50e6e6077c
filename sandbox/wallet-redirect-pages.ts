/**
 * HTML of the wallet pages a phone is redirected to, on the operator's domain (see `routes/sandbox-wallet-pages.ts`):
 * WeChat Pay inside WeChat (JSAPI), WeChat Pay from a phone's browser (H5) and Alipay from a phone's browser (WAP),
 * and the hosted result page. Each wallet page carries the sandbox's controls for what the wallet would do, including
 * a return that arrives before the payment has settled, or before it was made at all.
 */
import { html } from 'hono/html';
import type { Lang } from './locale.ts';
import { PAGE_WORDS, type PageWords } from './page-words/index.ts';
import { type Html, type OrderSummary, layout, summary } from './pages.ts';
import type { OrderRow } from './rows.ts';

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
function sandboxControls(words: PageWords, wallet: string, expired: boolean): Html {
  const w = words.redirect;
  return html`<section class="sandbox" aria-labelledby="sandbox-controls">
<h2 id="sandbox-controls">${w.controls(wallet)}</h2>
${expired ? html`<p class="error" role="alert">${w.expired}</p>` : ''}
<form method="post"><input type="hidden" name="action" value="pay"><input type="hidden" name="settle" value="later">
<button type="submit">${w.payBeforeSettled}</button></form>
<form method="post"><input type="hidden" name="action" value="pay"><input type="hidden" name="settle" value="now">
<button type="submit">${w.payAfterSettled}</button></form>
<form method="post"><input type="hidden" name="action" value="leave">
<button type="submit" class="secondary">${w.leave}</button></form>
<form method="post"><input type="hidden" name="action" value="decline">
<button type="submit" class="secondary">${w.decline}</button></form>
</section>`;
}

/**
 * WeChat Pay inside WeChat: the page (a payment directory the operator registered with WeChat) waits for
 * `WeixinJSBridgeReady` and calls `getBrandWCPayRequest` (`page-scripts/wechat-jsapi.js`); whatever the bridge
 * answers, it goes on to `next` (the return URL, or the hosted result page), where the order is read. The script's
 * own words come in the page's language as data attributes.
 */
export function wechatJsapiPage(s: OrderSummary, params: JsapiParams, next: string, expired: boolean): Html {
  const words = PAGE_WORDS[s.lang];
  const wallet = words.wallets.wechat_pay;
  const w = words.redirect;
  return layout(s.lang, `${wallet} — ${s.merchant}`, html`<h1>${wallet}</h1>
${summary(s)}
<div id="jsapi" data-params="${JSON.stringify(params)}" data-next="${next}" data-opening="${w.jsapiOpening}" data-checking="${w.jsapiChecking}">
<p id="jsapi-status" role="status">${w.jsapiWaiting}</p>
<p class="hint">${w.jsapiHint}</p>
</div>
${sandboxControls(words, wallet, expired)}`, '/sandbox/assets/wechat-jsapi.js');
}

/** WeChat Pay H5 or Alipay WAP from a phone's browser: the wallet opens, then sends the traveller back. */
export function redirectWalletPage(s: OrderSummary, flow: 'wechat_h5' | 'alipay_wap', expired: boolean): Html {
  const words = PAGE_WORDS[s.lang];
  const wallet = flow === 'wechat_h5' ? words.wallets.wechat_pay : words.wallets.alipay;
  const how = flow === 'wechat_h5' ? words.redirect.wechatH5 : words.redirect.alipayWap;
  return layout(s.lang, `${wallet} — ${s.merchant}`, html`<h1>${wallet}</h1>
${summary(s)}
<p class="hint">${how}</p>
${sandboxControls(words, wallet, expired)}`);
}

/** Where a wallet page ends when the order has no return URL: the order's own state, never the wallet's word. */
export function resultPage(lang: Lang, orderId: string, status: OrderRow['status'], failureCode: string | null): Html {
  const words = PAGE_WORDS[lang];
  const [title, message] = words.result[status];
  const state = words.statuses[status];
  const detail = failureCode ? words.orderIsWithCode(orderId, state, failureCode) : words.orderIs(orderId, state);
  return layout(lang, title, html`<h1>${title}</h1><p>${message}</p>
<p class="hint">${detail}</p>`);
}
