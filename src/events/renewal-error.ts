import type { RenewalError } from '../client/errors.js';

/** A step of the renewal failed; the element shows the error itself, this lets the page log or react. */
export class EsimRenewalErrorEvent extends CustomEvent<{ error: RenewalError }> {
  constructor(readonly error: RenewalError) {
    super('esim-renewal-error', { bubbles: true, composed: true, detail: { error } });
  }
}

declare global {
  interface HTMLElementEventMap {
    'esim-renewal-error': EsimRenewalErrorEvent;
  }
}
