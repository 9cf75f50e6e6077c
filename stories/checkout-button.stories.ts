import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { FixtureScenario } from './fixtures/index.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import { openCheckout, part, pay } from './support/interactions.js';
import { argTypesFor, cssVars } from './support/manifest.js';

type Args = Record<string, unknown>;

/**
 * `<esim-checkout-button>` renews the card with the plan selected in the picker: a summary dialog, payment by card,
 * Alipay or WeChat Pay, waiting, and confirmation on the card itself. Its `step` attribute reflects where it is.
 *
 * Each dialog story below drives the real element with a play function (see the Interactions panel) against the
 * fixture client, whose answers decide where the checkout stops.
 */
const meta: Meta<Args> = {
  title: 'Elements/Checkout button',
  component: 'esim-checkout-button',
  argTypes: argTypesFor('esim-checkout-button', { readonly: ['step'] }),
  args: { 'payment-methods': 'card alipay wechat_pay', 'payment-mode': 'popup', plan: 'eu-month-10gb' },
  render: (args) => html`
    <esim-plan-picker value=${ifDefined((args.plan as string) || undefined)}></esim-plan-picker>
    <esim-checkout-button
      payment-methods=${args['payment-methods'] as string}
      payment-mode=${args['payment-mode'] as string}
      wallet-mode=${ifDefined((args['wallet-mode'] as string) || undefined)}
      return-url=${ifDefined((args['return-url'] as string) || undefined)}
      support-url=${ifDefined((args['support-url'] as string) || undefined)}
      support-email=${ifDefined((args['support-email'] as string) || undefined)}
      style=${styleMap(cssVars(args))}
    ></esim-checkout-button>
  `,
};
meta.argTypes!.plan = {
  description: 'Story only: the plan preselected in the picker above the button (`value` of `<esim-plan-picker>`).',
  control: 'text',
  table: { category: 'story' },
};
export default meta;

type Story = StoryObj<Args>;

/** A story of a dialog step: it opens a modal, so it stays out of the docs page. */
const step = (fixture: FixtureScenario, play: Story['play'], args: Args = {}): Story => ({
  parameters: { fixture },
  args,
  play,
  tags: ['!autodocs'],
});

/** No plan selected yet: the button is disabled and says why. */
export const NoPlanSelected: Story = { args: { plan: '' } };

/** A plan is selected: the button shows its price. */
export const Ready: Story = {};

/** The dialog opened and the quote is on its way. */
export const Quoting: Story = step({ quote: 'pending' }, async ({ canvasElement }) => {
  await openCheckout(canvasElement, 'quoting');
});

/** The summary: new expiry, data after renewal, the loyalty discount, the total and the payment methods. */
export const Summary: Story = step({}, async ({ canvasElement }) => {
  await openCheckout(canvasElement, 'summary');
});

/** A card that was never renewed gets the first top-up discount. */
export const SummaryFirstTopUp: Story = step(
  { card: 'neverRenewed' },
  async ({ canvasElement }) => {
    await openCheckout(canvasElement, 'summary');
  },
  { plan: 'jp-month-20gb' },
);

/** Pay was pressed; the order is being created (one order per attempt, however often Pay is pressed). */
export const CreatingOrder: Story = step({ order: 'pending' }, async ({ canvasElement }) => {
  await pay(await openCheckout(canvasElement), 'alipay', 'creating');
});

/** Alipay: the QR code to scan, waiting for the payment. */
export const WaitingForAlipay: Story = step({ payment: 'pending' }, async ({ canvasElement }) => {
  await pay(await openCheckout(canvasElement), 'alipay', 'paying');
});

/** WeChat Pay: the QR code to scan, waiting for the payment. */
export const WaitingForWeChatPay: Story = step({ payment: 'pending' }, async ({ canvasElement }) => {
  await pay(await openCheckout(canvasElement), 'wechat_pay', 'paying');
});

