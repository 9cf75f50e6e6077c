import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/order-history.js';
import type { EsimOrderHistory } from '../../src/components/order-history/order-history.js';
import type { EsimRenewal } from '../../src/components/renewal/renewal.js';
import { $, $$, mountWithProvider, visibleText, waitForText } from '../helpers/dom.js';
import { newSession, type CardTemplate, type TestSession } from '../helpers/sandbox.js';

interface Page {
  provider: EsimRenewal;
  history: EsimOrderHistory;
  session: TestSession;
}

async function historyFor(template: CardTemplate, locale = 'en', extra = html``): Promise<Page> {
  const session = await newSession({ template });
  const provider = await mountWithProvider(
    session,
    html`<esim-balance-badge></esim-balance-badge><esim-order-history></esim-order-history>${extra}`,
    locale,
  );
  const history = provider.querySelector('esim-order-history')!;
  await waitUntil(() => $$(history, '[part=order]').length > 0, 'no renewals shown', { timeout: 10_000 });
  return { provider, history, session };
}

const orders = (history: EsimOrderHistory) => $$(history, '[part=order]');

async function openRefund(page: Page, index = 0) {
  const button = $$(page.history, '[part=refund-button]')[index]!;
  button.click();
  await waitUntil(() => page.history.shadowRoot!.querySelector('dialog[open] .outcome, dialog[open] .error'), 'no refund preview', {
    timeout: 10_000,
  });
}

