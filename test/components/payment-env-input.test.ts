// What the checkout takes for where the page runs, against the real sandbox: an iPad whose Safari says it is a Mac
// counts as a phone or tablet browser, and a `payment-env` that names no environment is ignored with a warning while
// detection decides (the order then says what the browser looks like).
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { EsimCheckoutButton } from '../../src/components/checkout-button/checkout-button.js';
import { detectPaymentEnv } from '../../src/components/checkout-button/payment-env.js';
import type { EsimRenewal } from '../../src/components/renewal/renewal.js';
import '../../src/renewal.js';
import '../../src/plan-picker.js';
import '../../src/checkout-button.js';
import { $, $$ } from '../helpers/dom.js';
import { latestOrder, newSession, ordersOf } from '../helpers/sandbox.js';

// Stand-ins: an iPad and a Mac are not ours to run here; their user agents and touch points are what detection reads.
const IPAD_AS_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

describe('detecting an iPad', () => {
  it("an iPad's Safari (iPadOS 13+, a Mac's user agent with touch points) is a phone or tablet browser; a Mac is a desktop", () => {
    expect(detectPaymentEnv({ userAgent: IPAD_AS_MAC, coarsePointer: false, maxTouchPoints: 5 })).to.equal('mobile_browser');
    expect(detectPaymentEnv({ userAgent: IPAD_AS_MAC, coarsePointer: false, maxTouchPoints: 0 })).to.equal('desktop');
    expect(detectPaymentEnv({ userAgent: IPAD_AS_MAC, coarsePointer: false })).to.equal('desktop');
  });
});

describe('payment-env that names no environment', () => {
  it('is ignored with a console warning; the order is made for the environment detected (this desktop browser)', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      const session = await newSession({ template: 'active' });
      // `wechat-browser`: a typo of `wechat`.
      const provider = await fixture<EsimRenewal>(html`<esim-renewal api-base=${session.baseUrl} session-token=${session.token} payment-env="wechat-browser">
        <esim-plan-picker></esim-plan-picker><esim-checkout-button></esim-checkout-button>
      </esim-renewal>`);
      const picker = provider.querySelector('esim-plan-picker')!;
      const button = provider.querySelector<EsimCheckoutButton>('esim-checkout-button')!;
      await waitUntil(() => $$(picker, '[role=radio]').length > 0, 'plans never showed', { timeout: 10_000 });
      $$(picker, '[role=radio]')[0]!.click();
      await button.updateComplete;
      $(button, '[part=button]').click();
      await waitUntil(() => button.step === 'summary', 'no summary', { timeout: 10_000 });
      await waitUntil(() => $$<HTMLInputElement>(button, 'input[name=method]').length > 0, 'no methods', { timeout: 10_000 });
      $$<HTMLInputElement>(button, 'input[name=method]').find((input) => input.value === 'alipay')!.click();
      $(button, '[part=pay]').click();
      await waitUntil(async () => (await ordersOf(session)).length === 1, 'no order', { timeout: 10_000 });
      expect((await latestOrder(session)).paymentEnv).to.equal('desktop');
      // Said once, with the values that work.
      const said = warnings.filter((text) => text.includes('payment-env="wechat-browser"'));
      expect(said).to.have.length(1);
      expect(said[0]).to.include('desktop, mobile_browser, wechat, alipay, wechat_miniprogram');
    } finally {
      console.warn = warn;
    }
  });
});
