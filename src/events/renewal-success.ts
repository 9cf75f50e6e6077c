import type { Card, Order } from '../client/schemas.js';
import { EsimEvent } from './esim-event.js';

/** The renewal was paid and confirmed: `card` is the card as re-read from the network afterwards. */
export class EsimRenewalSuccessEvent extends EsimEvent<{ order: Order; card: Card }> {
  declare readonly order: Order;
  declare readonly card: Card;

  constructor(order: Order, card: Card) {
    super('esim-renewal-success', { order, card });
  }
}

// Typed wherever a page listens: on our elements, on `document` and on `window` (they bubble and are composed).
declare global {
  interface GlobalEventHandlersEventMap {
    'esim-renewal-success': EsimRenewalSuccessEvent;
  }
}
