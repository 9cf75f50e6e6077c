// What `<esim-renewal>` tells the elements inside it — locale, support contacts, buy link, warning days — reaches them
// when it changes, not on their next unrelated render; and a new language keeps the traveller's choice of plan.
// Against the real sandbox.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/renewal-flow.js';
import type { EsimRenewal } from '../../src/components/renewal/renewal.js';
import { createRenewalClient } from '../../src/index.js';
import { $, $$, mountWithProvider, visibleText, waitForText } from '../helpers/dom.js';
import { injectFault, newSession } from '../helpers/sandbox.js';

describe('<esim-renewal> settings', () => {
  afterEach(() => sessionStorage.clear());

  it('a support-url changed after the first render reaches the checkout on screen at once', async () => {
    const session = await newSession();
    const provider = await mountWithProvider(session, html`<esim-plan-picker></esim-plan-picker><esim-checkout-button></esim-checkout-button>`);
    provider.supportUrl = 'https://help.example/first';
    const picker = provider.querySelector('esim-plan-picker')!;
    const button = provider.querySelector('esim-checkout-button')!;
    await waitUntil(() => picker.shadowRoot!.querySelector('[role=radio]'), 'plans never showed', { timeout: 10_000 });
    // The quote fails (every retry too): the error view shows the support link.
    await injectFault(session, { method: 'POST', path: '/v1/quotes', kind: 'status', status: 500, times: 3 });
    $$(picker, '[role=radio]')[0]!.click();
    await button.updateComplete;
    $(button, '[part=button]').click();
    await waitUntil(() => button.step === 'error', `checkout at ${button.step}`, { timeout: 15_000 });
    const link = () => new URL($<HTMLAnchorElement>(button, '[part=support]').href);
    expect(link().origin + link().pathname).to.equal('https://help.example/first');

    provider.supportUrl = 'https://help.example/second';
    await provider.updateComplete;
    await button.updateComplete;
    expect(link().origin + link().pathname).to.equal('https://help.example/second');
    expect(button.step).to.equal('error');
  });

  it('a buy-url and warn-days changed after the first render reach the elements at once', async () => {
    const session = await newSession({ template: 'suspended' });
    const provider = await mountWithProvider(session, html`<esim-checkout-button></esim-checkout-button>`);
    const button = provider.querySelector('esim-checkout-button')!;
    await waitUntil(() => button.shadowRoot!.querySelector('[part=ineligible]'), 'no eligibility notice', { timeout: 10_000 });
    expect(button.shadowRoot!.querySelector('[part=ineligible] a')).to.equal(null);
    provider.buyUrl = 'https://agency.example/esim/buy';
    await provider.updateComplete;
    await button.updateComplete;
    expect($<HTMLAnchorElement>(button, '[part=ineligible] a').href).to.equal('https://agency.example/esim/buy');

    // Five days left: not yet "expiring" with the provider's two warning days, expiring with seven.
    const expiring = await newSession({ template: 'expiring' });
    const other = await fixture<EsimRenewal>(html`<esim-renewal api-base=${expiring.baseUrl} session-token=${expiring.token} locale="en" warn-days="2">
      <esim-balance-badge></esim-balance-badge>
    </esim-renewal>`);
    const badge = other.querySelector('esim-balance-badge')!;
    await waitUntil(() => badge.state !== 'loading', 'the card never loaded', { timeout: 10_000 });
    expect(badge.state).to.equal('ok');
    other.warnDays = 7;
    await other.updateComplete;
    await badge.updateComplete;
    expect(badge.state).to.equal('expiring');
    expect(visibleText(badge)).to.include('Expiring soon');
  });

  it('a locale changed after the first render speaks the new language everywhere, and keeps the plan chosen', async () => {
    const session = await newSession();
    const provider = await mountWithProvider(
      session,
      html`<esim-balance-badge></esim-balance-badge><esim-plan-picker></esim-plan-picker><esim-checkout-button></esim-checkout-button>`,
    );
    const [badge, picker, button] = [
      provider.querySelector('esim-balance-badge')!,
      provider.querySelector('esim-plan-picker')!,
      provider.querySelector('esim-checkout-button')!,
    ];
    await waitUntil(() => picker.shadowRoot!.querySelector('[role=radio]') && badge.state === 'ok', 'never loaded', { timeout: 10_000 });
    const chosen = $$(picker, '[role=radio]')[1]!;
    const id = chosen.dataset.id!;
    chosen.click();
    await button.updateComplete;
    expect($(button, '[part=button]').textContent).to.match(/Renew now · CN¥\d+\.\d\d/);

    provider.locale = 'zh-CN';
    await waitForText(picker, '按月');
    await waitForText(badge, '使用中');
    await waitUntil(() => picker.shadowRoot!.querySelector(`[role=radio][data-id="${id}"]`), 'plans never showed again', { timeout: 10_000 });
    await picker.updateComplete;
    expect(picker.value).to.equal(id);
    expect($(picker, `[data-id="${id}"]`).getAttribute('aria-checked')).to.equal('true');
    expect(provider.store!.state.selectedPlan?.id).to.equal(id);
    await button.updateComplete;
    expect($(button, '[part=button]').textContent).to.match(/立即续费 · ¥\d+\.\d\d/);
  });

  it('a locale changed while paying keeps the plan chosen on the step before, with no picker left to say it', async () => {
    const session = await newSession();
    const provider = await mountWithProvider(session, html`<esim-renewal-flow></esim-renewal-flow>`);
    const flow = provider.querySelector('esim-renewal-flow')!;
    flow.go('plan');
    await flow.updateComplete;
    const picker = flow.shadowRoot!.querySelector('esim-plan-picker')!;
    await waitUntil(() => picker.shadowRoot!.querySelector('[role=radio]'), 'plans never showed', { timeout: 10_000 });
    const id = $$(picker, '[role=radio]')[1]!.dataset.id!;
    $$(picker, '[role=radio]')[1]!.click();
    flow.go('pay');
    await flow.updateComplete;
    const button = flow.shadowRoot!.querySelector('esim-checkout-button')!;
    await waitUntil(() => !$<HTMLButtonElement>(button, '[part=button]').disabled, 'no plan to pay for', { timeout: 10_000 });

    provider.locale = 'zh-CN';
    await waitForText(button, /立即续费 · ¥\d+\.\d\d/);
    expect($<HTMLButtonElement>(button, '[part=button]').disabled).to.equal(false);
    expect(provider.store!.state.selectedPlan?.id).to.equal(id);
  });

  it('a locale changed on a provider given its own client reaches the elements at once', async () => {
    const session = await newSession();
    const client = createRenewalClient({ baseUrl: session.baseUrl, sessionToken: session.token });
    const provider = await fixture<EsimRenewal>(html`<esim-renewal .client=${client} locale="en">
      <esim-balance-badge></esim-balance-badge>
    </esim-renewal>`);
    const badge = provider.querySelector('esim-balance-badge')!;
    await waitUntil(() => badge.state === 'ok', 'the card never loaded', { timeout: 10_000 });
    expect(visibleText(badge)).to.include('Active');
    provider.locale = 'zh-CN';
    await waitForText(badge, '使用中');
    expect(badge.state).to.equal('ok');
  });
});
