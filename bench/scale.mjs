// Scale: the plan picker with 2,000 plans (200 regions × 10 plans) in Chromium, fed by a fixture client (a
// benchmark, not an integration test: the card and one plan come from the sandbox, the 2,000 plans are generated).
// Each time is from the change to the DOM updated and laid out (Lit's updateComplete, then a forced layout), median
// of several repeats, each on freshly created elements, at 1× and at 4× CPU throttling (CDP
// `Emulation.setCPUThrottlingRate`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox } from '../sandbox/server.ts';
import { ROOT } from './lib/measure.mjs';
import { timeGoal } from './lib/goals.mjs';
import { launchChromium, mintSession, servePages } from './lib/pages.mjs';
import { median, ms } from './lib/table.mjs';

const REGIONS = 200;
/** Per region: 4 daily, 3 monthly and 3 yearly plans. */
const LADDER = [
  ['day', 1],
  ['day', 3],
  ['day', 5],
  ['day', 7],
  ['month', 30],
  ['month', 60],
  ['month', 90],
  ['year', 365],
  ['year', 730],
  ['year', 1095],
];

export function generatePlans(template) {
  const plans = [];
  for (let r = 0; r < REGIONS; r += 1) {
    const region = `R${String(r).padStart(3, '0')}`;
    LADDER.forEach(([period, days], i) => {
      plans.push({
        ...template,
        id: `${region}-${period}-${days}`,
        name: `${region} ${days} days`,
        period,
        durationDays: days,
        dataBytes: i % 5 === 4 ? null : (i + 1) * 1024 ** 3,
        coverage: [region],
        region,
        regionName: `Region ${String(r).padStart(3, '0')}`,
        price: { ...template.price, amount: 1000 + r * 10 + i * 100 },
        compareAtPrice: undefined,
        tags: i === 4 ? ['popular'] : [],
      });
    });
  }
  return plans;
}

/**
 * Runs in the page: builds provider + badge + picker with the fixture client and times each step. A step is done
 * when every plan the picker shows fits the new filter (the picker may show the first of them and offer the rest
 * behind "show more"; `matching` counts them all).
 */
