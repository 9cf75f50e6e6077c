import type { Card, Order } from '../client/schemas.js';

/** The renewal was paid and confirmed: `card` is the card as re-read from the network afterwards. */
export class EsimRenewalSuccessEvent extends CustomEvent<{ order: Order; card: Card }> {
  constructor(
    readonly order: Order,
    readonly card: Card,
  ) {
    super('esim-renewal-success', { bubbles: true, composed: true, detail: { order, card } });
  }
}

declare global {
  interface HTMLElementEventMap {
    'esim-renewal-success': EsimRenewalSuccessEvent;
  }
}
