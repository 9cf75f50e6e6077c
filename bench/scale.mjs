// Scale: the plan picker with 2,000 plans (200 regions × 10 plans) in Chromium, fed by a fixture client (a
// benchmark, not an integration test: the card and one plan come from the sandbox, the 2,000 plans are generated).
// Each time is from the change to the DOM updated and laid out (Lit's updateComplete, then a forced layout), median
// of several repeats, each on freshly created elements.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox } from '../sandbox/server.ts';
import { ROOT } from './lib/measure.mjs';
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

function generatePlans(template) {
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

/** Runs in the page: builds provider + badge + picker with the fixture client and times each step. */
async function inPage({ card, plans, repeats }) {
  const fixture = { baseUrl: 'fixture://', getCard: async () => card, listPlans: async () => plans };
  const client = new Proxy(fixture, {
    get: (target, key) =>
      key in target || key === 'then'
        ? target[key]
        : async () => {
            throw new Error(`the bench's fixture client has no ${String(key)}`);
          },
  });
  const shown = (picker) => picker.shadowRoot?.querySelectorAll('[part~="plan"]').length ?? 0;
  const settle = async (elements, done) => {
    for (let i = 0; i < 10_000; i += 1) {
      for (const element of elements) await element.updateComplete;
      if (done()) break;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    void document.body.offsetHeight; // style and layout are part of the cost
  };
  const timings = { firstRender: [], region: [], allRegions: [], period: [], storeUpdate: [] };
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
    await settle([root, badge, picker], () => shown(picker) > 0 && badge.shadowRoot?.querySelector('[part~="data"]'));
    timings.firstRender.push(performance.now() - t);
    counts.firstRender = shown(picker);

    const step = async (key, change, expected) => {
      t = performance.now();
      change();
      await settle([picker], () => shown(picker) === expected);
      timings[key].push(performance.now() - t);
      counts[key] = shown(picker);
    };
    await step('region', () => (picker.region = 'R100'), 3);
    await step('allRegions', () => (picker.region = ''), 600);
    await step('period', () => (picker.period = 'day'), 800);

    t = performance.now();
    root.store.setCard({ ...card, data: { ...card.data, remainingBytes: (card.data.remainingBytes ?? 0) + i + 1 } });
    await settle([badge, picker], () => true);
    timings.storeUpdate.push(performance.now() - t);
    root.remove();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { timings, counts };
}

export async function scale({ repeats = 9, log = () => {} } = {}) {
  const api = await startSandbox({ port: 0, rateLimits: { sessionsPerMinute: 1_000_000 } });
  const token = await mintSession(api.url);
  const get = async (path) =>
    (await fetch(`${api.url}${path}`, { headers: { Authorization: `Bearer ${token}` } })).json();
  const card = await get('/v1/card');
  const [template] = (await get('/v1/plans')).plans;
  await api.close();
  const plans = generatePlans(template);

  const pages = await servePages({
    '/esim-renewal.js': { type: 'text/javascript', body: readFileSync(join(ROOT, 'dist/esim-renewal.js')) },
    '/scale': {
      type: 'text/html',
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/esim-renewal.js"></script></head><body></body></html>',
    },
  });
  const browser = await launchChromium();
  let result;
  try {
    log(`scale: ${plans.length} plans, ${repeats} repeats`);
    const tab = await browser.newPage();
    await tab.goto(`${pages.url}/scale`);
    result = await tab.evaluate(inPage, { card, plans, repeats });
  } finally {
    await browser.close();
    await pages.close();
  }
  const med = Object.fromEntries(Object.entries(result.timings).map(([k, v]) => [k, median(v)]));
  const { counts } = result;
  const rows = [
    [
      `scale: ${plans.length} plans (${REGIONS} regions × ${LADDER.length}), median of ${repeats}`,
      'time',
      'plans shown',
    ],
    ['first render: provider + badge + picker, all regions, monthly', ms(med.firstRender), counts.firstRender],
    ['re-filter: one region', ms(med.region), counts.region],
    ['re-filter: back to all regions', ms(med.allRegions), counts.allRegions],
    ['re-filter: period monthly → daily, all regions', ms(med.period), counts.period],
    ['store update (setCard): badge and picker re-render', ms(med.storeUpdate), counts.period],
  ];
  return { tables: [rows], data: { plans: plans.length, repeats, medianMs: med, counts, allMs: result.timings } };
}
