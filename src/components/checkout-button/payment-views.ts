// The views of the payment steps (./payment.ts), loaded with them: the wallet code and its countdown, the card
// payment window's wait, the success, and the hand-off link with its QR code. Like the summary's views, they act only
// through `ctx.on`.
import { html, nothing } from 'lit';
import type { PaymentAction } from '../../client/schemas.js';
import { formatData, formatDate, formatMoney, formatTime } from '../../i18n/format.js';
import { qrCode } from '../../internal/qr-code.js';
import type { ViewContext } from './checkout-state.js';
import { progress, renderResult } from './checkout-views.js';

function countdown(seconds: number): string {
  const s = Math.max(0, seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
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
  const { order, slow } = ctx.checkout;
  const action = order?.paymentAction;
  const expired = (ctx.secondsLeft ?? 1) <= 0;
  return html`
    ${order && action?.type === 'qr' ? renderWallet(ctx, action, expired) : html`<p>${m.payInWindow}</p>`}
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
  const left = m.qr.expiresIn(countdown(seconds));
  return html`<div class="wallet" part="wallet">
    <p class="amount">${m.qr.amount(price)}</p>
    ${ctx.preferApp
      ? html`<a class="button" part="open-wallet" href=${data}>${m.qr.openWallet(method)}</a>
          <button class="link" @click=${ctx.on.showQr}>${m.qr.showQr}</button>`
      : html`<p>${m.scanToPay(method)}</p>
          ${qrCode(qr, m.qr.label(method, price))}`}
    <p class="countdown" part="countdown">
      <span aria-hidden="true">${left}</span>
      <span class="visually-hidden" role="status">${seconds % 60 === 0 || seconds <= 10 ? left : ''}</span>
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
