import type { Refund } from '../client/schemas.js';
import { EsimEvent } from './esim-event.js';

/** The traveller asked for a refund in `<esim-order-history>`; the operator decides, then the history shows it. */
export class EsimRefundRequestEvent extends EsimEvent<{ refund: Refund }> {
  declare readonly refund: Refund;

  constructor(refund: Refund) {
    super('esim-refund-request', { refund });
  }
}

// Typed wherever a page listens: on our elements, on `document` and on `window` (they bubble and are composed).
declare global {
  interface GlobalEventHandlersEventMap {
    'esim-refund-request': EsimRefundRequestEvent;
  }
}
