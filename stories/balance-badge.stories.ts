import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { FixtureScenario } from './fixtures/index.js';
import { argTypesFor, cssVars } from './support/manifest.js';

type Args = Record<string, unknown>;

/**
 * `<esim-balance-badge>` in every state it reflects as `state`: loading, ok, expiring (time or data), expired,
 * suspended and error. Put it in your page header; it shares the card with the other elements in `<esim-renewal>`.
 */
const meta: Meta<Args> = {
  title: 'Elements/Balance badge',
  component: 'esim-balance-badge',
  argTypes: argTypesFor('esim-balance-badge', { readonly: ['state'] }),
  args: { 'warn-days': 14 },
  render: (args) => html`<esim-balance-badge
    warn-days=${args['warn-days'] as number}
    style=${styleMap(cssVars(args))}
  ></esim-balance-badge>`,
};
export default meta;

type Story = StoryObj<Args>;
const scenario = (fixture: FixtureScenario) => ({ parameters: { fixture } });

/** The card request has not answered yet: a skeleton, `aria-busy`, and a hidden "loading" text for screen readers. */
export const Loading: Story = scenario({ card: 'pending' });

/** An active card with plenty left: 12 GB of 20 GB, 30 days. */
export const Active: Story = scenario({ card: 'active' });

/** Five days left: the badge warns (see `warn-days`). */
export const Expiring: Story = scenario({ card: 'expiring' });

/** 300 MB of 10 GB left with weeks to go: the data warning starts under 10%. */
export const LowOnData: Story = scenario({ card: 'lowData' });

/** Expired three days ago: renewing reconnects the card. */
export const Expired: Story = scenario({ card: 'expired' });

/** Suspended cards cannot be renewed here; the badge sends the traveller to support. */
export const Suspended: Story = scenario({ card: 'suspended' });

/** An unlimited daily plan priced in USD: no meter. */
export const Unlimited: Story = scenario({ card: 'unlimited' });

/** The card could not be read (here: no network). The traveller can retry. */
export const Error: Story = scenario({ card: { error: 'network' } });

/** The partner's session ran out and nothing could renew it. */
export const SessionExpired: Story = scenario({ card: { error: 'session_expired' } });

/** The component's own custom properties, set on the element. */
export const CustomProperties: Story = {
  ...scenario({ card: 'expiring' }),
  args: {
    '--esim-badge-radius': '0px',
    '--esim-badge-width': '22rem',
    '--esim-badge-meter-color': '#0f766e',
    '--esim-badge-warning-color': '#9a3412',
  },
};
