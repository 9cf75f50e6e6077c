import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { createRenewalClient, type RenewalClient } from '../../src/index.js';
import type { EsimPlanPicker } from '../../src/components/plan-picker/plan-picker.js';
import type { EsimRenewal } from '../../src/components/renewal/renewal.js';
import type { Plan } from '../../src/client/schemas.js';
import { $, $$, mountWithProvider, visibleText } from '../helpers/dom.js';
import { injectFault, newSession } from '../helpers/sandbox.js';

async function pickerFor(locale = 'en', attributes = html`<esim-plan-picker region=""></esim-plan-picker>`) {
  const session = await newSession({ template: 'active' });
  const provider = await mountWithProvider(session, attributes, locale);
  const picker = provider.querySelector('esim-plan-picker')!;
  await waitUntil(() => $$(picker, '[role=radio]').length > 0, 'no plans shown', { timeout: 10_000 });
  return { picker, provider, session };
}

const radios = (picker: EsimPlanPicker) => $$(picker, '[role=radio]');
const ids = (picker: EsimPlanPicker) => radios(picker).map((item) => item.dataset.id);
/** The plans of a period in every region, in the order the API lists them. */
const monthlyIds = (provider: EsimRenewal) =>
  provider.store!.state.plans.value!.filter((plan) => plan.period === 'month').map((plan) => plan.id);

