import { html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { RenewalError } from '../../client/errors.js';
import { PAYMENT_METHODS, type Card, type Order, type PaymentMethod, type Quote } from '../../client/schemas.js';
import type { RenewalStore } from '../../context/store.js';
import { EsimCheckoutStartEvent } from '../../events/checkout-start.js';
import { EsimRenewalErrorEvent } from '../../events/renewal-error.js';
import { EsimRenewalSuccessEvent } from '../../events/renewal-success.js';
import { formatBytes, formatDate, formatDiscount, formatMoney } from '../../i18n/format.js';
import { EsimElement } from '../../internal/esim-element.js';
import { tokens } from '../../internal/theme.js';
import { styles } from './checkout-button.styles.js';
import { CheckoutFlow, type CheckoutHost, type CheckoutStep } from './checkout-flow.js';
import { defaultReturnUrl } from './pending.js';

/**
 * Renews the card with the plan chosen in the picker: shows the order summary in a dialog, takes the payment
 * (card, Alipay or WeChat Pay), waits for it and confirms on the card itself that the renewal took effect.
 *
 * A double click, a retry after a lost answer or a reload mid-payment never makes a second order.
 *
 * @summary Order summary, payment and confirmation of a renewal.
 * @tagname esim-checkout-button
 * @fires {EsimCheckoutStartEvent} esim-checkout-start - The traveller pressed the button; cancelable.
 * @fires {EsimRenewalSuccessEvent} esim-renewal-success - Paid and confirmed; `detail` has the `order` and `card`.
 * @fires {EsimRenewalErrorEvent} esim-renewal-error - A step failed; `detail.error` is a `RenewalError`.
 * @csspart button - The main button.
 * @csspart dialog - The checkout dialog.
 * @csspart summary - The order summary list.
 * @csspart total - The total line.
 * @csspart methods - The payment method choice.
 * @csspart pay - The pay button.
 * @csspart result - The success or error view.
 * @cssprop --esim-checkout-radius - Corner radius of the dialog (default `--esim-radius-m`).
 * @cssprop --esim-checkout-dialog-width - Width of the dialog (default 28rem).
 */
export class EsimCheckoutButton extends EsimElement implements CheckoutHost {
  static override styles = [tokens, styles];

  /** Payment methods offered, space-separated, in order: `card alipay wechat_pay`. */
  @property({ attribute: 'payment-methods' }) paymentMethods = PAYMENT_METHODS.join(' ');

  /** `popup` opens the card payment page in a window (falling back to a redirect if blocked); `redirect` leaves the page. */
  @property({ attribute: 'payment-mode' }) paymentMode: 'popup' | 'redirect' = 'popup';

  /** Where the card payment page sends the traveller back to; defaults to this page. */
  @property({ attribute: 'return-url' }) returnUrl = defaultReturnUrl();

  /** The partner's support page, linked from the error view (else the provider's). */
  @property({ attribute: 'support-url' }) supportUrl?: string;

  /** The partner's support e-mail, linked from the error view (else the provider's). */
  @property({ attribute: 'support-email' }) supportEmail?: string;

  /** The current step, reflected for styling and tests: `idle`, `quoting`, `summary`, `creating`, `paying`, `confirming`, `success`, `error`. */
  @property({ reflect: true }) step: CheckoutStep = 'idle';

  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly flow = new CheckoutFlow(this);
  private resumed = false;

  override storeConnected(store: RenewalStore): void {
    void store.loadPlans();
    if (!this.resumed) {
      this.resumed = true;
      void this.flow.resume().then((resumed) => resumed && this.openDialog());
    }
  }

  private get methods(): PaymentMethod[] {
    const wanted = this.paymentMethods.split(/[\s,]+/);
    return PAYMENT_METHODS.filter((method) => wanted.includes(method));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.step = this.flow.step;
    if (!this.methods.includes(this.flow.method) && this.methods[0]) this.flow.method = this.methods[0];
  }

  onCheckoutSucceeded(order: Order, card: Card): void {
    this.emit(new EsimRenewalSuccessEvent(order, card));
  }

  onCheckoutFailed(error: RenewalError): void {
    this.emit(new EsimRenewalErrorEvent(error));
  }

  private openDialog(): void {
    void this.updateComplete.then(() => {
      if (this.dialog && !this.dialog.open) this.dialog.showModal();
    });
  }

  private onTrigger(): void {
    const plan = this.renewal.selectedPlan;
    if (this.flow.step !== 'idle') return this.openDialog(); // a checkout is running: show it, never start another
    if (!plan || !this.emit(new EsimCheckoutStartEvent(plan))) return;
    this.openDialog();
    void this.flow.start(plan);
  }

  private closeDialog(): void {
    this.dialog?.close();
  }

  /** The dialog closed (close button or Escape): forget a checkout that has not started paying. */
  private onDialogClose(): void {
    if (['quoting', 'summary', 'success', 'error'].includes(this.flow.step)) this.flow.reset();
  }

  protected override render() {
    const plan = this.renewal.selectedPlan;
    const m = this.msg.checkout;
    const label = plan ? m.buttonWithPrice(formatMoney(plan.price, this.resolvedLocale)) : m.button;
    return html`
      <button
        class="button trigger"
        part="button"
        ?disabled=${!plan}
        aria-describedby=${plan ? nothing : 'hint'}
        aria-haspopup="dialog"
        @click=${this.onTrigger}
      >
        ${label}
      </button>
      ${plan ? nothing : html`<p class="hint" id="hint">${m.choosePlanFirst}</p>`}
      <dialog part="dialog" aria-labelledby="title" @close=${this.onDialogClose}>
        <header>
          <h2 id="title">${this.dialogTitle()}</h2>
          <button class="close" aria-label=${m.close} @click=${this.closeDialog}><span aria-hidden="true">×</span></button>
        </header>
        <div class="body">${this.renderStep()}</div>
      </dialog>
    `;
  }

  private dialogTitle(): string {
    const m = this.msg.checkout;
    const step = this.flow.step;
    if (step === 'quoting' || step === 'summary') return m.summaryTitle;
    if (step === 'creating' || step === 'paying' || step === 'confirming') return m.paymentTitle;
    return m.dialogTitle;
  }

  private renderStep() {
    const m = this.msg.checkout;
    const flow = this.flow;
    switch (flow.step) {
      case 'idle':
        return nothing;
      case 'quoting':
        return this.progress(m.quoting);
      case 'summary':
        return this.renderSummary(flow.quote!);
      case 'creating':
        return this.progress(m.creatingOrder);
      case 'paying':
        return this.renderPaying(flow.order);
      case 'confirming':
        return this.progress(flow.slow ? m.slow : m.confirming);
      case 'success':
        return this.renderSuccess(flow.card!);
      case 'error':
        return this.renderError(flow.error!);
    }
  }

  private progress(text: string) {
    return html`<div class="progress" role="status"><span class="spinner" aria-hidden="true"></span><span>${text}</span></div>`;
  }

  private renderSummary(quote: Quote) {
    const m = this.msg.checkout;
    const locale = this.resolvedLocale;
    const total = formatMoney(quote.total, locale);
    return html`
      ${this.flow.quoteRefreshed ? html`<p class="notice" role="status">${m.quoteExpired}</p>` : nothing}
      <dl part="summary">
        <dt>${m.plan}</dt>
        <dd>${quote.plan.name}</dd>
        ${quote.quantity > 1 ? html`<dt>${m.quantity}</dt><dd>${quote.quantity}</dd>` : nothing}
        <dt>${m.newExpiry}</dt>
        <dd>${formatDate(quote.newExpiresAt, locale)}</dd>
        <dt>${m.dataAfter}</dt>
        <dd>${quote.dataAfterBytes === null ? this.msg.picker.unlimited : formatBytes(quote.dataAfterBytes, locale)}</dd>
        <dt>${m.subtotal}</dt>
        <dd>${formatMoney(quote.subtotal, locale)}</dd>
        ${quote.discounts.map(
          (discount) => html`<dt>${discount.label || m.discounts[discount.kind]}</dt>
            <dd class="discount">${formatDiscount(discount.amount, locale)}</dd>`,
        )}
        <dt class="total">${m.total}</dt>
        <dd class="total" part="total">${total}</dd>
      </dl>
      <p class="terms">${m.carriedOver} ${m.takesEffect}</p>
      <fieldset part="methods">
        <legend>${m.paymentMethod}</legend>
        ${this.methods.map(
          (method) => html`<label class="method">
            <input
              type="radio"
              name="method"
              value=${method}
              .checked=${this.flow.method === method}
              @change=${() => {
                this.flow.method = method;
                this.requestUpdate();
              }}
            />
            ${m.methods[method]}
          </label>`,
        )}
      </fieldset>
      <div class="actions">
        <button class="button secondary" @click=${this.closeDialog}>${m.cancel}</button>
        <button class="button" part="pay" @click=${() => this.flow.pay()}>${m.pay(total)}</button>
      </div>
    `;
  }

  private renderPaying(order: Order | undefined) {
    const m = this.msg.checkout;
    const action = order?.paymentAction;
    return html`
      ${action?.type === 'qr'
        ? html`<div class="wallet">
            <p>${m.scanToPay(m.methods[order!.paymentMethod])}</p>
            <a href=${action.data} target="_blank" rel="noopener">${m.methods[order!.paymentMethod]}</a>
          </div>`
        : html`<p>${m.payInWindow}</p>`}
      ${this.progress(this.flow.slow ? m.slow : m.waiting)}
      <div class="actions">
        <button class="button secondary" @click=${() => this.flow.cancel()}>${m.cancel}</button>
        ${action?.type === 'redirect'
          ? html`<button class="button secondary" @click=${() => this.flow.reopenPayment()}>${m.reopenPayment}</button>`
          : nothing}
      </div>
    `;
  }

  private renderSuccess(card: Card) {
    const m = this.msg.checkout;
    const locale = this.resolvedLocale;
    const data = card.data.remainingBytes === null ? this.msg.picker.unlimited : formatBytes(card.data.remainingBytes, locale);
    return html`<div class="result success" part="result" role="status">
      <h3>${m.successTitle}</h3>
      <p>${m.successBody(formatDate(card.expiresAt, locale))}</p>
      <p>${m.successData(data)}</p>
      <button class="button" @click=${this.closeDialog}>${m.done}</button>
    </div>`;
  }

  private renderError(error: RenewalError) {
    const m = this.msg.checkout;
    const failureCode = (error.details as { failureCode?: string } | undefined)?.failureCode;
    const text = (failureCode && this.msg.paymentFailures[failureCode]) || this.msg.errors[error.code];
    const support = this.supportUrl ?? this.store?.support.url;
    const email = this.supportEmail ?? this.store?.support.email;
    return html`<div class="result error" part="result" role="alert">
      <h3>${m.errorTitle}</h3>
      <p>${text}</p>
      <p class="reference">
        ${this.msg.common.errorCode(failureCode ?? error.code)}${this.flow.order ? html` · ${m.orderRef(this.flow.order.id)}` : nothing}
      </p>
      <div class="actions">
        ${support ? html`<a href=${support} target="_blank" rel="noopener">${m.contactSupport}</a>` : nothing}
        ${!support && email ? html`<a href="mailto:${email}">${m.contactSupport}</a>` : nothing}
        <button class="button" @click=${this.retry}>${m.retry}</button>
      </div>
    </div>`;
  }

  private retry(): void {
    const plan = this.flow.plan ?? this.renewal.selectedPlan;
    this.flow.reset();
    if (plan) void this.flow.start(plan);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'esim-checkout-button': EsimCheckoutButton;
  }
}
