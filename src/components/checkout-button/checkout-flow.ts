import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { asRenewalError, isRenewalError, RenewalError } from '../../client/errors.js';
import type { Card, Order, PaymentMethod, Plan, Quote } from '../../client/schemas.js';
import { newIdempotencyKey, sleep } from '../../client/transport.js';
import type { RenewalStore } from '../../context/store.js';
import { EsimRenewalErrorEvent } from '../../events/renewal-error.js';
import { EsimRenewalSuccessEvent } from '../../events/renewal-success.js';
import { RETURN_PARAM, takeQueryParam } from '../../internal/url.js';
import { clearPendingAttempt, mayBeReturningFromPayment, readPendingAttempt, savePendingAttempt } from './pending.js';

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

/**
 * The checkout's behaviour, apart from its looks: quote, one order per attempt, payment, waiting, confirmation.
 *
 * One attempt has one Idempotency-Key, minted when the traveller first presses Pay and kept for every repeat of
 * that press (double clicks, retries after a lost answer), so an attempt can create at most one order. The attempt
 * is remembered in sessionStorage (order id and key, never the token) so a reload or a redirect back resumes it
 * instead of starting another.
 */
export class CheckoutFlow implements ReactiveController {
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

  private attemptKey?: string;
  /** The last order request failed without a definite answer: its order may exist (answer lost or garbled). */
  private orderUnknown = false;
  private creating?: Promise<void>;
  private popup?: Window | null;
  private abort?: AbortController;
  private slowTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: CheckoutHost) {
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.document?.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    globalThis.document?.removeEventListener('visibilitychange', this.onVisibility);
    this.stopWaiting();
  }

  /** Polling pauses while the tab is hidden (nobody is looking, and phones abroad pay for every byte) and resumes,
   * with an immediate check, when it shows again. */
  private readonly onVisibility = (): void => {
    const waiting = this.order && (this.step === 'paying' || this.step === 'confirming');
    if (document.visibilityState === 'hidden') {
      if (waiting && this.abort) {
        this.stopWaiting();
        this.set({ paused: true });
      }
    } else if (this.paused) {
      this.set({ paused: false });
      if (waiting) void this.wait(this.order!.id);
    }
  };

  private set(patch: Partial<CheckoutFlow>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  private fail(error: unknown): void {
    const failure = asRenewalError(error);
    if (failure.code === 'aborted') return;
    this.stopWaiting();
    this.popup?.close();
    this.set({ step: 'error', error: failure });
    this.host.dispatchEvent(new EsimRenewalErrorEvent(failure));
  }

  /** Starts a checkout for `plan`: gets a quote for the summary. A running checkout is left as it is. */
  async start(plan: Plan): Promise<void> {
    if (this.step !== 'idle' && this.step !== 'success' && this.step !== 'error') return;
    const store = this.host.store;
    if (!store) return;
    this.set({ step: 'quoting', plan, quote: undefined, order: undefined, error: undefined, quoteRefreshed: false });
    this.attemptKey = undefined;
    try {
      const quote = await store.client.createQuote({ planId: plan.id, promoCode: this.promoCode });
      this.set({ step: 'summary', quote });
    } catch (error) {
      if (this.promoCode && isRenewalError(error) && error.code === 'promo_invalid') {
        // A code that stopped working since it was applied: drop it rather than block the checkout.
        this.promoCode = undefined;
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
    if (this.step !== 'summary' || !this.quote) return Promise.resolve();
    // A popup must be opened in the click itself or the browser blocks it; it gets its address once the order exists.
    if (this.method === 'card' && this.host.paymentMode === 'popup') this.popup = openPaymentWindow('about:blank');
    this.attemptKey ??= newIdempotencyKey();
    this.creating = this.createOrder(this.quote, this.attemptKey).finally(() => (this.creating = undefined));
    return this.creating;
  }

  private async createOrder(quote: Quote, key: string): Promise<void> {
    const store = this.host.store!;
    this.set({ step: 'creating' });
    try {
      const order = await store.client.createOrder(
        // A payment page in a popup just says "done" and we close it; only a full-page redirect needs the way back.
        { quoteId: quote.id, paymentMethod: this.method, returnUrl: this.popup ? undefined : this.host.returnUrl },
        { idempotencyKey: key },
      );
      store.setOrder(order);
      savePendingAttempt({ orderId: order.id, key, cardId: store.state.card.value?.id });
      this.set({ order });
      this.follow(order);
    } catch (error) {
      this.popup?.close();
      if (isRenewalError(error) && error.code === 'quote_expired' && this.plan) {
        // Prices are only held for 15 minutes: show the new one rather than fail.
        this.set({ step: 'idle' });
        await this.start(this.plan);
        this.set({ quoteRefreshed: true });
        return;
      }
      this.orderUnknown = isRenewalError(error) && (error.retryable || error.code === 'invalid_response');
      this.fail(error);
    }
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

  /** Sends the traveller to pay (popup, redirect or wallet code), then waits for the order. */
  private follow(order: Order): void {
    const action = order.paymentAction;
    if (action?.type === 'redirect' && order.status === 'requires_payment') {
      if (this.popup && !this.popup.closed) {
        this.popup.location.href = action.url;
      } else {
        this.popup = undefined;
        globalThis.location.assign(action.url);
        this.set({ step: 'paying' });
        return;
      }
    }
    this.set({ step: 'paying' });
    void this.wait(order.id);
  }

  /** A fresh QR code for an Alipay / WeChat Pay order whose code expired: same order, new code. */
  async refreshPayment(): Promise<void> {
    const store = this.host.store;
    if (!store || !this.order || this.step !== 'paying') return;
    try {
      const order = await store.client.refreshPayment(this.order.id);
      store.setOrder(order);
      this.set({ order });
    } catch (error) {
      this.fail(error);
    }
  }

  /** Opens the card payment page again, e.g. after the traveller closed the window by mistake. */
  reopenPayment(): void {
    const action = this.order?.paymentAction;
    if (action?.type !== 'redirect') return;
    this.popup = this.host.paymentMode === 'popup' ? openPaymentWindow(action.url) : null;
    if (!this.popup) globalThis.location.assign(action.url);
  }

  private async wait(orderId: string): Promise<void> {
    const store = this.host.store;
    if (!store) return;
    this.stopWaiting();
    const abort = (this.abort = new AbortController());
    if (!this.slow) this.slowTimer = setTimeout(() => this.set({ slow: true }), this.host.slowAfter);
    try {
      const order = await store.client.waitForOrder(orderId, {
        signal: abort.signal,
        onUpdate: (update) => {
          store.setOrder(update);
          if (update.status === 'processing' && this.step === 'paying') this.set({ step: 'confirming', order: update });
          else this.set({ order: update });
        },
      });
      this.popup?.close();
      if (order.status === 'succeeded') return await this.confirm(order, abort.signal);
      clearPendingAttempt();
      const code = order.failureCode ?? order.status;
      this.fail(new RenewalError('payment_failed', `The order ended ${order.status} (${code})`, { details: { failureCode: code, orderId: order.id } }));
    } catch (error) {
      this.fail(error);
    }
  }

  /** The order says succeeded; re-read the card until it shows the renewal, then report success. */
  private async confirm(order: Order, signal: AbortSignal): Promise<void> {
    const store = this.host.store!;
    this.set({ step: 'confirming', order });
    const target = Date.parse(order.card?.expiresAt ?? order.quote.newExpiresAt);
    let card = await store.client.getCard({ signal });
    for (let attempt = 0; Date.parse(card.expiresAt) < target && attempt < 10; attempt += 1) {
      await sleep(1_000, signal);
      card = await store.client.getCard({ signal });
    }
    this.stopWaiting();
    clearPendingAttempt();
    store.setCard(card);
    this.set({ step: 'success', card });
    this.host.dispatchEvent(new EsimRenewalSuccessEvent(order, card));
  }

  /** Resumes an attempt after a reload or the redirect back from the payment page, if there is one. */
  async resume(): Promise<boolean> {
    const store = this.host.store;
    const returned = takeQueryParam(RETURN_PARAM);
    const pending = readPendingAttempt(mayBeReturningFromPayment(returned !== undefined));
    const orderId = returned ?? pending?.orderId;
    if (!store || !orderId || this.step !== 'idle') return false;
    this.set({ step: 'confirming' });
    try {
      const order = await store.client.getOrder(orderId);
      this.attemptKey = pending?.orderId === orderId ? pending.key : undefined;
      this.set({ order, quote: order.quote, plan: order.quote.plan, method: order.paymentMethod });
      store.setOrder(order);
      if (order.status === 'succeeded') await this.confirm(order, new AbortController().signal);
      else {
        this.set({ step: order.status === 'processing' ? 'confirming' : 'paying' });
        void this.wait(order.id);
      }
      return true;
    } catch (error) {
      clearPendingAttempt();
      if (isRenewalError(error) && error.code === 'not_found') {
        // An attempt left by another card's session in this tab: not ours to resume.
        this.reset();
        return false;
      }
      this.fail(error);
      return true;
    }
  }

  /** Back to the start after success or an error; a new attempt gets a new key. */
  reset(): void {
    this.stopWaiting();
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

  /** Gives up on the current attempt: cancels an unpaid order, and stops waiting. */
  async cancel(): Promise<void> {
    const order = this.order;
    this.stopWaiting();
    this.popup?.close();
    if (order?.status === 'requires_payment') {
      try {
        await this.host.store?.client.cancelOrder(order.id);
      } catch {
        // Paid in the meantime, or already over: the order's own state is the truth, nothing to undo.
      }
    }
    clearPendingAttempt();
    this.reset();
  }

  private stopWaiting(): void {
    this.abort?.abort();
    this.abort = undefined;
    clearTimeout(this.slowTimer);
  }
}

function openPaymentWindow(url: string): Window | null {
  return globalThis.open?.(url, 'esim-payment', 'popup,width=480,height=720') ?? null;
}
