import type { Plan } from '../client/schemas.js';

/**
 * The traveller pressed the checkout button. Cancelable: a partner that calls `preventDefault()` (to ask for a
 * login first, say) stops the checkout before anything is requested.
 */
export class EsimCheckoutStartEvent extends CustomEvent<{ plan: Plan }> {
  constructor(readonly plan: Plan) {
    super('esim-checkout-start', { bubbles: true, composed: true, cancelable: true, detail: { plan } });
  }
}

declare global {
  interface HTMLElementEventMap {
    'esim-checkout-start': EsimCheckoutStartEvent;
  }
}
