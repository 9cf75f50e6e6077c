import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { createFixtureClient } from './fixtures/index.js';
import { cssVars } from './support/manifest.js';
import { themeTokenArgTypes } from './support/theme-tokens.js';

type Args = Record<string, unknown>;

/**
 * Partners make the widgets theirs with CSS custom properties set on any ancestor (`--esim-color-primary`,
 * `--esim-radius-m`, `--esim-font-family`, …) and with `::part()` for anything finer. Nothing leaks in or out of
 * the elements' shadow roots; light and dark follow `prefers-color-scheme` unless a brand sets its colours.
 */
const meta: Meta<Args> = {
  title: 'Recipes/Theming',
  parameters: { fixture: false },
  tags: ['!autodocs'],
};
export default meta;

type Story = StoryObj<Args>;

const brands = `
  .brand-lagoon {
    --esim-color-primary: #0f766e;
    --esim-color-on-primary: #ffffff;
    --esim-color-surface: #f0fdfa;
    --esim-color-surface-2: #ccfbf1;
    --esim-color-text: #134e4a;
    --esim-color-border: #5eead4;
    --esim-radius-m: 18px;
    --esim-radius-s: 999px;
    --esim-font-family: 'Trebuchet MS', system-ui, sans-serif;
  }
  .brand-lantern {
    --esim-color-primary: #b91c1c;
    --esim-color-on-primary: #fffbeb;
    --esim-color-surface: #fffbeb;
    --esim-color-surface-2: #fef3c7;
    --esim-color-text: #292524;
    --esim-color-border: #d6a756;
    --esim-radius-m: 0px;
    --esim-radius-s: 0px;
    --esim-font-family: Georgia, 'Songti SC', serif;
  }
  .brand-lantern esim-checkout-button::part(button) {
    text-transform: uppercase;
    letter-spacing: 0.06em;
  }
  .brand-lantern esim-plan-picker::part(plan-selected) {
    box-shadow: inset 4px 0 0 var(--esim-color-primary);
  }
  .brand { padding: 16px; border-radius: 8px; display: grid; gap: 16px; align-content: start; }
  .brand h3 { margin: 0; font: 600 1.1rem system-ui, sans-serif; }
`;

const brand = (className: string, name: string, locale: string) => html`<section class="brand ${className}" lang=${locale}>
  <h3>${name}</h3>
  <esim-renewal .client=${createFixtureClient({ card: 'expiring', payment: 'succeed', locale })} locale=${locale}>
    <esim-balance-badge></esim-balance-badge>
    <esim-plan-picker value="eu-month-20gb"></esim-plan-picker>
    <esim-checkout-button></esim-checkout-button>
  </esim-renewal>
</section>`;

/** Two partner brands on one page: each sets its own tokens and parts on a wrapper; the widgets follow. */
export const TwoPartnerBrands: Story = {
  render: (_args, { globals }) => html`${unsafeHTML(`<style>${brands}</style>`)}
    <div class="side-by-side">
      ${brand('brand-lagoon', 'Lagoon Travel', (globals.locale as string) ?? 'en')}
      ${brand('brand-lantern', 'Red Lantern Tours', (globals.locale as string) ?? 'en')}
    </div>`,
};

/** Every global token as a control: set one and every element below follows. */
export const ThemeTokens: Story = {
  argTypes: themeTokenArgTypes(),
  render: (args, { globals }) => html`<div style=${styleMap(cssVars(args))}>
    <esim-renewal
      .client=${createFixtureClient({ card: 'lowData', locale: (globals.locale as string) ?? 'en' })}
      locale=${(globals.locale as string) ?? 'en'}
    >
      <esim-balance-badge></esim-balance-badge>
      <esim-plan-picker></esim-plan-picker>
      <esim-checkout-button></esim-checkout-button>
    </esim-renewal>
  </div>`,
};