describe('<esim-plan-picker>', () => {
  it('lists monthly plans by default with data, duration and price in the card currency', async () => {
    const { picker } = await pickerFor();
    const items = radios(picker);
    expect(items.length).to.be.greaterThan(5);
    const first = items[0]!.textContent!.replace(/\s+/g, ' ');
    expect(first).to.match(/GB|Unlimited/);
    expect(first).to.include('30 days');
    expect(first).to.match(/CN¥\d+\.\d\d/);
    expect($(picker, '[role=radiogroup]').getAttribute('aria-label')).to.equal('Choose a renewal plan');
    await expect(picker).to.be.accessible();
  });

  it('starts on the region of the card’s current plan, and can show every region', async () => {
    const { picker } = await pickerFor('en', html`<esim-plan-picker></esim-plan-picker>`);
    expect(picker.region).to.equal('GLOBAL');
    const shown = radios(picker).length;
    expect(radios(picker).every((item) => /Global/.test(item.textContent!))).to.equal(true);
    const select = $<HTMLSelectElement>(picker, 'select');
    expect(select.selectedOptions[0]!.textContent).to.match(/Global/);
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await picker.updateComplete;
    expect(picker.region).to.equal('');
    expect(radios(picker).length).to.be.greaterThan(shown);
  });

  it('switches period and filters by region', async () => {
    const { picker } = await pickerFor();
    const period = $$<HTMLInputElement>(picker, 'input[name=period]').find((input) => input.value === 'day')!;
    period.click();
    await picker.updateComplete;
    expect(picker.period).to.equal('day');
    expect(radios(picker).every((item) => item.textContent!.includes('1 day'))).to.equal(true);
    const select = $<HTMLSelectElement>(picker, 'select');
    select.focus(); // the traveller reaches the filter
    const japan = [...select.options].find((option) => option.textContent === 'Japan')!;
    select.value = japan.value;
    select.dispatchEvent(new Event('change'));
    await picker.updateComplete;
    expect(picker.region).to.equal(japan.value);
    const names = radios(picker).map((item) => item.querySelector('.name')!.textContent!);
    expect(names.length).to.be.greaterThan(0);
    expect(names.every((name) => /Japan|Asia|Global/i.test(name))).to.equal(true);
  });

  it('shows popular and discount tags and the regular price of discounted plans', async () => {
    const { picker } = await pickerFor();
    const text = visibleText(picker);
    expect(text).to.include('Popular');
    expect($$(picker, 's').length).to.be.greaterThan(0);
  });

  it('selects a plan by click, emits esim-plan-change and shares it with the store', async () => {
    const { picker, provider } = await pickerFor();
    const target = radios(picker)[1]!;
    const changed = oneEvent(picker, 'esim-plan-change');
    target.click();
    const event = await changed;
    expect(event.plan.id).to.equal(target.dataset.id);
    expect(event.detail.plan.id).to.equal(target.dataset.id);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(provider.store!.state.selectedPlan?.id).to.equal(target.dataset.id);
    await picker.updateComplete;
    expect(target.getAttribute('aria-checked')).to.equal('true');
  });

  it('moves with arrow keys and selects with Space or Enter, by keyboard alone', async () => {
    const { picker } = await pickerFor();
    radios(picker)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await picker.updateComplete;
    const focused = picker.shadowRoot!.activeElement as HTMLElement;
    expect(focused.dataset.id).to.equal(radios(picker)[2]!.dataset.id);
    expect(picker.value).to.equal('');
    const changed = oneEvent(picker, 'esim-plan-change');
    await sendKeys({ press: 'Space' });
    expect((await changed).plan.id).to.equal(focused.dataset.id);
    await sendKeys({ press: 'ArrowUp' });
    const again = oneEvent(picker, 'esim-plan-change');
    await sendKeys({ press: 'Enter' });
    expect((await again).plan.id).to.equal(radios(picker)[1]!.dataset.id);
    expect(radios(picker).filter((item) => item.tabIndex === 0)).to.have.length(1);
  });

  it('shows a long list a page at a time, says how many are shown and shows more on request, announced', async () => {
    const { picker, provider } = await pickerFor(); // every region, monthly: more plans than one page
    const all = monthlyIds(provider);
    expect(all.length).to.be.greaterThan(12);
    expect(ids(picker)).to.deep.equal(all.slice(0, 12));
    expect(visibleText(picker)).to.include(`Showing 12 of ${all.length} plans`);
    const more = $<HTMLButtonElement>(picker, '[part=show-more]');
    expect(more.textContent!.trim()).to.equal(`Show ${Math.min(12, all.length - 12)} more plans`);
    await expect(picker).to.be.accessible();
    more.focus();
    await sendKeys({ press: 'Enter' });
    await picker.updateComplete;
    expect(ids(picker)).to.deep.equal(all.slice(0, 24));
    // Focus moves on to the first plan shown just now (the button may be gone).
    await waitUntil(() => (picker.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id === all[12], 'focus did not move on');
    expect(radios(picker).filter((item) => item.tabIndex === 0).map((item) => item.dataset.id)).to.deep.equal([all[12]]);
    expect($(picker, '[role=status]').textContent).to.equal(`Showing ${Math.min(24, all.length)} of ${all.length} plans`);
    if (all.length <= 24) expect($$(picker, '[part=show-more]')).to.have.length(0);
    await expect(picker).to.be.accessible();
  });

  it('shows more when ArrowDown passes the last plan shown; End and wrapping stay among those shown', async () => {
    const { picker, provider } = await pickerFor();
    const all = monthlyIds(provider);
    radios(picker)[0]!.focus();
    await sendKeys({ press: 'End' });
    await picker.updateComplete;
    expect((picker.shadowRoot!.activeElement as HTMLElement).dataset.id).to.equal(all[11]);
    expect(radios(picker)).to.have.length(12);
    await sendKeys({ press: 'ArrowDown' });
    await picker.updateComplete;
    await waitUntil(() => (picker.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id === all[12], 'focus did not move on');
    expect(ids(picker)).to.deep.equal(all.slice(0, 24));
    expect($(picker, '[role=status]').textContent).to.include(`of ${all.length} plans`);
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowUp' }); // wraps to the last plan shown
    await picker.updateComplete;
    await waitUntil(() => (picker.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id === all[Math.min(24, all.length) - 1]);
    expect(radios(picker).filter((item) => item.tabIndex === 0)).to.have.length(1);
  });

  it('starts each filter on its first page, and shows a plan selected from outside wherever it is', async () => {
    const { picker, provider } = await pickerFor();
    const all = monthlyIds(provider);
    $(picker, '[part=show-more]').click();
    await picker.updateComplete;
    picker.period = 'day';
    await picker.updateComplete;
    picker.period = 'month';
    await picker.updateComplete;
    expect(radios(picker)).to.have.length(12);
    const far = all.at(-1)!;
    provider.store!.selectPlan(far);
    await waitUntil(() => picker.value === far, 'the selection was not followed');
    await picker.updateComplete;
    const selected = radios(picker).find((item) => item.dataset.id === far);
    expect(selected?.getAttribute('aria-checked')).to.equal('true');
    expect(ids(picker)).to.deep.equal(all);
  });

  it('speaks Chinese with locale zh-CN', async () => {
    const { picker } = await pickerFor('zh-CN');
    const text = visibleText(picker);
    expect(text).to.include('按月');
    expect(text).to.include('全部地区');
    expect(text).to.match(/30 天/);
    expect(text).to.match(/¥\d+\.\d\d/);
    await expect(picker).to.be.accessible();
  });

  it('shows an error with retry when plans cannot load', async () => {
    const session = await newSession();
    await injectFault(session, { method: 'GET', path: '/v1/plans', kind: 'wrong_shape' });
    const provider = await mountWithProvider(session, html`<esim-plan-picker></esim-plan-picker>`);
    const picker = provider.querySelector('esim-plan-picker')!;
    await waitUntil(() => picker.shadowRoot!.querySelector('[role=alert]'), 'no error shown', { timeout: 10_000 });
    expect(visibleText(picker)).to.include('Could not load the plans');
    await expect(picker).to.be.accessible();
    $(picker, '[role=alert] button').click();
    await waitUntil(() => radios(picker).length > 0, 'retry did not load plans', { timeout: 10_000 });
  });

  it('renders a plan name containing markup as text', async () => {
    const session = await newSession();
    const real = createRenewalClient({ baseUrl: session.baseUrl, sessionToken: session.token });
    const [plan] = await real.listPlans({ period: 'month' });
    const hostile: Plan = { ...plan!, name: '<img src=x onerror="window.__pwned=1"><b>Bold</b>' };
    const client: RenewalClient = { ...real, listPlans: async () => [hostile] };
    const provider = await fixture<EsimRenewal>(html`<esim-renewal .client=${client} locale="en">
      <esim-plan-picker></esim-plan-picker>
    </esim-renewal>`);
    const picker = provider.querySelector('esim-plan-picker')!;
    await waitUntil(() => radios(picker).length === 1);
    expect(picker.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect(radios(picker)[0]!.textContent).to.include('<img src=x');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
