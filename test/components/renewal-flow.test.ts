import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import '../../src/renewal-flow.js';
import type { EsimRenewalFlow } from '../../src/components/renewal-flow/renewal-flow.js';
import { visibleText } from '../helpers/dom.js';
import { latestOrder, newSession, simulatePayment } from '../helpers/sandbox.js';

/** The focused element, looking through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(matches: (el: Element) => boolean, what: string, limit = 25) {
  for (let i = 0; i < limit; i += 1) {
    const active = deepActive();
    if (active && matches(active)) return active;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}; focus is on ${deepActive()?.outerHTML.slice(0, 80)}`);
}

const texts = {
  en: { next: 'Choose a plan', review: 'Review', plan: 'Choose a plan', pay: 'Review and pay', renewed: 'valid until' },
  'zh-CN': { next: '选择套餐', review: '下一步', plan: '选择套餐', pay: '确认并支付', renewed: '有效期已延长至' },
} as const;

describe('<esim-renewal-flow>', () => {
  before(() => setViewport({ width: 360, height: 740 }));
  after(() => setViewport({ width: 800, height: 600 }));
  afterEach(() => sessionStorage.clear());

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`renews a card by keyboard alone on a 360 px screen (${locale})`, async () => {
      const t = texts[locale];
      const session = await newSession({ template: 'expiring' });
      const flow = await fixture<EsimRenewalFlow>(html`<esim-renewal-flow
        api-base=${session.baseUrl}
        session-token=${session.token}
        locale=${locale}
        payment-methods="alipay"
      ></esim-renewal-flow>`);
      const root = flow.shadowRoot!;
      await waitUntil(() => root.querySelector('esim-balance-badge')?.state === 'expiring', 'card not shown', { timeout: 10_000 });
      await expect(flow).to.be.accessible();

      // Step 1 → 2
      await tabTo((el) => el.textContent?.trim() === t.next, 'the next button');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => flow.step === 'plan');
      expect(deepActive()?.id).to.equal('step-title');
      expect(visibleText(flow)).to.include(t.plan);

      // Pick the second plan: Tab into the radio group, arrow, Space.
      const picker = root.querySelector('esim-plan-picker')!;
      await waitUntil(() => picker.shadowRoot!.querySelector('[role=radio]'), 'no plans', { timeout: 10_000 });
      await tabTo((el) => el.getAttribute('role') === 'radio', 'a plan');
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Space' });
      await waitUntil(() => flow.store!.state.selectedPlan, 'no plan selected');
      await expect(flow).to.be.accessible();

      // Step 2 → 3
      await tabTo((el) => el.textContent?.trim() === t.review, 'the review button');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => flow.step === 'pay');
      expect(visibleText(flow)).to.include(t.pay);

      // Open the checkout, then Tab to Pay inside its dialog.
      const checkout = root.querySelector('esim-checkout-button')!;
      await tabTo((el) => el.getAttribute('part') === 'button', 'the checkout button');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => checkout.step === 'summary', 'no summary', { timeout: 10_000 });
      await tabTo((el) => el.getAttribute('part') === 'pay', 'the pay button');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => checkout.step === 'paying', 'not paying', { timeout: 10_000 });
      await simulatePayment(session, (await latestOrder(session)).id, 'succeed');
      await waitUntil(() => checkout.step === 'success', 'not renewed', { timeout: 15_000 });
      await sendKeys({ press: 'Escape' });

      // Step 4: done, with the renewed card.
      await waitUntil(() => flow.step === 'done');
      expect(visibleText(flow)).to.include(t.renewed);
      await expect(flow).to.be.accessible();

      // Nothing spills past a 360 px screen.
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
    });
  }

  it('on a suspended card, says why and offers the buy link at step 1, not a plan choice', async () => {
    const session = await newSession({ template: 'suspended' });
    const flow = await fixture<EsimRenewalFlow>(html`<esim-renewal-flow
      api-base=${session.baseUrl}
      session-token=${session.token}
      locale="en"
      buy-url="https://agency.example/buy"
    ></esim-renewal-flow>`);
    const root = flow.shadowRoot!;
    await waitUntil(() => root.querySelector('[part=ineligible]'), 'the reason never showed', { timeout: 10_000 });
    expect(flow.step).to.equal('card');
    expect(visibleText(flow)).to.include('This card is suspended, so it cannot be renewed.');
    expect(root.querySelector<HTMLAnchorElement>('[part=ineligible] a')!.href).to.equal('https://agency.example/buy');
    expect(root.querySelector('[part=next]')).to.equal(null);
    await expect(flow).to.be.accessible();
  });

  it('names the step in one message: a full-width colon in Chinese', async () => {
    const session = await newSession({ template: 'active' });
    const flow = await fixture<EsimRenewalFlow>(html`<esim-renewal-flow
      api-base=${session.baseUrl}
      session-token=${session.token}
      locale="zh-CN"
    ></esim-renewal-flow>`);
    await flow.updateComplete;
    await waitUntil(() => flow.shadowRoot!.querySelector('#step-title .visually-hidden')?.textContent?.includes('我的卡') || flow.shadowRoot!.querySelector('#step-title .visually-hidden')?.textContent?.includes('：'));
    const heading = flow.shadowRoot!.querySelector('#step-title .visually-hidden')!.textContent!.trim();
    expect(heading).to.match(/^第 1 步，共 4 步：\S/);
    expect(heading).to.not.include(':');
  });
});
