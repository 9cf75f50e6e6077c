import { asRenewalError, isRenewalError, RenewalError } from '../../client/errors.js';
import { newIdempotencyKey } from '../../client/index.js';
import type { PaymentMethod, Plan } from '../../client/schemas.js';
import { EsimRenewalErrorEvent } from '../../events/renewal-error.js';
import type { CheckoutHost, CheckoutState, PaymentFlow, PaymentSteps } from './checkout-state.js';
import { openPaymentWindow } from './popup.js';
import type { PendingAttempt } from './pending.js';

export type { CheckoutHost, CheckoutStep } from './checkout-state.js';

let paymentSteps: Promise<typeof import('./payment.js')> | undefined;

/**
 * The payment steps (creating the order, paying, waiting, confirming, success, the hand-off link) are a module of
 * their own, loaded when a checkout starts and prefetched on hover, focus or idle with this one (./prefetch.ts): a
 * page that never renews never downloads them. A failed load is forgotten, so the next try loads again.
 */
export function loadPaymentSteps(): Promise<typeof import('./payment.js')> {
  paymentSteps ??= import('./payment.js').catch((error: unknown) => {
    paymentSteps = undefined;
    throw new RenewalError('network', `The payment steps could not be loaded (${String(error)})`, { cause: error });
  });
  return paymentSteps;
}

/** Where a checkout starts, and goes back to. */
const START = { step: 'idle', quoteRefreshed: false, slow: false, paused: false, orderUnknown: false, checking: false } as const;

/**
 * The checkout's behaviour, apart from its looks: the quote and the summary here; the order, payment, waiting and
 * confirmation in `CheckoutPayment` (./payment.ts), which this loads on demand and which writes its progress here.
 *
 * One attempt has one Idempotency-Key, minted when the traveller first presses Pay and kept for every repeat of
 * that press (double clicks, retries after a lost answer), so an attempt can create at most one order. The attempt
 * is remembered in sessionStorage (order id and key, never the token) so a reload or a redirect back resumes it
 * instead of starting another.
 */
export class CheckoutFlow implements PaymentFlow {
  /** Where the checkout is; replaced, never changed, by `set`. */
  state: CheckoutState = { ...START, method: 'card' };

  /** The payment steps, once their module is here (see `loadPaymentSteps`). */
  payment?: PaymentSteps;

  private creating?: Promise<void>;

  constructor(readonly host: CheckoutHost) {}

  /** Records progress and re-renders the element: the one way the checkout's state changes. */
  set(patch: Partial<CheckoutState>): void {
    this.state = { ...this.state, ...patch };
    this.host.requestUpdate();
  }

  fail(error: unknown): void {
    const failure = asRenewalError(error);
    if (failure.code === 'aborted') return;
    this.payment?.stop();
    this.payment?.closeWindow();
    this.set({ step: 'error', error: failure });
    this.host.dispatchEvent(new EsimRenewalErrorEvent(failure));
  }

  /** The payment steps, loading their module the first time. */
  async payments(): Promise<PaymentSteps> {
    const { CheckoutPayment } = await loadPaymentSteps();
    if (!this.payment) {
      this.payment = new CheckoutPayment(this);
      this.host.requestUpdate(); // the summary shows the hand-off link, which comes with them
    }
    return this.payment;
  }

  /** Starts a checkout for `plan`: gets a quote for the summary. A running checkout is left as it is. */
  async start(plan: Plan): Promise<void> {
    const { step, promoCode } = this.state;
    if (step !== 'idle' && step !== 'success' && step !== 'error') return;
    const store = this.host.store;
    if (!store) return;
    this.set({ step: 'quoting', plan, quote: undefined, order: undefined, error: undefined, quoteRefreshed: false, attemptKey: undefined });
    // The steps after the summary load while the quote is on its way.
    void this.payments().catch(() => undefined);
    try {
      const quote = await store.client.createQuote({ planId: plan.id, promoCode });
      this.set({ step: 'summary', quote });
    } catch (error) {
      if (promoCode && isRenewalError(error) && error.code === 'promo_invalid') {
        // A code that stopped working since it was applied (expired, or used up by other orders): drop it rather
        // than block the checkout, and say why the price changed.
        this.set({ step: 'idle', promoCode: undefined, promoError: promoReason(error) });
        return this.start(plan);
      }
      this.fail(error);
    }
  }