describe('<esim-order-history>', () => {
  it('lists past renewals a page at a time: date, plan, amount, method, status, new expiry', async () => {
    const page = await historyFor('history');
    expect(orders(page.history)).to.have.length(10);
    const first = orders(page.history)[0]!.textContent!.replace(/\s+/g, ' ');
    expect(first).to.match(/Date \w{3} \d{1,2}, \d{4}/);
    expect(first).to.match(/Amount CN¥\d+\.\d\d/);
    expect(first).to.match(/Paid with (Card|Alipay|WeChat Pay)/);
    expect(first).to.match(/Renewed|Failed|Canceled/);
    expect(first).to.include('Valid until');
    await expect(page.history).to.be.accessible();
    $(page.history, '[part=more]').click();
    await waitUntil(() => orders(page.history).length === 20, 'second page missing', { timeout: 10_000 });
    $(page.history, '[part=more]').click();
    await waitUntil(() => orders(page.history).length === 23, 'last page missing', { timeout: 10_000 });
    expect(page.history.shadowRoot!.querySelector('[part=more]')).to.equal(null);
    // Each receipt button's accessible name (its own word, then the renewal's plan and date) tells the renewals apart.
    const root = page.history.shadowRoot!;
    const names = orders(page.history).map((item) =>
      item
        .querySelector('[part=receipt-button]')!
        .getAttribute('aria-labelledby')!
        .split(' ')
        .map((id) => root.getElementById(id)!.textContent!.trim())
        .join(' '),
    );
    expect(names.every((name) => name.startsWith('Receipt '))).to.equal(true);
    expect(new Set(names).size).to.equal(23);
  });

  it('shows a receipt and prints it in a window of its own', async () => {
    const page = await historyFor('history');
    const realOpen = window.open;
    let printed = 0;
    let popup: Window | null = null;
    window.open = ((...args: Parameters<typeof window.open>) => {
      popup = realOpen.apply(window, args);
      if (popup) popup.print = () => void (printed += 1);
      return popup;
    }) as typeof window.open;
    try {
      $(page.history, '[part=receipt-button]').click();
      await waitUntil(() => page.history.shadowRoot!.querySelector('dialog[open]'), 'no receipt');
      const dialog = $(page.history, 'dialog');
      expect(visibleText(dialog)).to.match(/Receipt for order ord_/);
      expect(visibleText(dialog)).to.match(/Total\s*CN¥\d+\.\d\d/);
      await expect(page.history).to.be.accessible();
      $$(page.history, 'dialog .button').find((b) => b.textContent!.trim() === 'Print')!.click();
      expect(printed).to.equal(1);
      expect(popup!.document.body.textContent).to.match(/Total\s*CN¥\d+\.\d\d/);
      expect(popup!.document.body.querySelector('script, img')).to.equal(null);
    } finally {
      window.open = realOpen;
      (popup as Window | null)?.close();
    }
  });

  it('refunds a renewal that has not started in full, and the card loses it', async () => {
    const page = await historyFor('refund_full');
    const before = page.provider.store!.state.card.value!;
    await openRefund(page);
    const dialog = $(page.history, 'dialog');
    expect(visibleText(dialog)).to.match(/You will get CN¥\d+\.\d\d back to/);
    expect(visibleText(dialog)).to.include('has not started yet');
    await expect(page.history).to.be.accessible();
    const requested = oneEvent(page.history, 'esim-refund-request');
    $(page.history, 'dialog button[type=submit]').click();
    expect((await requested).refund.status).to.equal('requested');
    await waitForText(page.history, 'Refund requested');
    await waitForText(page.history, /Refunded CN¥\d+\.\d\d/, 15_000);
    // The row is the refund's status, labelled as one (not "Request a refund: Refunded …").
    const refundRow = $(page.history, 'dd.refund');
    expect(visibleText(refundRow.previousElementSibling!)).to.equal('Refund status');
    await waitUntil(() => page.provider.store!.state.card.value!.expiresAt !== before.expiresAt, 'card not re-read', {
      timeout: 10_000,
    });
    expect(Date.parse(page.provider.store!.state.card.value!.expiresAt)).to.be.lessThan(Date.parse(before.expiresAt));
  });

  it('refunds a partly used renewal as credit, shown on the badge and offered at the next checkout', async () => {
    const page = await historyFor('refund_credit', 'en', html`<esim-plan-picker></esim-plan-picker><esim-checkout-button></esim-checkout-button>`);
    await openRefund(page);
    expect(visibleText($(page.history, 'dialog'))).to.match(/You will get CN¥\d+\.\d\d as credit for your next renewal/);
    $(page.history, 'dialog button[type=submit]').click();
    await waitForText(page.history, /CN¥\d+\.\d\d credit/, 15_000);
    const badge = page.provider.querySelector('esim-balance-badge')!;
    await waitForText(badge, /Credit: CN¥\d+\.\d\d/);
    const picker = page.provider.querySelector('esim-plan-picker')!;
    await waitUntil(() => picker.shadowRoot!.querySelector('[role=radio]'), 'no plans', { timeout: 10_000 });
    $$(picker, '[role=radio]')[0]!.click();
    const checkout = page.provider.querySelector('esim-checkout-button')!;
    await checkout.updateComplete;
    $(checkout, '[part=button]').click();
    await waitUntil(() => checkout.step === 'summary', 'no summary', { timeout: 10_000 });
    expect(visibleText(checkout)).to.include('Store credit');
  });

  it('says why a mostly used renewal cannot be refunded, and offers no button to try', async () => {
    const page = await historyFor('refund_rejected');
    await openRefund(page);
    const dialog = $(page.history, 'dialog');
    expect(visibleText(dialog)).to.include('This renewal cannot be refunded');
    expect(visibleText(dialog)).to.match(/Most of the renewal/);
    expect(page.history.shadowRoot!.querySelector('dialog button[type=submit]')).to.equal(null);
  });

  it('makes one refund request from a double submit', async () => {
    const page = await historyFor('refund_full');
    await openRefund(page);
    const refundRequests = () =>
      performance.getEntriesByType('resource').filter((entry) => /\/v1\/orders\/[^/]+\/refunds$/.test(entry.name)).length;
    const before = refundRequests();
    const submit = $(page.history, 'dialog button[type=submit]');
    submit.click();
    submit.click();
    await waitForText(page.history, 'Refund requested');
    expect(refundRequests() - before).to.equal(1);
    expect($$(page.history, '[part=refund-button]').length).to.equal(0);
  });

  it('stops following a refund when the element is removed', async () => {
    const page = await historyFor('refund_full');
    await openRefund(page);
    const requested = oneEvent(page.history, 'esim-refund-request');
    $(page.history, 'dialog button[type=submit]').click();
    const { orderId } = (await requested).refund;
    page.provider.remove();
    const url = `${page.session.baseUrl}/v1/orders/${orderId}`;
    const reads = () => performance.getEntriesByType('resource').filter((entry) => entry.name === url).length;
    const after = reads();
    await aTimeout(3_000); // longer than the first polling delay: nothing may come
    expect(reads()).to.equal(after);
  });

  it('speaks Chinese with locale zh-CN', async () => {
    const page = await historyFor('refund_full', 'zh-CN');
    const text = visibleText(page.history);
    expect(text).to.include('续费记录');
    expect(text).to.include('申请退款');
    expect(text).to.match(/\d{4}年\d{1,2}月\d{1,2}日/);
    await expect(page.history).to.be.accessible();
  });
});
