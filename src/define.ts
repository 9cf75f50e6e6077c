import { EsimAutoRenewToggle } from './components/auto-renew-toggle/auto-renew-toggle.js';
import { EsimBalanceBadge } from './components/balance-badge/balance-badge.js';
import { EsimCheckoutButton } from './components/checkout-button/checkout-button.js';
import { EsimPlanPicker } from './components/plan-picker/plan-picker.js';
import { EsimDeviceChange } from './components/device-change/device-change.js';
import { EsimOrderHistory } from './components/order-history/order-history.js';
import { EsimRenewal } from './components/renewal/renewal.js';
import { EsimRenewalFlow } from './components/renewal-flow/renewal-flow.js';
import { EsimUsageMeter } from './components/usage-meter/usage-meter.js';
import { defineElement } from './internal/define.js';

/** Every element of the SDK by tag name. */
export const elements = {
  'esim-renewal': EsimRenewal,
  'esim-balance-badge': EsimBalanceBadge,
  'esim-plan-picker': EsimPlanPicker,
  'esim-checkout-button': EsimCheckoutButton,
  'esim-renewal-flow': EsimRenewalFlow,
  'esim-order-history': EsimOrderHistory,
  'esim-device-change': EsimDeviceChange,
  'esim-usage-meter': EsimUsageMeter,
  'esim-auto-renew-toggle': EsimAutoRenewToggle,
} as const;

/** Registers every element whose name is still free. Importing this module registers nothing by itself. */
export function defineAll(): void {
  for (const [tag, element] of Object.entries(elements)) defineElement(tag, element);
}
