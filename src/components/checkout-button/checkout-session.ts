// A checkout in the dialog, from the summary to the outcome: the flow (./checkout-flow.ts), the hand-off link, the
// wallet code's countdown, what the views may do and what they are shown. A module loaded on demand
// (`loadCheckoutSession` in ./prefetch.ts: when "Renew" is pressed, prefetched on hover, focus or idle), with the
// views, their English and rules; the element (./checkout-button.ts) draws the button and the dialog's frame, and
// asks this for the dialog's title and body once it is here.
import { nothing } from 'lit';
import { PAYMENT_METHODS } from '../../client/constants.js';
import type { PaymentMethod } from '../../client/schemas.js';
import type { SupportContact } from '../../context/settings.js';
import type { Messages } from '../../i18n/index.js';
import { CheckoutFlow, loadPaymentSteps } from './checkout-flow.js';
import type { CheckoutActions, CheckoutHost, ViewContext } from './checkout-state.js';
import { progress, renderError, renderSummary } from './checkout-views.js';
import { HandoffController, type HandoffHost } from './handoff.js';

export { viewStyles } from './checkout-views.js';
export { loadPaymentSteps };

/** The element a checkout runs in, as the session sees it. */
export interface SessionHost extends CheckoutHost, HandoffHost {
  /** Payment methods offered, space-separated, in order (`payment-methods`). */
  readonly paymentMethods: string;
  /** `qr`, `app` or `auto` (`wallet-mode`). */
  readonly walletMode: 'auto' | 'qr' | 'app';
  /** What the views show of the element: its messages and locale, support contacts and the masked card number. */
  viewBasics(): { msg: Messages; locale: string; support: SupportContact; maskedIccid?: string };
  closeDialog(): void;
}

export class CheckoutSession {
  readonly flow: CheckoutFlow;
  private readonly handoff: HandoffController;
  private now = Date.now();
  private showQr = false;
  private ticker?: ReturnType<typeof setInterval>;

  /** Everything the dialog's views may do. */
  private readonly actions: CheckoutActions;

  constructor(private readonly host: SessionHost) {
    const flow = (this.flow = new CheckoutFlow(host));
    this.handoff = new HandoffController(host, () => (flow.state.step === 'summary' ? flow.state.plan : undefined));
    this.actions = {
      close: () => host.closeDialog(),
      choose: (method) => flow.choose(method),
      applyPromo: (code) => void flow.applyPromo(code),
      pay: () => void flow.pay(),
      retry: () => flow.retry(),
      cancel: () => flow.cancel(),
      refreshPayment: () => void flow.payment?.refreshPayment(),
      reopenPayment: () => flow.payment?.reopenPayment(),
      showQr: () => {
        this.showQr = true;
        host.requestUpdate();
      },
      handoff: () => void this.handoff.start(),
      copyHandoff: () => void this.handoff.copy(),
      checkAgain: () => flow.payment?.checkAgain(),
      copyPageLink: () => void this.handoff.copyForBrowser(),
    };
  }

  /** The methods the element offers (`payment-methods`), in the API's order for where the page runs once known. */
  private get wantedMethods(): PaymentMethod[] {
    const wanted = this.host.paymentMethods.split(/[\s,]+/);
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

  private get walletExpiresAt(): number | undefined {
    const { order, step } = this.flow.state;
    const action = order?.paymentAction;
    return step === 'paying' && action?.type === 'qr' ? Date.parse(action.expiresAt) : undefined;
  }

  /** Before each render of the element: a method that works here is chosen, and the countdown ticks while shown. */
  willUpdate(): void {
    // Preselected: the first method that works here, in the environment's order, until the traveller chooses one
    // (and again if theirs stops working here) — only while choosing: an attempt under way keeps its order's method.
    const [first] = this.methods;
    const { method, methodChosen, step } = this.flow.state;
    const choosing = step === 'idle' || step === 'quoting' || step === 'summary';
    if (choosing && first && method !== first && (!methodChosen || !this.methods.includes(method))) {
      this.flow.set({ method: first });
    }
    // The wallet code's countdown ticks only while one is on screen: no timer outlives its need.
    if (this.walletExpiresAt !== undefined) this.startTicker();
    else this.stop();
  }

  private startTicker(): void {
    if (this.ticker) return;
    this.now = Date.now();
    this.ticker = setInterval(() => {
      this.now = Date.now();
      this.host.requestUpdate();
    }, 1_000);
  }

  /** Stops the countdown (the element left the page). */
  stop(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  /** The dialog closed (close button or Escape): forget a checkout that has not started paying. */
  closed(): void {
    if (['quoting', 'summary', 'success', 'error'].includes(this.flow.state.step)) this.flow.reset();
  }

  private viewContext(): ViewContext {
    const expiresAt = this.walletExpiresAt;
    const coarse = globalThis.matchMedia?.('(pointer: coarse)').matches ?? false;
    const walletMode = this.host.walletMode;
    return {
      ...this.host.viewBasics(),
      checkout: this.flow.state,
      methods: this.methods,
      unavailableMethods: this.wantedMethods.filter((method) => !this.methods.includes(method)),
      secondsLeft: expiresAt === undefined ? undefined : Math.ceil((expiresAt - this.now) / 1000),
      preferApp: !this.showQr && (walletMode === 'app' || (walletMode === 'auto' && coarse)),
      handoff: this.handoff.state,
      payment: this.flow.payment?.views,
      on: this.actions,
    };
  }

  /** The dialog's title and body for the current step. */
  render(): [string, unknown] {
    const ctx = this.viewContext();
    const m = ctx.msg.checkout;
    switch (ctx.checkout.step) {
      case 'idle':
        return [m.dialogTitle, nothing];
      case 'quoting':
        return [m.summaryTitle, progress(m.quoting)];
      case 'summary':
        return [m.summaryTitle, renderSummary(ctx)];
      case 'creating':
        return [m.paymentTitle, progress(m.creatingOrder)];
      case 'paying':
        return [m.paymentTitle, ctx.payment?.paying(ctx) ?? progress(m.waiting)];
      case 'confirming':
        return [m.paymentTitle, progress(ctx.checkout.slow ? m.slow : m.confirming)];
      case 'success':
        return [m.dialogTitle, ctx.payment?.success(ctx) ?? nothing];
      case 'error':
        return [m.dialogTitle, renderError(ctx)];
    }
  }
}
