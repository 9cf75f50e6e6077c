// Waiting for the checkout's order, part of the payment steps (./payment.ts) and loaded with them: polling as the
// providers advise, paused while the tab is hidden, failing the checkout with the order's reason, and confirming a
// success on the card itself. What it learns is the flow's state, written through `flow.set`.
import type { ReactiveController } from 'lit';
import { RenewalError } from '../../client/errors.js';
import { sleep } from '../../client/index.js';
import type { Order } from '../../client/schemas.js';
import { EsimRenewalSuccessEvent } from '../../events/renewal-success.js';
import type { PaymentFlow } from './checkout-state.js';
import { clearPendingAttempt } from './pending.js';

export class OrderWatch implements ReactiveController {
  private abort?: AbortController;
  private slowTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly flow: PaymentFlow,
    /** Closes the card payment window once the order has settled. */
    private readonly closeWindow: () => void,
  ) {
    flow.host.addController(this);
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

  /**
   * Polls the order until it settles: on success, confirms the renewal on the card; on failure, fails the checkout
   * with the order's reason. A new wait replaces the one before.
   */
  async wait(orderId: string): Promise<void> {
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
  async confirm(order: Order, signal: AbortSignal = (this.abort = new AbortController()).signal): Promise<void> {
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

  /** Stops waiting for the order (the page or the traveller moved on). */
  stop(): void {
    this.abort?.abort();
    this.abort = undefined;
    clearTimeout(this.slowTimer);
  }
}