/** Paid; waiting for the renewal to show on the card. */
export const Confirming: Story = step({ payment: 'processing' }, async ({ canvasElement }) => {
  await pay(await openCheckout(canvasElement), 'alipay', 'confirming');
});

/** Renewed and confirmed on the card: `esim-renewal-success` fired (see Actions). */
export const Success: Story = step({ payment: 'succeed' }, async ({ canvasElement }) => {
  await pay(await openCheckout(canvasElement), 'wechat_pay', 'success');
});

/** The payment failed (the QR code expired unpaid): no money taken, a reference for support, and retry. */
export const PaymentFailed: Story = step({ payment: 'fail' }, async ({ canvasElement }) => {
  await pay(await openCheckout(canvasElement), 'alipay', 'error');
});

/** The plan can no longer be bought: the quote fails and `esim-renewal-error` fires. */
export const PlanUnavailable: Story = step({ quote: { error: 'plan_unavailable' } }, async ({ canvasElement }) => {
  await openCheckout(canvasElement, 'error');
});

/** The connection dropped while creating the order. */
export const NetworkError: Story = step(
  { order: { error: 'network' } },
  async ({ canvasElement }) => {
    await pay(await openCheckout(canvasElement), 'alipay', 'error');
  },
  { 'support-email': 'help@example.com' },
);

/** Types a promo code in the summary and presses Apply. */
async function applyPromo(canvasElement: HTMLElement, code: string) {
  const button = await openCheckout(canvasElement);
  const input = button.shadowRoot!.querySelector<HTMLInputElement>('#promo')!;
  await userEvent.type(input, code);
  await userEvent.click(button.shadowRoot!.querySelector<HTMLButtonElement>('[part~="promo"] button[type=submit]')!);
  return button;
}

/** TRAVEL20 takes 20% off; the summary is priced again. */
export const PromoCodeApplied: Story = step({}, async ({ canvasElement }) => {
  const button = await applyPromo(canvasElement, 'TRAVEL20');
  await waitFor(() => expect(part(button, 'summary').textContent).toContain('TRAVEL20'));
});

/** An expired code is refused with the reason; the quote stays as it was. */
export const PromoCodeExpired: Story = step({}, async ({ canvasElement }) => {
  const button = await applyPromo(canvasElement, 'SUMMER2025');
  await waitFor(() => expect(button.shadowRoot!.querySelector('#promo')!.getAttribute('aria-invalid')).toBe('true'));
});

/** The wallet code expired before it was paid: a fresh one is a press away. */
export const WalletCodeExpired: Story = step({ payment: 'pending', qrTtl: 0 }, async ({ canvasElement }) => {
  const button = await openCheckout(canvasElement);
  await pay(button, 'alipay', 'paying');
  await waitFor(() => expect(part(button, 'refresh-code')).toBeTruthy());
});

/** On a phone (`wallet-mode="app"`, or `auto` on a touch screen): a button opens the wallet app instead of a QR code. */
export const WalletAppOnAPhone: Story = step(
  { payment: 'pending' },
  async ({ canvasElement }) => {
    await pay(await openCheckout(canvasElement), 'wechat_pay', 'paying');
  },
  { 'wallet-mode': 'app' },
);

/** "Continue on another device": a single-use link and its QR code, to pay on the phone instead. */
export const ContinueOnAnotherDevice: Story = step({}, async ({ canvasElement }) => {
  const button = await openCheckout(canvasElement);
  await userEvent.click(part(button, 'handoff-button'));
  await waitFor(() => expect(part(button, 'handoff')).toBeTruthy());
});

/** The link could not be made (here the session expired): why, under the button; the order summary stays. */
export const ContinueOnAnotherDeviceFailed: Story = step(
  { handoff: { error: 'session_expired' } },
  async ({ canvasElement }) => {
    const button = await openCheckout(canvasElement);
    await userEvent.click(part(button, 'handoff-button'));
    await waitFor(() => expect(button.shadowRoot!.querySelector('[role=alert]')?.textContent).toBeTruthy());
  },
);
