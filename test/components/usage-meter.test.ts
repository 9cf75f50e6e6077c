import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/usage-meter.js';
import type { EsimUsageMeter } from '../../src/components/usage-meter/usage-meter.js';
import { createRenewalClient } from '../../src/index.js';
import { formatBytes, formatDay } from '../../src/i18n/format.js';
import { $, $$, mountWithProvider, requestsTo, visibleText } from '../helpers/dom.js';
import { injectFault, newSession, type CardTemplate, type TestSession } from '../helpers/sandbox.js';

async function meterFor(template: CardTemplate, options: { days?: number; locale?: string } = {}) {
  const session = await newSession({ template });
  const provider = await mountWithProvider(
    session,
    html`<esim-usage-meter days=${options.days ?? 30}></esim-usage-meter>`,
    options.locale,
  );
  const meter = provider.querySelector('esim-usage-meter')!;
  await waitUntil(() => meter.state !== 'loading', 'the meter never loaded', { timeout: 10_000 });
  return { meter, session, provider };
}

/** What the API says, read separately from the element's own request. */
function usageOf(session: TestSession, days: number) {
  return createRenewalClient({ baseUrl: session.baseUrl, sessionToken: session.token }).getUsage({ days });
}

const summaryOf = (meter: EsimUsageMeter) => visibleText($(meter, '[part=summary]'));

