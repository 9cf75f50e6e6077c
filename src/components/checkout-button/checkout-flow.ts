import type { ReactiveControllerHost } from 'lit';
import { asRenewalError, isRenewalError, RenewalError } from '../../client/errors.js';
import type { Card, Order, PaymentMethod, Plan, Quote } from '../../client/schemas.js';
import { newIdempotencyKey } from '../../client/transport.js';
import type { RenewalStore } from '../../context/store.js';
import { EsimRenewalErrorEvent } from '../../events/renewal-error.js';
import { RETURN_PARAM, takeQueryParam } from '../../internal/url.js';
import type { CheckoutPayment } from './payment.js';
import { mayBeReturningFromPayment, readPendingAttempt } from './pending.js';

/**
 * The steps of a checkout. `summary` shows the quote; `paying` waits for the traveller in the payment window or
 * wallet; `confirming` re-reads the card until the renewal shows on it.
 */
export type CheckoutStep =
  | 'idle'
  | 'quoting'
  | 'summary'
  | 'creating'
  | 'paying'
  | 'confirming'
  | 'success'
  | 'error';

/** The element the flow runs in; it fires `esim-renewal-success` and `esim-renewal-error` there. */
export interface CheckoutHost extends ReactiveControllerHost, EventTarget {
  readonly store: RenewalStore | undefined;
  /** How card payments open: a popup window (falls back to redirect when blocked) or a full-page redirect. */
  readonly paymentMode: 'popup' | 'redirect';
  /** Where the hosted card page sends the traveller back to in redirect mode. */
  readonly returnUrl?: string;
  /** After this many milliseconds without a final answer the traveller is told it is slow (we keep checking). */
  readonly slowAfter: number;
}

let paymentSteps: Promise<typeof import('./payment.js')> | undefined;

/**
 * The payment steps (creating the order, paying, waiting, confirming, success, the hand-off link) are a module of
 * their own, loaded when the dialog opens and prefetched on hover, focus or idle: a page that never renews never
 * downloads them. A failed load is forgotten, so the next try loads again.
 */
export function loadPaymentSteps(): Promise<typeof import('./payment.js')> {
  paymentSteps ??= import('./payment.js').catch((error: unknown) => {
    paymentSteps = undefined;
    throw new RenewalError('network', `The payment steps could not be loaded (${String(error)})`, { cause: error });
  });
  return paymentSteps;
}

/**
 * The checkout's behaviour, apart from its looks: the quote and the summary here; the order, payment, waiting and
 * confirmation in `CheckoutPayment` (./payment.ts), which this loads on demand and which writes its progress here.
 *
 * One attempt has one Idempotency-Key, minted when the traveller first presses Pay and kept for every repeat of
 * that press (double clicks, retries after a lost answer), so an attempt can create at most one order. The attempt
 * is remembered in sessionStorage (order id and key, never the token) so a reload or a redirect back resumes it
 * instead of starting another.
 */
export class CheckoutFlow {
  step: CheckoutStep = 'idle';
  plan?: Plan;
  quote?: Quote;
  order?: Order;
  card?: Card;
  error?: RenewalError;
  method: PaymentMethod = 'card';
  promoCode?: string;
  /** True once waiting has taken longer than usual. */
  slow = false;
  /** Set when the quote was refreshed because the old one expired. */
  quoteRefreshed = false;
  /** Why the last promo code was refused (`unknown`, `expired`, `not_started`, `exhausted`). */
  promoError?: string;
  /** True while the tab is hidden and polling is paused. */
  paused = false;
  /** The Idempotency-Key of the current attempt: one per quote, kept across repeats of Pay. */
  attemptKey?: string;
  /** The last order request failed without a definite answer: its order may exist (answer lost or garbled). */
  orderUnknown = false;
  /** The payment steps, once their module is here (see `loadPaymentSteps`). */
  payment?: CheckoutPayment;

  private creating?: Promise<void>;

  constructor(readonly host: CheckoutHost) {}