export async function inPage({ card, plans, repeats }) {
  // `setLocale`: the provider tells its client the page's language (the fixture's answers have none).
  const fixture = { baseUrl: 'fixture://', getCard: async () => card, listPlans: async () => plans, setLocale: () => {} };
  const client = new Proxy(fixture, {
    get: (target, key) =>
      key in target || key === 'then'
        ? target[key]
        : async () => {
            throw new Error(`the bench's fixture client has no ${String(key)}`);
          },
  });
  const shownIds = (picker) => [...(picker.shadowRoot?.querySelectorAll('[part~="plan"]') ?? [])].map((el) => el.dataset.id);
  const fits = (region, period) => (id) => id.startsWith(region ? `${region}-` : 'R') && id.includes(`-${period}-`);
  const matching = (region, period) => plans.filter((plan) => fits(region, period)(plan.id)).length;
  const settle = async (elements, done) => {
    for (let i = 0; i < 10_000; i += 1) {
      for (const element of elements) await element.updateComplete;
      if (done()) break;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    void document.body.offsetHeight; // style and layout are part of the cost
  };
  const showsOnly = (picker, region, period) => () => {
    const ids = shownIds(picker);
    return ids.length > 0 && ids.every(fits(region, period));
  };
  const timings = { firstRender: [], regionList: [], region: [], allRegions: [], period: [], showMore: [], storeUpdate: [] };
  const counts = {};
  for (let i = 0; i < repeats; i += 1) {
    let t = performance.now();
    const root = document.createElement('esim-renewal');
    root.locale = 'en';
    root.client = client;
    const badge = document.createElement('esim-balance-badge');
    const picker = document.createElement('esim-plan-picker');
    picker.region = '';
    picker.period = 'month';
    root.append(badge, picker);
    document.body.append(root);
    await settle(
      [root, badge, picker],
      () => showsOnly(picker, '', 'month')() && badge.shadowRoot?.querySelector('[part~="data"]'),
    );
    timings.firstRender.push(performance.now() - t);
    counts.firstRender = { shown: shownIds(picker).length, matching: matching('', 'month') };

    // The region list is made once the page is idle, or when the traveller reaches the select first: here a pointer
    // going down on it right after the first render, before any idle time (timed only if the list was still short).
    // The locale's collator is built once per page: by the first repeat's list, so the median is the list without it.
    const select = picker.shadowRoot.querySelector('select');
    const options = select.options.length;
    t = performance.now();
    select.dispatchEvent(new PointerEvent('pointerdown'));
    await settle([picker], () => select.options.length > 1);
    if (options <= 2) timings.regionList.push(performance.now() - t);
    counts.regionList = { before: options, after: select.options.length };

    const step = async (key, change, region, period) => {
      t = performance.now();
      change();
      await settle([picker], showsOnly(picker, region, period));
      timings[key].push(performance.now() - t);
      counts[key] = { shown: shownIds(picker).length, matching: matching(region, period) };
    };
    await step('region', () => (picker.region = 'R100'), 'R100', 'month');
    await step('allRegions', () => (picker.region = ''), '', 'month');
    await step('period', () => (picker.period = 'day'), '', 'day');

    // "Show more" where the picker offers it: the next plans rendered below those shown.
    const more = picker.shadowRoot?.querySelector('[part~="show-more"]');
    if (more) {
      const before = shownIds(picker).length;
      t = performance.now();
      more.click();
      await settle([picker], () => shownIds(picker).length > before);
      timings.showMore.push(performance.now() - t);
      counts.showMore = { shown: shownIds(picker).length, matching: matching('', 'day') };
    }

    t = performance.now();
    root.store.setCard({ ...card, data: { ...card.data, remainingBytes: (card.data.remainingBytes ?? 0) + i + 1 } });
    await settle([badge, picker], () => true);
    timings.storeUpdate.push(performance.now() - t);
    counts.storeUpdate = { shown: shownIds(picker).length, matching: matching('', 'day') };
    root.remove();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { timings, counts };
}

/** `script`: the script-tag file to load (another build's, to compare); ours as built by default. */
export async function scale({ repeats = 9, rates = [1, 4], script = join(ROOT, 'dist/esim-renewal.js'), log = () => {} } = {}) {
  const api = await startSandbox({ port: 0, rateLimits: { sessionsPerMinute: 1_000_000 } });
  const token = await mintSession(api.url);
  const get = async (path) =>
    (await fetch(`${api.url}${path}`, { headers: { Authorization: `Bearer ${token}` } })).json();
  const card = await get('/v1/card');
  const [template] = (await get('/v1/plans')).plans;
  await api.close();
  const plans = generatePlans(template);

  const pages = await servePages({
    '/esim-renewal.js': { type: 'text/javascript', body: readFileSync(script) },
    '/scale': {
      type: 'text/html',
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/esim-renewal.js"></script></head><body></body></html>',
    },
  });
  const browser = await launchChromium();
  const byRate = {};
  try {
    for (const rate of rates) {
      log(`scale ${rate}×: ${plans.length} plans, ${repeats} repeats`);
      const tab = await browser.newPage();
      const cdp = await tab.context().newCDPSession(tab);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await tab.goto(`${pages.url}/scale`);
      const { timings, counts } = await tab.evaluate(inPage, { card, plans, repeats });
      await tab.close();
      const medianMs = Object.fromEntries(
        Object.entries(timings)
          .filter(([, v]) => v.length)
          .map(([k, v]) => [k, median(v)]),
      );
      byRate[rate] = { medianMs, counts, allMs: timings };
    }
  } finally {
    await browser.close();
    await pages.close();
  }
  const shown = (c) => (c ? `${c.shown} of ${c.matching}` : 'n/a');
  const cell = (value) => (value === undefined ? 'n/a' : ms(value));
  const tables = rates.map((rate) => {
    const { medianMs: med, counts } = byRate[rate];
    return [
      [
        `scale at ${rate}× CPU: ${plans.length} plans (${REGIONS} regions × ${LADDER.length}), median of ${repeats}`,
        'time',
        'plans rendered of matching',
      ],
      ['first render: provider + badge + picker, all regions, monthly', cell(med.firstRender), shown(counts.firstRender)],
      [
        'region list made on reaching the select before the page was idle (pointer down; collator already built)',
        cell(med.regionList),
        counts.regionList ? `${counts.regionList.before} → ${counts.regionList.after} options` : 'n/a',
      ],
      ['re-filter: one region', cell(med.region), shown(counts.region)],
      ['re-filter: back to all regions', cell(med.allRegions), shown(counts.allRegions)],
      ['re-filter: period monthly → daily, all regions', cell(med.period), shown(counts.period)],
      ['"show more": the next plans rendered', cell(med.showMore), shown(counts.showMore)],
      ['store update (setCard): badge and picker re-render', cell(med.storeUpdate), shown(counts.storeUpdate)],
    ];
  });
  const goals = rates.flatMap((rate) => {
    const med = byRate[rate].medianMs;
    const at = `${rate}×`;
    const refilter = Math.max(med.region, med.allRegions, med.period);
    return [
      timeGoal({ goal: `${plans.length} plans: first render`, at, ours: med.firstRender, maxMs: 16 }),
      timeGoal({ goal: `${plans.length} plans: slowest re-filter`, at, ours: refilter, maxMs: 16 }),
    ];
  });
  return { tables, data: { plans: plans.length, repeats, byRate }, goals };
}
