// The state the elements under one `<esim-renewal>` share: the selected plan has one writer (the store's
// `selectPlan`), every element renders it from the store, and the store changes only for what elements show (a
// checkout's polling of its order is the checkout's own). Against the real sandbox.
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { EsimCheckoutButton } from '../../src/components/checkout-button/checkout-button.js';
import type { EsimPlanPicker } from '../../src/components/plan-picker/plan-picker.js';
import type { RenewalState } from '../../src/context/store.js';
import { $, $$, mountWithProvider, requestsTo } from '../helpers/dom.js';
import { latestOrder, newSession, simulatePayment } from '../helpers/sandbox.js';

/** The plan a picker shows as selected (its checked radio), if any. */
const checkedIn = (picker: EsimPlanPicker) =>
  $$(picker, '[role=radio]').find((radio) => radio.getAttribute('aria-checked') === 'true')?.dataset.id;

async function pageWithTwoPickers() {
  const session = await newSession({ template: 'active' });
  const provider = await mountWithProvider(
    session,
    html`<esim-plan-picker region=""></esim-plan-picker>
      <esim-plan-picker region=""></esim-plan-picker>
      <esim-checkout-button payment-methods="alipay"></esim-checkout-button>`,
  );
  const [first, second] = [...provider.querySelectorAll('esim-plan-picker')];
  const button = provider.querySelector('esim-checkout-button')!;
  await waitUntil(() => $$(first!, '[role=radio]').length > 0 && $$(second!, '[role=radio]').length > 0, 'no plans shown', {
    timeout: 10_000,
  });
  const store = provider.store!;
  /** Every state the store announced since the page was ready. */
  const announced: RenewalState[] = [];
  store.subscribe((state) => announced.push(state));
  const settled = () => Promise.all([first!.updateComplete, second!.updateComplete, button.updateComplete]);
  return { session, provider, store, first: first!, second: second!, button, announced, settled };
}

describe('the state the elements share', () => {
  afterEach(() => sessionStorage.clear());

  it("a checkout's plan-id selects the plan once, and every picker shows it", async () => {
    const page = await pageWithTwoPickers();
    const wanted = $$(page.first, '[role=radio]')[2]!.dataset.id!;
    page.button.planId = wanted;
    await page.settled();
    expect(checkedIn(page.first)).to.equal(wanted);
    expect(checkedIn(page.second)).to.equal(wanted);
    expect([page.first.value, page.second.value]).to.deep.equal([wanted, wanted]);
    // One write, announced once: no element's update wrote the selection again.
    expect(page.announced.map((state) => state.selectedPlanId)).to.deep.equal([wanted]);
  });

  it('a click in one picker is the one change: the other picker and the checkout follow it', async () => {
    const page = await pageWithTwoPickers();
    const clicked = $$(page.second, '[role=radio]')[1]!;
    clicked.click();
    await page.settled();
    expect(checkedIn(page.first)).to.equal(clicked.dataset.id);
    expect(page.first.getAttribute('value')).to.equal(clicked.dataset.id, 'the other picker reflects it');
    expect(page.announced.map((state) => state.selectedPlanId)).to.deep.equal([clicked.dataset.id]);
    // The checkout renews with it.
    $(page.button, '[part=button]').click();
    await waitUntil(() => page.button.step === 'summary', `checkout at ${page.button.step}`, { timeout: 15_000 });
    expect(page.button.shadowRoot!.textContent).to.include(page.store.state.selectedPlan!.name);
  });

  it('while the checkout polls its order, nothing else under the provider is told anything', async () => {
    const page = await pageWithTwoPickers();
    $$(page.first, '[role=radio]')[0]!.click();
    await page.settled();
    $(page.button, '[part=button]').click();
    const button: EsimCheckoutButton = page.button;
    await waitUntil(() => button.step === 'summary', `checkout at ${button.step}`, { timeout: 15_000 });
    $(button, '[part=pay]').click();
    await waitUntil(() => button.step === 'paying', `checkout at ${button.step}`, { timeout: 15_000 });
    const order = await latestOrder(page.session);
    const orderUrl = `${page.session.baseUrl}/v1/orders/${order.id}`;
    const before = page.announced.length;
    const polls = requestsTo(orderUrl);
    await waitUntil(() => requestsTo(orderUrl) >= polls + 3, 'the checkout did not poll its order', { timeout: 15_000 });
    expect(button.step).to.equal('paying');
    expect(page.announced.length).to.equal(before, 'the store announced a change while only the order was polled');
    // Paid, the renewed card is news for every element: announced.
    await simulatePayment(page.session, order.id, 'succeed');
    await waitUntil(() => button.step === 'success', `checkout at ${button.step}`, { timeout: 15_000 });
    expect(page.announced.length).to.be.greaterThan(before);
  });
});
