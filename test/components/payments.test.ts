import { aTimeout, expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { EsimCheckoutButton } from '../../src/components/checkout-button/checkout-button.js';
import type { EsimRenewal } from '../../src/components/renewal/renewal.js';
import type { EsimExpiryWarningEvent } from '../../src/events/expiry-warning.js';
import { $, $$, mountWithProvider, requestsTo, visibleText, waitForText } from '../helpers/dom.js';
import { decodeQr } from '../helpers/qr.js';
import {
  latestOrder,
  expirePaymentCode,
  expireSession,
  newSession,
  simulatePayment,
  type CardTemplate,
  type TestSession,
} from '../helpers/sandbox.js';
import { untilStep } from '../helpers/checkout.js';

interface Page {
  provider: EsimRenewal;
  button: EsimCheckoutButton;
  session: TestSession;
}

async function checkoutPage(
  template: CardTemplate = 'active',
  button = html`<esim-checkout-button></esim-checkout-button>`,
  locale = 'en',
): Promise<Page> {
  const session = await newSession({ template });
  const provider = await mountWithProvider(session, html`<esim-plan-picker></esim-plan-picker>${button}`, locale);
  provider.supportEmail = 'help@agency.example';
  const picker = provider.querySelector('esim-plan-picker')!;
  await waitUntil(() => picker.shadowRoot!.querySelector('[role=radio]'), 'plans never showed', { timeout: 10_000 });
  return { provider, button: provider.querySelector('esim-checkout-button')!, session };
}


async function openSummary(page: Page) {
  $$(page.provider.querySelector('esim-plan-picker')!, '[role=radio]')[0]!.click();
  await page.button.updateComplete;
  $(page.button, '[part=button]').click();
  await untilStep(page.button, 'summary');
}

async function payWith(page: Page, method: 'card' | 'alipay' | 'wechat_pay') {
  await openSummary(page);
  $$<HTMLInputElement>(page.button, 'input[name=method]').find((input) => input.value === method)!.click();
  $(page.button, '[part=pay]').click();
  await untilStep(page.button, 'paying');
  return latestOrder(page.session);
}

function setVisibility(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('paying with Alipay and WeChat Pay', () => {
  afterEach(() => sessionStorage.clear());

  it('shows a QR code that scans to the payment link, with the amount and a countdown, and renews when paid', async () => {
    const page = await checkoutPage('active', html`<esim-checkout-button wallet-mode="qr"></esim-checkout-button>`);
    const order = await payWith(page, 'alipay');
    const qr = $<SVGSVGElement>(page.button, 'svg[part=qr]');
    expect(await decodeQr(qr)).to.equal(order.paymentAction!.type === 'qr' ? order.paymentAction!.data : '');
    expect(qr.getAttribute('aria-label')).to.match(/QR code to pay CN¥\d+\.\d\d with Alipay/);
    const text = visibleText(page.button);
    expect(text).to.match(/Amount: CN¥\d+\.\d\d/);
    expect(text).to.match(/Code expires in 0?[45]:\d\d/);
    await expect(page.button).to.be.accessible();
    const renewed = oneEvent(page.button, 'esim-renewal-success');
    await simulatePayment(page.session, order.id, 'succeed');
    expect((await renewed).order.id).to.equal(order.id);
    expect(visibleText(page.button)).to.include('turn airplane mode on and off');
  });

  it('ends a declined WeChat Pay payment on a clear error with retry', async () => {
    const page = await checkoutPage();
    const order = await payWith(page, 'wechat_pay');
    expect(visibleText(page.button)).to.include('Scan with WeChat Pay to pay');
    await simulatePayment(page.session, order.id, 'fail');
    await untilStep(page.button, 'error');
    expect(visibleText(page.button)).to.include('The payment was declined. No money was taken.');
    expect($(page.button, '[part=retry]')).to.exist;
    await expect(page.button).to.be.accessible();
  });

  it('offers a new code when the QR code expires, on the same order, which can then be paid', async () => {
    const page = await checkoutPage('active', html`<esim-checkout-button wallet-mode="qr"></esim-checkout-button>`);
    const order = await payWith(page, 'alipay');
    await expirePaymentCode(page.session, order.id);
    await waitForText(page.button, 'This payment code has expired');
    expect(page.button.shadowRoot!.querySelector('svg[part=qr]')).to.equal(null);
    await expect(page.button).to.be.accessible();
    $(page.button, '[part=refresh-code]').click();
    await waitUntil(() => page.button.shadowRoot!.querySelector('svg[part=qr]'), 'no new code', { timeout: 10_000 });
    expect(visibleText(page.button)).to.match(/Code expires in 0?[45]:\d\d/);
    expect((await latestOrder(page.session)).id).to.equal(order.id);
    await simulatePayment(page.session, order.id, 'succeed');
    await untilStep(page.button, 'success');
  });

  it('on a phone, shows a button that opens the wallet instead of the QR code', async () => {
    const page = await checkoutPage('active', html`<esim-checkout-button wallet-mode="app"></esim-checkout-button>`);
    const order = await payWith(page, 'alipay');
    const open = $<HTMLAnchorElement>(page.button, '[part=open-wallet]');
    expect(open.textContent).to.include('Open Alipay');
    expect(open.href).to.equal(order.paymentAction!.type === 'qr' ? order.paymentAction!.data : '');
    expect(page.button.shadowRoot!.querySelector('svg[part=qr]')).to.equal(null);
    $$(page.button, 'button.link').find((b) => b.textContent!.includes('Show the QR code'))!.click();
    await page.button.updateComplete;
    expect(page.button.shadowRoot!.querySelector('svg[part=qr]')).to.exist;
  });

  it('stops polling the order when the element is removed', async () => {
    const page = await checkoutPage();
    const order = await payWith(page, 'alipay');
    const url = `${page.session.baseUrl}/v1/orders/${order.id}`;
    await waitUntil(() => requestsTo(url) >= 1, 'never polled', { timeout: 10_000 });
    page.provider.remove();
    const after = requestsTo(url);
    await aTimeout(3_000); // longer than the polling interval: nothing may come
    expect(requestsTo(url)).to.equal(after);
  });

  it('pauses polling while the tab is hidden and resumes when it shows', async () => {
    const page = await checkoutPage();
    const order = await payWith(page, 'wechat_pay');
    const url = `${page.session.baseUrl}/v1/orders/${order.id}`;
    await waitUntil(() => requestsTo(url) >= 1, 'never polled', { timeout: 10_000 });
    try {
      setVisibility('hidden');
      const hidden = requestsTo(url);
      await aTimeout(3_000);
      expect(requestsTo(url)).to.equal(hidden);
    } finally {
      setVisibility('visible');
    }
    const shown = requestsTo(url);
    await waitUntil(() => requestsTo(url) > shown, 'polling did not resume', { timeout: 5_000 });
    await simulatePayment(page.session, order.id, 'succeed');
    await untilStep(page.button, 'success');
  });

  it('says when confirmation takes longer than usual, and keeps checking', async () => {
    const page = await checkoutPage('active', html`<esim-checkout-button slow-after="300"></esim-checkout-button>`);
    const order = await payWith(page, 'alipay');
    await waitForText(page.button, 'This is taking longer than usual');
    await simulatePayment(page.session, order.id, 'succeed');
    await untilStep(page.button, 'success');
  });
});

describe('the order summary', () => {
  afterEach(() => sessionStorage.clear());

  it('applies a valid promo code and explains invalid and expired ones, keeping the price', async () => {
    const page = await checkoutPage();
    await openSummary(page);
    const total = () => $(page.button, '[part=total]').textContent!.trim();
    const before = total();
    const apply = async (code: string) => {
      $<HTMLInputElement>(page.button, '#promo').value = code;
      $(page.button, '[part=promo] button[type=submit]').click();
    };
    await apply('nosuchcode');
    await waitForText(page.button, 'This promo code does not exist');
    expect(total()).to.equal(before);
    expect($(page.button, '#promo').getAttribute('aria-invalid')).to.equal('true');
    await apply('SUMMER2025');
    await waitForText(page.button, 'This promo code has expired');
    await apply('travel20');
    await waitForText(page.button, 'Promo code TRAVEL20 applied');
    expect(visibleText(page.button)).to.match(/Promo TRAVEL20/);
    expect(total()).to.not.equal(before);
    await expect(page.button).to.be.accessible();
  });

  it('shows the loyalty discount for a returning card and the plain terms in Chinese', async () => {
    const page = await checkoutPage('active', html`<esim-checkout-button></esim-checkout-button>`, 'zh-CN');
    await openSummary(page);
    const text = visibleText(page.button);
    expect(text).to.include('老用户');
    expect(text).to.include('剩余流量会保留，并叠加新套餐的流量');
    expect(text).to.include('支付确认后立即生效');
  });
});

describe('eligibility, support and reminders', () => {
  it('offers "buy a new eSIM" instead of a dead button for a suspended card', async () => {
    const session = await newSession({ template: 'suspended' });
    const provider = await mountWithProvider(session, html`<esim-checkout-button></esim-checkout-button>`);
    provider.buyUrl = 'https://agency.example/esim/buy';
    const button = provider.querySelector('esim-checkout-button')!;
    await waitUntil(() => button.shadowRoot!.querySelector('[part=ineligible]'), 'no eligibility notice', { timeout: 10_000 });
    expect(visibleText(button)).to.include('This card is suspended, so it cannot be renewed');
    const buy = $<HTMLAnchorElement>(button, '[part=ineligible] a');
    expect(buy.href).to.equal('https://agency.example/esim/buy');
    expect(button.shadowRoot!.querySelector('[part=button]')).to.equal(null);
    await expect(button).to.be.accessible();
  });

  it('prefills the support e-mail with the masked card number and the order, nothing more', async () => {
    const page = await checkoutPage();
    const order = await payWith(page, 'alipay');
    await simulatePayment(page.session, order.id, 'fail');
    await untilStep(page.button, 'error');
    const mail = $$<HTMLAnchorElement>(page.button, '[part=support]').find((a) => a.href.startsWith('mailto:'))!;
    const body = decodeURIComponent(mail.href);
    expect(body).to.include('help@agency.example');
    expect(body).to.include(order.id);
    expect(body).to.include(page.session.iccid.slice(-4));
    expect(body).to.not.include(page.session.iccid);
    expect(body).to.not.include(page.session.token);
  });

  it('fires esim-expiry-warning once per card and page view', async () => {
    const session = await newSession({ template: 'expiring' });
    const warnings: EsimExpiryWarningEvent[] = [];
    const listen = (event: EsimExpiryWarningEvent) => warnings.push(event);
    document.addEventListener('esim-expiry-warning', listen);
    try {
      const first = await mountWithProvider(session, html`<esim-balance-badge></esim-balance-badge>`);
      await waitUntil(() => warnings.length === 1, 'no warning', { timeout: 10_000 });
      expect(warnings[0]!.daysLeft).to.be.within(4, 6);
      expect(warnings[0]!.card.id).to.equal(session.cardId);
      await first.store!.loadCard({ force: true });
      await mountWithProvider(session, html`<esim-balance-badge></esim-balance-badge>`);
      await aTimeout(500);
      expect(warnings).to.have.length(1);
    } finally {
      document.removeEventListener('esim-expiry-warning', listen);
    }
  });
});

describe('continue on another device', () => {
  afterEach(() => sessionStorage.clear());

  it('makes a single-use link (and its QR code) that opens the same card and plan elsewhere', async () => {
    const page = await checkoutPage();
    await openSummary(page);
    const plan = page.provider.store!.state.selectedPlan!;
    $(page.button, '[part=handoff-button]').click();
    await waitUntil(() => page.button.shadowRoot!.querySelector('[part=handoff] a'), 'no link', { timeout: 10_000 });
    const link = $<HTMLAnchorElement>(page.button, '[part=handoff] a').href;
    expect(await decodeQr($<SVGSVGElement>(page.button, '[part=handoff] svg'))).to.equal(link);
    const code = new URL(link).searchParams.get('esim_handoff')!;
    expect(link).to.not.include(page.session.token);
    await expect(page.button).to.be.accessible();

    // The other device opens the link: a page with the provider and no session of its own.
    const original = location.href;
    history.replaceState(null, '', `${location.pathname}?esim_handoff=${encodeURIComponent(code)}`);
    try {
      const other = await fixture<EsimRenewal>(html`<esim-renewal api-base=${page.session.baseUrl} locale="en">
        <esim-balance-badge></esim-balance-badge><esim-checkout-button></esim-checkout-button>
      </esim-renewal>`);
      expect(location.search).to.not.include('esim_handoff'); // single-use: taken out of the address bar
      const badge = other.querySelector('esim-balance-badge')!;
      await waitUntil(() => badge.state !== 'loading', 'the other device never loaded the card', { timeout: 10_000 });
      expect(other.store!.state.card.value!.id).to.equal(page.session.cardId);
      await other.store!.loadPlans();
      await waitUntil(() => other.store!.state.selectedPlan?.id === plan.id, 'plan not preselected', { timeout: 10_000 });
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('opens the page handoff-url names (relative to this one), and makes one link however often it is clicked', async () => {
    const page = await checkoutPage('active', html`<esim-checkout-button handoff-url="/continue?ref=agency#top"></esim-checkout-button>`);
    await openSummary(page);
    const endpoint = `${page.session.baseUrl}/v1/handoffs`;
    const before = requestsTo(endpoint);
    const button = $<HTMLButtonElement>(page.button, '[part=handoff-button]');
    button.click();
    button.click();
    await waitUntil(() => page.button.shadowRoot!.querySelector('[part=handoff] a'), 'no link', { timeout: 10_000 });
    const link = $<HTMLAnchorElement>(page.button, '[part=handoff] a').href;
    const code = new URL(link).searchParams.get('esim_handoff');
    expect(link).to.equal(`${location.origin}/continue?ref=agency&esim_handoff=${code}`);
    expect(requestsTo(endpoint) - before).to.equal(1);
  });

  it('is not offered where no other device could open the page (a file: page)', async () => {
    const page = await checkoutPage('active', html`<esim-checkout-button handoff-url="file:///Users/me/renew.html"></esim-checkout-button>`);
    await openSummary(page);
    expect(page.button.shadowRoot!.querySelector('[part=handoff-button]')).to.equal(null);
    expect($(page.button, '[part=pay]')).to.exist; // the rest of the summary is there
  });

  it("says why, in the page's language, when the link cannot be made, and keeps the order summary", async () => {
    const page = await checkoutPage('active', undefined, 'zh-CN');
    await openSummary(page);
    await expireSession(page.session);
    const failed = oneEvent(page.button, 'esim-renewal-error');
    $(page.button, '[part=handoff-button]').click();
    expect((await failed).detail.error.code).to.equal('session_expired');
    await waitUntil(() => page.button.shadowRoot!.querySelector('[role=alert]'), 'no error shown', { timeout: 10_000 });
    expect($(page.button, '[role=alert]').textContent).to.equal('会话已过期，请刷新页面后继续。');
    expect(page.button.step).to.equal('summary');
    expect(page.button.shadowRoot!.querySelector('[part=handoff]')).to.equal(null);
    await expect(page.button).to.be.accessible();
  });
});
