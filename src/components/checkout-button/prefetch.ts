import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RenewalError } from '../../client/errors.js';
import { whenIdle } from '../../internal/idle.js';

type SessionModule = typeof import('./checkout-session.js');

let session: Promise<SessionModule> | undefined;

/**
 * A checkout — its flow, the summary and outcome views with their English and rules — is a module of its own
 * (./checkout-session.ts), loaded when "Renew" is pressed and prefetched on hover, focus or idle (below): the page's
 * first script holds only the button and the dialog's frame. A failed load is forgotten, so the next try loads again.
 */
export function loadCheckoutSession(): Promise<SessionModule> {
  session ??= import('./checkout-session.js').catch((error: unknown) => {
    session = undefined;
    throw new RenewalError('network', `The checkout could not be loaded (${String(error)})`, { cause: error });
  });
  return session;
}

/** The checkout and, after it, its payment steps: everything a renewal loads. */
export const loadCheckout = (): Promise<void> =>
  loadCheckoutSession()
    .then((module) => module.loadPaymentSteps())
    .then(() => undefined);

/**
 * The checkout and its payment steps load when "Renew" is pressed; a traveller heading for the button (hover, focus:
 * `now()`) or a page with nothing left to do (idle, once `ready()` says the plans are shown) gets them beforehand —
 * never before the page's data, which comes first. A failed prefetch is retried when the button is pressed, and
 * reported there.
 */
export class CheckoutPrefetch implements ReactiveController {
  private cancel?: () => void;

  constructor(
    host: ReactiveControllerHost,
    private readonly ready: () => boolean,
    /** What prefetching does for this host: the checkout and its payment steps, at least (`loadCheckout`). */
    private readonly load: () => Promise<unknown> = loadCheckout,
  ) {
    host.addController(this);
  }

  readonly now = (): void => {
    void this.load().catch(() => undefined);
  };

  hostUpdated(): void {
    if (this.cancel || !this.ready()) return;
    this.cancel = whenIdle(this.now, 5_000, 1_000);
  }

  hostDisconnected(): void {
    this.cancel?.();
    this.cancel = undefined;
  }
}
