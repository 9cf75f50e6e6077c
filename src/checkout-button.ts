/** Entry point that registers `<esim-checkout-button>` (once, even if another copy of this SDK got there first). */
import { EsimCheckoutButton } from './components/checkout-button/checkout-button.js';
import { defineElement } from './internal/define.js';

defineElement('esim-checkout-button', EsimCheckoutButton);

export { EsimCheckoutButton };
