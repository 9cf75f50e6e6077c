// The views of the payment steps (./payment.ts), loaded with them: the wallet code and its countdown, the card
// payment window's wait, the success, and the hand-off link with its QR code. Like the summary's views, they act only
// through `ctx.on`.
import { html, nothing } from 'lit';
import type { PaymentAction } from '../../client/schemas.js';
import { formatData, formatDate, formatMoney, formatTime } from '../../i18n/format.js';
import { qrCode } from '../../internal/qr-code.js';
import type { ViewContext } from './checkout-state.js';
import { supportLinks } from '../../internal/support.js';
import { progress, renderResult } from './checkout-views.js';

/**
 * The time left on a wallet code through `Intl.DurationFormat`: `digital` (04:59) to look at, `long` (4 minutes,
 * 59 seconds) to announce. A browser without it gets the minutes left, rounded up, as a unit `Intl.NumberFormat` knows.
 */
function countdown(seconds: number, locale: string, style: 'digital' | 'long'): string {
  const s = Math.max(0, seconds);
  const Duration = (Intl as { DurationFormat?: new (locale: string, options: object) => { format(d: object): string } }).DurationFormat;
  if (Duration) return new Duration(locale, { style, hoursDisplay: 'auto' }).format({ minutes: Math.floor(s / 60), seconds: s % 60 });
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(Math.ceil(s / 60));
}

/** The hand-off link made for "Continue on another device": its QR code, the link, its expiry and a copy button. */
export function renderHandoffLink(ctx: ViewContext) {
  const m = ctx.msg.checkout.handoff;
  const handoff = ctx.handoff.link!;
  return html`<section class="handoff" part="handoff" aria-labelledby="handoff-title">
    <h3 id="handoff-title">${m.title}</h3>
    <p>${m.hint}</p>
    ${qrCode(handoff.qr, m.label)}
    <a href=${handoff.url} class="handoff-link" target="_blank" rel="noopener">${handoff.url}</a>
    <p class="terms">${m.expires(formatTime(handoff.expiresAt, ctx.locale))}</p>
    <button class="button secondary" @click=${ctx.on.copyHandoff}>${m.copy}</button>
    <p role="status" class="terms">${handoff.copied ? m.copied : ''}</p>
  </section>`;
}

export function renderPaying(ctx: ViewContext) {
  const m = ctx.msg.checkout;
  const { order, slow, checking } = ctx.checkout;
  if (checking) return renderChecking(ctx);
  const action = order?.paymentAction;
  const expired = (ctx.secondsLeft ?? 1) <= 0;
  return html`
    ${order && action?.type === 'qr'
      ? renderWallet(ctx, action, expired)
      : html`<p>${action?.type === 'app_bridge' ? m.returning.payInAlipay : m.payInWindow}</p>`}
    ${expired ? nothing : progress(slow ? m.slow : m.waiting)}
    <div class="actions">
      <button class="button secondary" @click=${ctx.on.cancel}>${m.cancel}</button>
      ${action?.type === 'redirect'
        ? html`<button class="button secondary" @click=${ctx.on.reopenPayment}>${m.reopenPayment}</button>`
        : nothing}
    </div>
  `;
}

type WalletAction = Extract<PaymentAction, { type: 'qr' }>;

/** An Alipay or WeChat Pay order: the amount, its QR code (or a button opening the wallet on phones) and the time left. */
function renderWallet(ctx: ViewContext, { data, qr }: WalletAction, expired: boolean) {
  const m = ctx.msg.checkout;
  const order = ctx.checkout.order!;
  if (expired) {
    return html`<div class="wallet" part="wallet">
      <p role="alert">${m.qr.expired}</p>
      <button class="button" part="refresh-code" @click=${ctx.on.refreshPayment}>${m.qr.refresh}</button>
    </div>`;
  }
  const method = m.methods[order.paymentMethod];
  const price = formatMoney(order.quote.total, ctx.locale);
  // Announce the time left only at coarse steps; a live region that ticks every second is noise.
  const seconds = ctx.secondsLeft ?? 0;
  const left = m.qr.expiresIn(countdown(seconds, ctx.locale, 'digital'));
  const announced = seconds % 60 === 0 || seconds <= 10 ? m.qr.expiresIn(countdown(seconds, ctx.locale, 'long')) : '';
  return html`<div class="wallet" part="wallet">
    <p class="amount">${m.qr.amount(price)}</p>
    ${ctx.preferApp
      ? html`<a class="button" part="open-wallet" href=${data}>${m.qr.openWallet(method)}</a>
          <button class="link" @click=${ctx.on.showQr}>${m.qr.showQr}</button>`
      : html`<p>${m.scanToPay(method)}</p>
          ${qrCode(qr, m.qr.label(method, price))}`}
    <p class="countdown" part="countdown">
      <span aria-hidden="true">${left}</span>
      <span class="visually-hidden" role="status">${announced}</span>
    </p>
  </div>`;
}

