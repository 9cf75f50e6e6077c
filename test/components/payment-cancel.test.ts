// Cancel while a wallet payment may still arrive (issue 17), against the real sandbox: a canceled order's payment is
// closed first, so a late payment is refused and nothing is charged; a payment that arrived before the Cancel shows
// as what it is, the renewal, never as a cancellation. The Alipay app's bridge is a stand-in (it is the app's, not
// ours); everything it does to the order goes through the sandbox's Alipay side.
import { expect, waitUntil } from '@open-wc/testing';
import type { EsimCheckoutButton } from '../../src/components/checkout-button/checkout-button.js';
import { $, $$, visibleText, waitForText } from '../helpers/dom.js';
import { standInAlipayBridge } from '../helpers/alipay-bridge.js';
import { callAs, deliverLatePayment, latestOrder, ordersOf } from '../helpers/sandbox.js';
import { checkoutIn, type CheckoutPage, untilStep } from '../helpers/checkout.js';




async function pay(page: CheckoutPage, method: 'alipay' | 'wechat_pay') {
  $$(page.provider.querySelector('esim-plan-picker')!, '[role=radio]')[0]!.click();
  await page.button.updateComplete;
  $(page.button, '[part=button]').click();
  await untilStep(page.button, 'summary');
  await waitUntil(() => $$<HTMLInputElement>(page.button, 'input[name=method]').some((i) => i.value === method), 'method not offered');
  $$<HTMLInputElement>(page.button, 'input[name=method]').find((input) => input.value === method)!.click();
  $(page.button, '[part=pay]').click();
  await untilStep(page.button, 'paying');
}

const cancelButton = (button: EsimCheckoutButton) =>
  $$<HTMLButtonElement>(button, '.actions button').find((b) => b.textContent!.trim() === 'Cancel')!;

describe('canceling while a wallet payment may still arrive', () => {
  afterEach(() => {
    sessionStorage.clear();
    delete (window as { AlipayJSBridge?: unknown }).AlipayJSBridge;
  });

  it('Cancel with the QR code open: the payment the traveller makes afterwards is refused, nothing is charged', async () => {
    const page = await checkoutIn('desktop');
    const before = (await callAs(page.session, 'GET', '/v1/card')).body;
    await pay(page, 'wechat_pay');
    await waitUntil(() => page.button.shadowRoot!.querySelector('svg[part=qr]'), 'no QR code');
    const order = await latestOrder(page.session);
    cancelButton(page.button).click();
    await waitUntil(async () => (await latestOrder(page.session)).status === 'canceled', 'the order was not canceled');
    await untilStep(page.button, 'idle');

    // The traveller scans the code still on their phone and pays: the wallet refuses, the order stays canceled.
    const late = await deliverLatePayment(page.session, order.id);
    expect(late).to.include({ charged: false, refused: 'payment_closed', status: 'canceled' });
    expect((await latestOrder(page.session)).status).to.equal('canceled');
    const after = (await callAs(page.session, 'GET', '/v1/card')).body;
    expect(after.expiresAt, 'the card was not renewed').to.equal(before.expiresAt);
    expect(page.button.step).to.equal('idle');
    expect(await ordersOf(page.session)).to.have.length(1);
  });

  it('Cancel during "Checking your payment…" after the paid Alipay app: shows the renewal, not a cancellation', async () => {
    const page = await checkoutIn('alipay');
    standInAlipayBridge(page.session.baseUrl, { code: '6004' }); // left the sheet, nothing paid (yet)
    await pay(page, 'alipay');
    await waitForText(page.button, 'Checking your payment…');
    const order = await latestOrder(page.session);
    // The payment reaches the operator while the checkout still shows "checking"; then the traveller presses Cancel.
    const paid = await deliverLatePayment(page.session, order.id);
    expect(paid).to.include({ charged: true });
    cancelButton(page.button).click();
    await untilStep(page.button, 'success');
    expect(visibleText(page.button)).to.include('turn airplane mode on and off');
    expect((await latestOrder(page.session)).status).to.equal('succeeded');
    expect(await ordersOf(page.session)).to.have.length(1);
    await expect(page.button).to.be.accessible();
  });

  it('Cancel during "Checking your payment…" with nothing paid: canceled, and a late payment is refused', async () => {
    const page = await checkoutIn('alipay');
    standInAlipayBridge(page.session.baseUrl, { code: '6004' }); // left the sheet, nothing paid (yet)
    await pay(page, 'alipay');
    await waitForText(page.button, 'Checking your payment…');
    const order = await latestOrder(page.session);
    cancelButton(page.button).click();
    await untilStep(page.button, 'idle');
    expect((await latestOrder(page.session)).status).to.equal('canceled');
    expect(await deliverLatePayment(page.session, order.id)).to.include({ charged: false, status: 'canceled' });
  });
});
