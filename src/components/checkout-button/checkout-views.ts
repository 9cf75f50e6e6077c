import { html, nothing, type TemplateResult } from 'lit';
import type { RenewalError } from '../../client/errors.js';
import type { Handoff, PaymentMethod } from '../../client/schemas.js';
import { formatData, formatDate, formatDiscount, formatMoney } from '../../i18n/format.js';
import type { Messages } from '../../i18n/index.js';
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

/** "Continue on another device": the button (and why the last link failed), then the link the payment steps draw. */
function renderHandoff(ctx: ViewContext) {
  const m = ctx.msg.checkout.handoff;
  if (ctx.handoff) return ctx.flow.payment?.views.handoffLink(ctx) ?? progress(ctx.msg.common.loading);
  if (!ctx.on.handoff) return nothing;
  const error = ctx.handoffError;
  return html`<button class="link" part="handoff-button" @click=${ctx.on.handoff}>${m.button}</button>
    ${error ? html`<p role="alert">${ctx.msg.errors[error.code]}</p>` : nothing}`;
}

/** The success and error views: a heading, what happened, links to support (prefilled) and one button. */
export function renderResult(ctx: ViewContext, ok: boolean, body: TemplateResult, maskedIccid: string | undefined, button: TemplateResult) {
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
