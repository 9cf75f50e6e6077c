import { html, nothing, type PropertyValues } from 'lit';
import { asRenewalError, type RenewalError } from '../../client/errors.js';
import { PAYMENT_METHODS } from '../../client/constants.js';
import type { Handoff, PaymentMethod } from '../../client/schemas.js';
import type { RenewalStore, SupportContact } from '../../context/store.js';
import { EsimCheckoutStartEvent } from '../../events/checkout-start.js';
import { EsimRenewalErrorEvent } from '../../events/renewal-error.js';
import { formatMoney } from '../../i18n/format.js';
import { EsimElement } from '../../internal/esim-element.js';
import { tokens } from '../../internal/theme.js';
import { styles } from './checkout-button.styles.js';
import { CheckoutFlow, type CheckoutHost, type CheckoutStep } from './checkout-flow.js';
import { progress, renderError, renderSummary, type ViewContext } from './checkout-views.js';
import { defaultReturnUrl } from './pending.js';
import { PaymentStepsPrefetch } from './prefetch.js';

/**
 * Renews the card with the plan chosen in the picker: shows the order summary in a dialog, takes the payment
 * (card, Alipay or WeChat Pay), waits for it and confirms on the card itself that the renewal took effect.
 *
 * A double click, a retry after a lost answer or a reload mid-payment never makes a second order. A card that
 * cannot be renewed says why and offers the partner's "buy a new eSIM" link instead of a dead button.
 *
 * @summary Order summary, payment and confirmation of a renewal.
 * @tagname esim-checkout-button
 * @fires {EsimCheckoutStartEvent} esim-checkout-start - The traveller pressed the button; cancelable.
 * @fires {EsimRenewalSuccessEvent} esim-renewal-success - Paid and confirmed; `detail` has the `order` and `card`.
 * @fires {EsimRenewalErrorEvent} esim-renewal-error - A step failed; `detail.error` is a `RenewalError`.
 * @csspart button - The main button.
 * @csspart ineligible - The message shown instead of the button when the card cannot be renewed.
 * @csspart dialog - The checkout dialog.
 * @csspart summary - The order summary list.
 * @csspart total - The total line.
 * @csspart promo - The promo code form.
 * @csspart methods - The payment method choice.
 * @csspart pay - The pay button.
 * @csspart wallet - The Alipay / WeChat Pay step: amount, QR code, countdown.
 * @csspart qr - A QR code.
 * @csspart countdown - Time left on a wallet payment code.
 * @csspart open-wallet - The "open the wallet app" button shown on phones.
 * @csspart refresh-code - The button that gets a new payment code.
 * @csspart handoff-button - "Continue on another device".
 * @csspart handoff - The hand-off link and its QR code.
 * @csspart result - The success or error view.
 * @csspart retry - The retry button of the error view.
 * @csspart support - A link to the partner's support.
 * @cssprop --esim-checkout-radius - Corner radius of the dialog (default `--esim-radius-m`).
 * @cssprop --esim-checkout-dialog-width - Width of the dialog (default 28rem).
 */
export class EsimCheckoutButton extends EsimElement implements CheckoutHost {
  static override styles = [tokens, styles];

  static override properties = {
    paymentMethods: { attribute: 'payment-methods' },
    paymentMode: { attribute: 'payment-mode' },
    returnUrl: { attribute: 'return-url' },
    walletMode: { attribute: 'wallet-mode' },
    slowAfter: { type: Number, attribute: 'slow-after' },
    handoffUrl: { attribute: 'handoff-url' },
    supportUrl: { attribute: 'support-url' },
    supportEmail: { attribute: 'support-email' },
    supportPhone: { attribute: 'support-phone' },
    supportChat: { attribute: 'support-chat' },
    buyUrl: { attribute: 'buy-url' },
    planId: { attribute: 'plan-id' },
    step: { reflect: true },
    now: { state: true, attribute: false },
    showQr: { state: true, attribute: false },
    handoff: { state: true, attribute: false },
    handoffError: { state: true, attribute: false },
  };

  /** Payment methods offered, space-separated, in order: `card alipay wechat_pay`. */
  paymentMethods = PAYMENT_METHODS.join(' ');

  /** `popup` opens the card payment page in a window (falling back to a redirect if blocked); `redirect` leaves the page. */
  paymentMode: 'popup' | 'redirect' = 'popup';

  /**
   * Where the card payment page sends the traveller back to: this page by default. It must be on an origin the
   * partner registered with the API, https (http only on localhost). On a page that is neither (a `file:` page) the
   * widget sends none, and after paying in a full-page redirect the payment page says to return to the shop, where
   * the attempt resumes.
   */
  returnUrl = defaultReturnUrl();

