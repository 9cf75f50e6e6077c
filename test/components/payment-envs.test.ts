// The checkout where the page runs (issue 17): the methods of the environment as the API lists them, why the others
// do not work, the Alipay app's tradePay bridge and the way back from it, against the real sandbox.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { EsimRenewal } from '../../src/components/renewal/renewal.js';
import { html } from 'lit';
import { $, $$, mountWithProvider, visibleText, waitForText } from '../helpers/dom.js';
import { detectPaymentEnv } from '../../src/components/checkout-button/payment-env.js';
import { latestOrder, newSession, ordersOf, simulatePayment } from '../helpers/sandbox.js';
import { standInAlipayBridge } from '../helpers/alipay-bridge.js';
import { checkoutIn, type CheckoutPage, untilStep } from '../helpers/checkout.js';




/** The summary, once the environment's methods are in. */
async function openSummary(page: CheckoutPage) {
  $$(page.provider.querySelector('esim-plan-picker')!, '[role=radio]')[0]!.click();
  await page.button.updateComplete;
  $(page.button, '[part=button]').click();
  await untilStep(page.button, 'summary');
  await waitUntil(() => (page.button as unknown as { flow: { state: { methodOptions?: unknown } } }).flow.state.methodOptions, 'methods never came', {
    timeout: 10_000,
  });
  await page.button.updateComplete;
}

function choose(page: CheckoutPage, method: string) {
  $$<HTMLInputElement>(page.button, 'input[name=method]').find((input) => input.value === method)!.click();
}

const offered = (page: CheckoutPage) => $$<HTMLInputElement>(page.button, 'input[name=method]').map((input) => input.value);

