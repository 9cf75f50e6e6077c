import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { FixtureScenario } from './fixtures/index.js';
import { part } from './support/interactions.js';
import { argTypesFor, cssVars } from './support/manifest.js';

type Args = Record<string, unknown>;

/**
 * `<esim-renewal-flow>`: the whole renewal in one tag — check the card, pick a plan, review and pay, done — with
 * the badge, the picker and the checkout button inside. `step` is reflected and can be set.
 */
const meta: Meta<Args> = {
  title: 'Elements/Renewal flow',
  component: 'esim-renewal-flow',
  argTypes: argTypesFor('esim-renewal-flow', { options: { step: ['card', 'plan', 'pay', 'done'] } }),
  args: { step: 'card', 'warn-days': 14, 'payment-mode': 'popup' },
  render: (args) => html`<esim-renewal-flow
    step=${args.step as string}
    warn-days=${args['warn-days'] as number}
    payment-methods=${ifDefined((args['payment-methods'] as string) || undefined)}
    payment-mode=${args['payment-mode'] as string}
    support-url=${ifDefined((args['support-url'] as string) || undefined)}
    buy-url=${ifDefined((args['buy-url'] as string) || undefined)}
    style=${styleMap(cssVars(args))}
  ></esim-renewal-flow>`,
};
export default meta;

type Story = StoryObj<Args>;
const scenario = (fixture: FixtureScenario, args: Args = {}, play?: Story['play']): Story => ({
  parameters: { fixture },
  args,
  play,
});

/** Step 1: the card's balance and expiry. */
export const CheckTheCard: Story = scenario({ card: 'expiring' });

/** Step 2: pick a plan; Review stays disabled until one is chosen. */
export const PickAPlan: Story = scenario({ card: 'expiring' }, { step: 'plan' });

/** Step 3: the chosen plan and the checkout button. */
export const ReviewAndPay: Story = scenario({ card: 'expired', payment: 'succeed' }, { step: 'plan' }, async ({ canvasElement }) => {
  const flow = canvasElement.querySelector('esim-renewal-flow')!;
  const picker = flow.shadowRoot!.querySelector('esim-plan-picker')!;
  await waitFor(() => expect(picker.shadowRoot?.querySelector('[role=radio]')).toBeTruthy());
  await userEvent.click(picker.shadowRoot!.querySelector<HTMLElement>('[role=radio]')!);
  await userEvent.click(part(flow, 'next'));
  await waitFor(() => expect(flow.getAttribute('step')).toBe('pay'));
});

/** Step 4: renewed. */
export const Done: Story = scenario({ card: 'active' }, { step: 'done' });

/** In Chinese, on a phone-sized screen. */
export const OnAPhone: Story = {
  ...scenario({ card: 'lowData' }),
  globals: { locale: 'zh-CN' },
  decorators: [(story) => html`<div style="max-width: 360px">${story()}</div>`],
};
