import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { PERIODS } from '../src/client/schemas.js';
import type { FixtureScenario } from './fixtures/index.js';
import { argTypesFor, cssVars } from './support/manifest.js';

type Args = Record<string, unknown>;

/**
 * `<esim-plan-picker>`: a period switch, a region filter and the plans as a radio group (arrow keys move, Space
 * selects). It starts on the region of the card's current plan; selecting a plan fires `esim-plan-change` and
 * enables the checkout button.
 */
const meta: Meta<Args> = {
  title: 'Elements/Plan picker',
  component: 'esim-plan-picker',
  argTypes: argTypesFor('esim-plan-picker', { options: { period: PERIODS } }),
  args: { period: 'month' },
  render: (args) => html`<esim-plan-picker
    period=${args.period as string}
    region=${ifDefined((args.region as string | undefined) || undefined)}
    value=${ifDefined((args.value as string | undefined) || undefined)}
    style=${styleMap(cssVars(args))}
  ></esim-plan-picker>`,
};
export default meta;

type Story = StoryObj<Args>;
const scenario = (fixture: FixtureScenario, args: Args = {}): Story => ({ parameters: { fixture }, args });

/** Plans have not arrived yet. */
export const Loading: Story = scenario({ plans: 'pending' });

/** Monthly plans the expiring demo card (a global profile) can renew with, in its currency (CNY). */
export const Monthly: Story = scenario({ card: 'expiring' });

/** Daily plans, including unlimited ones. */
export const Daily: Story = scenario({ card: 'expiring' }, { period: 'day', region: 'JP' });

/** Yearly plans: "best value". */
export const Yearly: Story = scenario({ card: 'expiring' }, { period: 'year' });

/** `region` set by the page: a country code matches its own plans and the multi-country plans that cover it. */
export const RegionFilter: Story = scenario({ card: 'active' }, { region: 'JP' });

/** `value` preselects a plan (and tells the checkout button). */
export const Preselected: Story = scenario({ card: 'expiring' }, { value: 'eu-month-20gb' });

/** A Japan-only eSIM priced in USD: only plans the profile can use are offered. */
export const JapanOnlyInUsd: Story = scenario({ card: 'japanOnly' });

/** A filter with nothing in it. */
export const NoMatch: Story = scenario({ card: 'japanOnly' }, { period: 'day', region: 'US' });

/** No plan can renew this card. */
export const NoPlans: Story = scenario({ plans: 'empty' });

/** The plans could not be loaded; the traveller can retry. */
export const Error: Story = scenario({ plans: { error: 'internal' } });
