import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { RETURNED_ORDER_ID, type FixtureScenario } from './fixtures/index.js';
import { checkoutButton, part, waitForStep } from './support/interactions.js';

type Args = Record<string, unknown>;

/**
 * `<esim-checkout-button>` back from the operator's hosted card page, which ran the card's checks there: a 3-D Secure
 * challenge (the sandbox's test card `4000 0000 0000 3220`, passed or failed) or a decline for insufficient funds
 * (`4000 0000 0000 9995`). The widget never sees the card page: it reads the order the traveller comes back with
 * (`esim_order` in the address), shows "Checking your payment…" until the order says, and ends on the renewal or on
 * why the card was not charged.
 */
const meta: Meta<Args> = {
  title: 'Elements/Checkout button/Back from the card page',
  component: 'esim-checkout-button',
  render: () => html`
    <esim-plan-picker></esim-plan-picker>
    <esim-checkout-button payment-mode="redirect" slow-after="20000"></esim-checkout-button>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/**
 * A story of the way back: the card order exists (made before the page left for the card page), and the page's
 * address carries it, as the card page's redirect back does. The checkout resumes it on its own.
 */
const backFromCardPage = (name: string, fixture: Omit<FixtureScenario, 'returnedOrder'>, play: Story['play']): Story => ({
  name,
  parameters: { fixture: { ...fixture, returnedOrder: 'card' } },
  loaders: [
    () => {
      const url = new URL(location.href);
      url.searchParams.set('esim_order', RETURNED_ORDER_ID);
      history.replaceState(history.state, '', url);
      return {};
    },
  ],
  play,
  tags: ['!autodocs'],
});

/** Back while the bank's 3-D Secure answer is not in yet: "Checking your payment…", with "Check again". */
export const ThreeDSecureChecking: Story = backFromCardPage('3-D Secure: checking the payment', { payment: 'pending' }, async ({ canvasElement }) => {
  const button = checkoutButton(canvasElement);
  await waitForStep(button, 'paying');
  await waitFor(() => expect(part(button, 'check-again')).toBeTruthy());
});

/** The 3-D Secure challenge passed: the card was charged and the renewal shows on the card. */
export const ThreeDSecurePassed: Story = backFromCardPage('3-D Secure passed', { payment: 'succeed' }, async ({ canvasElement }) => {
  await waitForStep(checkoutButton(canvasElement), 'success');
});

/** The 3-D Secure challenge failed: the bank could not confirm it was the cardholder; nothing was charged. */
export const ThreeDSecureFailed: Story = backFromCardPage(
  '3-D Secure failed',
  { payment: 'fail', failureCode: 'authentication_failed' },
  async ({ canvasElement }) => {
    const button = checkoutButton(canvasElement);
    await waitForStep(button, 'error');
    await waitFor(() => expect(part(button, 'result').textContent).toContain('authentication_failed'));
  },
);

/** Declined for insufficient funds: its own message (try another card or method), nothing charged, retry. */
export const InsufficientFunds: Story = backFromCardPage(
  'Declined: insufficient funds',
  { payment: 'fail', failureCode: 'insufficient_funds' },
  async ({ canvasElement }) => {
    const button = checkoutButton(canvasElement);
    await waitForStep(button, 'error');
    await waitFor(() => expect(part(button, 'result').textContent).toContain('insufficient_funds'));
    await waitFor(() => expect(part(button, 'retry')).toBeTruthy());
  },
);
