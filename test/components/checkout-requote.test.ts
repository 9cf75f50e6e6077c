// Limited discounts at the moment of paying: when another order (another tab, another traveller) took the store
// credit or the last use of a promo code after the summary was shown, the order is refused and the checkout shows
// the new price before anyone pays it. Against the real sandbox.
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { EsimCheckoutButton } from '../../src/components/checkout-button/checkout-button.js';
import type { EsimRenewal } from '../../src/components/renewal/renewal.js';
import { formatMoney } from '../../src/i18n/format.js';
import { $, $$, mountWithProvider, visibleText, waitForText } from '../helpers/dom.js';
import { callAs, grantStoreCredit, latestOrder, newSession, ordersOf, type TestSession } from '../helpers/sandbox.js';
import { untilStep } from '../helpers/checkout.js';

interface Page {
  provider: EsimRenewal;
  button: EsimCheckoutButton;
  session: TestSession;
}

async function checkoutFor(session: TestSession): Promise<Page> {
  const provider = await mountWithProvider(session, html`<esim-plan-picker></esim-plan-picker><esim-checkout-button></esim-checkout-button>`);
  const picker = provider.querySelector('esim-plan-picker')!;
  await waitUntil(() => picker.shadowRoot!.querySelector('[role=radio]'), 'plans never showed', { timeout: 10_000 });
  $$(picker, '[role=radio]')[0]!.click();
  const button = provider.querySelector('esim-checkout-button')!;
  await button.updateComplete;
  $(button, '[part=button]').click();
  await untilStep(button, 'summary');
  return { provider, button, session };
}


async function payByAlipay(page: Page) {
  $$<HTMLInputElement>(page.button, 'input[name=method]').find((input) => input.value === 'alipay')!.click();
  $(page.button, '[part=pay]').click();
}

const total = (page: Page) => $(page.button, '[part=total]').textContent!.trim();

/** The card's orders on the server, newest first. */
const orderIds = async (session: TestSession) => (await ordersOf(session)).map((order) => order.id);

/** An order another tab of the same traveller (or another traveller) makes and leaves awaiting payment. */
async function orderElsewhere(session: TestSession, quote: Record<string, unknown>) {
  const quoted = await callAs(session, 'POST', '/v1/quotes', quote);
  if (quoted.status !== 201) return quoted;
  return callAs(session, 'POST', '/v1/orders', { quoteId: quoted.body.id, paymentMethod: 'alipay' }, { 'Idempotency-Key': crypto.randomUUID() });
}

describe('<esim-checkout-button> when a limited discount is taken before paying', () => {
  afterEach(() => sessionStorage.clear());

  it('shows the price without the store credit another order now holds, and charges that price', async () => {
    const session = await newSession({ template: 'refund_credit' });
    await grantStoreCredit(session);
    const page = await checkoutFor(session);
    expect(visibleText(page.button)).to.include('Store credit');
    const withCredit = total(page);

    const other = await orderElsewhere(session, { planId: page.provider.store!.state.selectedPlan!.id });
    expect(other.status).to.equal(201);
    const before = await orderIds(session); // the other order among them
    await payByAlipay(page);
    await waitForText(page.button, 'The price has expired. Please review the new one.');
    expect(page.button.step).to.equal('summary');
    expect(visibleText(page.button)).to.not.include('Store credit');
    expect(total(page)).to.not.equal(withCredit);
    expect(await orderIds(session)).to.deep.equal(before, 'no order at the old price');
    await expect(page.button).to.be.accessible();

    const shown = total(page);
    await payByAlipay(page);
    await untilStep(page.button, 'paying');
    const order = await latestOrder(session);
    expect(order.quote.discounts.some((d) => d.kind === 'credit')).to.equal(false);
    expect(formatMoney(order.quote.total, 'en')).to.equal(shown, 'the order is for the price the traveller saw');
  });

  it('drops a promo code other orders used up, says so, and shows the price without it', async () => {
    const session = await newSession({ template: 'active' });
    const page = await checkoutFor(session);
    const plain = total(page);
    $<HTMLInputElement>(page.button, '#promo').value = 'LIMITED';
    $(page.button, '[part=promo] button[type=submit]').click();
    await waitForText(page.button, 'Promo code LIMITED applied');
    expect(total(page)).to.not.equal(plain);

    // Other travellers' orders hold every use left (the code is shared by everyone).
    const holders: Array<{ session: TestSession; orderId: string }> = [];
    try {
      for (let i = 0; i < 10; i++) {
        const traveller = await newSession({ template: 'active' });
        const made = await orderElsewhere(traveller, { planId: 'jp-day-1gb', promoCode: 'LIMITED' });
        if (made.status !== 201) {
          expect(made.body.error.details.reason).to.equal('exhausted');
          break;
        }
        holders.push({ session: traveller, orderId: made.body.id });
      }
      expect(holders.length).to.be.greaterThan(0);
      const before = await orderIds(session);
      await payByAlipay(page);
      await waitForText(page.button, 'This promo code has been used up.');
      expect(visibleText(page.button)).to.include('The price has expired. Please review the new one.');
      expect(page.button.step).to.equal('summary');
      expect(total(page)).to.equal(plain);
      expect(await orderIds(session)).to.deep.equal(before, 'no order at the old price');
    } finally {
      // Their orders are canceled: the uses they held are free again for other tests.
      for (const { session: holder, orderId } of holders) await callAs(holder, 'POST', `/v1/orders/${orderId}/cancel`);
    }
  });
});
