/** Entry point that registers `<esim-balance-badge>` (once, even if another copy of this SDK got there first). */
import { EsimBalanceBadge } from './components/balance-badge/balance-badge.js';
import { defineElement } from './internal/define.js';

defineElement('esim-balance-badge', EsimBalanceBadge);

export { EsimBalanceBadge };