describe('the checkout where the page runs', () => {
  afterEach(() => {
    sessionStorage.clear();
    delete (window as { AlipayJSBridge?: unknown }).AlipayJSBridge;
  });

  it('inside WeChat: Alipay is not offered, says why, and offers the link to open in the browser; WeChat Pay comes first', async () => {
    const page = await checkoutIn('wechat');
    await openSummary(page);
    expect(offered(page)).to.deep.equal(['wechat_pay', 'card']);
    const text = visibleText(page.button);
    expect(text).to.include('Alipay does not open inside WeChat. Open this page in your browser to pay with Alipay.');
    expect($(page.button, '[part=handoff-button]')).to.exist; // another device stays possible
    await expect(page.button).to.be.accessible();
    await expect(page.button).to.be.accessible();
  });

  // The clipboard is the browser's: WeChat's often refuses it. Stand-ins for both answers make each path certain here.
  for (const clipboard of ['accepts', 'refuses'] as const) {
    it(`inside WeChat, "copy link" gives a hand-off link that signs in in the browser (the clipboard ${clipboard})`, async () => {
      const page = await checkoutIn('wechat');
      await openSummary(page);
      const written: string[] = [];
      const writeText = navigator.clipboard.writeText;
      navigator.clipboard.writeText = async (text: string) => {
        if (clipboard === 'refuses') throw new DOMException('Write permission denied.', 'NotAllowedError');
        written.push(text);
      };
      let link: string;
      try {
        $(page.button, '[part=copy-page-link]').click();
        if (clipboard === 'accepts') {
          await waitForText(page.button, 'Link copied. Paste it into your browser to continue.');
          expect(written).to.have.length(1);
          link = written[0]!;
        } else {
          await waitUntil(() => page.button.shadowRoot!.querySelector('.page-link input'), 'the link was not shown', { timeout: 10_000 });
          link = $<HTMLInputElement>(page.button, '.page-link input').value;
          expect(visibleText(page.button)).to.include('Copy this link and open it in your browser:');
        }
        await expect(page.button).to.be.accessible();
      } finally {
        navigator.clipboard.writeText = writeText;
      }
      // Not this page's address (which does not sign in elsewhere): a single-use link to the same card.
      expect(link).to.not.equal(location.href);
      expect(link).to.not.include(page.session.token);
      const code = new URL(link).searchParams.get('esim_handoff')!;
      expect(code).to.be.a('string').and.not.empty;
      const original = location.href;
      history.replaceState(null, '', `${location.pathname}?esim_handoff=${encodeURIComponent(code)}`);
      try {
        const other = await fixture<EsimRenewal>(html`<esim-renewal api-base=${page.session.baseUrl} locale="en">
          <esim-balance-badge></esim-balance-badge>
        </esim-renewal>`);
        const badge = other.querySelector('esim-balance-badge')!;
        await waitUntil(() => badge.state !== 'loading', 'the browser never loaded the card', { timeout: 10_000 });
        expect(other.store!.state.card.value!.id).to.equal(page.session.cardId);
      } finally {
        history.replaceState(null, '', original);
      }
    });
  }

  it('preselects the first method that works where the page runs, and keeps the one the traveller chooses', async () => {
    const checked = (page: CheckoutPage) => $$<HTMLInputElement>(page.button, 'input[name=method]').find((input) => input.checked)?.value;
    const wechat = await checkoutIn('wechat');
    await openSummary(wechat);
    expect(checked(wechat)).to.equal('wechat_pay');
    choose(wechat, 'card');
    await wechat.button.updateComplete;
    expect(checked(wechat)).to.equal('card');
    wechat.provider.remove();

    const alipay = await checkoutIn('alipay');
    alipay.button.paymentMethods = 'wechat_pay card alipay';
    await openSummary(alipay);
    expect(checked(alipay)).to.equal('alipay');
    standInAlipayBridge(alipay.session.baseUrl, { code: '6001' });
    $(alipay.button, '[part=pay]').click();
    await untilStep(alipay.button, 'paying');
    expect((await latestOrder(alipay.session)).paymentMethod).to.equal('alipay');
  });

  it('in a mini program web-view: only the card is offered, and each wallet says why', async () => {
    const page = await checkoutIn('wechat_miniprogram');
    await openSummary(page);
    expect(offered(page)).to.deep.equal(['card']);
    expect(visibleText(page.button)).to.include('Wallet payments cannot start from this mini program page');
    expect(visibleText(page.button)).to.include('Alipay does not open inside WeChat');
  });

  for (const [code, app, ends] of [
    ['9000', { outcome: 'succeed', settle: 'now' }, 'success'],
    ['8000', { outcome: 'succeed', settle: 'later' }, 'success'],
    ['6004', { outcome: 'fail' }, 'error'],
    ['6001', { outcome: 'succeed', settle: 'now' }, 'success'], // "cancelled", yet the app paid: the order decides
    ['9000', {}, 'checking'], // "success", yet nothing was paid: the order decides
  ] as const) {
    it(`inside the Alipay app: tradePay answers ${code}, the order was ${app.outcome ?? 'not paid'} — the checkout ends on ${ends}`, async () => {
      const page = await checkoutIn('alipay');
      await openSummary(page);
      expect(offered(page)).to.deep.equal(['alipay', 'card']);
      expect(visibleText(page.button)).to.include('WeChat Pay does not open inside the Alipay app');
      const calls = standInAlipayBridge(page.session.baseUrl, { ...app, code });
      choose(page, 'alipay');
      $(page.button, '[part=pay]').click();
      if (ends === 'success') await untilStep(page.button, 'success');
      else if (ends === 'error') {
        await untilStep(page.button, 'error');
        expect(visibleText(page.button)).to.include('The payment was declined. No money was taken.');
      } else {
        await waitForText(page.button, 'Checking your payment…');
        expect(page.button.step).to.equal('paying');
        await expect(page.button).to.be.accessible();
      }
      const order = await latestOrder(page.session);
      expect(calls).to.deep.equal([{ name: 'tradePay', tradeNO: order.paymentAction?.type === 'app_bridge' ? order.paymentAction.tradeNo : calls[0]!.tradeNO }]);
      expect(order.paymentEnv).to.equal('alipay');
      expect(await ordersOf(page.session)).to.have.length(1);
    });
  }

  it('"Check again" reads the order now, and "still processing" says what support needs', async () => {
    const page = await checkoutIn('alipay');
    page.button.slowAfter = 300;
    await openSummary(page);
    standInAlipayBridge(page.session.baseUrl, { code: '6004' }); // unknown, nothing paid yet
    choose(page, 'alipay');
    $(page.button, '[part=pay]').click();
    await waitForText(page.button, 'Checking your payment…');
    await waitForText(page.button, 'Your payment is still processing');
    const order = await latestOrder(page.session);
    const text = visibleText(page.button);
    expect(text).to.include(`Order reference: ${order.id}`);
    expect(text).to.match(/Card: •+ ?\d{4}/);
    const status = page.button.shadowRoot!.querySelector('[part=checking] [role=status]');
    expect(status, 'the checking state is announced').to.exist;
    await expect(page.button).to.be.accessible();
    await simulatePayment(page.session, order.id, 'succeed');
    $(page.button, '[part=check-again]').click();
    await untilStep(page.button, 'success', 'confirming');
    await untilStep(page.button, 'success');
    expect(await ordersOf(page.session)).to.have.length(1);
  });
});

