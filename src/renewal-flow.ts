/** Entry point that registers `<esim-renewal-flow>` and the elements it is made of (once each). */
import { EsimBalanceBadge } from './components/balance-badge/balance-badge.js';
import { EsimCheckoutButton } from './components/checkout-button/checkout-button.js';
import { EsimPlanPicker } from './components/plan-picker/plan-picker.js';
import { EsimRenewalFlow } from './components/renewal-flow/renewal-flow.js';
import { defineElement } from './internal/define.js';

defineElement('esim-balance-badge', EsimBalanceBadge);
defineElement('esim-plan-picker', EsimPlanPicker);
defineElement('esim-checkout-button', EsimCheckoutButton);
defineElement('esim-renewal-flow', EsimRenewalFlow);

export { EsimRenewalFlow };
