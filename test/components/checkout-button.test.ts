import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { EsimCheckoutButton } from '../../src/components/checkout-button/checkout-button.js';
import type { EsimRenewal } from '../../src/components/renewal/renewal.js';
import { createRenewalClient } from '../../src/index.js';
import { $, $$, mountWithProvider, requestsTo, visibleText } from '../helpers/dom.js';
import {
  expireSession,
  injectFault,
  latestOrder,
  newSession,
  payByCard,
  simulatePayment,
  type TestSession,
} from '../helpers/sandbox.js';
import { untilStep } from '../helpers/checkout.js';

interface Page {
  provider: EsimRenewal;
  button: EsimCheckoutButton;
  session: TestSession;
}

async function renewalPage(options: { template?: 'active' | 'never_renewed' | 'expired'; locale?: string } = {}): Promise<Page> {
  const session = await newSession({ template: options.template ?? 'active' });
  const provider = await mountWithProvider(
    session,
    html`<esim-balance-badge></esim-balance-badge>
      <esim-plan-picker></esim-plan-picker>
      <esim-checkout-button support-url="https://help.example.com/esim"></esim-checkout-button>`,
    options.locale,
  );
  const button = provider.querySelector('esim-checkout-button')!;
  const picker = provider.querySelector('esim-plan-picker')!;
  await waitUntil(() => picker.shadowRoot!.querySelector('[role=radio]'), 'plans never showed', { timeout: 10_000 });
  return { provider, button, session };
}

function choosePlan(page: Page, index = 0) {
  const picker = page.provider.querySelector('esim-plan-picker')!;
  $$(picker, '[role=radio]')[index]!.click();
  return page.button.updateComplete;
}


async function openSummary(page: Page) {
  await choosePlan(page);
  $(page.button, '[part=button]').click();
  await untilStep(page.button, 'summary');
}

function chooseMethod(button: EsimCheckoutButton, method: string) {
  $$<HTMLInputElement>(button, 'input[name=method]').find((input) => input.value === method)!.click();
}

/** The order the checkout made, as the API has it. */
const orderOf = (page: Page) => latestOrder(page.session);

