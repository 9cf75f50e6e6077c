import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { EsimBalanceBadge } from '../../src/components/balance-badge/balance-badge.js';
import { $, mountWithProvider, visibleText, waitForText } from '../helpers/dom.js';
import { injectFault, newSession, type CardTemplate } from '../helpers/sandbox.js';

async function badgeFor(template: CardTemplate, locale = 'en') {
  const session = await newSession({ template });
  const provider = await mountWithProvider(session, html`<esim-balance-badge></esim-balance-badge>`, locale);
  const badge = provider.querySelector('esim-balance-badge')!;
  await waitUntil(() => badge.state !== 'loading', 'the badge never loaded', { timeout: 10_000 });
  return { badge, session };
}

describe('<esim-balance-badge>', () => {
  it('shows a skeleton of stable size while loading, announced as busy', async () => {
    const session = await newSession();
    await injectFault(session, { method: 'GET', path: '/v1/card', kind: 'delay', delayMs: 800 });
    const provider = await mountWithProvider(session, html`<esim-balance-badge></esim-balance-badge>`);
    const badge = provider.querySelector('esim-balance-badge')!;
    await badge.updateComplete;
    expect(badge.state).to.equal('loading');
    expect($(badge, '[part=badge]').getAttribute('aria-busy')).to.equal('true');
    const loadingHeight = badge.getBoundingClientRect().height;
    await expect(badge).to.be.accessible();
    await waitUntil(() => badge.state === 'ok', 'never loaded', { timeout: 10_000 });
    expect(Math.abs(badge.getBoundingClientRect().height - loadingHeight)).to.be.lessThan(24);
  });

  it('shows data and days left and the expiry date of an active card', async () => {
    const { badge } = await badgeFor('active');
    expect(badge.state).to.equal('ok');
    const text = visibleText(badge);
    expect(text).to.match(/\d+(\.\d)? GB left/);
    expect(text).to.match(/\d+ days left/);
    expect(text).to.match(/Expires \w{3} \d{1,2}, \d{4}/);
    expect(text).to.include('Active');
    const meter = $(badge, '[role=meter]');
    expect(Number(meter.getAttribute('aria-valuenow'))).to.be.within(1, 100);
    await expect(badge).to.be.accessible();
  });

  it('warns when the card expires within warn-days', async () => {
    const { badge } = await badgeFor('expiring');
    expect(badge.state).to.equal('expiring');
    expect(badge.getAttribute('state')).to.equal('expiring');
    expect(visibleText(badge)).to.include('Expiring soon');
    await expect(badge).to.be.accessible();
  });

  it('does not warn an active card when warn-days is shorter than its time left', async () => {
    const session = await newSession({ template: 'expiring' });
    const provider = await mountWithProvider(session, html`<esim-balance-badge warn-days="2"></esim-balance-badge>`);
    const badge = provider.querySelector('esim-balance-badge')!;
    await waitUntil(() => badge.state !== 'loading');
    expect(badge.state).to.equal('ok');
  });

  it('warns when under 10% of the data is left', async () => {
    const { badge } = await badgeFor('low_data');
    expect(badge.state).to.equal('expiring');
    expect(visibleText(badge)).to.include('Running low on data');
  });

  it('shows an expired card as expired, with what to do', async () => {
    const { badge } = await badgeFor('expired');
    expect(badge.state).to.equal('expired');
    expect(visibleText(badge)).to.include('Expired');
    expect(visibleText(badge)).to.include('Renew to get connected again');
    await expect(badge).to.be.accessible();
  });

  it('shows a suspended card as suspended', async () => {
    const { badge } = await badgeFor('suspended');
    expect(badge.state).to.equal('suspended');
    expect(visibleText(badge)).to.include('suspended');
    await expect(badge).to.be.accessible();
  });

  it('shows unlimited data without a meter or made-up numbers', async () => {
    const { badge } = await badgeFor('unlimited');
    expect(visibleText(badge)).to.include('Unlimited data');
    expect(badge.shadowRoot!.querySelector('[role=meter]')).to.equal(null);
    expect(visibleText(badge)).to.not.match(/GB/);
  });

  it('speaks Chinese with locale zh-CN', async () => {
    const { badge } = await badgeFor('active', 'zh-CN');
    const text = visibleText(badge);
    expect(text).to.match(/剩余 \d+(\.\d)? GB/);
    expect(text).to.match(/剩余 \d+ 天/);
    expect(text).to.match(/\d{4}年\d{1,2}月\d{1,2}日 到期/);
    await expect(badge).to.be.accessible();
  });

  it('follows the page language when it has no locale of its own and the browser speaks none we ship', async () => {
    // Since issue 19 the browser's languages come first: this stands in a German-only browser (the browser's own
    // setting, which we do not own), so the page's lang decides.
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ['de-DE'] });
    try {
      const session = await newSession();
      const wrapper = await fixture(html`<div lang="zh-CN">
        <esim-balance-badge api-base=${session.baseUrl} session-token=${session.token}></esim-balance-badge>
      </div>`);
      const badge = wrapper.querySelector('esim-balance-badge')!;
      await waitForText(badge, '剩余');
    } finally {
      delete (navigator as { languages?: unknown }).languages;
    }
  });

  it('shows an error with a retry button that recovers', async () => {
    const session = await newSession();
    await injectFault(session, { method: 'GET', path: '/v1/card', kind: 'status', status: 500, times: 3 });
    const provider = await mountWithProvider(session, html`<esim-balance-badge></esim-balance-badge>`);
    const badge = provider.querySelector('esim-balance-badge')!;
    await waitUntil(() => badge.state === 'error', 'never showed the error', { timeout: 15_000 });
    expect(visibleText(badge)).to.include('Could not load your eSIM balance');
    await expect(badge).to.be.accessible();
    $(badge, 'button').click();
    await waitUntil(() => badge.state === 'ok', 'retry did not recover', { timeout: 10_000 });
  });

  it('works alone, without a provider', async () => {
    const session = await newSession();
    const badge = await fixture<EsimBalanceBadge>(
      html`<esim-balance-badge api-base=${session.baseUrl} session-token=${session.token} locale="en"></esim-balance-badge>`,
    );
    await waitUntil(() => badge.state === 'ok', 'never loaded', { timeout: 10_000 });
    expect(visibleText(badge)).to.include('left');
  });
});