  /** Records progress and re-renders the element. */
  set(patch: Partial<CheckoutFlow>): void {
    Object.assign(this, patch);
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
  async payments(): Promise<CheckoutPayment> {
    const { CheckoutPayment } = await loadPaymentSteps();
    if (!this.payment) {
      this.payment = new CheckoutPayment(this);
      this.host.requestUpdate(); // the summary shows the hand-off link, which comes with them
    }
    return this.payment;
  }

  /** Starts a checkout for `plan`: gets a quote for the summary. A running checkout is left as it is. */
  async start(plan: Plan): Promise<void> {
    if (this.step !== 'idle' && this.step !== 'success' && this.step !== 'error') return;
    const store = this.host.store;
    if (!store) return;
    this.set({ step: 'quoting', plan, quote: undefined, order: undefined, error: undefined, quoteRefreshed: false });
    this.attemptKey = undefined;
    // The steps after the summary load while the quote is on its way.
    void this.payments().catch(() => undefined);
    try {
      const quote = await store.client.createQuote({ planId: plan.id, promoCode: this.promoCode });
      this.set({ step: 'summary', quote });
    } catch (error) {
      if (this.promoCode && isRenewalError(error) && error.code === 'promo_invalid') {
        // A code that stopped working since it was applied (expired, or used up by other orders): drop it rather
        // than block the checkout, and say why the price changed.
        this.promoCode = undefined;
        this.promoError = (error.details as { reason?: string } | undefined)?.reason ?? 'unknown';
        this.set({ step: 'idle' });
        return this.start(plan);
      }
      this.fail(error);
    }
  }

  /** Chooses how to pay. */
  choose(method: PaymentMethod): void {
    this.set({ method });
  }

  /**
   * Re-quotes with a promo code (or without one, given undefined). A refused code leaves the current quote in
   * place and says why; it never blocks paying.
   */
  async applyPromo(code: string | undefined): Promise<void> {
    const store = this.host.store;
    if (this.step !== 'summary' || !this.plan || !store) return;
    const promoCode = code?.trim().toUpperCase() || undefined;
    try {
      const quote = await store.client.createQuote({ planId: this.plan.id, promoCode });
      this.attemptKey = undefined; // another quote is another purchase
      this.promoCode = promoCode;
      this.set({ quote, promoError: undefined });
    } catch (error) {
      if (isRenewalError(error) && error.code === 'promo_invalid') {
        const reason = (error.details as { reason?: string } | undefined)?.reason ?? 'unknown';
        this.set({ promoError: reason });
      } else this.fail(error);
    }
  }

  /**
   * Creates the order and starts its payment. Safe to call many times: while an attempt is being created the same
   * promise is returned, and the attempt's key makes the server return the same order.
   */
  pay(): Promise<void> {
    if (this.creating) return this.creating;
    const quote = this.quote;
    if (this.step !== 'summary' || !quote) return Promise.resolve();
    // A popup must be opened in the click itself or the browser blocks it; it gets its address once the order exists.
    const popup = this.method === 'card' && this.host.paymentMode === 'popup' ? openPaymentWindow('about:blank') : undefined;
    const key = (this.attemptKey ??= newIdempotencyKey());
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
    const plan = this.plan ?? this.host.store?.state.selectedPlan;
    if (this.step === 'error' && this.orderUnknown && this.quote && this.attemptKey) {
      this.orderUnknown = false;
      this.set({ step: 'summary', error: undefined });
      return;
    }
    this.reset();
    if (plan) void this.start(plan);
  }

  /**
   * Resumes an attempt after a reload or the redirect back from the payment page, if there is one: only then are
   * the payment steps loaded.
   */
  async resume(): Promise<boolean> {
    const returned = takeQueryParam(RETURN_PARAM);
    const pending = readPendingAttempt(mayBeReturningFromPayment(returned !== undefined));
    const orderId = returned ?? pending?.orderId;
    if (!this.host.store || !orderId || this.step !== 'idle') return false;
    this.set({ step: 'confirming' });
    try {
      return await (await this.payments()).resume(orderId, pending);
    } catch (error) {
      this.fail(error);
      return true;
    }
  }

  /** Back to the start after success or an error; a new attempt gets a new key. */
  reset(): void {
    this.payment?.stop();
    this.attemptKey = undefined;
    this.orderUnknown = false;
    this.set({
      step: 'idle',
      quote: undefined,
      order: undefined,
      error: undefined,
      slow: false,
      quoteRefreshed: false,
      promoError: undefined,
      paused: false,
    });
  }
}

/** Opens the card payment page in a window of its own; null when the browser blocks it. */
export function openPaymentWindow(url: string): Window | null {
  return globalThis.open?.(url, 'esim-payment', 'popup,width=480,height=720') ?? null;
}
