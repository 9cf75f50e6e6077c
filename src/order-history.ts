/** Entry point that registers `<esim-order-history>` (once, even if another copy of this SDK got there first). */
import { EsimOrderHistory } from './components/order-history/order-history.js';
import { defineElement } from './internal/define.js';

defineElement('esim-order-history', EsimOrderHistory);

export { EsimOrderHistory };
