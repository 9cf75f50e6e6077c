import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { FixtureScenario } from './fixtures/index.js';
import { openCheckout, part, pay } from './support/interactions.js';

type Args = Record<string, unknown>;

/**
 * `<esim-checkout-button>` where the page runs (`payment-env` on `<esim-renewal>`, detected when unset): the methods
 * that work there, in the order the API gives, why the others do not and what to do, and how each is paid — a QR
 * code on a desktop, a redirect to the operator's hosted page on a phone or inside WeChat, the Alipay app's own
 * `tradePay` bridge inside Alipay — and the way back, which the checkout never trusts: it reads the order.
 */
const meta: Meta<Args> = {
  title: 'Elements/Checkout button/Payment environments',
  component: 'esim-checkout-button',
  args: { plan: 'eu-month-10gb' },
  render: (args) => html`
    <esim-plan-picker value=${args.plan as string}></esim-plan-picker>
    <esim-checkout-button slow-after=${(args['slow-after'] as number | undefined) ?? 20000}></esim-checkout-button>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** A story of one environment: the page pretends to run there (the provider's `payment-env`). */
const inEnv = (paymentEnv: string, play: Story['play'], fixture: FixtureScenario = {}, args: Args = {}): Story => ({
  parameters: { fixture, paymentEnv },
  args,
  play,
  tags: ['!autodocs'],
});

/** The summary once the environment's methods are listed: `first` is the method the API puts first. */
async function summaryIn(canvasElement: HTMLElement, first: string) {
  const button = await openCheckout(canvasElement, 'summary');
  await waitFor(() => expect(button.shadowRoot!.querySelector('[part~="methods"] input')?.getAttribute('value')).toBe(first));
  return button;
}

/** A desktop: every method, the card first; wallets pay by QR code. */
export const Desktop: Story = inEnv('desktop', async ({ canvasElement }) => {
  await summaryIn(canvasElement, 'card');
});

/** A desktop paying with Alipay: the QR code, with the time left to the API's own expiry. */
export const DesktopQrCode: Story = inEnv(
  'desktop',
  async ({ canvasElement }) => {
    await pay(await summaryIn(canvasElement, 'card'), 'alipay', 'paying');
  },
  { payment: 'pending' },
);

/** A phone's own browser: the wallets first; each is paid on its hosted page (WeChat Pay H5, Alipay WAP). */
export const PhoneBrowser: Story = inEnv('mobile_browser', async ({ canvasElement }) => {
  await summaryIn(canvasElement, 'alipay');
});

/** Inside WeChat: WeChat Pay (JSAPI on the hosted page) and the card; Alipay cannot open here — copy the link. */
export const InsideWeChat: Story = inEnv('wechat', async ({ canvasElement }) => {
  const button = await summaryIn(canvasElement, 'wechat_pay');
  await waitFor(() => expect(part(button, 'copy-page-link')).toBeTruthy());
});

/** Inside WeChat, "copy link" pressed: copied, or (no clipboard) the link shown to select and copy by hand. */
export const InsideWeChatLinkCopied: Story = inEnv('wechat', async ({ canvasElement }) => {
  const button = await summaryIn(canvasElement, 'wechat_pay');
  await userEvent.click(part(button, 'copy-page-link'));
  await waitFor(() => expect(button.shadowRoot!.querySelector('.page-link input, [part~="unavailable"] [role=status]:not(:empty)')).toBeTruthy());
});

/** A WeChat mini program's web-view: neither wallet can start here; the card, or another device. */
export const InsideMiniProgram: Story = inEnv('wechat_miniprogram', async ({ canvasElement }) => {
  await summaryIn(canvasElement, 'card');
});

/** Inside the Alipay app: Alipay through the app's `tradePay`; WeChat Pay cannot open here. */
export const InsideAlipay: Story = inEnv('alipay', async ({ canvasElement }) => {
  await summaryIn(canvasElement, 'alipay');
});

/**
 * Back from Alipay's sheet (a stand-in for the app's bridge answers 6001, "cancelled"): the checkout reads the order
 * rather than trusting the code, with "Check again"; after a while it says it is still processing, with the card
 * and order for support.
 */
export const CheckingAfterTheWallet: Story = inEnv(
  'alipay',
  async ({ canvasElement }) => {
    const bridge = window as { AlipayJSBridge?: unknown };
    bridge.AlipayJSBridge = { call: (_name: string, _params: unknown, callback: (r: object) => void) => callback({ resultCode: '6001' }) };
    try {
      const button = await summaryIn(canvasElement, 'alipay');
      await pay(button, 'alipay', 'paying');
      await waitFor(() => expect(part(button, 'check-again')).toBeTruthy());
      await waitFor(() => expect(button.shadowRoot!.querySelector('[part~="checking"] .notice')).toBeTruthy(), { timeout: 5000 });
    } finally {
      delete bridge.AlipayJSBridge;
    }
  },
  { payment: 'pending' },
  { 'slow-after': 500 },
);
