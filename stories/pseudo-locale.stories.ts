import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { registerLocale } from '../src/i18n/index.js';
import { PSEUDO_LOCALE, pseudoLocalize } from '../src/i18n/pseudo.js';
import { createFixtureClient } from './fixtures/index.js';

// The pseudo-locale is a test tool, not a shipped language: only this story registers it.
registerLocale(PSEUDO_LOCALE, pseudoLocalize());

const ELEMENTS = [
  'esim-balance-badge',
  'esim-plan-picker',
  'esim-checkout-button',
  'esim-usage-meter',
  'esim-auto-renew-toggle',
  'esim-order-history',
  'esim-device-change',
];

/**
 * Every element in the pseudo-locale `en-XA`, whatever the toolbar says: each string is English accented (marks
 * above and below the line, as Thai and Vietnamese have), about 40 % longer (as German is) and in brackets, in a
 * 360 px column (a small phone). A clipped bracket, a string in plain English (built outside the message set) or a
 * box that overflows shows at a glance. Plan names come from the fixture API in English, as the API does for a
 * locale it does not speak.
 */
const meta: Meta = {
  title: 'Recipes/Pseudo-locale',
  parameters: { fixture: false },
};
export default meta;

export const EveryElement: StoryObj = {
  render: () => html`<div lang=${PSEUDO_LOCALE} style="width: 360px">
    <esim-renewal .client=${createFixtureClient({ card: 'expiring', locale: PSEUDO_LOCALE })} locale=${PSEUDO_LOCALE}>
      <esim-balance-badge></esim-balance-badge>
      <esim-plan-picker region=""></esim-plan-picker>
      <esim-checkout-button></esim-checkout-button>
      <esim-usage-meter></esim-usage-meter>
      <esim-auto-renew-toggle></esim-auto-renew-toggle>
      <esim-order-history></esim-order-history>
      <esim-device-change></esim-device-change>
    </esim-renewal>
  </div>`,
  play: async ({ canvasElement }) => {
    const picker = canvasElement.querySelector('esim-plan-picker')!;
    await waitFor(() => expect(picker.shadowRoot?.textContent).toContain(pseudoLocalize().picker.region));
    // Every element shows bracketed (pseudo-locale) text and stays within the 360 px column.
    for (const tag of ELEMENTS) {
      const element = canvasElement.querySelector(tag)!;
      await waitFor(() => expect(element.shadowRoot?.textContent ?? '').toMatch(/\[[^\]]+\]/));
      expect(element.getBoundingClientRect().width).toBeLessThanOrEqual(360);
    }
  },
};
