import type { AutoRenew } from '../client/schemas.js';
import { EsimEvent } from './esim-event.js';

/** Auto-renew was turned on or off in `<esim-auto-renew-toggle>`; `autoRenew` is the setting the server saved. */
export class EsimAutoRenewChangeEvent extends EsimEvent<{ autoRenew: AutoRenew }> {
  declare readonly autoRenew: AutoRenew;

  constructor(autoRenew: AutoRenew) {
    super('esim-auto-renew-change', { autoRenew });
  }
}

// Typed wherever a page listens: on our elements, on `document` and on `window` (they bubble and are composed).
declare global {
  interface GlobalEventHandlersEventMap {
    'esim-auto-renew-change': EsimAutoRenewChangeEvent;
  }
}
