// The checkout's dialog: the summary (plan, price, promo code, payment method), the payment steps and the outcome.
// The element around it draws only the trigger (its button, the plan and the price) and opens this.
import { html, nothing } from 'lit';
import type { ViewContext } from './checkout-state.js';
import { progress, renderError, renderSummary } from './checkout-views.js';

/** The dialog, titled and filled for the checkout's step. `onClose` runs when it closes (button, Escape). */
export function renderDialog(ctx: ViewContext, onClose: () => void) {
  const [title, body] = renderStep(ctx);
  return html`<dialog part="dialog" aria-labelledby="title" @close=${onClose}>
    <header>
      <h2 id="title">${title}</h2>
      <button class="close" aria-label=${ctx.msg.checkout.close} @click=${ctx.on.close}><span aria-hidden="true">×</span></button>
    </header>
    <div class="body">${body}</div>
  </dialog>`;
}

/** The dialog's title and body for the current step. */
function renderStep(ctx: ViewContext): [string, unknown] {
  const m = ctx.msg.checkout;
  switch (ctx.checkout.step) {
    case 'idle':
      return [m.dialogTitle, nothing];
    case 'quoting':
      return [m.summaryTitle, progress(m.quoting)];
    case 'summary':
      return [m.summaryTitle, renderSummary(ctx)];
    case 'creating':
      return [m.paymentTitle, progress(m.creatingOrder)];
    case 'paying':
      return [m.paymentTitle, ctx.payment?.paying(ctx) ?? progress(m.waiting)];
    case 'confirming':
      return [m.paymentTitle, progress(ctx.checkout.slow ? m.slow : m.confirming)];
    case 'success':
      return [m.dialogTitle, ctx.payment?.success(ctx) ?? nothing];
    case 'error':
      return [m.dialogTitle, renderError(ctx)];
  }
}
