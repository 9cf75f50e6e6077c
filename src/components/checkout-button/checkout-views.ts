import { html, nothing, type TemplateResult } from 'lit';
import type { RenewalError } from '../../client/errors.js';
import type { Card, Order, PaymentMethod, Quote } from '../../client/schemas.js';
import { formatBytes, formatDate, formatDiscount, formatMoney, formatTime } from '../../i18n/format.js';
import type { Messages } from '../../i18n/index.js';
import { qrCode } from '../../internal/qr-code.js';
import { supportLinks, type SupportLink } from '../../internal/support.js';
import type { SupportContact } from '../../context/store.js';

/** What the views need to know and do; the element provides it. */
export interface ViewContext {
  msg: Messages;
  locale: string;
  methods: PaymentMethod[];
  method: PaymentMethod;
  support: SupportContact;
  card?: Card;
  /** Seconds left on a wallet code, or undefined when there is none. */
  secondsLeft?: number;
  /** Show the "open the wallet app" button rather than the QR code (phones). */
  preferApp: boolean;
  handoff?: { url: string; expiresAt: string; copied: boolean };
  on: {
    close(): void;
    pay(): void;
    chooseMethod(method: PaymentMethod): void;
    applyPromo(code: string | undefined): void;
    cancelPayment(): void;
    reopenPayment(): void;
    refreshCode(): void;
    showQr(): void;
    retry(): void;
    handoff(): void;
    copyHandoff(): void;
  };
}

export function progress(text: string): TemplateResult {
  return html`<div class="progress" role="status">
    <span class="spinner" aria-hidden="true"></span><span>${text}</span>
  </div>`;
}

