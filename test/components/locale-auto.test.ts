// locale="auto" (the default) against the real sandbox: which language the elements speak (the element's own
// locale, else the provider's, else the browser's languages, else the page's lang), that the API is asked for it, and
// that a language file is fetched only by a page that shows that language.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/usage-meter.js';
import '../../src/order-history.js';
import type { EsimRenewal } from '../../src/components/renewal/renewal.js';
import type { EsimPlanPicker } from '../../src/components/plan-picker/plan-picker.js';
import { createRenewalClient } from '../../src/client/client.js';
import { localeLoaders } from '../../src/i18n/locales.js';
import { $$, mountWithProvider, visibleText, waitForText } from '../helpers/dom.js';
import { newSession } from '../helpers/sandbox.js';

/** The language files (src/i18n/<tag>.ts, a chunk of their own in the builds) this page has fetched, one entry a request. */
function languageFilesFetched(): string[] {
  const tags = new Set(Object.keys(localeLoaders));
  return performance
    .getEntriesByType('resource')
    .map((entry) => /\/src\/i18n\/([\w-]+)\.(?:js|ts)$/.exec(new URL(entry.name).pathname)?.[1])
    .filter((tag): tag is string => !!tag && tags.has(tag));
}

/**
 * Stands in for a phone set to `languages` (what navigator.languages says there): we cannot run a Japanese phone here,
 * and the browser's own setting is the one thing in this journey we do not own.
 */
function browserLanguages(languages: string[]): () => void {
  Object.defineProperty(navigator, 'languages', { configurable: true, get: () => languages });
  Object.defineProperty(navigator, 'language', { configurable: true, get: () => languages[0] });
  const lang = document.documentElement.getAttribute('lang');
  document.documentElement.removeAttribute('lang'); // a page that does not say its language
  return () => {
    delete (navigator as { languages?: unknown }).languages;
    delete (navigator as { language?: unknown }).language;
    if (lang !== null) document.documentElement.setAttribute('lang', lang);
  };
}

const radios = (picker: Element) => $$(picker, '[role=radio]');

// Runs first in this page: nothing before it may have shown Japanese.
describe('a language file is fetched only when that language is shown', () => {
  it('an English page fetches none; switched to ja it fetches ja once, and the plans come again in Japanese', async () => {
    const session = await newSession({ template: 'japan_only', currency: 'JPY' });
    const provider = await mountWithProvider(
      session,
      html`<esim-balance-badge></esim-balance-badge><esim-plan-picker region=""></esim-plan-picker><esim-checkout-button></esim-checkout-button>`,
      'en',
    );
    const picker = provider.querySelector<EsimPlanPicker>('esim-plan-picker')!;
    await waitUntil(() => radios(picker).length > 0, 'no plans', { timeout: 10_000 });
    radios(picker).find((radio) => radio.dataset.id === 'jp-month-10gb')!.click();
    await waitForText(picker, 'Japan');
    expect(languageFilesFetched()).to.deep.equal([]);

    provider.locale = 'ja';
    await waitForText(picker, '日本 10GB・30日間'); // the plan's name, from the API, in Japanese
    expect(languageFilesFetched()).to.deep.equal(['ja']);
    expect(visibleText(picker)).not.to.match(/Japan|days/);
    // The plan chosen in English is still the one chosen.
    expect(provider.store!.state.selectedPlanId).to.equal('jp-month-10gb');
    const chosen = radios(picker).find((radio) => radio.getAttribute('aria-checked') === 'true')!;
    expect(chosen.dataset.id).to.equal('jp-month-10gb');

    provider.locale = 'en';
    await waitForText(picker, 'Japan');
    provider.locale = 'ja';
    await waitForText(picker, '日本 10GB・30日間');
    expect(languageFilesFetched(), 'ja is fetched once however often it is shown').to.deep.equal(['ja']);
  });
});

