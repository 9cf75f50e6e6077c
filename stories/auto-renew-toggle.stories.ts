import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { FixtureScenario } from './fixtures/index.js';
import { part } from './support/interactions.js';
import { argTypesFor, cssVars } from './support/manifest.js';

type Args = Record<string, unknown>;

/**
 * `<esim-auto-renew-toggle>`: a switch that asks which plan to renew with and confirms the price before turning
 * automatic renewal on, and confirms before turning it off. Its `step` attribute reflects where it is.
 */
const meta: Meta<Args> = {
  title: 'Elements/Auto-renew toggle',
  component: 'esim-auto-renew-toggle',
  argTypes: argTypesFor('esim-auto-renew-toggle', { readonly: ['step'] }),
  render: (args) => html`<esim-auto-renew-toggle style=${styleMap(cssVars(args))}></esim-auto-renew-toggle>`,
};
export default meta;

type Story = StoryObj<Args>;
const scenario = (fixture: FixtureScenario, play?: Story['play']): Story => ({ parameters: { fixture }, play });

async function press(canvasElement: HTMLElement, step: string) {
  const toggle = canvasElement.querySelector('esim-auto-renew-toggle')!;
  await waitFor(() => expect(toggle.getAttribute('step')).toBe('ready'));
  await userEvent.click(part(toggle, 'switch'));
  await waitFor(() => expect(toggle.getAttribute('step')).toBe('confirming'));
  if (step !== 'confirming') await userEvent.click(part(toggle, 'confirm-button'));
  await waitFor(() => expect(toggle.getAttribute('step')).toBe(step));
}

export const Loading: Story = scenario({ card: 'pending' });

/** Off: one press asks to turn it on. */
export const Off: Story = scenario({ card: 'expiring' });

/** On, renewing with the card's current plan. */
export const On: Story = scenario({ card: 'expiring', autoRenew: true });

/** Turning it on: pick the plan, see the price, confirm. */
export const ConfirmTurningOn: Story = scenario({ card: 'expiring' }, ({ canvasElement }) => press(canvasElement, 'confirming'));

/** Turning it off asks for confirmation too. */
export const ConfirmTurningOff: Story = scenario({ card: 'expiring', autoRenew: true }, ({ canvasElement }) =>
  press(canvasElement, 'confirming'),
);

/** Saving the change. */
export const Saving: Story = scenario({ card: 'expiring', autoRenewSave: 'pending' }, ({ canvasElement }) =>
  press(canvasElement, 'saving'),
);

/** The change could not be saved: the message, and Retry. */
export const SaveFailed: Story = scenario({ card: 'expiring', autoRenewSave: { error: 'network' } }, ({ canvasElement }) =>
  press(canvasElement, 'error'),
);

/** A suspended card cannot auto-renew: the switch is disabled and says why. */
export const Suspended: Story = scenario({ card: 'suspended' });

/** The card could not be loaded. */
export const LoadError: Story = scenario({ card: { error: 'internal' } });
