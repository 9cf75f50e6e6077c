import type { Card } from '../client/schemas.js';
import { EsimEvent } from './esim-event.js';

/**
 * The card expires within the provider's `warn-days` or is running low on data. Fired once per card and page
 * view, so a partner can show its own banner or send a reminder.
 */
export class EsimExpiryWarningEvent extends EsimEvent<{ card: Card; daysLeft: number; lowOnData: boolean }> {
  declare readonly card: Card;
  declare readonly daysLeft: number;
  declare readonly lowOnData: boolean;

  constructor(card: Card, daysLeft: number, lowOnData: boolean) {
    super('esim-expiry-warning', { card, daysLeft, lowOnData });
  }
}

// Typed wherever a page listens: on our elements, on `document` and on `window` (they bubble and are composed).
declare global {
  interface GlobalEventHandlersEventMap {
    'esim-expiry-warning': EsimExpiryWarningEvent;
  }
}
