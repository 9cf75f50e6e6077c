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

// Typed wherever a page listens: on our elements, on `document` and on `window` (they bubble and are composed).
declare global {
  interface GlobalEventHandlersEventMap {
    'esim-checkout-start': EsimCheckoutStartEvent;
  }
}
