/** Entry point that registers `<esim-renewal>` (once, even if another copy of this SDK got there first). */
import { EsimRenewal } from './components/renewal/renewal.js';
import { defineElement } from './internal/define.js';

defineElement('esim-renewal', EsimRenewal);

export { EsimRenewal };
