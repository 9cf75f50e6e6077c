import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { FixtureScenario } from './fixtures/index.js';
import { part } from './support/interactions.js';
import { argTypesFor, cssVars } from './support/manifest.js';

type Args = Record<string, unknown>;

/**
 * `<esim-device-change>`: moves the card to a new phone — is the phone compatible, a one-time code to the
 * traveller's contact (five wrong codes lock the move), then the installation QR code and manual codes. In the
 * fixture the right code is `123456`.
 */
const meta: Meta<Args> = {
  title: 'Elements/Device change',
  component: 'esim-device-change',
  argTypes: argTypesFor('esim-device-change', { readonly: ['step'] }),
  render: (args) => html`<esim-device-change style=${styleMap(cssVars(args))}></esim-device-change>`,
};
export default meta;

type Story = StoryObj<Args>;
const scenario = (fixture: FixtureScenario, play?: Story['play']): Story => ({ parameters: { fixture }, play });

/** Searches for a phone and picks the first result. */
async function choose(canvasElement: HTMLElement, query: string) {
  const element = canvasElement.querySelector('esim-device-change')!;
  await waitFor(() => expect(element.shadowRoot!.querySelector('[part~="search"]')).toBeTruthy());
  await userEvent.type(part(element, 'search'), query);
  await waitFor(() => expect(element.shadowRoot!.querySelector('.results button')).toBeTruthy());
  await userEvent.click(element.shadowRoot!.querySelector<HTMLElement>('.results button')!);
  return element;
}

/** Step 1: which phone? */
export const CheckThePhone: Story = scenario({ card: 'active' });

/** A compatible phone was found. */
export const Compatible: Story = scenario({ card: 'active' }, async ({ canvasElement }) => {
  await choose(canvasElement, 'pixel');
});

/** This model takes no eSIM: the reason, before any code is sent. */
export const Incompatible: Story = scenario({ card: 'active' }, async ({ canvasElement }) => {
  await choose(canvasElement, 'mainland');
});

/** Step 2: the one-time code sent by SMS. */
export const EnterTheCode: Story = scenario({ card: 'active' }, async ({ canvasElement }) => {
  const element = await choose(canvasElement, 'pixel');
  await userEvent.click([...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions .button')].at(-1)!);
  await waitFor(() => expect(element.getAttribute('step')).toBe('verify'));
});

/** Step 3: install on the new phone — QR code, manual codes, iOS and Android steps. */
export const Install: Story = scenario({ card: 'active' }, async ({ canvasElement }) => {
  const element = await choose(canvasElement, 'pixel');
  await userEvent.click([...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions .button')].at(-1)!);
  await waitFor(() => expect(element.getAttribute('step')).toBe('verify'));
  await userEvent.type(part(element, 'code'), '123456');
  await userEvent.click(element.shadowRoot!.querySelector<HTMLButtonElement>('form button[type=submit]')!);
  await waitFor(() => expect(element.getAttribute('step')).toBe('install'));
});

/** A suspended card cannot move. */
export const Suspended: Story = scenario({ card: 'suspended' });
