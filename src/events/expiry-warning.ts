import type { Card } from '../client/schemas.js';

/**
 * The card expires within the provider's `warn-days` or is running low on data. Fired once per card and page
 * view, so a partner can show its own banner or send a reminder.
 */
export class EsimExpiryWarningEvent extends CustomEvent<{ card: Card; daysLeft: number; lowOnData: boolean }> {
  constructor(
    readonly card: Card,
    readonly daysLeft: number,
    readonly lowOnData: boolean,
  ) {
    super('esim-expiry-warning', { bubbles: true, composed: true, detail: { card, daysLeft, lowOnData } });
  }
}

declare global {
  interface HTMLElementEventMap {
    'esim-expiry-warning': EsimExpiryWarningEvent;
  }
}
