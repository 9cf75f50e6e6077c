// An element with a `locale` of its own inside a provider of another language, against the real sandbox: its words
// and the API's words it shows (plan names) are in its language, while the plan chosen is the one every element
// inside the provider shares.
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { EsimPlanPicker } from '../../src/components/plan-picker/plan-picker.js';
import { $$, mountWithProvider, visibleText, waitForText } from '../helpers/dom.js';
import { newSession } from '../helpers/sandbox.js';

const radios = (picker: Element) => $$(picker, '[role=radio]');

describe("an element's own locale inside a provider", () => {
  it('a Japanese picker in an English provider shows Japanese plan names; the chosen plan is shared', async () => {
    const session = await newSession({ template: 'japan_only', currency: 'JPY' });
    const provider = await mountWithProvider(
      session,
      html`<esim-plan-picker region=""></esim-plan-picker><esim-plan-picker region="" locale="ja"></esim-plan-picker>`,
      'en',
    );
    const [english, japanese] = [...provider.querySelectorAll<EsimPlanPicker>('esim-plan-picker')];
    await waitForText(english!, 'Japan 10 GB · 30 days');
    await waitForText(japanese!, '日本 10GB・30日間'); // the plan's name from the API, in Japanese
    expect(visibleText(japanese!)).not.to.match(/Japan\b/);
    expect(visibleText(english!)).not.to.include('日本');
    expect(japanese!.store!.client.locale, 'the API is asked in Japanese for this picker').to.equal('ja');
    expect(provider.store!.client.locale, 'and in English for the provider').to.equal('en');

    // Choosing in the Japanese picker chooses for everyone inside the provider.
    radios(japanese!).find((radio) => radio.dataset.id === 'jp-month-10gb')!.click();
    await waitUntil(() => provider.store!.state.selectedPlanId === 'jp-month-10gb', 'not selected in the provider');
    await waitUntil(
      () => radios(english!).find((radio) => radio.getAttribute('aria-checked') === 'true')?.dataset.id === 'jp-month-10gb',
      'the English picker does not show the choice',
    );
    expect(japanese!.store!.state.selectedPlan?.name).to.include('日本');
    expect(provider.store!.state.selectedPlan?.name).to.include('Japan');

    // Back to the provider's language: the picker reads the provider's data again.
    japanese!.locale = 'auto';
    await waitForText(japanese!, 'Japan 10 GB · 30 days');
    expect(japanese!.store).to.equal(provider.store);
  });
});

describe("the plan picker lists a plan's facts as each language does", () => {
  const cases: [locale: string, expected: RegExp][] = [
    ['en', /^10 GB · 30 days · 1 country$/],
    ['zh-CN', /^10 GB、30\s?天、1 个国家\/地区$/], // the enumeration comma, not an English middle dot
    ['ja', /^10 GB／30日間／1か国・地域$/], // a full-width slash: `・` is already inside 1か国・地域
  ];
  for (const [locale, expected] of cases) {
    it(`${locale}: ${expected.source}`, async () => {
      const session = await newSession({ template: 'japan_only', currency: 'JPY' });
      const provider = await mountWithProvider(session, html`<esim-plan-picker region=""></esim-plan-picker>`, locale);
      const picker = provider.querySelector<EsimPlanPicker>('esim-plan-picker')!;
      await waitUntil(() => radios(picker).some((radio) => radio.dataset.id === 'jp-month-10gb'), 'no plans', { timeout: 10_000 });
      const plan = radios(picker).find((radio) => radio.dataset.id === 'jp-month-10gb')!;
      expect(visibleText(plan.querySelector('.meta')!)).to.match(expected);
    });
  }
});
