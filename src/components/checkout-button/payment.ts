// The checkout's payment steps, loaded on demand (see `loadPaymentSteps` in ./checkout-flow.ts): creating the order,
// sending the traveller to pay (card window or redirect, Alipay / WeChat Pay code), waiting for the order with the
// tab's visibility in mind, confirming the renewal on the card and resuming after a reload; their views are in
// ./payment-views.ts. Everything they show is the flow's state, written through `flow.set`.
import type { ReactiveController } from 'lit';
import { isRenewalError, RenewalError } from '../../client/errors.js';
import { sleep } from '../../client/index.js';
import type { Order, Quote } from '../../client/schemas.js';
import { EsimRenewalSuccessEvent } from '../../events/renewal-success.js';
import type { PaymentFlow, PaymentSteps, PaymentViews } from './checkout-state.js';
import { alipayTradePay } from './alipay-bridge.js';
import { detectPaymentEnv, requestedPaymentEnv } from './payment-env.js';
import { renderHandoffLink, renderPaying, renderSuccess, renderUnavailable } from './payment-views.js';
import { openPaymentWindow } from './popup.js';
import { clearPendingAttempt, savePendingAttempt, type PendingAttempt } from './pending.js';
import { enPaymentUnavailable } from '../../i18n/en/payment-unavailable.js';
import { addEnglish } from '../../i18n/index.js';

// English for the payment steps comes in this module's chunk: it joins the English catalogue as this module is
// evaluated, so before the payment steps can show them (see `addEnglish`). Pages without it never download these
// messages.
addEnglish({ paymentUnavailable: enPaymentUnavailable });

