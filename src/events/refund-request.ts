import type { Refund } from '../client/schemas.js';
import { EsimEvent } from './esim-event.js';

/** The traveller asked for a refund in `<esim-order-history>`; the operator decides, then the history shows it. */
export class EsimRefundRequestEvent extends EsimEvent<{ refund: Refund }> {
  /** The event's name. */
  static readonly type = 'esim-refund-request';

  declare readonly refund: Refund;

  constructor(refund: Refund) {
    super(EsimRefundRequestEvent.type, { refund });
  }
}

// Typed wherever a page listens: on our elements, on `document` and on `window` (they bubble and are composed).
declare global {
  interface GlobalEventHandlersEventMap {
    'esim-refund-request': EsimRefundRequestEvent;
  }
}
