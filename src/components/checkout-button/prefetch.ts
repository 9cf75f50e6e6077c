import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadDialogViews, loadPaymentSteps } from './checkout-flow.js';

/**
 * The dialog's views and the payment steps load when the dialog opens; a traveller heading for the button (hover, focus: `now()`) or a
 * page with nothing left to do (idle, once `ready()` says the plans are shown) gets them beforehand — never before
 * the page's data, which comes first. A failed prefetch is retried when the dialog opens, and reported there.
 */
export class PaymentStepsPrefetch implements ReactiveController {
  private cancel?: () => void;

  constructor(
    host: ReactiveControllerHost,
    private readonly ready: () => boolean,
  ) {
    host.addController(this);
  }

  readonly now = (): void => {
    void loadDialogViews().catch(() => undefined);
    void loadPaymentSteps().catch(() => undefined);
  };

  hostUpdated(): void {
    if (this.cancel || !this.ready()) return;
    if ('requestIdleCallback' in globalThis) {
      const id = requestIdleCallback(this.now, { timeout: 5_000 });
      this.cancel = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(this.now, 1_000); // Safari has no requestIdleCallback
      this.cancel = () => clearTimeout(id);
    }
  }

  hostDisconnected(): void {
    this.cancel?.();
    this.cancel = undefined;
  }
}
