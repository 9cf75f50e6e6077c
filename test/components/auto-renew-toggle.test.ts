import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../../src/auto-renew-toggle.js';
import type { AutoRenewStep, EsimAutoRenewToggle } from '../../src/components/auto-renew-toggle/auto-renew-toggle.js';
import type { EsimRenewal } from '../../src/components/renewal/renewal.js';
import { createRenewalClient } from '../../src/index.js';
import { $, mountWithProvider, requestsTo, visibleText } from '../helpers/dom.js';
import { injectFault, newSession, type CardTemplate, type TestSession } from '../helpers/sandbox.js';

interface Page {
  provider: EsimRenewal;
  toggle: EsimAutoRenewToggle;
  session: TestSession;
}

const clientFor = (session: TestSession) =>
  createRenewalClient({ baseUrl: session.baseUrl, sessionToken: session.token });

async function togglePage(
  options: { template?: CardTemplate; locale?: string; enabledWith?: string; before?: boolean } = {},
): Promise<Page> {
  const session = await newSession({ template: options.template ?? 'active' });
  if (options.enabledWith) await clientFor(session).setAutoRenew({ enabled: true, planId: options.enabledWith });
  const provider = await mountWithProvider(
    session,
    html`${options.before ? html`<button id="before">Before</button>` : ''}
      <esim-auto-renew-toggle></esim-auto-renew-toggle>`,
    options.locale,
  );
  const toggle = provider.querySelector('esim-auto-renew-toggle')!;
  // Ready once the card and the plans are in (the plans name the auto-renew plan).
  await waitUntil(() => toggle.step !== 'loading' && provider.store?.state.plans.status === 'ready', 'never loaded', {
    timeout: 10_000,
  });
  await toggle.updateComplete;
  return { provider, toggle, session };
}

async function untilStep(toggle: EsimAutoRenewToggle, step: AutoRenewStep) {
  await waitUntil(() => toggle.step === step, `toggle stuck at ${toggle.step}, wanted ${step}`, { timeout: 15_000 });
  await toggle.updateComplete;
}

const switchOf = (toggle: EsimAutoRenewToggle) => $<HTMLButtonElement>(toggle, '[role=switch]');
const focused = (toggle: EsimAutoRenewToggle) => toggle.shadowRoot!.activeElement;
const autoRenewUrl = (session: TestSession) => `${session.baseUrl}/v1/card/auto-renew`;

function choose(toggle: EsimAutoRenewToggle, planId: string) {
  const select = $<HTMLSelectElement>(toggle, '[part=plan]');
  select.value = planId;
  select.dispatchEvent(new Event('change'));
  return toggle.updateComplete;
}

