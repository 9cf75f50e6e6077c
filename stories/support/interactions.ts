/**
 * Steps a play function takes, the way a traveller would: through the elements' shadow DOM, by `part`.
 */
import { expect, userEvent, waitFor } from 'storybook/test';
import type { EsimCheckoutButton } from '../../src/components/checkout-button/checkout-button.js';
import type { CheckoutStep } from '../../src/components/checkout-button/checkout-flow.js';
import type { PaymentMethod } from '../../src/client/schemas.js';

const TIMEOUT = { timeout: 5_000 };

/** The element's shadow node with that `part`, e.g. `part(button, 'pay')`. */
export function part<T extends Element = HTMLElement>(host: Element, name: string): T {
  const node = host.shadowRoot?.querySelector<T>(`[part~="${name}"]`);
  if (!node) throw new Error(`<${host.localName}> has no part "${name}" right now`);
  return node;
}

export function checkoutButton(canvasElement: HTMLElement): EsimCheckoutButton {
  const button = canvasElement.querySelector('esim-checkout-button');
  if (!button) throw new Error('The story has no <esim-checkout-button>');
  return button;
}

export async function waitForStep(button: EsimCheckoutButton, step: CheckoutStep): Promise<void> {
  await waitFor(() => expect(button.getAttribute('step')).toBe(step), TIMEOUT);
}

/** Presses "Renew now" once the picker's plan is selected, and waits for the dialog to show `step`. */
export async function openCheckout(canvasElement: HTMLElement, step: CheckoutStep = 'summary'): Promise<EsimCheckoutButton> {
  const button = checkoutButton(canvasElement);
  await waitFor(() => expect(part<HTMLButtonElement>(button, 'button').disabled).toBe(false), TIMEOUT);
  await userEvent.click(part(button, 'button'));
  await waitForStep(button, step);
  return button;
}

/** In the summary: picks a payment method, presses Pay and waits for `step`. */
export async function pay(button: EsimCheckoutButton, method: PaymentMethod, step: CheckoutStep): Promise<void> {
  const radio = button.shadowRoot!.querySelector<HTMLInputElement>(`[part~="methods"] input[value="${method}"]`);
  if (!radio) throw new Error(`No ${method} payment method offered`);
  await userEvent.click(radio);
  await userEvent.click(part(button, 'pay'));
  await waitForStep(button, step);
}
