import type { RenewalError } from '../client/errors.js';
import { EsimEvent } from './esim-event.js';

/** A step of the renewal failed; the element shows the error itself, this lets the page log or react. */
export class EsimRenewalErrorEvent extends EsimEvent<{ error: RenewalError }> {
  declare readonly error: RenewalError;

  constructor(error: RenewalError) {
    super('esim-renewal-error', { error });
  }
}

// Typed wherever a page listens: on our elements, on `document` and on `window` (they bubble and are composed).
declare global {
  interface GlobalEventHandlersEventMap {
    'esim-renewal-error': EsimRenewalErrorEvent;
  }
}