describe('<esim-auto-renew-toggle>', () => {
  it('turns auto-renew on with the chosen plan after confirming its price', async () => {
    const { provider, toggle, session } = await togglePage();
    expect(switchOf(toggle).getAttribute('aria-checked')).to.equal('false');
    expect(visibleText(toggle)).to.include('Your card will not renew by itself.');
    await expect(toggle).to.be.accessible();

    switchOf(toggle).click();
    await untilStep(toggle, 'confirming');
    const card = provider.store!.state.card.value!;
    const select = $<HTMLSelectElement>(toggle, '[part=plan]');
    expect(select.value, 'defaults to the card’s current plan').to.equal(card.plan.id);
    expect(focused(toggle)).to.equal(select);
    const other = provider.store!.state.plans.value!.find(
      (plan) => plan.id !== card.plan.id && plan.period === 'month',
    )!;
    await choose(toggle, other.id);
    const price = new Intl.NumberFormat('en', { style: 'currency', currency: other.price.currency }).format(
      other.price.amount / 100,
    );
    expect(visibleText($(toggle, '[part=confirm]'))).to.include(
      `Renew automatically with ${other.name} for ${price} each time your card is about to expire?`,
    );
    await expect(toggle).to.be.accessible();

    const changed = oneEvent(toggle, 'esim-auto-renew-change');
    $(toggle, '[part=confirm-button]').click();
    const event = await changed;
    expect(event.detail.autoRenew).to.deep.equal({ enabled: true, planId: other.id });
    expect(event.autoRenew).to.deep.equal({ enabled: true, planId: other.id });
    await untilStep(toggle, 'ready');
    expect(provider.store!.state.card.value!.autoRenew).to.deep.equal({ enabled: true, planId: other.id });
    expect((await clientFor(session).getCard()).autoRenew).to.deep.equal({ enabled: true, planId: other.id });
    expect(switchOf(toggle).getAttribute('aria-checked')).to.equal('true');
    expect(visibleText($(toggle, '[part=status]'))).to.equal(
      `Renews with ${other.name} each time your card is about to expire.`,
    );
    expect(visibleText($(toggle, '[role=status]'))).to.equal(`Auto-renew is on, with ${other.name}.`);
    expect(focused(toggle)).to.equal(switchOf(toggle));
    await expect(toggle).to.be.accessible();
  });

  it('turns auto-renew off after confirming', async () => {
    const { provider, toggle, session } = await togglePage({ enabledWith: 'global-month-10gb' });
    expect(switchOf(toggle).getAttribute('aria-checked')).to.equal('true');
    switchOf(toggle).click();
    await untilStep(toggle, 'confirming');
    expect(toggle.shadowRoot!.querySelector('[part=plan]')).to.equal(null);
    expect(visibleText($(toggle, '[part=confirm]'))).to.include('Turn off auto-renew?');
    expect(focused(toggle)).to.equal($(toggle, '[part=confirm-button]'));
    const changed = oneEvent(toggle, 'esim-auto-renew-change');
    $(toggle, '[part=confirm-button]').click();
    expect((await changed).detail.autoRenew.enabled).to.equal(false);
    await untilStep(toggle, 'ready');
    expect(provider.store!.state.card.value!.autoRenew.enabled).to.equal(false);
    expect((await clientFor(session).getCard()).autoRenew.enabled).to.equal(false);
    expect(switchOf(toggle).getAttribute('aria-checked')).to.equal('false');
    expect(visibleText($(toggle, '[role=status]'))).to.equal('Auto-renew is off.');
  });

  it('cancelling at the confirmation changes nothing and sends nothing', async () => {
    const { provider, toggle, session } = await togglePage();
    const before = requestsTo(autoRenewUrl(session));
    let events = 0;
    toggle.addEventListener('esim-auto-renew-change', () => events++);
    switchOf(toggle).click();
    await untilStep(toggle, 'confirming');
    $(toggle, '[part=cancel-button]').click();
    await untilStep(toggle, 'ready');
    expect(toggle.shadowRoot!.querySelector('[part=confirm]')).to.equal(null);
    expect(focused(toggle)).to.equal(switchOf(toggle));
    expect(switchOf(toggle).getAttribute('aria-checked')).to.equal('false');
    expect(provider.store!.state.card.value!.autoRenew.enabled).to.equal(false);
    expect((await clientFor(session).getCard()).autoRenew.enabled).to.equal(false);
    expect(requestsTo(autoRenewUrl(session))).to.equal(before);
    expect(events).to.equal(0);
  });

  it('shows a failed change with a retry, keeping the previous state, and the retry works', async () => {
    const { provider, toggle, session } = await togglePage();
    await injectFault(session, { method: 'PUT', path: '/v1/card/auto-renew', kind: 'status', status: 500, times: 3 });
    switchOf(toggle).click();
    await untilStep(toggle, 'confirming');
    $(toggle, '[part=confirm-button]').click();
    await untilStep(toggle, 'error');
    expect(visibleText($(toggle, '[part=error]'))).to.equal(
      'Could not change auto-renew. Something went wrong on our side. Please try again.',
    );
    expect($(toggle, '[part=error]').getAttribute('role')).to.equal('alert');
    expect(switchOf(toggle).getAttribute('aria-checked')).to.equal('false');
    expect(provider.store!.state.card.value!.autoRenew.enabled).to.equal(false);
    expect((await clientFor(session).getCard()).autoRenew.enabled).to.equal(false);
    await expect(toggle).to.be.accessible();

    const retry = $(toggle, '[part=confirm-button]');
    expect(visibleText(retry)).to.equal('Retry');
    const changed = oneEvent(toggle, 'esim-auto-renew-change');
    retry.click();
    expect((await changed).detail.autoRenew.enabled).to.equal(true);
    await untilStep(toggle, 'ready');
    expect(switchOf(toggle).getAttribute('aria-checked')).to.equal('true');
    expect((await clientFor(session).getCard()).autoRenew.enabled).to.equal(true);
  });

  it('is disabled for a suspended card, saying why', async () => {
    const { toggle, session } = await togglePage({ template: 'suspended' });
    expect(toggle.step).to.equal('disabled');
    const button = switchOf(toggle);
    expect(button.disabled).to.equal(true);
    const reason = toggle.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!)!;
    expect(visibleText(reason)).to.equal('Auto-renew is unavailable while this card is suspended.');
    const before = requestsTo(autoRenewUrl(session));
    button.click();
    await toggle.updateComplete;
    expect(toggle.shadowRoot!.querySelector('[part=confirm]')).to.equal(null);
    expect(requestsTo(autoRenewUrl(session))).to.equal(before);
    await expect(toggle).to.be.accessible();
  });

  it('works with the keyboard alone', async () => {
    const { provider, toggle, session } = await togglePage({ template: 'japan_only', before: true });
    (provider.querySelector('#before') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(toggle)).to.equal(switchOf(toggle));

    // Space asks to turn it on; focus lands on the plan choice; arrows pick another plan; Tab, Enter confirms.
    await sendKeys({ press: 'Space' });
    await untilStep(toggle, 'confirming');
    const select = $<HTMLSelectElement>(toggle, '[part=plan]');
    expect(focused(toggle)).to.equal(select);
    const initial = select.value;
    await sendKeys({ press: 'ArrowDown' });
    await toggle.updateComplete;
    const chosen = select.value;
    expect(chosen).to.not.equal(initial);
    await sendKeys({ press: 'Tab' });
    expect(focused(toggle)).to.equal($(toggle, '[part=confirm-button]'));
    const changed = oneEvent(toggle, 'esim-auto-renew-change');
    await sendKeys({ press: 'Enter' });
    expect((await changed).detail.autoRenew).to.deep.equal({ enabled: true, planId: chosen });
    await untilStep(toggle, 'ready');
    expect(focused(toggle)).to.equal(switchOf(toggle));
    expect((await clientFor(session).getCard()).autoRenew).to.deep.equal({ enabled: true, planId: chosen });

    // Enter asks to turn it off; Escape cancels and gives focus back to the switch.
    const before = requestsTo(autoRenewUrl(session));
    await sendKeys({ press: 'Enter' });
    await untilStep(toggle, 'confirming');
    expect(focused(toggle)).to.equal($(toggle, '[part=confirm-button]'));
    await sendKeys({ press: 'Escape' });
    await untilStep(toggle, 'ready');
    expect(focused(toggle)).to.equal(switchOf(toggle));
    expect(switchOf(toggle).getAttribute('aria-checked')).to.equal('true');
    expect(requestsTo(autoRenewUrl(session))).to.equal(before);
  });

  it('a double click on Confirm sends one request', async () => {
    const { toggle, session } = await togglePage();
    switchOf(toggle).click();
    await untilStep(toggle, 'confirming');
    const before = requestsTo(autoRenewUrl(session));
    let events = 0;
    toggle.addEventListener('esim-auto-renew-change', () => events++);
    const confirm = $(toggle, '[part=confirm-button]');
    confirm.click();
    confirm.click();
    confirm.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await untilStep(toggle, 'ready');
    expect(requestsTo(autoRenewUrl(session)) - before).to.equal(1);
    expect(events).to.equal(1);
  });

  it('speaks Chinese with locale zh-CN', async () => {
    const { toggle } = await togglePage({ locale: 'zh-CN' });
    expect(visibleText(toggle)).to.include('自动续费');
    expect(visibleText($(toggle, '[part=status]'))).to.equal('卡片不会自动续费。');
    switchOf(toggle).click();
    await untilStep(toggle, 'confirming');
    const confirm = visibleText($(toggle, '[part=confirm]'));
    expect(confirm).to.match(/每次卡片即将到期时，自动以 ¥[\d,.]+ 续费 .+？/);
    expect(confirm).to.include('确认');
    expect(confirm).to.include('取消');
    await expect(toggle).to.be.accessible();
  });
});
