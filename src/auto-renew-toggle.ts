/** Entry point that registers `<esim-auto-renew-toggle>` (once, even if another copy of this SDK got there first). */
import { EsimAutoRenewToggle } from './components/auto-renew-toggle/auto-renew-toggle.js';
import { defineElement } from './internal/define.js';

defineElement('esim-auto-renew-toggle', EsimAutoRenewToggle);

export { EsimAutoRenewToggle };