describe('detecting where the page runs', () => {
  const ua = {
    wechat: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x18003231) NetType/WIFI Language/zh_CN',
    miniProgram: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36 MicroMessenger/8.0.49 miniProgram/wx1234567890',
    alipay: 'Mozilla/5.0 (Linux; Android 14; SM-S9180) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 AlipayClient/10.5.96.8000 Language/zh-Hans',
    android: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
    desktop: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  };
  it('tells WeChat, its mini programs, the Alipay app, a phone and a desktop apart', () => {
    expect(detectPaymentEnv({ userAgent: ua.wechat, coarsePointer: true })).to.equal('wechat');
    expect(detectPaymentEnv({ userAgent: ua.miniProgram, coarsePointer: true })).to.equal('wechat_miniprogram');
    expect(detectPaymentEnv({ userAgent: ua.wechat, wxjsEnvironment: 'miniprogram', coarsePointer: true })).to.equal('wechat_miniprogram');
    expect(detectPaymentEnv({ userAgent: ua.alipay, coarsePointer: true })).to.equal('alipay');
    // An Alipay mini program's web-view says MiniProgram too: it is the Alipay app, not WeChat.
    expect(detectPaymentEnv({ userAgent: `${ua.alipay} MiniProgram`, coarsePointer: true })).to.equal('alipay');
    expect(detectPaymentEnv({ userAgent: ua.android, coarsePointer: true })).to.equal('mobile_browser');
    expect(detectPaymentEnv({ userAgent: ua.desktop, coarsePointer: true })).to.equal('mobile_browser'); // a tablet's finger
    expect(detectPaymentEnv({ userAgent: ua.desktop, coarsePointer: false })).to.equal('desktop');
    expect(detectPaymentEnv()).to.equal('desktop'); // this test browser
  });

  it('sends the detected environment with the order when nothing overrides it', async () => {
    const session = await newSession({ template: 'active' });
    const provider = await mountWithProvider(session, html`<esim-plan-picker></esim-plan-picker><esim-checkout-button></esim-checkout-button>`);
    const page = { provider, button: provider.querySelector('esim-checkout-button')!, session };
    const picker = provider.querySelector('esim-plan-picker')!;
    await waitUntil(() => picker.shadowRoot!.querySelector('[role=radio]'), 'plans never showed', { timeout: 10_000 });
    await openSummary(page);
    choose(page, 'alipay');
    $(page.button, '[part=pay]').click();
    await waitUntil(async () => (await ordersOf(session)).length === 1, 'no order', { timeout: 10_000 });
    expect((await latestOrder(session)).paymentEnv).to.equal('desktop');
  });
});
