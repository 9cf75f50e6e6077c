import type { Plan } from '../client/schemas.js';
import { EsimEvent } from './esim-event.js';

/**
 * The traveller pressed the checkout button. Cancelable: a partner that calls `preventDefault()` (to ask for a
 * login first, say) stops the checkout before anything is requested.
 */
export class EsimCheckoutStartEvent extends EsimEvent<{ plan: Plan }> {
  declare readonly plan: Plan;

  constructor(plan: Plan) {
    super('esim-checkout-start', { plan }, true);
  }
}

declare global {
  interface HTMLElementEventMap {
    'esim-checkout-start': EsimCheckoutStartEvent;
  }
}
