// The checkout's dialog: its frame (title, close button) and the progress of each step, in the element's module so
// that "Renew" opens it at once; the summary (plan, price, promo code, payment method) and the outcome are the views
// of ./checkout-views.ts, a module loaded on demand (`loadDialogViews`), and the payment steps' views come with them.
// The element around it draws the trigger (its button, the plan and the price) and opens this.
import { html, nothing, type TemplateResult } from 'lit';
import type { ViewContext } from './checkout-state.js';
import type * as Views from './checkout-views.js';

/** The dialog's views, once their module is here. */
export type DialogViews = typeof Views;

export function progress(text: string): TemplateResult {
  return html`<div class="progress" role="status">
    <span class="spinner" aria-hidden="true"></span><span>${text}</span>
  </div>`;
}

/**
 * The dialog, titled and filled for the checkout's step; `views` are the dialog's views, undefined until their module
 * is here. `onClose` runs when it closes (button, Escape).
 */
export function renderDialog(ctx: ViewContext, views: DialogViews | undefined, onClose: () => void) {
  const [title, body] = renderStep(ctx, views);
  return html`<dialog part="dialog" aria-labelledby="title" @close=${onClose}>
    <header>
      <h2 id="title">${title}</h2>
      <button class="close" aria-label=${ctx.msg.checkout.close} @click=${ctx.on.close}>
        <span aria-hidden="true">×</span>
      </button>
    </header>
    <div class="body">${body}</div>
  </dialog>`;
}

/** The dialog's title and body for the current step. */
function renderStep(ctx: ViewContext, views: DialogViews | undefined): [string, unknown] {
  const m = ctx.msg.checkout;
  switch (ctx.checkout.step) {
    case 'idle':
      return [m.dialogTitle, nothing];
    case 'quoting':
      return [m.summaryTitle, progress(m.quoting)];
    case 'summary':
      // The flow shows the summary once both the quote and the views are here.
      return [m.summaryTitle, views ? views.renderSummary(ctx) : progress(m.quoting)];
    case 'creating':
      return [m.paymentTitle, progress(m.creatingOrder)];
    case 'paying':
      return [m.paymentTitle, ctx.payment?.paying(ctx) ?? progress(m.waiting)];
    case 'confirming':
      return [m.paymentTitle, progress(ctx.checkout.slow ? m.slow : m.confirming)];
    case 'success':
      return [m.dialogTitle, ctx.payment?.success(ctx) ?? nothing];
    case 'error':
      return [m.dialogTitle, views ? views.renderError(ctx) : renderUnloadedError(ctx)];
  }
}

/**
 * The error view when the views themselves could not be loaded (offline, a blocked or tampered file): what happened,
 * in the words every page has (the API's errors, "Retry"), and a retry that loads them again.
 */
function renderUnloadedError(ctx: ViewContext) {
  const code = ctx.checkout.error?.code ?? 'unknown';
  return html`<div class="result error" part="result" role="alert">
    <p>${ctx.msg.errors[code]}</p>
    <div class="actions">
      <button class="button" part="retry" @click=${ctx.on.retry}>${ctx.msg.common.retry}</button>
    </div>
  </div>`;
}