describe('locale="auto"', () => {
  it('on a Japanese phone (navigator.languages stand-in), the journey reads in Japanese, priced in whole yen', async () => {
    const restore = browserLanguages(['ja-JP', 'en-US']);
    try {
      // A yen card with a partly used renewal: its refund is credit, which the badge and the next checkout show.
      const session = await newSession({ template: 'refund_credit', currency: 'JPY' });
      const provider = await fixture<EsimRenewal>(html`<esim-renewal api-base=${session.baseUrl} session-token=${session.token}>
        <esim-balance-badge></esim-balance-badge>
        <esim-order-history></esim-order-history>
        <esim-plan-picker region=""></esim-plan-picker>
        <esim-checkout-button></esim-checkout-button>
      </esim-renewal>`);
      expect(provider.resolvedLocale).to.equal('ja');
      const [badge, history, picker, checkout] = ['esim-balance-badge', 'esim-order-history', 'esim-plan-picker', 'esim-checkout-button'].map(
        (tag) => provider.querySelector(tag)! as EsimPlanPicker,
      );
      for (const element of [badge, history, picker, checkout]) expect(element.resolvedLocale).to.equal('ja');
      expect(provider.store!.client.locale, 'the API is asked in Japanese').to.equal('ja');
      await waitForText(badge, '残り');

      // History: the renewal's amount in whole yen; its refund, as credit, in whole yen too.
      await waitUntil(() => $$(history, '[part=order]').length > 0, 'no renewals', { timeout: 10_000 });
      expect(visibleText(history)).to.include('チャージ履歴');
      expect(visibleText($$(history, '[part=order]')[0]!)).to.match(/[¥￥][\d,]+(?![.\d])/);
      $$(history, '[part=refund-button]')[0]!.click();
      await waitUntil(() => history.shadowRoot!.querySelector('dialog[open] .outcome'), 'no refund preview', { timeout: 10_000 });
      const outcome = visibleText(history.shadowRoot!.querySelector('dialog[open] .outcome')!);
      expect(outcome).to.match(/[¥￥][\d,]+(?![.\d])/);
      expect(outcome).to.include('クレジット');
      history.shadowRoot!.querySelector<HTMLButtonElement>('dialog button[type=submit]')!.click();
      await waitForText(badge, /[¥￥][\d,]+(?![.\d])/, 15_000); // the credit, on the badge

      // The plans: the API's Japanese names, in whole yen.
      const plans = await createRenewalClient({ baseUrl: session.baseUrl, sessionToken: session.token, locale: 'ja' }).listPlans();
      await waitUntil(() => radios(picker).length > 0, 'no plans', { timeout: 10_000 });
      for (const radio of radios(picker).slice(0, 4)) {
        const name = plans.find((plan) => plan.id === radio.dataset.id)!.name;
        expect(name).to.match(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(visibleText(radio)).to.include(name);
      }
      expect(visibleText(picker)).to.match(/[¥￥][\d,]+(?![.\d])/);
      expect(visibleText(picker)).not.to.match(/[¥￥][\d,]+\.\d/);
      radios(picker)[0]!.click();
      await checkout.updateComplete;
      expect(visibleText(checkout)).to.match(/[¥￥][\d,]+(?![.\d])/);

      // The checkout's summary: the credit taken off and the total, in whole yen.
      checkout.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!.click();
      await waitUntil(() => (checkout as unknown as { step: string }).step === 'summary', 'no summary', { timeout: 10_000 });
      const summary = visibleText(checkout);
      expect(summary).to.include('ストアクレジット');
      expect(summary).to.match(/-[¥￥][\d,]+(?![.\d])/);
      expect(summary).not.to.match(/[¥￥][\d,]+\.\d/);
      await expect(picker).to.be.accessible();
    } finally {
      restore();
    }
  });

  it("uses the browser's languages before the page's lang, and an element's or the provider's locale before both", async () => {
    const restore = browserLanguages(['ko-KR']);
    try {
      const session = await newSession({ template: 'active' });
      const page = await fixture<HTMLDivElement>(html`<div lang="zh-Hant-HK">
        <esim-renewal api-base=${session.baseUrl} session-token=${session.token}>
          <esim-balance-badge></esim-balance-badge>
          <esim-balance-badge locale="th"></esim-balance-badge>
          <esim-balance-badge locale="auto"></esim-balance-badge>
        </esim-renewal>
        <esim-renewal api-base=${session.baseUrl} session-token=${session.token} locale="zh-SG">
          <esim-balance-badge></esim-balance-badge>
        </esim-renewal>
      </div>`);
      const [inherits, own, auto, provided] = [...page.querySelectorAll('esim-balance-badge')] as EsimPlanPicker[];
      const [pageProvider, explicitProvider] = [...page.querySelectorAll('esim-renewal')];
      expect(pageProvider!.resolvedLocale, 'the browser says ko-KR, the page zh-Hant-HK').to.equal('ko');
      expect(inherits!.resolvedLocale).to.equal('ko');
      expect(own!.resolvedLocale).to.equal('th');
      expect(auto!.resolvedLocale, 'auto inherits').to.equal('ko');
      expect(explicitProvider!.resolvedLocale, 'Singapore writes Simplified').to.equal('zh-CN');
      expect(provided!.resolvedLocale).to.equal('zh-CN');
      await waitForText(inherits!, '남음');
      await waitForText(own!, 'เหลือ');
    } finally {
      restore();
    }
  });

  it("a Japanese phone on a partner page whose <html lang> is en reads Japanese, plan names from the API included", async () => {
    const restore = browserLanguages(['ja-JP', 'en-US']);
    document.documentElement.setAttribute('lang', 'en');
    try {
      const session = await newSession({ template: 'japan_only', currency: 'JPY' });
      const provider = await fixture<EsimRenewal>(html`<esim-renewal api-base=${session.baseUrl} session-token=${session.token}>
        <esim-plan-picker region=""></esim-plan-picker>
      </esim-renewal>`);
      const picker = provider.querySelector<EsimPlanPicker>('esim-plan-picker')!;
      expect(provider.resolvedLocale).to.equal('ja');
      expect(picker.resolvedLocale).to.equal('ja');
      await waitForText(picker, '日本 10GB・30日間');
      expect(picker.shadowRoot!.textContent).not.to.match(/Japan\b/);
    } finally {
      document.documentElement.removeAttribute('lang');
      restore();
    }
  });

  it("the page's lang decides only when none of the browser's languages is one we ship", async () => {
    const restore = browserLanguages(['de-DE', 'fr']);
    try {
      const session = await newSession({ template: 'active' });
      const page = await fixture<HTMLDivElement>(html`<div lang="zh-Hant-HK">
        <esim-renewal api-base=${session.baseUrl} session-token=${session.token}><esim-balance-badge></esim-balance-badge></esim-renewal>
      </div>`);
      const badge = page.querySelector<EsimPlanPicker>('esim-balance-badge')!;
      expect(page.querySelector<EsimRenewal>('esim-renewal')!.resolvedLocale).to.equal('zh-HK');
      await waitForText(badge, '尚餘');

      // Neither the browser nor the page speaks a language we ship: English.
      page.setAttribute('lang', 'de');
      const another = await fixture<EsimRenewal>(html`<esim-renewal api-base=${session.baseUrl} session-token=${session.token}></esim-renewal>`, {
        parentNode: page,
      });
      expect(another.resolvedLocale).to.equal('en');
    } finally {
      restore();
    }
  });

  it('negotiates again when the browser\'s languages change (the window\'s languagechange event)', async () => {
    const restore = browserLanguages(['en-US']);
    try {
      const session = await newSession({ template: 'japan_only', currency: 'JPY' });
      const page = await fixture<HTMLDivElement>(html`<div>
        <esim-renewal api-base=${session.baseUrl} session-token=${session.token}>
          <esim-plan-picker region=""></esim-plan-picker>
        </esim-renewal>
        <esim-balance-badge api-base=${session.baseUrl} session-token=${session.token}></esim-balance-badge>
      </div>`);
      const provider = page.querySelector<EsimRenewal>('esim-renewal')!;
      const picker = page.querySelector<EsimPlanPicker>('esim-plan-picker')!;
      const standalone = page.querySelector<EsimPlanPicker>('esim-balance-badge')!;
      await waitForText(picker, 'Japan');
      await waitForText(standalone, 'left');

      // The traveller switches the phone to Korean: the browser fires languagechange on the window.
      Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ['ko-KR'] });
      window.dispatchEvent(new Event('languagechange'));
      expect(provider.resolvedLocale).to.equal('ko');
      await waitForText(picker, '일본'); // the plans, asked again in Korean
      expect(provider.store!.client.locale).to.equal('ko');
      await waitForText(standalone, '남음');
      expect(standalone.store!.client.locale).to.equal('ko');
    } finally {
      restore();
    }
  });

  it('an element without a provider asks the API in its own language, and again when it changes', async () => {
    const session = await newSession({ template: 'japan_only', currency: 'JPY' });
    const picker = await fixture<EsimPlanPicker>(
      html`<esim-plan-picker api-base=${session.baseUrl} session-token=${session.token} locale="zh-TW" region=""></esim-plan-picker>`,
    );
    await waitForText(picker, '日本');
    expect(picker.store!.client.locale).to.equal('zh-TW');
    picker.locale = 'ko';
    await waitForText(picker, '일본');
    expect(picker.store!.client.locale).to.equal('ko');
  });
});