export class CheckoutPayment implements ReactiveController, PaymentSteps {
  private popup?: Window | null;
  private abort?: AbortController;
  private slowTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly flow: PaymentFlow) {
    flow.host.addController(this);
    void this.loadMethods();
  }

  /**
   * Where the page runs (the partner's `payment-env`, else the client's `paymentEnv` option, else what the browser
   * looks like) and the methods that work there, for the summary to offer.
   */
  private async loadMethods(): Promise<void> {
    const flow = this.flow;
    const store = flow.host.store;
    const env = requestedPaymentEnv(flow.host.paymentEnv) ?? store?.client.paymentEnv ?? detectPaymentEnv();
    flow.set({ env });
    try {
      const list = await store?.client.listPaymentMethods({ env });
      if (list) flow.set({ methodOptions: list.methods });
    } catch {
      // Unknown: every method is offered, and the order's own answer (method_unavailable_in_env) says why if one fails.
    }
  }

  hostConnected(): void {
    globalThis.document?.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    globalThis.document?.removeEventListener('visibilitychange', this.onVisibility);
    this.stop();
  }

  /** Polling pauses while the tab is hidden (nobody is looking, and phones abroad pay for every byte) and resumes,
   * with an immediate check, when it shows again. */
  private readonly onVisibility = (): void => {
    const flow = this.flow;
    const { order, step, paused } = flow.state;
    const waiting = order && (step === 'paying' || step === 'confirming');
    if (document.visibilityState === 'hidden') {
      if (waiting && this.abort) {
        this.stop();
        flow.set({ paused: true });
      }
    } else if (paused) {
      flow.set({ paused: false });
      if (waiting) void this.wait(order.id);
    }
  };

  /** Creates the order for `quote` under the attempt's `key`, then sends the traveller to pay. */
  async createOrder(quote: Quote, key: string, popup: Window | null | undefined): Promise<void> {
    const flow = this.flow;
    const store = flow.host.store!;
    this.popup = popup;
    flow.set({ step: 'creating' });
    try {
      const order = await store.client.createOrder(
        // A payment page in a popup just says "done" and we close it; only a full-page redirect needs the way back.
        {
          quoteId: quote.id,
          paymentMethod: flow.state.method,
          paymentEnv: flow.state.env,
          returnUrl: this.popup ? undefined : flow.host.returnUrl,
        },
        { idempotencyKey: key },
      );
      savePendingAttempt({ orderId: order.id, key });
      flow.set({ order });
      this.follow(order);
    } catch (error) {
      this.closeWindow();
      const plan = flow.state.plan;
      if (isRenewalError(error) && error.code === 'quote_expired' && plan) {
        // Prices are only held for 15 minutes: show the new one rather than fail.
        flow.set({ step: 'idle' });
        await flow.start(plan);
        flow.set({ quoteRefreshed: true });
        return;
      }
      flow.set({ orderUnknown: isRenewalError(error) && (error.retryable || error.code === 'invalid_response') });
      flow.fail(error);
    }
  }

  /** Sends the traveller to pay (popup, redirect or wallet code), then waits for the order. */
  private follow(order: Order): void {
    const action = order.paymentAction;
    if (action?.type === 'app_bridge' && order.status === 'requires_payment') {
      this.flow.set({ step: 'paying' });
      void this.wait(order.id);
      // Whatever the app answers, the order decides: back from the sheet, read it now and say so.
      void alipayTradePay(action.tradeNo).then(() => {
        if (this.flow.state.order?.id !== order.id || this.flow.state.step !== 'paying') return;
        this.flow.set({ checking: true });
        this.checkAgain();
      });
      return;
    }
    if (action?.type === 'redirect' && order.status === 'requires_payment') {
      if (this.popup && !this.popup.closed) {
        this.popup.location.href = action.url;
      } else {
        this.popup = undefined;
        globalThis.location.assign(action.url);
        this.flow.set({ step: 'paying' });
        return;
      }
    }
    this.flow.set({ step: 'paying' });
    void this.wait(order.id);
  }

  /** A fresh QR code for an Alipay / WeChat Pay order whose code expired: same order, new code. */
  async refreshPayment(): Promise<void> {
    const flow = this.flow;
    const store = flow.host.store;
    const current = flow.state.order;
    if (!store || !current || flow.state.step !== 'paying') return;
    try {
      const order = await store.client.refreshPayment(current.id);
      flow.set({ order });
    } catch (error) {
      flow.fail(error);
    }
  }

  /** Opens the card payment page again, e.g. after the traveller closed the window by mistake. */
  reopenPayment(): void {
    const action = this.flow.state.order?.paymentAction;
    if (action?.type !== 'redirect') return;
    this.popup = this.flow.host.paymentMode === 'popup' ? openPaymentWindow(action.url) : null;
    if (!this.popup) globalThis.location.assign(action.url);
  }

  private async wait(orderId: string): Promise<void> {
    const flow = this.flow;
    const store = flow.host.store;
    if (!store) return;
    this.stop();
    const abort = (this.abort = new AbortController());
    if (!flow.state.slow) this.slowTimer = setTimeout(() => flow.set({ slow: true }), flow.host.slowAfter);
    // A wallet code is polled as the providers advise: every 2 s for the first minute, then less and less often.
    const qr = flow.state.order?.paymentAction?.type === 'qr';
    try {
      const order = await store.client.waitForOrder(orderId, {
        signal: abort.signal,
        ...(qr ? { interval: 2_000, steadyFor: 60_000, backoff: 2, maxInterval: 8_000 } : {}),
        onUpdate: (update) => {
          const confirming = update.status === 'processing' && flow.state.step === 'paying';
          flow.set(confirming ? { step: 'confirming', order: update } : { order: update });
        },
      });
      this.closeWindow();
      if (order.status === 'succeeded') return await this.confirm(order, abort.signal);
      clearPendingAttempt();
      const code = order.failureCode ?? order.status;
      flow.fail(
        new RenewalError('payment_failed', `The order ended ${order.status} (${code})`, {
          details: { failureCode: code, orderId: order.id },
        }),
      );
    } catch (error) {
      flow.fail(error);
    }
  }

  /** The order says succeeded; re-read the card until it shows the renewal, then report success. */
  private async confirm(order: Order, signal: AbortSignal): Promise<void> {
    const flow = this.flow;
    const store = flow.host.store!;
    flow.set({ step: 'confirming', order });
    const target = Date.parse(order.card?.expiresAt ?? order.quote.newExpiresAt);
    let card = await store.client.getCard({ signal });
    for (let attempt = 0; Date.parse(card.expiresAt) < target && attempt < 10; attempt += 1) {
      await sleep(1_000, signal);
      card = await store.client.getCard({ signal });
    }
    this.stop();
    clearPendingAttempt();
    store.setCard(card);
    flow.set({ step: 'success', card });
    flow.host.dispatchEvent(new EsimRenewalSuccessEvent(order, card));
  }

  /** Resumes the attempt on `orderId` (from the return address or the one this tab remembers). */
  async resume(orderId: string, pending: PendingAttempt | undefined): Promise<boolean> {
    const flow = this.flow;
    const store = flow.host.store!;
    try {
      const order = await store.client.getOrder(orderId);
      const attemptKey = pending?.orderId === orderId ? pending.key : undefined;
      flow.set({ order, quote: order.quote, plan: order.quote.plan, method: order.paymentMethod, attemptKey });
      if (order.status === 'succeeded') await this.confirm(order, new AbortController().signal);
      else {
        // Back from a payment page or a reload: the way back proves nothing, the order is read until it settles.
        flow.set({ step: order.status === 'processing' ? 'confirming' : 'paying', checking: order.status !== 'processing' });
        void this.wait(order.id);
      }
      return true;
    } catch (error) {
      clearPendingAttempt();
      if (isRenewalError(error) && error.code === 'not_found') {
        // An attempt left by another card's session in this tab: not ours to resume.
        flow.reset();
        return false;
      }
      flow.fail(error);
      return true;
    }
  }

  /** Gives up on the current attempt: cancels an unpaid order, and stops waiting. */
  async cancel(): Promise<void> {
    const order = this.flow.state.order;
    this.stop();
    this.closeWindow();
    if (order?.status === 'requires_payment') {
      try {
        await this.flow.host.store?.client.cancelOrder(order.id);
      } catch {
        // Paid in the meantime, or already over: the order's own state is the truth, nothing to undo.
      }
    }
    clearPendingAttempt();
    this.flow.reset();
  }

  checkAgain(): void {
    const order = this.flow.state.order;
    if (order && (this.flow.state.step === 'paying' || this.flow.state.step === 'confirming')) void this.wait(order.id);
  }

  async copyPageLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(globalThis.location.href);
      this.flow.set({ pageLink: 'copied' });
    } catch {
      // No clipboard here (WeChat's browser often has none): the link is shown selected, to copy by hand.
      this.flow.set({ pageLink: 'failed' });
    }
  }

  /** Stops waiting for the order (the page or the traveller moved on). */
  stop(): void {
    this.abort?.abort();
    this.abort = undefined;
    clearTimeout(this.slowTimer);
  }

  /** Closes the card payment window, if one is open. */
  closeWindow(): void {
    this.popup?.close();
  }

  /** The views of these steps, for the dialog to render (it cannot import them: they load with this). */
  readonly views: PaymentViews = {
    paying: renderPaying,
    success: renderSuccess,
    handoffLink: renderHandoffLink,
    unavailable: renderUnavailable,
  };
}
