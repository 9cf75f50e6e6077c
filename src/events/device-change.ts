import type { Activation, Card } from '../client/schemas.js';

/** The card moved to a new phone in `<esim-device-change>`: `activation` installs it there (once). */
export class EsimDeviceChangeEvent extends CustomEvent<{ card: Card; activation: Activation }> {
  constructor(
    readonly card: Card,
    readonly activation: Activation,
  ) {
    super('esim-device-change', { bubbles: true, composed: true, detail: { card, activation } });
  }
}

declare global {
  interface HTMLElementEventMap {
    'esim-device-change': EsimDeviceChangeEvent;
  }
}