function countdown(seconds: number): string {
  const s = Math.max(0, seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function renderSummary(ctx: ViewContext, quote: Quote, promo: { code?: string; error?: string; refreshed: boolean }) {
  const m = ctx.msg.checkout;
  const total = formatMoney(quote.total, ctx.locale);
  const onPromo = (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('promo') as HTMLInputElement;
    ctx.on.applyPromo(input.value);
  };
  return html`
    ${promo.refreshed ? html`<p class="notice" role="status">${m.quoteExpired}</p>` : nothing}
    <dl part="summary">
      <dt>${m.plan}</dt>
      <dd>${quote.plan.name}</dd>
      ${quote.quantity > 1 ? html`<dt>${m.quantity}</dt><dd>${quote.quantity}</dd>` : nothing}
      <dt>${m.newExpiry}</dt>
      <dd>${formatDate(quote.newExpiresAt, ctx.locale)}</dd>
      <dt>${m.dataAfter}</dt>
      <dd>${quote.dataAfterBytes === null ? ctx.msg.picker.unlimited : formatBytes(quote.dataAfterBytes, ctx.locale)}</dd>
      <dt>${m.subtotal}</dt>
      <dd>${formatMoney(quote.subtotal, ctx.locale)}</dd>
      ${quote.discounts.map(
        (discount) => html`<dt>${discount.label || m.discounts[discount.kind]}</dt>
          <dd class="discount">${formatDiscount(discount.amount, ctx.locale)}</dd>`,
      )}
      <dt class="total">${m.total}</dt>
      <dd class="total" part="total">${total}</dd>
    </dl>
    <p class="terms">${m.carriedOver} ${m.takesEffect}</p>
    <form class="promo" part="promo" @submit=${onPromo}>
      <label for="promo">${m.promo.label}</label>
      <div class="promo-row">
        <input
          id="promo"
          name="promo"
          autocomplete="off"
          autocapitalize="characters"
          maxlength="32"
          .value=${promo.code ?? ''}
          aria-invalid=${promo.error ? 'true' : 'false'}
          aria-describedby="promo-message"
        />
        <button class="button secondary" type="submit">${m.promo.apply}</button>
        ${promo.code
          ? html`<button class="button secondary" type="button" @click=${() => ctx.on.applyPromo(undefined)}>
              ${m.promo.remove}
            </button>`
          : nothing}
      </div>
      <p id="promo-message" class=${promo.error ? 'promo-error' : 'promo-ok'} role=${promo.error ? 'alert' : 'status'}>
        ${promo.error ? (m.promo.reasons[promo.error] ?? m.promo.reasons.unknown) : promo.code ? m.promo.applied(promo.code) : ''}
      </p>
    </form>
    <fieldset part="methods">
      <legend>${m.paymentMethod}</legend>
      ${ctx.methods.map(
        (method) => html`<label class="method">
          <input
            type="radio"
            name="method"
            value=${method}
            .checked=${ctx.method === method}
            @change=${() => ctx.on.chooseMethod(method)}
          />
          ${m.methods[method]}
        </label>`,
      )}
    </fieldset>
    <div class="actions">
      <button class="button secondary" @click=${ctx.on.close}>${m.cancel}</button>
      <button class="button" part="pay" @click=${ctx.on.pay}>${m.pay(total)}</button>
    </div>
    ${renderHandoff(ctx)}
  `;
}

function renderHandoff(ctx: ViewContext) {
  const m = ctx.msg.checkout.handoff;
  if (!ctx.handoff) {
    return html`<button class="link" part="handoff-button" @click=${ctx.on.handoff}>${m.button}</button>`;
  }
  return html`<section class="handoff" part="handoff" aria-labelledby="handoff-title">
    <h3 id="handoff-title">${m.title}</h3>
    <p>${m.hint}</p>
    ${qrCode(ctx.handoff.url, m.label)}
    <a href=${ctx.handoff.url} class="handoff-link" target="_blank" rel="noopener">${ctx.handoff.url}</a>
    <p class="terms">${m.expires(formatTime(ctx.handoff.expiresAt, ctx.locale))}</p>
    <button class="button secondary" @click=${ctx.on.copyHandoff}>${m.copy}</button>
    <p role="status" class="terms">${ctx.handoff.copied ? m.copied : ''}</p>
  </section>`;
}

export function renderPaying(ctx: ViewContext, order: Order | undefined, slow: boolean) {
  const m = ctx.msg.checkout;
  const action = order?.paymentAction;
  const wallet = order && action?.type === 'qr' ? renderWallet(ctx, order, action) : html`<p>${m.payInWindow}</p>`;
  const expired = ctx.secondsLeft !== undefined && ctx.secondsLeft <= 0;
  return html`
    ${wallet}
    ${expired ? nothing : progress(slow ? m.slow : m.waiting)}
    <div class="actions">
      <button class="button secondary" @click=${ctx.on.cancelPayment}>${m.cancel}</button>
      ${action?.type === 'redirect'
        ? html`<button class="button secondary" @click=${ctx.on.reopenPayment}>${m.reopenPayment}</button>`
        : nothing}
    </div>
  `;
}

function renderWallet(ctx: ViewContext, order: Order, action: { data: string; expiresAt: string }) {
  const m = ctx.msg.checkout;
  const method = m.methods[order.paymentMethod];
  const price = formatMoney(order.quote.total, ctx.locale);
  if (ctx.secondsLeft !== undefined && ctx.secondsLeft <= 0) {
    return html`<div class="wallet" part="wallet">
      <p role="alert">${m.qr.expired}</p>
      <button class="button" part="refresh-code" @click=${ctx.on.refreshCode}>${m.qr.refresh}</button>
    </div>`;
  }
  // Announce the time left only at coarse steps; a live region that ticks every second is noise.
  const seconds = ctx.secondsLeft ?? 0;
  return html`<div class="wallet" part="wallet">
    <p class="amount">${m.qr.amount(price)}</p>
    ${ctx.preferApp
      ? html`<a class="button" part="open-wallet" href=${action.data}>${m.qr.openWallet(method)}</a>
          <button class="link" @click=${ctx.on.showQr}>${m.qr.showQr}</button>`
      : html`<p>${m.scanToPay(method)}</p>
          ${qrCode(action.data, m.qr.label(method, price))}`}
    <p class="countdown" part="countdown">
      <span aria-hidden="true">${m.qr.expiresIn(countdown(seconds))}</span>
      <span class="visually-hidden" role="status">${seconds % 60 === 0 || seconds <= 10 ? m.qr.expiresIn(countdown(seconds)) : ''}</span>
    </p>
  </div>`;
}

function renderSupport(links: SupportLink[]) {
  return links.map((link) => html`<a href=${link.href} target="_blank" rel="noopener" part="support">${link.label}</a>`);
}

export function renderSuccess(ctx: ViewContext, card: Card, order: Order | undefined) {
  const m = ctx.msg.checkout;
  const data = card.data.remainingBytes === null ? ctx.msg.picker.unlimited : formatBytes(card.data.remainingBytes, ctx.locale);
  const links = supportLinks(ctx.support, { maskedIccid: card.iccid, orderId: order?.id }, m);
  return html`<div class="result success" part="result" role="status">
    <h3>${m.successTitle}</h3>
    <p>${m.successBody(formatDate(card.expiresAt, ctx.locale))}</p>
    <p>${m.successData(data)}</p>
    <p class="terms">${m.airplaneTip}</p>
    <div class="actions">
      ${renderSupport(links)}
      <button class="button" @click=${ctx.on.close}>${m.done}</button>
    </div>
  </div>`;
}

export function renderError(ctx: ViewContext, error: RenewalError, order: Order | undefined) {
  const m = ctx.msg.checkout;
  const failureCode = (error.details as { failureCode?: string } | undefined)?.failureCode;
  const text = (failureCode && ctx.msg.paymentFailures[failureCode]) || ctx.msg.errors[error.code];
  const links = supportLinks(ctx.support, { maskedIccid: ctx.card?.iccid, orderId: order?.id }, m);
  return html`<div class="result error" part="result" role="alert">
    <h3>${m.errorTitle}</h3>
    <p>${text}</p>
    <p class="reference">
      ${ctx.msg.common.errorCode(failureCode ?? error.code)}${order ? html` · ${m.orderRef(order.id)}` : nothing}
    </p>
    <div class="actions">
      ${renderSupport(links)}
      <button class="button" part="retry" @click=${ctx.on.retry}>${m.retry}</button>
    </div>
  </div>`;
}
