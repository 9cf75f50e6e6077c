// Inside the Alipay app (issue 17), against the real sandbox: a page that has no Alipay bridge after all ends with a
// way forward instead of waiting forever, and a page loaded again while a tradePay payment is open offers to open
// Alipay again. The bridge is a stand-in (it is the Alipay app's, not ours); what it does to the order goes through
// the sandbox's Alipay side.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { EsimCheckoutButton } from '../../src/components/checkout-button/checkout-button.js';
import { createRenewalClient } from '../../src/index.js';
import { standInAlipayBridge } from '../helpers/alipay-bridge.js';
import { $, $$, mountWithProvider, visibleText, waitForText } from '../helpers/dom.js';
import { deliverLatePayment, latestOrder, newSession, ordersOf } from '../helpers/sandbox.js';
import { untilStep } from '../helpers/checkout.js';

const PENDING_KEY = 'esim-renewal:pending-attempt';


const offered = (button: EsimCheckoutButton) => $$<HTMLInputElement>(button, 'input[name=method]').map((input) => input.value);

describe('inside the Alipay app', () => {
  afterEach(() => {
    sessionStorage.clear();
    delete (window as { AlipayJSBridge?: unknown }).AlipayJSBridge;
  });

  it('no Alipay bridge after all: the order is closed, Alipay is marked unavailable with what to do, and the card pays', async function () {
    this.timeout(40_000); // the bridge is waited for 10 s, as the Alipay app may inject it late
    const session = await newSession({ template: 'active' });
    const provider = await mountWithProvider(session, html`<esim-plan-picker></esim-plan-picker><esim-checkout-button></esim-checkout-button>`);
    provider.paymentEnv = 'alipay'; // the partner says so; no AlipayJSBridge comes
    const picker = provider.querySelector('esim-plan-picker')!;
    await waitUntil(() => picker.shadowRoot!.querySelector('[role=radio]'), 'plans never showed', { timeout: 10_000 });
    const button = provider.querySelector('esim-checkout-button')!;
    $$(picker, '[role=radio]')[0]!.click();
    await button.updateComplete;
    $(button, '[part=button]').click();
    await untilStep(button, 'summary');
    await waitUntil(() => offered(button).includes('alipay'), 'Alipay not offered');
    $$<HTMLInputElement>(button, 'input[name=method]').find((input) => input.value === 'alipay')!.click();
    $(button, '[part=pay]').click();
    await untilStep(button, 'paying');
    const first = await latestOrder(session);

    await untilStep(button, 'summary');
    const alert = button.shadowRoot!.querySelector('[part=unavailable] [role=alert]');
    expect(alert?.textContent).to.equal(
      'Alipay could not open its payment screen: this page is not running inside the Alipay app. Pay another way, or open this page in the Alipay app or your browser.',
    );
    expect(offered(button)).to.deep.equal(['card']);
    expect($<HTMLInputElement>(button, 'input[name=method]').checked).to.equal(true);
    expect($(button, '[part=copy-page-link]')).to.exist;
    await expect(button).to.be.accessible();
    // The trade was closed with the order: paying it later in the app takes nothing.
    expect((await latestOrder(session)).status).to.equal('canceled');
    expect(await deliverLatePayment(session, first.id)).to.include({ charged: false, status: 'canceled' });

    $(button, '[part=pay]').click();
    await waitUntil(async () => (await ordersOf(session)).length === 2, 'no card order', { timeout: 10_000 });
    const second = await latestOrder(session);
    expect(second.paymentMethod).to.equal('card');
    expect(second.quote.id).to.equal(first.quote.id); // the same summary, a new attempt
  });

  it('loaded again while the Alipay payment is open: checks the order and offers to open Alipay again', async () => {
    const session = await newSession({ template: 'active' });
    const client = createRenewalClient({ baseUrl: session.baseUrl, sessionToken: session.token });
    const [plan] = await client.listPlans({ period: 'month' });
    const quote = await client.createQuote({ planId: plan!.id });
    const key = crypto.randomUUID();
    const order = await client.createOrder({ quoteId: quote.id, paymentMethod: 'alipay', paymentEnv: 'alipay' }, { idempotencyKey: key });
    expect(order.paymentAction?.type).to.equal('app_bridge');
    // What the tab kept before the reload. A test page cannot be reloaded in place, so it comes back the way a
    // return does (the order id in the address); the checkout resumes either the same way.
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ orderId: order.id, key }));
    const address = location.href;
    history.replaceState(null, '', `${location.pathname}?esim_order=${order.id}`);
    try {
      const calls = standInAlipayBridge(session.baseUrl, { outcome: 'succeed', settle: 'now', code: '9000' });
      const provider = await mountWithProvider(session, html`<esim-checkout-button></esim-checkout-button>`);
      provider.paymentEnv = 'alipay';
      const button = provider.querySelector<EsimCheckoutButton>('esim-checkout-button')!;
      await waitForText(button, 'Checking your payment…');
      expect(calls, 'the sheet is not opened unasked').to.deep.equal([]);
      const reopen = $<HTMLButtonElement>(button, '[part=reopen-payment]');
      expect(reopen.textContent!.trim()).to.equal('Open Alipay again');
      await expect(button).to.be.accessible();
      const renewed = oneEvent(button, 'esim-renewal-success');
      reopen.click();
      expect((await renewed).order.id).to.equal(order.id);
      const tradeNo = order.paymentAction?.type === 'app_bridge' ? order.paymentAction.tradeNo : '';
      expect(calls).to.deep.equal([{ name: 'tradePay', tradeNO: tradeNo }]);
      expect(visibleText(button)).to.include('turn airplane mode on and off');
      expect(await ordersOf(session)).to.have.length(1);
    } finally {
      history.replaceState(null, '', address);
    }
  });
});
