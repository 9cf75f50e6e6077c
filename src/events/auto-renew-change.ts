import type { AutoRenew } from '../client/schemas.js';

/** Auto-renew was turned on or off in `<esim-auto-renew-toggle>`; `autoRenew` is the setting the server saved. */
export class EsimAutoRenewChangeEvent extends CustomEvent<{ autoRenew: AutoRenew }> {
  constructor(readonly autoRenew: AutoRenew) {
    super('esim-auto-renew-change', { bubbles: true, composed: true, detail: { autoRenew } });
  }
}

declare global {
  interface HTMLElementEventMap {
    'esim-auto-renew-change': EsimAutoRenewChangeEvent;
  }
}
