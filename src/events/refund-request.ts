import type { Refund } from '../client/schemas.js';

/** The traveller asked for a refund in `<esim-order-history>`; the operator decides, then the history shows it. */
export class EsimRefundRequestEvent extends CustomEvent<{ refund: Refund }> {
  constructor(readonly refund: Refund) {
    super('esim-refund-request', { bubbles: true, composed: true, detail: { refund } });
  }
}

declare global {
  interface HTMLElementEventMap {
    'esim-refund-request': EsimRefundRequestEvent;
  }
}