  /** `qr` shows wallet payments as a QR code, `app` as a button opening the wallet; `auto` picks `app` on touch phones. */
  walletMode: 'auto' | 'qr' | 'app' = 'auto';

  /** Milliseconds without a final answer before the traveller is told it is taking long (we keep checking). */
  slowAfter = 20_000;

  /**
   * The page a hand-off link opens on the other device: this page by default; a relative address is resolved
   * against it. The API adds the single-use code to it. Only a web page (http or https) can be opened elsewhere,
   * so on any other (a `file:` page) the hand-off is not offered.
   */
  handoffUrl?: string;

  /** The partner's support page (else the provider's); the masked card number and order id are added. */
  supportUrl?: string;

  /** The partner's support e-mail (else the provider's); subject and body are prefilled. */
  supportEmail?: string;

  /** The partner's support phone number (else the provider's). */
  supportPhone?: string;

  /** The partner's support chat link (else the provider's). */
  supportChat?: string;

  /** Where to buy a new eSIM when this card cannot be renewed (else the provider's). */
  buyUrl?: string;

  /** Renew with this plan, for pages with a plan choice of their own (no `<esim-plan-picker>` needed). */
  planId?: string;

  /** The current step, reflected for styling and tests: `idle`, `quoting`, `summary`, `creating`, `paying`, `confirming`, `success`, `error`. */
  step: CheckoutStep = 'idle';

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog');
  }

  private now = Date.now();
  private showQr = false;
  private handoff?: Handoff & { copied: boolean };
  private handoffError?: RenewalError;
  private handingOff = false;

  private readonly flow = new CheckoutFlow(this);
  private readonly prefetch = new PaymentStepsPrefetch(this, () => this.renewal.plans.status === 'ready');
  private resumed = false;
  private ticker?: ReturnType<typeof setInterval>;

  override storeConnected(store: RenewalStore): void {
    void store.loadPlans();
    void store.loadCard();
    if (!this.resumed) {
      this.resumed = true;
      void this.flow.resume().then((resumed) => resumed && this.openDialog());
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTicker();
  }

  private get methods(): PaymentMethod[] {
    const wanted = this.paymentMethods.split(/[\s,]+/);
    return PAYMENT_METHODS.filter((method) => wanted.includes(method));
  }

  private get support(): SupportContact {
    const shared = this.store?.support ?? {};
    return {
      url: this.supportUrl ?? shared.url,
      email: this.supportEmail ?? shared.email,
      phone: this.supportPhone ?? shared.phone,
      chat: this.supportChat ?? shared.chat,
    };
  }

  /** Why this card cannot be renewed, if it cannot: suspended, or no plan fits it. */
  private get ineligibility(): string | undefined {
    const { card, plans } = this.renewal;
    const m = this.msg.checkout.eligibility;
    if (card.value?.status === 'suspended') return m.suspended;
    if (plans.status === 'ready' && plans.value.length === 0) return m.noPlans;
    return undefined;
  }

  private get walletExpiresAt(): number | undefined {
    const action = this.flow.order?.paymentAction;
    return this.flow.step === 'paying' && action?.type === 'qr' ? Date.parse(action.expiresAt) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.step = this.flow.step;
    if (!this.methods.includes(this.flow.method) && this.methods[0]) this.flow.method = this.methods[0];
    // The wallet code's countdown ticks only while one is on screen: no timer outlives its need.
    if (this.walletExpiresAt !== undefined) this.startTicker();
    else this.stopTicker();
    if (this.step !== 'summary') this.handoff = this.handoffError = undefined;
    if (this.planId && this.store && (changed.has('planId') || this.renewal.selectedPlan === undefined)) {
      if (this.renewal.selectedPlan?.id !== this.planId) this.store.preselectPlan(this.planId);
    }
  }

  private startTicker(): void {
    this.now = Date.now();
    this.ticker ??= setInterval(() => (this.now = Date.now()), 1_000);
  }

  private stopTicker(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
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

  private closeDialog = (): void => {
    this.dialog?.close();
  };

  /** The dialog closed (close button or Escape): forget a checkout that has not started paying. */
  private onDialogClose(): void {
    if (['quoting', 'summary', 'success', 'error'].includes(this.flow.step)) this.flow.reset();
  }

  /** The page the other device opens, when it is one a phone can open. */
  private get handoffPage(): string | undefined {
    try {
      const page = new URL(this.handoffUrl ?? '', globalThis.location.href);
      return /^https?:$/.test(page.protocol) ? page.href : undefined;
    } catch {
      return undefined;
    }
  }

  private async startHandoff(): Promise<void> {
    const store = this.store;
    const url = this.handoffPage;
    if (!store || !url || this.handingOff) return; // a double click makes one link
    this.handingOff = true;
    this.handoffError = undefined;
    try {
      const handoff = await store.client.createHandoff({ url, planId: this.flow.plan?.id });
      this.handoff = { ...handoff, copied: false };
    } catch (error) {
      this.handoffError = asRenewalError(error);
      this.emit(new EsimRenewalErrorEvent(this.handoffError));
    } finally {
      this.handingOff = false;
    }
  }

  private async copyHandoff(): Promise<void> {
    if (!this.handoff) return;
    try {
      await navigator.clipboard.writeText(this.handoff.url);
      this.handoff = { ...this.handoff, copied: true };
    } catch {
      // No clipboard permission: the link is on screen to copy by hand.
    }
  }

  private viewContext(): ViewContext {
    const expiresAt = this.walletExpiresAt;
    const coarse = globalThis.matchMedia?.('(pointer: coarse)').matches ?? false;
    return {
      msg: this.msg,
      locale: this.resolvedLocale,
      flow: this.flow,
      methods: this.methods,
      support: this.support,
      maskedIccid: this.renewal.card.value?.iccid,
      secondsLeft: expiresAt === undefined ? undefined : Math.ceil((expiresAt - this.now) / 1000),
      preferApp: !this.showQr && (this.walletMode === 'app' || (this.walletMode === 'auto' && coarse)),
      handoff: this.handoff,
      handoffError: this.handoffError,
      on: {
        close: this.closeDialog,
        showQr: () => (this.showQr = true),
        handoff: this.handoffPage ? () => void this.startHandoff() : undefined,
        copyHandoff: () => void this.copyHandoff(),
      },
    };
  }

  protected override render() {
    const reason = this.ineligibility;
    if (reason && this.flow.step === 'idle') return this.renderIneligible(reason);
    const plan = this.renewal.selectedPlan;
    const m = this.msg.checkout;
    const label = plan ? m.buttonWithPrice(formatMoney(plan.price, this.resolvedLocale)) : m.button;
    const [title, body] = this.renderStep();
    return html`
      <button
        class="button trigger"
        part="button"
        ?disabled=${!plan}
        aria-describedby=${plan ? nothing : 'hint'}
        aria-haspopup="dialog"
        @click=${this.onTrigger}
        @pointerenter=${this.prefetch.now}
        @focus=${this.prefetch.now}
      >
        ${label}
      </button>
      ${plan ? nothing : html`<p class="hint" id="hint">${m.choosePlanFirst}</p>`}
      <dialog part="dialog" aria-labelledby="title" @close=${this.onDialogClose}>
        <header>
          <h2 id="title">${title}</h2>
          <button class="close" aria-label=${m.close} @click=${this.closeDialog}><span aria-hidden="true">×</span></button>
        </header>
        <div class="body">${body}</div>
      </dialog>
    `;
  }

  private renderIneligible(reason: string) {
    const buy = this.buyUrl ?? this.store?.buyUrl;
    return html`<div class="ineligible" part="ineligible" role="note">
      <p>${reason}</p>
      ${buy ? html`<a class="button" href=${buy}>${this.msg.checkout.eligibility.buyNew}</a>` : nothing}
    </div>`;
  }

  /** The dialog's title and body for the current step. */
  private renderStep(): [string, unknown] {
    const m = this.msg.checkout;
    const flow = this.flow;
    switch (flow.step) {
      case 'idle':
        return [m.dialogTitle, nothing];
      case 'quoting':
        return [m.summaryTitle, progress(m.quoting)];
      case 'summary':
        return [m.summaryTitle, renderSummary(this.viewContext())];
      case 'creating':
        return [m.paymentTitle, progress(m.creatingOrder)];
      case 'paying':
        return [m.paymentTitle, flow.payment?.views.paying(this.viewContext()) ?? progress(m.waiting)];
      case 'confirming':
        return [m.paymentTitle, progress(flow.slow ? m.slow : m.confirming)];
      case 'success':
        return [m.dialogTitle, flow.payment?.views.success(this.viewContext()) ?? nothing];
      case 'error':
        return [m.dialogTitle, renderError(this.viewContext())];
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'esim-checkout-button': EsimCheckoutButton;
  }
}
