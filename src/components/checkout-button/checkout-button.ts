import { adoptStyles, html, nothing, type PropertyValues } from 'lit';
import { asRenewalError, type RenewalError } from '../../client/errors.js';
import { PAYMENT_METHODS } from '../../client/constants.js';
import type { PaymentEnv } from '../../client/schemas.js';
import { settingsWith, type RenewalSettings } from '../../context/settings.js';
import type { RenewalStore } from '../../context/store.js';
import { EsimCheckoutStartEvent } from '../../events/checkout-start.js';
import { formatMoney } from '../../i18n/format.js';
import { RETURN_PARAM, takeQueryParam } from '../../internal/url.js';
import { EsimElement } from '../../internal/esim-element.js';
import { tokens } from '../../internal/theme.js';
import { styles } from './checkout-button.styles.js';
import { renderDialog, renderLoading } from './checkout-dialog.js';
import type { CheckoutFlow } from './checkout-flow.js';
import type { CheckoutSession, SessionHost } from './checkout-session.js';
import type { CheckoutStep } from './checkout-state.js';
import { defaultReturnUrl, mayBeReturningFromPayment, readPendingAttempt, type PendingAttempt } from './pending.js';
import { CheckoutPrefetch, loadCheckoutSession } from './prefetch.js';
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
 * @csspart reopen-payment - Opens the payment again: the card payment page, or Alipay's sheet in the Alipay app.
 * @csspart handoff-button - "Continue on another device".
 * @csspart handoff - The hand-off link and its QR code.
 * @csspart result - The success or error view.
 * @csspart retry - The retry button of the error view.
 * @csspart support - A link to the partner's support.
 * @cssprop --esim-checkout-radius - Corner radius of the dialog (default `--esim-radius-m`).
 * @cssprop --esim-checkout-dialog-width - Width of the dialog (default 28rem).
 */
export class EsimCheckoutButton extends EsimElement implements SessionHost {
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

  /**
   * The checkout in the dialog, once its module is here (./checkout-session.ts: the flow, the summary and outcome
   * views): loaded when "Renew" is pressed or an attempt is resumed, prefetched on hover, focus or idle.
   */
  private session?: CheckoutSession;
  /** "Renew" was pressed and the session is on its way; `sessionFailure` says why it could not be loaded. */
  private sessionLoading = false;
  private sessionFailure?: RenewalError;
  /** The rules of the session's views, adopted into the shadow root when it arrives. */
  private sessionStyles?: typeof import('./checkout-session.js').viewStyles;
  private viewStylesAdopted = false;

  private readonly prefetch = new CheckoutPrefetch(
    this,
    () => this.renewal.plans.status === 'ready',
    () => this.prepareSession(),
  );
  private resumed = false;

  /** @internal The checkout's flow, once its module is here. */
  get flow(): CheckoutFlow | undefined {
    return this.session?.flow;
  }

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
      const attempt = attemptToResume();
      if (attempt) void this.resume(attempt.orderId, attempt.pending);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.session?.stop();
  }

  /** @internal What the dialog's views show of this element. */
  viewBasics() {
    return {
      msg: this.msg,
      locale: this.resolvedLocale,
      support: this.ownSettings.support,
      maskedIccid: this.renewal.card.value?.iccid,
    };
  }

  /** @internal */
  closeDialog(): void {
    this.dialog?.close();
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const session = this.session;
    this.step = session?.flow.state.step ?? (this.sessionFailure ? 'error' : this.sessionLoading ? 'quoting' : 'idle');
    if (!session) return;
    session.willUpdate();
    // The views bring their rules: added to the element's own once, before the views first render.
    if (!this.viewStylesAdopted && this.renderRoot instanceof ShadowRoot) {
      const { elementStyles } = this.constructor as typeof EsimCheckoutButton;
      adoptStyles(this.renderRoot, [...elementStyles, this.sessionStyles!]);
      this.viewStylesAdopted = true;
    }
  }

  /** The checkout session, loading its module the first time; a failure is shown in the dialog, with Retry. */
  private async loadSession(): Promise<CheckoutSession | undefined> {
    if (this.session) return this.session;
    this.sessionFailure = undefined;
    this.requestUpdate();
    try {
      return this.useSession(await loadCheckoutSession());
    } catch (error) {
      this.sessionFailure = asRenewalError(error);
      this.requestUpdate();
      return undefined;
    }
  }

  /**
   * The prefetch (hover, focus, idle): the session is made and its rules adopted beforehand, so that "Renew" only
   * opens the dialog; then the payment steps load. A failure here is silent: "Renew" tries again, and says so.
   */
  private async prepareSession(): Promise<void> {
    const module = await loadCheckoutSession();
    this.useSession(module);
    await module.loadPaymentSteps();
  }

  private useSession(module: typeof import('./checkout-session.js')): CheckoutSession {
    if (!this.session) {
      this.sessionStyles = module.viewStyles;
      this.session = new module.CheckoutSession(this);
      this.requestUpdate(); // once: a hover after the idle prefetch renders nothing again
    }
    return this.session;
  }

  private async resume(orderId: string, pending: PendingAttempt | undefined): Promise<void> {
    const session = await this.loadSession();
    if (session && (await session.flow.resume(orderId, pending))) this.openDialog();
  }

  private openDialog(): void {
    void this.updateComplete.then(() => {
      if (this.dialog && !this.dialog.open) this.dialog.showModal();
    });
  }

  private onTrigger(): void {
    const plan = this.renewal.selectedPlan;
    // A checkout is running (or on its way): show it, never start another.
    if (this.step !== 'idle') return this.openDialog();
    if (!plan || !this.emit(new EsimCheckoutStartEvent(plan))) return;
    this.openDialog();
    void this.start();
  }

  /**
   * Starts a checkout of the selected plan once the session is here (at once when it was prefetched), unless the
   * dialog was closed meanwhile.
   */
  private async start(): Promise<void> {
    this.sessionLoading = true;
    const session = await this.loadSession();
    const wanted = this.sessionLoading;
    this.sessionLoading = false;
    const plan = this.renewal.selectedPlan;
    if (session && wanted && plan) void session.flow.start(plan);
  }

  /** The dialog closed (close button or Escape): forget a checkout that has not started paying. */
  private onDialogClose = (): void => {
    this.session?.closed();
    this.sessionLoading = false;
    this.sessionFailure = undefined;
    this.requestUpdate();
  };

  /** The trigger: the button with the selected plan's price (or why the card cannot be renewed); then the dialog. */
  protected override render() {
    const reason = this.ineligibility;
    if (reason && this.step === 'idle') return this.renderIneligible(reason);
    const plan = this.renewal.selectedPlan;
    const m = this.msg.checkout;
    const label = plan ? m.buttonWithPrice(formatMoney(plan.price, this.resolvedLocale)) : m.button;
    const content = this.session?.render() ?? renderLoading(this.msg, this.sessionFailure, () => void this.start());
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
      ${renderDialog(this.msg, content, this.onDialogClose, () => this.closeDialog())}
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

/**
 * The attempt to resume after a reload or the redirect back from the payment page, if this page load may be one:
 * a plain visit reads no storage and loads nothing more (see ./pending.ts).
 */
function attemptToResume(): { orderId: string; pending?: PendingAttempt } | undefined {
  const returned = takeQueryParam(RETURN_PARAM);
  const pending = readPendingAttempt(mayBeReturningFromPayment(returned !== undefined));
  const orderId = returned ?? pending?.orderId;
  return orderId ? { orderId, pending } : undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'esim-checkout-button': EsimCheckoutButton;
  }
}
