import type { Refund } from '../client/schemas.js';
import { EsimEvent } from './esim-event.js';

/** The traveller asked for a refund in `<esim-order-history>`; the operator decides, then the history shows it. */
export class EsimRefundRequestEvent extends EsimEvent<{ refund: Refund }> {
  declare readonly refund: Refund;

  constructor(refund: Refund) {
    super('esim-refund-request', { refund });
  }
}

declare global {
  interface HTMLElementEventMap {
    'esim-refund-request': EsimRefundRequestEvent;
  }
}
