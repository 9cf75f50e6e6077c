// The checkout in the component tests: a provider with a plan picker and a checkout button on a new sandbox session,
// and waiting for the checkout's step, shared by every suite that pays.
import { waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { PaymentEnv } from '../../src/client/schemas.js';
import type { EsimCheckoutButton } from '../../src/components/checkout-button/checkout-button.js';
import type { CheckoutStep } from '../../src/components/checkout-button/checkout-flow.js';
import type { EsimRenewal } from '../../src/components/renewal/renewal.js';
import { mountWithProvider } from './dom.js';
import { newSession, type TestSession } from './sandbox.js';

export interface CheckoutPage {
  provider: EsimRenewal;
  button: EsimCheckoutButton;
  session: TestSession;
}

/** Waits until the checkout is at one of `steps`; the failure says where it is instead. */
export async function untilStep(button: EsimCheckoutButton, ...steps: CheckoutStep[]): Promise<void> {
  await waitUntil(() => steps.includes(button.step), `checkout at ${button.step}, wanted ${steps.join('/')}`, { timeout: 15_000 });
}

/** A provider in `env` (its `payment-env`) and `locale` on an active card, once the picker shows the plans. */
export async function checkoutIn(env: PaymentEnv, locale = 'en'): Promise<CheckoutPage> {
  const session = await newSession({ template: 'active' });
  const provider = await mountWithProvider(session, html`<esim-plan-picker></esim-plan-picker><esim-checkout-button></esim-checkout-button>`, locale);
  provider.paymentEnv = env;
  const picker = provider.querySelector('esim-plan-picker')!;
  await waitUntil(() => picker.shadowRoot!.querySelector('[role=radio]'), 'plans never showed', { timeout: 10_000 });
  return { provider, button: provider.querySelector('esim-checkout-button')!, session };
}
