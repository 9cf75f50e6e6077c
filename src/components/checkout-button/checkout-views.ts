import { html, nothing, type TemplateResult } from 'lit';
import type { RenewalError } from '../../client/errors.js';
import type { Handoff, PaymentAction, PaymentMethod } from '../../client/schemas.js';
import { formatData, formatDate, formatDiscount, formatMoney, formatTime } from '../../i18n/format.js';
import type { Messages } from '../../i18n/index.js';
import { qrCode } from '../../internal/qr-code.js';
import { supportLinks } from '../../internal/support.js';
import type { SupportContact } from '../../context/store.js';
import type { CheckoutFlow } from './checkout-flow.js';

/** What the views need to know and do; the element provides it. The checkout's own state and actions are `flow`'s. */
export interface ViewContext {
  msg: Messages;
  locale: string;
  flow: CheckoutFlow;
  methods: PaymentMethod[];
  support: SupportContact;
  /** The masked card number the store has, for the support links of the error view. */
  maskedIccid?: string;
  /** Seconds left on a wallet code, or undefined when there is none. */
  secondsLeft?: number;
  /** Show the "open the wallet app" button rather than the QR code (phones). */
  preferApp: boolean;
  handoff?: Handoff & { copied: boolean };
  /** Why the last hand-off link could not be made. */
  handoffError?: RenewalError;
  on: {
    close(): void;
    showQr(): void;
    /** Makes a hand-off link; absent where the page cannot be opened on another device. */
    handoff?(): void;
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

export function renderSummary(ctx: ViewContext) {
  const m = ctx.msg.checkout;
  const flow = ctx.flow;
  const quote = flow.quote!;
  const code = flow.promoCode;
  const error = flow.promoError;
  const total = formatMoney(quote.total, ctx.locale);
  const onPromo = (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('promo') as HTMLInputElement;
    void flow.applyPromo(input.value);
  };
  return html`
    ${flow.quoteRefreshed ? html`<p class="notice" role="status">${m.quoteExpired}</p>` : nothing}
    <dl part="summary">
      <dt>${m.plan}</dt>
      <dd>${quote.plan.name}</dd>
      ${quote.quantity > 1 ? html`<dt>${m.quantity}</dt><dd>${quote.quantity}</dd>` : nothing}
      <dt>${m.newExpiry}</dt>
      <dd>${formatDate(quote.newExpiresAt, ctx.locale)}</dd>
      <dt>${m.dataAfter}</dt>
      <dd>${formatData(quote.dataAfterBytes, ctx.locale, ctx.msg.picker.unlimited)}</dd>
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
          .value=${code ?? ''}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="promo-message"
        />
        <button class="button secondary" type="submit">${m.promo.apply}</button>
        ${code
          ? html`<button class="button secondary" type="button" @click=${() => flow.applyPromo(undefined)}>
              ${m.promo.remove}
            </button>`
          : nothing}
      </div>
      <p id="promo-message" class=${error ? 'promo-error' : 'promo-ok'} role=${error ? 'alert' : 'status'}>
        ${error ? (m.promo.reasons[error] ?? m.promo.reasons.unknown) : code ? m.promo.applied(code) : ''}
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
            .checked=${flow.method === method}
            @change=${() => flow.choose(method)}
          />
          ${m.methods[method]}
        </label>`,
      )}
    </fieldset>
    <div class="actions">
      <button class="button secondary" @click=${ctx.on.close}>${m.cancel}</button>
      <button class="button" part="pay" @click=${() => flow.pay()}>${m.pay(total)}</button>
    </div>
    ${renderHandoff(ctx)}
  `;
}

function renderHandoff(ctx: ViewContext) {
  const m = ctx.msg.checkout.handoff;
  const handoff = ctx.handoff;
  if (!handoff) {
    if (!ctx.on.handoff) return nothing;
    const error = ctx.handoffError;
    return html`<button class="link" part="handoff-button" @click=${ctx.on.handoff}>${m.button}</button>
      ${error ? html`<p role="alert">${ctx.msg.errors[error.code]}</p>` : nothing}`;
  }
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
  const flow = ctx.flow;
  const order = flow.order;
  const action = order?.paymentAction;
  const expired = (ctx.secondsLeft ?? 1) <= 0;
  return html`
    ${order && action?.type === 'qr' ? renderWallet(ctx, action, expired) : html`<p>${m.payInWindow}</p>`}
    ${expired ? nothing : progress(flow.slow ? m.slow : m.waiting)}
    <div class="actions">
      <button class="button secondary" @click=${() => flow.cancel()}>${m.cancel}</button>
      ${action?.type === 'redirect'
        ? html`<button class="button secondary" @click=${() => flow.reopenPayment()}>${m.reopenPayment}</button>`
        : nothing}
    </div>
  `;
}

type WalletAction = Extract<PaymentAction, { type: 'qr' }>;

/** An Alipay or WeChat Pay order: the amount, its QR code (or a button opening the wallet on phones) and the time left. */
function renderWallet(ctx: ViewContext, { data, qr }: WalletAction, expired: boolean) {
  const m = ctx.msg.checkout;
  const order = ctx.flow.order!;
  if (expired) {
    return html`<div class="wallet" part="wallet">
      <p role="alert">${m.qr.expired}</p>
      <button class="button" part="refresh-code" @click=${() => ctx.flow.refreshPayment()}>${m.qr.refresh}</button>
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

/** The success and error views: a heading, what happened, links to support (prefilled) and one button. */
function renderResult(ctx: ViewContext, ok: boolean, body: TemplateResult, maskedIccid: string | undefined, button: TemplateResult) {
  const m = ctx.msg.checkout;
  const links = supportLinks(ctx.support, { maskedIccid, orderId: ctx.flow.order?.id }, m);
  return html`<div class="result ${ok ? 'success' : 'error'}" part="result" role=${ok ? 'status' : 'alert'}>
    <h3>${ok ? m.successTitle : m.errorTitle}</h3>
    ${body}
    <div class="actions">
      ${links.map((link) => html`<a href=${link.href} target="_blank" rel="noopener" part="support">${link.label}</a>`)}
      ${button}
    </div>
  </div>`;
}

export function renderSuccess(ctx: ViewContext) {
  const m = ctx.msg.checkout;
  const card = ctx.flow.card!;
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

export function renderError(ctx: ViewContext) {
  const m = ctx.msg.checkout;
  const { error, order } = ctx.flow;
  const failureCode = (error!.details as { failureCode?: string } | undefined)?.failureCode;
  const text = (failureCode && ctx.msg.paymentFailures[failureCode]) || ctx.msg.errors[error!.code];
  return renderResult(
    ctx,
    false,
    html`<p>${text}</p>
      <p class="reference">
        ${ctx.msg.common.errorCode(failureCode ?? error!.code)}${order ? html` · ${m.orderRef(order.id)}` : nothing}
      </p>`,
    ctx.maskedIccid,
    html`<button class="button" part="retry" @click=${() => ctx.flow.retry()}>${m.retry}</button>`,
  );
}