describe('<esim-usage-meter>', () => {
  it('draws one bar per day the API returns, as tall as that day’s use, oldest first', async () => {
    const { meter, session } = await meterFor('active', { days: 14 });
    expect(meter.state).to.equal('ready');
    const { days } = await usageOf(session, 14);
    const bars = $$(meter, '[part=bar]');
    expect(bars).to.have.length(days.length).and.length(14);
    const max = Math.max(...days.map((day) => day.usedBytes));
    bars.forEach((bar, i) => {
      const expected = days[i]!.usedBytes ? Math.max(1, (days[i]!.usedBytes / max) * 100) : 0;
      expect(Number(bar.getAttribute('height'))).to.be.closeTo(expected, 0.01);
      expect(Number(bar.getAttribute('y')) + Number(bar.getAttribute('height'))).to.be.closeTo(100, 0.01);
      expect(bar.hasAttribute('style')).to.equal(false);
    });
    // Bars are sized by SVG attributes (a strict CSP blocks style attributes) and drawn at their full width.
    expect($(meter, 'svg').getBoundingClientRect().width).to.be.greaterThan(100);
    const axis = visibleText($(meter, '[part=axis]'));
    expect(axis).to.equal(`${formatDay(days[0]!.date, 'en', true)} ${formatDay(days[13]!.date, 'en', true)}`);
    await expect(meter).to.be.accessible();
  });

  it('gives a text alternative: the summary and every day’s amount in a table', async () => {
    const { meter, session } = await meterFor('active');
    const { days } = await usageOf(session, 30);
    const total = days.reduce((sum, day) => sum + day.usedBytes, 0);
    expect(summaryOf(meter)).to.include(
      `Used ${formatBytes(total, 'en')} in the last 30 days, about ${formatBytes(total / 30, 'en')} a day.`,
    );
    expect(summaryOf(meter)).to.match(/At this rate your 12 GB lasts about \d+ days\./);
    const rows = $$(meter, 'tbody tr');
    expect(rows).to.have.length(30);
    rows.forEach((row, i) => {
      expect(visibleText(row.querySelector('th')!)).to.equal(formatDay(days[i]!.date, 'en'));
      expect(visibleText(row.querySelector('td')!)).to.equal(formatBytes(days[i]!.usedBytes, 'en'));
    });
    // The chart itself is hidden from assistive technology; the table is there for it, visually hidden at first.
    expect($(meter, 'svg').getAttribute('aria-hidden')).to.equal('true');
    const table = $(meter, '#table');
    expect(table.querySelector('table')).to.exist;
    expect(table.getBoundingClientRect().height).to.be.lessThan(2);
    const toggle = $(meter, '[part=toggle]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal('table');
    toggle.click();
    await meter.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(table.getBoundingClientRect().height).to.be.greaterThan(100);
    await expect(meter).to.be.accessible();
  });

  it('suggests renewing when the data runs out before the card expires', async () => {
    const { meter } = await meterFor('low_data', { days: 7 });
    const summary = summaryOf(meter);
    expect(summary).to.match(/At this rate your 300 MB lasts (less than a day|about \d+ days?)\./);
    expect(summary).to.include('before your card expires in 20 days: renew before you run out.');
    expect($(meter, '[part=summary]').classList.contains('warn')).to.equal(true);
    await expect(meter).to.be.accessible();
  });

  it('makes no projection for unlimited data', async () => {
    const { meter } = await meterFor('unlimited', { days: 7 });
    const summary = summaryOf(meter);
    expect(summary).to.match(/^Used .+ in the last 7 days, about .+ a day\./);
    expect(summary).to.include('Your data is unlimited, so there is no need to project when it runs out.');
    expect(summary).to.not.include('At this rate');
  });

  it('says so when no data was used', async () => {
    // The expired card (3 days ago) used nothing today or yesterday.
    const { meter } = await meterFor('expired', { days: 2 });
    expect(meter.state).to.equal('empty');
    expect(summaryOf(meter)).to.equal('No data used in the last 2 days.');
    expect($$(meter, 'tbody tr')).to.have.length(2);
    await expect(meter).to.be.accessible();
  });

  it('speaks Chinese with locale zh-CN', async () => {
    const { meter, session } = await meterFor('low_data', { days: 7, locale: 'zh-CN' });
    const { days } = await usageOf(session, 7);
    const summary = summaryOf(meter);
    expect(summary).to.match(/^最近 7 天共使用 .+，平均每天约 .+。/);
    expect(summary).to.include('建议在流量用完前续费');
    expect(summary, 'Chinese sentences run on without spaces').to.not.include('。 ');
    expect(visibleText($(meter, '[part=axis]'))).to.match(/^\d{1,2}月\d{1,2}日 \d{1,2}月\d{1,2}日$/);
    expect(visibleText($(meter, '[part=toggle]'))).to.equal('以表格显示');
    expect(visibleText($$(meter, 'tbody th')[0]!)).to.equal(formatDay(days[0]!.date, 'zh-CN'));
    expect(visibleText($$(meter, 'tbody th')[0]!)).to.match(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    await expect(meter).to.be.accessible();
  });

  it('shows a skeleton of stable size while loading, announced as busy', async () => {
    const session = await newSession();
    await injectFault(session, { method: 'GET', path: '/v1/card/usage', kind: 'delay', delayMs: 800 });
    const provider = await mountWithProvider(session, html`<esim-usage-meter></esim-usage-meter>`);
    const meter = provider.querySelector('esim-usage-meter')!;
    await meter.updateComplete;
    expect(meter.state).to.equal('loading');
    expect($(meter, '[part=base]').getAttribute('aria-busy')).to.equal('true');
    const loadingHeight = meter.getBoundingClientRect().height;
    await expect(meter).to.be.accessible();
    await waitUntil(() => meter.state === 'ready', 'never loaded', { timeout: 10_000 });
    expect(Math.abs(meter.getBoundingClientRect().height - loadingHeight)).to.be.lessThan(24);
  });

  it('shows an error with a retry button that recovers', async () => {
    const session = await newSession();
    await injectFault(session, { method: 'GET', path: '/v1/card/usage', kind: 'status', status: 500, times: 3 });
    const provider = await mountWithProvider(session, html`<esim-usage-meter></esim-usage-meter>`);
    const meter = provider.querySelector('esim-usage-meter')!;
    await waitUntil(() => meter.state === 'error', 'never showed the error', { timeout: 15_000 });
    expect(visibleText(meter)).to.include('Could not load your data use. Something went wrong on our side.');
    await expect(meter).to.be.accessible();
    $(meter, '[part=retry]').click();
    await waitUntil(() => meter.state === 'ready', 'retry did not recover', { timeout: 10_000 });
    expect($$(meter, '[part=bar]')).to.have.length(30);
  });

  it('two meters under one provider make one usage request', async () => {
    const session = await newSession();
    const url = `${session.baseUrl}/v1/card/usage`;
    const before = requestsTo(url);
    const provider = await mountWithProvider(
      session,
      html`<esim-usage-meter days="30"></esim-usage-meter><esim-usage-meter days="7"></esim-usage-meter>`,
    );
    const [long, short] = [...provider.querySelectorAll('esim-usage-meter')];
    await waitUntil(() => long!.state === 'ready' && short!.state !== 'loading', 'never loaded', { timeout: 10_000 });
    expect($$(short!, '[part=bar]')).to.have.length(7);
    expect(requestsTo(url) - before).to.equal(1);
  });

  it('shows a day with no data used as 0 MB through Intl, never "0 byte"', () => {
    expect(formatBytes(0, 'en')).to.equal('0 MB');
    expect(formatBytes(300, 'en')).to.equal('0 MB');
    for (const locale of ['en', 'zh-CN', 'ja', 'th']) expect(formatBytes(0, locale)).to.not.match(/byte/i);
  });
});
