import { adoptStyles, html, nothing, type PropertyValues } from 'lit';
import { PAYMENT_METHODS } from '../../client/constants.js';
import type { PaymentEnv, PaymentMethod } from '../../client/schemas.js';
import { settingsWith, type RenewalSettings } from '../../context/settings.js';
import type { RenewalStore } from '../../context/store.js';
import { EsimCheckoutStartEvent } from '../../events/checkout-start.js';
import { formatMoney } from '../../i18n/format.js';
import { EsimElement } from '../../internal/esim-element.js';
import { tokens } from '../../internal/theme.js';
import { styles } from './checkout-button.styles.js';
import { renderDialog } from './checkout-dialog.js';
import { CheckoutFlow } from './checkout-flow.js';
import type { CheckoutActions, CheckoutHost, CheckoutStep, ViewContext } from './checkout-state.js';
import { HandoffController } from './handoff.js';
import { defaultReturnUrl } from './pending.js';
import { PaymentStepsPrefetch } from './prefetch.js';
import { enCheckoutButton } from '../../i18n/en/checkout-button.js';
import { addEnglish } from '../../i18n/index.js';

// English for the checkout button comes in this module's chunk: it joins the English catalogue as this module is
// evaluated, so before the element can render (see `addEnglish`). Pages without it never download these messages;
// the dialog's views bring the rest of the checkout's (./checkout-views.ts).
addEnglish({ checkout: enCheckoutButton });

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
    // An accessor of its own (below): setting it selects the plan in the store.
    planId: { attribute: 'plan-id', noAccessor: true },
    step: { reflect: true },
    now: { state: true, attribute: false },
    showQr: { state: true, attribute: false },
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
  get planId(): string | undefined {
    return this.wantedPlanId;
  }

  set planId(id: string | undefined) {
    const old = this.wantedPlanId;
    this.wantedPlanId = id;
    if (id) this.store?.selectPlan(id); // without a store yet, `storeConnected` selects it
    this.requestUpdate('planId', old);
  }

  private wantedPlanId?: string;

  /** The current step, reflected for styling and tests: `idle`, `quoting`, `summary`, `creating`, `paying`, `confirming`, `success`, `error`. */
  step: CheckoutStep = 'idle';

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog');
  }

  private now = Date.now();
  private showQr = false;

  private readonly flow = new CheckoutFlow(this);
  private readonly handoff = new HandoffController(this, () => {
    const { step, plan } = this.flow.state;
    return step === 'summary' ? plan : undefined;
  });
  private readonly prefetch = new PaymentStepsPrefetch(this, () => this.renewal.plans.status === 'ready');
  private resumed = false;
  private viewStylesAdopted = false;
  private ticker?: ReturnType<typeof setInterval>;

  /** Everything the dialog's views may do. */
  private readonly actions: CheckoutActions = {
    close: () => this.dialog?.close(),
    choose: (method) => this.flow.choose(method),
    applyPromo: (code) => void this.flow.applyPromo(code),
    pay: () => void this.flow.pay(),
    retry: () => this.flow.retry(),
    cancel: () => this.flow.cancel(),
    refreshPayment: () => void this.flow.payment?.refreshPayment(),
    reopenPayment: () => this.flow.payment?.reopenPayment(),
    showQr: () => (this.showQr = true),
    handoff: () => void this.handoff.start(),
    copyHandoff: () => void this.handoff.copy(),
    checkAgain: () => this.flow.payment?.checkAgain(),
    copyPageLink: () => void this.flow.payment?.copyPageLink(),
  };

  /** Where the page runs, as the provider's `payment-env` says; undefined leaves it to the client option or detection. */
  get paymentEnv(): PaymentEnv | undefined {
    return this.settings.paymentEnv;
  }

  override storeConnected(store: RenewalStore): void {
    if (this.planId) store.selectPlan(this.planId);
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

  /** The methods this element offers (`payment-methods`), in the API's order for where the page runs once known. */
  private get wantedMethods(): PaymentMethod[] {
    const wanted = this.paymentMethods.split(/[\s,]+/);
    const order = this.flow.state.methodOptions?.map((option) => option.method) ?? PAYMENT_METHODS;
    return order.filter((method) => wanted.includes(method));
  }

  /** Of those, the ones that work here (all of them until the API has said). */
  private get methods(): PaymentMethod[] {
    const options = this.flow.state.methodOptions;
    return this.wantedMethods.filter(
      (method) => options?.find((option) => option.method === method)?.available ?? true,
    );
  }

  /** The provider's support contacts and buy link, each overridden by this element's own attribute. */
  private get ownSettings(): RenewalSettings {
    return settingsWith(this.settings, this);
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
    const { order, step } = this.flow.state;
    const action = order?.paymentAction;
    return step === 'paying' && action?.type === 'qr' ? Date.parse(action.expiresAt) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.step = this.flow.state.step;
    const methods = this.methods;
    if (!methods.includes(this.flow.state.method) && methods[0]) this.flow.choose(methods[0]);
    // The wallet code's countdown ticks only while one is on screen: no timer outlives its need.
    if (this.walletExpiresAt !== undefined) this.startTicker();
    else this.stopTicker();
    // The dialog's views bring their rules: added to the element's own once, before they first render.
    const views = this.flow.views;
    if (views && !this.viewStylesAdopted && this.renderRoot instanceof ShadowRoot) {
      adoptStyles(this.renderRoot, [
        ...(this.constructor as typeof EsimCheckoutButton).elementStyles,
        views.viewStyles,
      ]);
      this.viewStylesAdopted = true;
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
    if (this.flow.state.step !== 'idle') return this.openDialog(); // a checkout is running: show it, never start another
    if (!plan || !this.emit(new EsimCheckoutStartEvent(plan))) return;
    this.openDialog();
    void this.flow.start(plan);
  }

  /** The dialog closed (close button or Escape): forget a checkout that has not started paying. */
  private onDialogClose = (): void => {
    if (['quoting', 'summary', 'success', 'error'].includes(this.flow.state.step)) this.flow.reset();
  };

  private viewContext(): ViewContext {
    const expiresAt = this.walletExpiresAt;
    const coarse = globalThis.matchMedia?.('(pointer: coarse)').matches ?? false;
    return {
      msg: this.msg,
      locale: this.resolvedLocale,
      checkout: this.flow.state,
      methods: this.methods,
      unavailableMethods: this.wantedMethods.filter((method) => !this.methods.includes(method)),
      support: this.ownSettings.support,
      maskedIccid: this.renewal.card.value?.iccid,
      secondsLeft: expiresAt === undefined ? undefined : Math.ceil((expiresAt - this.now) / 1000),
      preferApp: !this.showQr && (this.walletMode === 'app' || (this.walletMode === 'auto' && coarse)),
      handoff: this.handoff.state,
      payment: this.flow.payment?.views,
      on: this.actions,
    };
  }

  /** The trigger: the button with the selected plan's price (or why the card cannot be renewed); then the dialog. */
  protected override render() {
    const reason = this.ineligibility;
    if (reason && this.flow.state.step === 'idle') return this.renderIneligible(reason);
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
        @pointerenter=${this.prefetch.now}
        @focus=${this.prefetch.now}
      >
        ${label}
      </button>
      ${plan ? nothing : html`<p class="hint" id="hint">${m.choosePlanFirst}</p>`}
      ${renderDialog(this.viewContext(), this.flow.views, this.onDialogClose)}
    `;
  }

  private renderIneligible(reason: string) {
    const buy = this.ownSettings.buyUrl;
    return html`<div class="ineligible" part="ineligible" role="note">
      <p>${reason}</p>
      ${buy ? html`<a class="button" href=${buy}>${this.msg.checkout.eligibility.buyNew}</a>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'esim-checkout-button': EsimCheckoutButton;
  }
}
