import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createFixtureClient } from './fixtures/index.js';
import { argTypesFor } from './support/manifest.js';

type Args = Record<string, unknown>;

const widgets = html`
  <esim-balance-badge></esim-balance-badge>
  <esim-plan-picker></esim-plan-picker>
  <esim-checkout-button></esim-checkout-button>
`;

/**
 * `<esim-renewal>` is the provider: one client and one shared state for every element inside it, so a badge, a
 * picker and a checkout button make one card request and one plans request between them. Give it `api-base` and
 * a `session-token` minted by your backend — or, as these stories do, a ready `client`.
 */
const meta: Meta<Args> = {
  title: 'Elements/Renewal provider',
  component: 'esim-renewal',
  argTypes: argTypesFor('esim-renewal'),
  parameters: { fixture: false },
};
export default meta;

type Story = StoryObj<Args>;

/**
 * The three elements together, against the fixture client: pick a plan, press Renew, pay with WeChat Pay or
 * Alipay and the order succeeds; the badge updates.
 */
export const AllTogether: Story = {
  args: { locale: 'en', 'support-url': 'https://help.example.com/esim', 'support-email': '' },
  render: (args, { globals }) => html`<esim-renewal
    .client=${createFixtureClient({ card: 'expiring', payment: 'succeed', locale: (globals.locale as string) ?? 'en' })}
    locale=${ifDefined((args.locale as string) || undefined)}
    support-url=${ifDefined((args['support-url'] as string) || undefined)}
    support-email=${ifDefined((args['support-email'] as string) || undefined)}
    >${widgets}</esim-renewal
  >`,
};

/** Both languages side by side: `locale` on the provider wins over the page's `lang`. */
export const BothLocales: Story = {
  render: () => html`<div class="side-by-side">
    <section lang="zh-CN">
      <esim-renewal .client=${createFixtureClient({ card: 'expired', locale: 'zh-CN' })} locale="zh-CN"
        >${widgets}</esim-renewal
      >
    </section>
    <section lang="en">
      <esim-renewal .client=${createFixtureClient({ card: 'expired', locale: 'en' })} locale="en">${widgets}</esim-renewal>
    </section>
  </div>`,
};

const DEMO_CARDS = {
  '89860000000000000011': 'active',
  '89860000000000000029': 'expiring soon',
  '89860000000000000037': 'expired',
  '89860000000000000045': 'low on data',
  '89860000000000000052': 'suspended',
  '89860000000000000060': 'never renewed',
  '89860000000000000078': 'unlimited, USD',
  '89860000000000000086': 'Japan only, USD',
};

/** `?sandbox=<url>` on the preview's address overrides the control (the CI smoke test uses it). */
function sandboxBase(args: Args): string {
  return new URLSearchParams(globalThis.location?.search).get('sandbox') ?? (args['api-base'] as string);
}

/**
 * The real thing: the sandbox that `npm start` runs (http://localhost:8787). The story plays the partner's backend
 * by asking the demo page's `/demo/session` for a session token, and hands the provider `getSessionToken` so an
 * expired session is renewed mid-checkout. Pay by card in the popup with 4242 4242 4242 4242.
 */
export const LiveSandbox: Story = {
  tags: ['!autodocs'],
  argTypes: {
    card: { control: 'select', options: Object.keys(DEMO_CARDS), labels: DEMO_CARDS, table: { category: 'story' } },
  },
  args: { 'api-base': 'http://localhost:8787', card: '89860000000000000029', locale: 'en' },
  loaders: [
    async ({ args }) => {
      const base = sandboxBase(args);
      const getSessionToken = async () => {
        const query = new URLSearchParams({ card: String(args.card), lang: String(args.locale ?? 'en') });
        const response = await fetch(`${base}/demo/session?${query}`);
        if (!response.ok) throw new Error(`The sandbox answered ${response.status}`);
        return ((await response.json()) as { token: string }).token;
      };
      try {
        return { base, getSessionToken, token: await getSessionToken() };
      } catch {
        return { base, unreachable: true };
      }
    },
  ],
  render: (args, { loaded }) =>
    loaded.unreachable
      ? html`<p class="notice">
          No sandbox answered at <code>${loaded.base}</code>. Start one with <code>npm start</code> (or set
          <code>api-base</code> in Controls).
        </p>`
      : html`<esim-renewal
          api-base=${loaded.base}
          session-token=${loaded.token}
          .getSessionToken=${loaded.getSessionToken}
          locale=${ifDefined((args.locale as string) || undefined)}
          support-url="https://help.example.com/esim"
          >${widgets}</esim-renewal
        >`,
};
