import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { FixtureScenario } from './fixtures/index.js';
import { argTypesFor, cssVars } from './support/manifest.js';

type Args = Record<string, unknown>;

/**
 * `<esim-usage-meter>`: daily data use as a bar chart (with a table for screen readers and keyboard users) and how
 * long the data left will last at this pace.
 */
const meta: Meta<Args> = {
  title: 'Elements/Usage meter',
  component: 'esim-usage-meter',
  argTypes: argTypesFor('esim-usage-meter', { readonly: ['state'] }),
  args: { days: 30 },
  render: (args) => html`<esim-usage-meter days=${args.days as number} style=${styleMap(cssVars(args))}></esim-usage-meter>`,
};
export default meta;

type Story = StoryObj<Args>;
const scenario = (fixture: FixtureScenario, args: Args = {}): Story => ({ parameters: { fixture }, args });

export const Loading: Story = scenario({ usage: 'pending' });

/** Thirty days of use; the data left outlasts the card's five days. */
export const Ready: Story = scenario({ card: 'expiring' });

/** 300 MB left at this pace runs out before the card expires: the projection warns. */
export const RunsOutFirst: Story = scenario({ card: 'lowData' });

/** Unlimited data: no projection needed. */
export const Unlimited: Story = scenario({ card: 'unlimited' });

/** Nothing used in the period. */
export const NoUse: Story = scenario({ card: 'active', usage: 'empty' });

/** The last week only. */
export const LastSevenDays: Story = scenario({ card: 'active' }, { days: 7 });

/** Usage could not be loaded; the traveller can retry. */
export const Error: Story = scenario({ usage: { error: 'timeout' } });
