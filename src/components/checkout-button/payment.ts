// The checkout's payment steps, loaded on demand (see `loadPaymentSteps` in ./checkout-flow.ts): creating the order,
// sending the traveller to pay (card window or redirect, Alipay / WeChat Pay code, the Alipay app's sheet), canceling,
// and resuming after a reload; waiting for the order and confirming the renewal on the card are ./order-watch.ts,
// their views ./payment-views.ts. Everything they show is the flow's state, written through `flow.set`.
import type { ReactiveController } from 'lit';
import { isRenewalError } from '../../client/errors.js';
import { PAYMENT_METHODS } from '../../client/constants.js';
import type { Order, Quote } from '../../client/schemas.js';
import type { PaymentFlow, PaymentSteps, PaymentViews } from './checkout-state.js';
import { alipayTradePay, NO_ALIPAY_BRIDGE } from './alipay-bridge.js';
import { detectPaymentEnv, requestedPaymentEnv } from './payment-env.js';
import { renderHandoffLink, renderPaying, renderSuccess, renderUnavailable } from './payment-views.js';
import { OrderWatch } from './order-watch.js';
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
  /** Waiting for the order: its polling, paused while the tab is hidden, and the confirmation on the card. */
  private readonly watch: OrderWatch;
  /** Whether the element is on the page: Alipay's sheet may answer after it left, and then nothing is done. */
  private connected = true;

  constructor(private readonly flow: PaymentFlow) {
    flow.host.addController(this);
    this.watch = new OrderWatch(flow, () => this.closeWindow());
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
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
  }

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
      void this.watch.wait(order.id);
      this.openAlipay(order.id, action.tradeNo);
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
    void this.watch.wait(order.id);
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

  /**
   * Opens Alipay's payment sheet for the order's trade (inside the Alipay app). Whatever the app answers, the order
   * decides: back from the sheet, it is read now and the traveller is told so. No bridge at all (not inside the Alipay
   * app after all) ends the attempt with a way forward, see `alipayMissing`.
   */
  private openAlipay(orderId: string, tradeNo: string): void {
    void alipayTradePay(tradeNo).then((code) => {
      const { order, step } = this.flow.state;
      if (!this.connected || order?.id !== orderId || step !== 'paying') return;
      if (code === 'unavailable') return this.alipayMissing(orderId);
      this.flow.set({ checking: true });
      this.checkAgain();
    });
  }

  /**
   * Alipay's bridge never came: the page is not inside the Alipay app (or the partner's `payment-env` said it was),
   * so this order cannot be paid here. It is canceled (its trade closed, so nothing can be charged for it later) and
   * the traveller is back on the same summary, where Alipay is marked unavailable with why and what to do — pay
   * another way, or open the page in the browser or the Alipay app — and another method is chosen. If the trade was
   * paid after all, that outcome is shown instead.
   */
  private async alipayMissing(orderId: string): Promise<void> {
    const flow = this.flow;
    this.stop();
    try {
      await flow.host.store?.client.cancelOrder(orderId);
    } catch {
      return this.showOrder(orderId);
    }
    clearPendingAttempt();
    const options = flow.state.methodOptions ?? PAYMENT_METHODS.map((method) => ({ method, available: true }));
    flow.set({
      step: 'summary', order: undefined, attemptKey: undefined, checking: false, slow: false,
      methodOptions: options.map((o) => (o.method === 'alipay' ? { method: o.method, available: false, reason: NO_ALIPAY_BRIDGE } : o)),
    });
  }

  /**
   * Opens the payment again: the card payment page (e.g. after the traveller closed the window by mistake), or
   * Alipay's sheet inside the Alipay app (e.g. after a reload while it was open).
   */
  reopenPayment(): void {
    const order = this.flow.state.order;
    const action = order?.paymentAction;
    if (action?.type === 'app_bridge') return this.openAlipay(order!.id, action.tradeNo);
    if (action?.type !== 'redirect') return;
    this.popup = this.flow.host.paymentMode === 'popup' ? openPaymentWindow(action.url) : null;
    if (!this.popup) globalThis.location.assign(action.url);
  }

  /** Resumes the attempt on `orderId` (from the return address or the one this tab remembers). */
  async resume(orderId: string, pending: PendingAttempt | undefined): Promise<boolean> {
    const flow = this.flow;
    const store = flow.host.store!;
    try {
      const order = await store.client.getOrder(orderId);
      const attemptKey = pending?.orderId === orderId ? pending.key : undefined;
      flow.set({ order, quote: order.quote, plan: order.quote.plan, method: order.paymentMethod, attemptKey });
      if (order.status === 'succeeded') await this.watch.confirm(order);
      else {
        // Back from a payment page or a reload: the way back proves nothing, the order is read until it settles.
        flow.set({ step: order.status === 'processing' ? 'confirming' : 'paying', checking: order.status !== 'processing' });
        void this.watch.wait(order.id);
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

  /**
   * Gives up on the current attempt: cancels an unpaid order, and stops waiting. Canceling closes the payment at the
   * provider first, so a wallet payment still on its way (a QR code on the traveller's phone, the Alipay sheet) is
   * refused and nothing is charged. If the payment arrived first the API refuses the cancel: the order's real outcome
   * is shown (the renewal, or why it failed), never a cancellation that did not happen.
   */
  async cancel(): Promise<void> {
    const flow = this.flow;
    const order = flow.state.order;
    this.stop();
    this.closeWindow();
    if (order?.status === 'requires_payment') {
      try {
        await flow.host.store?.client.cancelOrder(order.id);
      } catch {
        // Refused (paid or over in the meantime), or no answer: the order's own state says what happened.
        return this.showOrder(order.id);
      }
    }
    clearPendingAttempt();
    flow.reset();
  }

  /** Shows where `orderId` really is, after a cancel that did not go through: paid, failed, canceled or still open. */
  private async showOrder(orderId: string): Promise<void> {
    const flow = this.flow;
    try {
      const order = await flow.host.store!.client.getOrder(orderId);
      if (order.status === 'canceled') {
        clearPendingAttempt();
        flow.reset();
      } else if (order.status === 'succeeded') {
        await this.watch.confirm(order);
      } else {
        flow.set({ order, step: order.status === 'processing' ? 'confirming' : 'paying' });
        void this.watch.wait(order.id);
      }
    } catch (error) {
      flow.fail(error);
    }
  }

  checkAgain(): void {
    const order = this.flow.state.order;
    if (order && (this.flow.state.step === 'paying' || this.flow.state.step === 'confirming')) void this.watch.wait(order.id);
  }

  /** Stops waiting for the order (the page or the traveller moved on). */
  stop(): void {
    this.watch.stop();
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