describe('<esim-checkout-button>', () => {
  afterEach(() => sessionStorage.clear());

  it('is disabled, and says why, until a plan is chosen', async () => {
    const page = await renewalPage();
    const trigger = $<HTMLButtonElement>(page.button, '[part=button]');
    expect(trigger.disabled).to.equal(true);
    expect(visibleText(page.button)).to.include('Choose a plan to renew');
    await expect(page.button).to.be.accessible();
    await choosePlan(page);
    expect(trigger.disabled).to.equal(false);
    expect(trigger.textContent).to.match(/Renew now · CN¥\d+\.\d\d/);
  });

  it('takes its plan from plan-id on pages without a picker', async () => {
    const session = await newSession();
    const client = createRenewalClient({ baseUrl: session.baseUrl, sessionToken: session.token });
    const [plan] = await client.listPlans({ region: 'JP', period: 'day' });
    const provider = await mountWithProvider(session, html`<esim-checkout-button plan-id=${plan!.id}></esim-checkout-button>`);
    const button = provider.querySelector('esim-checkout-button')!;
    await waitUntil(() => !$<HTMLButtonElement>(button, '[part=button]').disabled, 'never enabled', { timeout: 10_000 });
    $(button, '[part=button]').click();
    await untilStep(button, 'summary');
    expect(visibleText(button)).to.include(plan!.name);
  });

  it('shows the order summary in an accessible dialog: plan, new expiry, data after, discount, total', async () => {
    const page = await renewalPage({ template: 'never_renewed' });
    const started = oneEvent(page.button, 'esim-checkout-start');
    await openSummary(page);
    expect((await started).plan).to.exist;
    const dialog = $<HTMLDialogElement>(page.button, 'dialog');
    expect(dialog.open).to.equal(true);
    const text = visibleText(page.button);
    expect(text).to.include('Review your renewal');
    expect(text).to.include('New expiry date');
    expect(text).to.include('Data after renewal');
    expect(text).to.match(/First top-up/i);
    expect(text).to.match(/Total\s*CN¥\d+\.\d\d/);
    expect(text).to.include('remaining data is kept');
    await expect(page.button).to.be.accessible();
  });

  it('renews by card from click to renewed badge', async () => {
    const page = await renewalPage();
    const badge = page.provider.querySelector('esim-balance-badge')!;
    await waitUntil(() => badge.state === 'ok');
    const before = page.provider.store!.state.card.value!;
    await openSummary(page);
    chooseMethod(page.button, 'card');
    const succeeded = oneEvent(page.button, 'esim-renewal-success');
    $(page.button, '[part=pay]').click();
    await untilStep(page.button, 'paying');
    expect(visibleText(page.button)).to.include('Complete the payment in the window that opened');
    await payByCard(page.session, (await orderOf(page)).id);
    const { order, card } = (await succeeded).detail;
    expect(order.status).to.equal('succeeded');
    expect(Date.parse(card.expiresAt)).to.be.greaterThan(Date.parse(before.expiresAt));
    expect(card.renewalCount).to.equal(before.renewalCount + 1);
    expect(page.button.step).to.equal('success');
    expect(visibleText(page.button)).to.include('Your eSIM is renewed');
    await expect(page.button).to.be.accessible();
    // The badge shows the renewed card without a reload.
    await waitUntil(() => page.provider.store!.state.card.value!.renewalCount === before.renewalCount + 1);
    await badge.updateComplete;
    expect(visibleText(badge)).to.include('Balance updated after renewal');
  });

  it('makes one order from a double click on Pay', async () => {
    const page = await renewalPage();
    await openSummary(page);
    const ordersUrl = `${page.session.baseUrl}/v1/orders`;
    const before = requestsTo(ordersUrl);
    const pay = $(page.button, '[part=pay]');
    pay.click();
    pay.click();
    await untilStep(page.button, 'paying');
    expect(requestsTo(ordersUrl) - before).to.equal(1);
    // Pressing Renew again while paying shows the same checkout instead of starting another.
    $(page.button, '[part=button]').click();
    await page.button.updateComplete;
    expect(page.button.step).to.equal('paying');
    expect(requestsTo(ordersUrl) - before).to.equal(1);
  });

  it('ends a declined card on a clear error with retry and the support contact', async () => {
    const page = await renewalPage();
    await openSummary(page);
    const failed = oneEvent(page.button, 'esim-renewal-error');
    $(page.button, '[part=pay]').click();
    await untilStep(page.button, 'paying');
    await payByCard(page.session, (await orderOf(page)).id, '4000 0000 0000 0002');
    expect((await failed).error.code).to.equal('payment_failed');
    await untilStep(page.button, 'error');
    const text = visibleText(page.button);
    expect(text).to.include('Your card was declined');
    expect(text).to.include('card_declined');
    const support = new URL($<HTMLAnchorElement>(page.button, '[part=result] a').href);
    expect(support.origin + support.pathname).to.equal('https://help.example.com/esim');
    // Prefilled for support: the masked card number and the order, never the full ICCID or the token.
    expect(support.searchParams.get('esim_order')).to.equal((await orderOf(page)).id);
    expect(support.searchParams.get('esim_card')).to.match(/^\D*\d{4}$/);
    expect(support.href).to.not.include(page.session.iccid);
    expect(support.href).to.not.include(page.session.token);
    await expect(page.button).to.be.accessible();
    $(page.button, '[part=result] .button').click();
    await untilStep(page.button, 'summary');
  });

  it('pays with Alipay through the wallet and succeeds', async () => {
    const page = await renewalPage();
    await openSummary(page);
    chooseMethod(page.button, 'alipay');
    $(page.button, '[part=pay]').click();
    await untilStep(page.button, 'paying');
    expect(visibleText(page.button)).to.include('Scan with Alipay to pay');
    await simulatePayment(page.session, (await orderOf(page)).id, 'succeed');
    await untilStep(page.button, 'success');
  });

  it('says the session expired when it expires mid-checkout', async () => {
    const page = await renewalPage();
    await openSummary(page);
    await expireSession(page.session);
    const failed = oneEvent(page.button, 'esim-renewal-error');
    $(page.button, '[part=pay]').click();
    expect((await failed).error.code).to.equal('session_expired');
    await untilStep(page.button, 'error');
    expect(visibleText(page.button)).to.include('Your session has expired');
  });

  it('renews an expired session through the provider’s getSessionToken and carries on', async () => {
    const page = await renewalPage();
    let asked = 0;
    page.provider.getSessionToken = async () => {
      asked += 1;
      return (await newSession({ iccid: page.session.iccid })).token;
    };
    await page.provider.updateComplete;
    await waitUntil(() => page.provider.store!.state.plans.status === 'idle' || page.provider.store!.state.plans.value);
    const picker = page.provider.querySelector('esim-plan-picker')!;
    await waitUntil(() => picker.shadowRoot!.querySelector('[role=radio]'), 'plans never showed', { timeout: 10_000 });
    await openSummary(page);
    await expireSession(page.session);
    $(page.button, '[part=pay]').click();
    await untilStep(page.button, 'paying');
    expect(asked).to.equal(1);
    await expect(page.button).to.be.accessible();
  });

  it('turns a server error into an error view whose retry recovers', async () => {
    const page = await renewalPage();
    await injectFault(page.session, { method: 'POST', path: '/v1/quotes', kind: 'status', status: 500, times: 3 });
    await choosePlan(page);
    $(page.button, '[part=button]').click();
    await untilStep(page.button, 'error');
    expect(visibleText(page.button)).to.include('Something went wrong on our side');
    $(page.button, '[part=result] .button').click();
    await untilStep(page.button, 'summary');
  });

  it('turns a timeout into an error view', async () => {
    const session = await newSession();
    await injectFault(session, { method: 'POST', path: '/v1/quotes', kind: 'delay', delayMs: 3_000 });
    const client = createRenewalClient({ baseUrl: session.baseUrl, sessionToken: session.token, timeout: 400, retry: 0 });
    const provider = await mountWithProvider(session, html`<esim-plan-picker></esim-plan-picker><esim-checkout-button></esim-checkout-button>`);
    provider.client = client;
    const page: Page = { provider, button: provider.querySelector('esim-checkout-button')!, session };
    await waitUntil(() => provider.querySelector('esim-plan-picker')!.shadowRoot!.querySelector('[role=radio]'), '', { timeout: 10_000 });
    await choosePlan(page);
    $(page.button, '[part=button]').click();
    await untilStep(page.button, 'error');
    expect(visibleText(page.button)).to.include('The connection timed out');
  });

  it('can be completed by keyboard alone', async () => {
    const page = await renewalPage();
    const picker = page.provider.querySelector('esim-plan-picker')!;
    $$(picker, '[role=radio]')[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await page.button.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(page.button.shadowRoot!.activeElement?.getAttribute('part')).to.equal('button');
    await sendKeys({ press: 'Enter' });
    await untilStep(page.button, 'summary');
    // Inside the modal dialog: Tab reaches the Pay button.
    for (let i = 0; i < 10 && page.button.shadowRoot!.activeElement?.getAttribute('part') !== 'pay'; i += 1) {
      await sendKeys({ press: 'Tab' });
    }
    expect(page.button.shadowRoot!.activeElement?.getAttribute('part')).to.equal('pay');
    await sendKeys({ press: 'Enter' });
    await untilStep(page.button, 'paying');
    await simulatePayment(page.session, (await orderOf(page)).id, 'succeed');
    await untilStep(page.button, 'success');
    await sendKeys({ press: 'Escape' });
    expect($<HTMLDialogElement>(page.button, 'dialog').open).to.equal(false);
  });

  it('speaks Chinese in the whole checkout with locale zh-CN', async () => {
    const page = await renewalPage({ locale: 'zh-CN' });
    await openSummary(page);
    const text = visibleText(page.button);
    expect(text).to.include('确认续费信息');
    expect(text).to.include('新的到期日');
    expect(text).to.include('支付宝');
    expect(text).to.match(/合计\s*¥\d+\.\d\d/);
    await expect(page.button).to.be.accessible();
  });

  it('resumes the same order after a reload instead of making another', async () => {
    const page = await renewalPage();
    await openSummary(page);
    $(page.button, '[part=pay]').click();
    await untilStep(page.button, 'paying');
    const orderId = (await orderOf(page)).id;
    // The page reloads: a new provider and button for the same card and tab.
    page.provider.remove();
    const again = await mountWithProvider(page.session, html`<esim-checkout-button></esim-checkout-button>`);
    const button = again.querySelector('esim-checkout-button')!;
    await untilStep(button, 'paying', 'confirming');
    // The checkout that resumed follows the same order: paying it renews there.
    const renewed = oneEvent(button, 'esim-renewal-success');
    await simulatePayment(page.session, orderId, 'succeed');
    await untilStep(button, 'success');
    expect((await renewed).order.id).to.equal(orderId);
  });
});

describe('<esim-renewal> provider', () => {
  it('makes one card request and one plans request for three elements', async () => {
    const session = await newSession();
    const cardUrl = `${session.baseUrl}/v1/card`;
    const plansUrl = `${session.baseUrl}/v1/plans`;
    const before = [requestsTo(cardUrl), requestsTo(plansUrl)];
    const provider = await mountWithProvider(
      session,
      html`<esim-balance-badge></esim-balance-badge><esim-plan-picker></esim-plan-picker><esim-checkout-button></esim-checkout-button>`,
    );
    const badge = provider.querySelector('esim-balance-badge')!;
    const picker = provider.querySelector('esim-plan-picker')!;
    await waitUntil(() => badge.state === 'ok' && picker.shadowRoot!.querySelector('[role=radio]'), '', { timeout: 10_000 });
    expect(requestsTo(cardUrl) - before[0]!).to.equal(1);
    expect(requestsTo(plansUrl) - before[1]!).to.equal(1);
  });
});