export function renderSuccess(ctx: ViewContext) {
  const m = ctx.msg.checkout;
  const card = ctx.checkout.card!;
  return renderResult(
    ctx,
    true,
    html`<p>${m.successBody(formatDate(card.expiresAt, ctx.locale))}</p>
      <p>${m.successData(formatData(card.data.remainingBytes, ctx.locale, ctx.msg.picker.unlimited))}</p>
      <p class="terms">${m.airplaneTip}</p>`,
    card.iccid,
    html`<button class="button" @click=${ctx.on.close}>${m.done}</button>`,
  );
}

/**
 * Back from a payment page or the wallet's sheet: the order is read, never the way back. "Check again" reads it now;
 * after a while the traveller is told it is still processing, with what support needs (card and order).
 */
function renderChecking(ctx: ViewContext) {
  const m = ctx.msg.checkout;
  const r = m.returning;
  const { order, slow } = ctx.checkout;
  return html`<div class="checking" part="checking">
    ${progress(r.checking)}
    ${slow
      ? html`<div class="notice" role="status">
          <p>${r.stillProcessing}</p>
          ${ctx.maskedIccid ? html`<p class="reference">${r.cardRef(ctx.maskedIccid)}</p>` : nothing}
          ${order ? html`<p class="reference">${m.orderRef(order.id)}</p>` : nothing}
          ${supportLinks(ctx.support, { maskedIccid: ctx.maskedIccid, orderId: order?.id }, m).map(
            (link) => html`<a href=${link.href} target="_blank" rel="noopener" part="support">${link.label}</a> `,
          )}
        </div>`
      : nothing}
    <div class="actions">
      <button class="button secondary" @click=${ctx.on.cancel}>${m.cancel}</button>
      ${order?.paymentAction?.type === 'redirect'
        ? html`<button class="button secondary" @click=${ctx.on.reopenPayment}>${m.reopenPayment}</button>`
        : nothing}
      <button class="button" part="check-again" @click=${ctx.on.checkAgain}>${r.checkAgain}</button>
    </div>
  </div>`;
}

/**
 * The methods the element would offer that do not work where the page runs: why, and what to do. A wallet blocked
 * by the app the page is open in gets the page's link to copy into the browser; the hand-off to another device
 * stays on the summary.
 */
export function renderUnavailable(ctx: ViewContext) {
  const options = ctx.checkout.methodOptions ?? [];
  const reasons = ctx.unavailableMethods.map(
    (method) => options.find((option) => option.method === method)?.reason ?? 'other',
  );
  if (reasons.length === 0) return nothing;
  const openInBrowser = reasons.some((reason) => reason === 'blocked_in_wechat' || reason === 'blocked_in_alipay');
  const p = ctx.msg.checkout.pageLink;
  const copied = ctx.checkout.pageLink;
  return html`<div class="unavailable" part="unavailable">
    ${reasons.map((reason) => {
      const texts: Partial<Record<string, string>> = ctx.msg.paymentUnavailable;
      return html`<p>${texts[reason] ?? texts.other}</p>`;
    })}
    ${openInBrowser
      ? html`<button class="button secondary" part="copy-page-link" @click=${ctx.on.copyPageLink}>${p.copy}</button>
          ${copied === 'failed'
            ? html`<label class="page-link"
                >${p.selectToCopy}
                <input readonly .value=${globalThis.location?.href ?? ''} @focus=${selectAll} />
              </label>`
            : nothing}
          <p role="status" class="terms">${copied === 'copied' ? p.copied : ''}</p>`
      : nothing}
  </div>`;
}

function selectAll(event: FocusEvent): void {
  (event.target as HTMLInputElement).select();
}
