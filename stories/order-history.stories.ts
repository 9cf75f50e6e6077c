import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { FixtureScenario } from './fixtures/index.js';
import { argTypesFor, cssVars } from './support/manifest.js';

type Args = Record<string, unknown>;

/**
 * `<esim-order-history>`: the card's renewals, newest first, with a receipt for each and a refund request that
 * shows the policy's outcome (in full, as store credit, or not) before the traveller asks.
 */
const meta: Meta<Args> = {
  title: 'Elements/Order history',
  component: 'esim-order-history',
  argTypes: argTypesFor('esim-order-history'),
  args: { 'page-size': 10 },
  render: (args) => html`<esim-order-history
    page-size=${args['page-size'] as number}
    style=${styleMap(cssVars(args))}
  ></esim-order-history>`,
};
export default meta;

type Story = StoryObj<Args>;
const scenario = (fixture: FixtureScenario, args: Args = {}, play?: Story['play']): Story => ({ parameters: { fixture }, args, play });

/** Opens the refund request of the first renewal listed. */
async function openFirst(canvasElement: HTMLElement, button: 'refund-button' | 'receipt-button') {
  const history = canvasElement.querySelector('esim-order-history')!;
  await waitFor(() => expect(history.shadowRoot!.querySelector(`[part~="${button}"]`)).toBeTruthy());
  await userEvent.click(history.shadowRoot!.querySelector<HTMLElement>(`[part~="${button}"]`)!);
  await waitFor(() => expect(history.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!.open).toBe(true));
  return history;
}

export const Loading: Story = scenario({ history: 'pending' });

/** Two earlier renewals of an active card. */
export const TwoRenewals: Story = scenario({ card: 'active' });

/** More renewals than a page: "Show more". */
export const Paged: Story = scenario({ card: 'unlimited' }, { 'page-size': 2 });

/** Never renewed: nothing to list yet. */
export const Empty: Story = scenario({ card: 'neverRenewed', history: 'empty' });

/** A receipt, ready to print. */
export const Receipt: Story = { ...scenario({ card: 'active' }, {}, ({ canvasElement }) => openFirst(canvasElement, 'receipt-button').then(() => undefined)), tags: ['!autodocs'] };

/** Asking for a refund: the policy's answer first (here, store credit for a partly used renewal). */
export const RefundAsCredit: Story = {
  ...scenario({ card: 'active' }, {}, async ({ canvasElement }) => {
    const history = await openFirst(canvasElement, 'refund-button');
    await waitFor(() => expect(history.shadowRoot!.querySelector('.outcome')).toBeTruthy());
  }),
  tags: ['!autodocs'],
};

/** The history could not be loaded. */
export const Error: Story = scenario({ history: { error: 'network' } });
