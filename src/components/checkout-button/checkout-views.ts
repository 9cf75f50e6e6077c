// The views of the checkout's summary and its outcome. They read what `ViewContext` gives them and act only through
// its `on`: the flow, the payment steps and the hand-off are not theirs to call.
// Loaded on demand with the checkout session (./checkout-session.ts, `loadCheckoutSession` in ./prefetch.ts: when
// "Renew" is pressed, prefetched on hover, focus or idle), with its English and its rules; the payment steps' views
// import it too.
import { html, nothing, type TemplateResult } from 'lit';
import { enCheckout, enPaymentFailures } from '../../i18n/en/checkout.js';
import { formatData, formatDate, formatDiscount, formatMoney } from '../../i18n/format.js';
import { enOperationErrors } from '../../i18n/en/operation-errors.js';
import { addEnglish } from '../../i18n/index.js';
import { supportLinks } from '../../internal/support.js';
import { progress } from './checkout-dialog.js';
import type { ViewContext } from './checkout-state.js';

export { progress };
export { viewStyles } from './checkout-views.styles.js';

// The dialog's English joins the catalogue as this module is evaluated, before any of its views can render.
addEnglish({ checkout: enCheckout, paymentFailures: enPaymentFailures, errors: enOperationErrors });

export function renderSummary(ctx: ViewContext) {
  const m = ctx.msg.checkout;
  const checkout = ctx.checkout;
  const quote = checkout.quote!;
  const code = checkout.promoCode;
  const error = checkout.promoError;
  const total = formatMoney(quote.total, ctx.locale);
  const onPromo = (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('promo') as HTMLInputElement;
    ctx.on.applyPromo(input.value);
  };
  return html`
    ${checkout.quoteRefreshed ? html`<p class="notice" role="status">${m.quoteExpired}</p>` : nothing}
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
          ? html`<button class="button secondary" type="button" @click=${() => ctx.on.applyPromo(undefined)}>
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
            .checked=${checkout.method === method}
            @change=${() => ctx.on.choose(method)}
          />
          ${m.methods[method]}
        </label>`,
      )}
    </fieldset>
    ${ctx.unavailableMethods.length ? (ctx.payment?.unavailable(ctx) ?? nothing) : nothing}
    <div class="actions">
      <button class="button secondary" @click=${ctx.on.close}>${m.cancel}</button>
      <button class="button" part="pay" @click=${ctx.on.pay}>${m.pay(total)}</button>
    </div>
    ${renderHandoff(ctx)}
  `;
}

/** "Continue on another device": the button (and why the last link failed), then the link the payment steps draw. */
function renderHandoff(ctx: ViewContext) {
  const m = ctx.msg.checkout.handoff;
  if (ctx.handoff.link) return ctx.payment?.handoffLink(ctx) ?? progress(ctx.msg.common.loading);
  if (!ctx.handoff.available) return nothing;
  const error = ctx.handoff.error;
  return html`<button class="link" part="handoff-button" @click=${ctx.on.handoff}>${m.button}</button>
    ${error ? html`<p role="alert">${ctx.msg.errors[error.code]}</p>` : nothing}`;
}

/** The success and error views: a heading, what happened, links to support (prefilled) and one button. */
export function renderResult(ctx: ViewContext, ok: boolean, body: TemplateResult, maskedIccid: string | undefined, button: TemplateResult) {
  const m = ctx.msg.checkout;
  const links = supportLinks(ctx.support, { maskedIccid, orderId: ctx.checkout.order?.id }, m);
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
  const { error, order } = ctx.checkout;
  const failureCode = (error!.details as { failureCode?: string } | undefined)?.failureCode;
  const text = (failureCode && ctx.msg.paymentFailures[failureCode]) || ctx.msg.errors[error!.code];
  return renderResult(
    ctx,
    false,
    html`<p>${text}</p>
      <p class="reference">
        ${ctx.msg.common.errorCode(failureCode ?? error!.code)}${order ? ` · ${m.orderRef(order.id)}` : nothing}
      </p>`,
    ctx.maskedIccid,
    html`<button class="button" part="retry" @click=${ctx.on.retry}>${m.retry}</button>`,
  );
}