  /** Chooses how to pay. */
  choose(method: PaymentMethod): void {
    this.set({ method, methodChosen: true });
  }

  /**
   * Re-quotes with a promo code (or without one, given undefined). A refused code leaves the current quote in
   * place and says why; it never blocks paying.
   */
  async applyPromo(code: string | undefined): Promise<void> {
    const store = this.host.store;
    const { step, plan } = this.state;
    if (step !== 'summary' || !plan || !store) return;
    const promoCode = code?.trim().toUpperCase() || undefined;
    try {
      const quote = await store.client.createQuote({ planId: plan.id, promoCode });
      // Another quote is another purchase: a new attempt, with a key of its own.
      this.set({ quote, promoCode, promoError: undefined, attemptKey: undefined });
    } catch (error) {
      if (isRenewalError(error) && error.code === 'promo_invalid') this.set({ promoError: promoReason(error) });
      else this.fail(error);
    }
  }

  /**
   * Creates the order and starts its payment. Safe to call many times: while an attempt is being created the same
   * promise is returned, and the attempt's key makes the server return the same order.
   */
  pay(): Promise<void> {
    if (this.creating) return this.creating;
    const { quote, step, method } = this.state;
    if (step !== 'summary' || !quote) return Promise.resolve();
    // A popup must be opened in the click itself or the browser blocks it; it gets its address once the order exists.
    const popup = method === 'card' && this.host.paymentMode === 'popup' ? openPaymentWindow('about:blank') : undefined;
    const key = this.state.attemptKey ?? newIdempotencyKey();
    this.set({ attemptKey: key });
    this.creating = this.payments()
      .then((payment) => payment.createOrder(quote, key, popup))
      .catch((error: unknown) => {
        popup?.close();
        this.fail(error);
      })
      .finally(() => (this.creating = undefined));
    return this.creating;
  }

  /**
   * "Try again" after an error. When the order's answer was lost, the order may well exist: go back to the same
   * summary with the same quote and key, so paying again returns that order instead of making a second one.
   * Anything else starts over with a fresh quote, for the same plan (or the one selected now, if none was).
   */
  retry(): void {
    const { step, orderUnknown, quote, attemptKey } = this.state;
    const plan = this.state.plan ?? this.host.store?.state.selectedPlan;
    if (step === 'error' && orderUnknown && quote && attemptKey) {
      this.set({ step: 'summary', error: undefined, orderUnknown: false });
      return;
    }
    this.reset();
    if (plan) void this.start(plan);
  }

  /**
   * Resumes the attempt of `orderId` after a reload or the redirect back from the payment page (the element finds
   * it, see `attemptToResume` in ./checkout-button.ts): only then are this module and the payment steps loaded.
   */
  async resume(orderId: string, pending: PendingAttempt | undefined): Promise<boolean> {
    if (!this.host.store || this.state.step !== 'idle') return false;
    this.set({ step: 'confirming' });
    try {
      return await (await this.payments()).resume(orderId, pending);
    } catch (error) {
      this.fail(error);
      return true;
    }
  }

  /** Gives up on the attempt being paid (its unpaid order is canceled), then back to the start. */
  cancel(): void {
    void this.payment?.cancel();
  }

  /** Back to the start after success or an error; a new attempt gets a new key. */
  reset(): void {
    this.payment?.stop();
    const { plan, method, methodChosen, promoCode, env, methodOptions } = this.state;
    this.set({ ...START, plan, method, methodChosen, promoCode, env, methodOptions });
  }
}

/** Why a promo code was refused, from the API's `promo_invalid` error. */
function promoReason(error: RenewalError): string {
  return (error.details as { reason?: string } | undefined)?.reason ?? 'unknown';
}
