/**
 * The decorator every story runs in: an `<esim-renewal>` provider whose `client` is the deterministic fixture
 * client (no server), in the toolbar's locale, with every event of ours logged to the Actions panel.
 *
 * A story picks its scenario with `parameters.fixture` (see `FixtureScenario`); `fixture: false` renders the story
 * bare, for stories that build their own providers (theming, locales side by side, the live sandbox).
 */
import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import { action } from 'storybook/actions';
import { createFixtureClient, type FixtureScenario } from '../fixtures/index.js';
import { eventNames } from './manifest.js';

const listening = new WeakSet<Element>();

/** Logs our events (they bubble and are composed) as Storybook actions, with their `detail`. */
export function logEvents(element: Element | undefined): void {
  if (!element || listening.has(element)) return;
  listening.add(element);
  for (const name of eventNames) {
    element.addEventListener(name, (event) => action(name)((event as CustomEvent).detail ?? event));
  }
}

export const SUPPORT_URL = 'https://help.example.com/esim';

export const withFixture: Decorator = (story, context) => {
  const scenario = context.parameters.fixture as FixtureScenario | false | undefined;
  const locale = (context.globals.locale as string | undefined) ?? 'en';
  if (scenario === false) {
    return html`<div class="story" lang=${locale} ${ref(logEvents)}>${story()}</div>`;
  }
  const client = createFixtureClient({ ...scenario, locale });
  // `parameters.paymentEnv`: where the story's page pretends to run (the provider's `payment-env`).
  const env = context.parameters.paymentEnv as string | undefined;
  return html`<div class="story" lang=${locale} ${ref(logEvents)}>
    <esim-renewal .client=${client} locale=${locale} support-url=${SUPPORT_URL} payment-env=${ifDefined(env)}>${story()}</esim-renewal>
  </div>`;
};
