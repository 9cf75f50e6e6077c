import type { Activation, Card } from '../client/schemas.js';
import { EsimEvent } from './esim-event.js';

/** The card moved to a new phone in `<esim-device-change>`: `activation` installs it there (once). */
export class EsimDeviceChangeEvent extends EsimEvent<{ card: Card; activation: Activation }> {
  declare readonly card: Card;
  declare readonly activation: Activation;

  constructor(card: Card, activation: Activation) {
    super('esim-device-change', { card, activation });
  }
}

// Typed wherever a page listens: on our elements, on `document` and on `window` (they bubble and are composed).
declare global {
  interface GlobalEventHandlersEventMap {
    'esim-device-change': EsimDeviceChangeEvent;
  }
}
