// The widget under faults and impatient travellers, in Debian's Chromium on the strict-CSP partner page with the
// script-tag build. Faults are injected by intercepting the page's requests (playwright routes) and through the
// sandbox (expiring the session): 500 and 502/503 bursts, 429 with Retry-After, dropped connections before and after
// the server committed, network timeouts, malformed JSON and JSON of the wrong shape, a session that expires between
// quote and order. Each must end in a successful retry or a clear localized error from which the UI goes on, with
// no second order. Then a double click, a reload and the back button during payment: one order, one charge.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import type { RunningSandbox } from '../../sandbox/server.ts';
import { recordFigures, size } from './figures.ts';
import { call, payOnHostedPage } from './http.ts';
import {
  chooseMethod, choosePlanAndOpenSummary, latestOrderId, launchChromium, newCard, openStrictPage, startStrictSandbox, stepIs,
  type StrictPageOptions, type Watched,
} from './strict-page.ts';

const ROUNDS = size('CHAOS_UI_ROUNDS', { fast: 1, long: 3 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Apply = (route: Route) => Promise<void>;
const status = (code: number, headers: Record<string, string> = {}): Apply => (route) =>
  route.fulfill({ status: code, headers, json: { error: { code: code === 429 ? 'rate_limited' : 'internal', message: `Injected ${code}` } } });
const drop: Apply = (route) => route.abort('connectionreset');
const timedOut: Apply = (route) => route.abort('timedout');
const dropAfterCommit: Apply = async (route) => {
  await route.fetch();
  await route.abort('connectionreset');
};
const malformedAfterCommit: Apply = async (route) => {
  await route.fetch();
  await route.fulfill({ status: 200, contentType: 'application/json', body: '{"id": "ord_' });
};
const wrongShape: Apply = (route) => route.fulfill({ status: 200, json: { unexpected: true } });

interface Scenario {
  name: string;
  lang?: 'en' | 'zh-CN';
  refresh?: boolean;
  run: (s: Session) => Promise<void>;
}

interface Session {
  page: Page;
  w: Watched;
  /** Intercepts the next `times` requests matching `method` and `path`; returns the live hit count. */
  arm: (method: string, path: RegExp, times: number, apply: Apply) => Promise<{ hits: number }>;
  token: () => string;
  orders: () => number;
  charges: () => number;
  injected: (n: number) => void;
}

const RESULT = 'esim-checkout-button [part=result]';
const errorShows = async (page: Page, text: string) => {
  await stepIs(page, 'error');
  const shown = await page.locator(RESULT).innerText();
  assert.ok(shown.includes(text), `error view says "${shown}", wanted "${text}"`);
};
const retry = (page: Page) => page.locator(`${RESULT} button`).click();
const pay = async (page: Page, method: 'alipay' | 'card' = 'alipay') => {
  await chooseMethod(page, method);
  await page.locator('esim-checkout-button [part=pay]').click();
};

const SCENARIOS: Scenario[] = [
  {
    name: 'GET /v1/card 500 ×3 (longer than the retries): badge error, its retry recovers',
    async run({ page, arm }) {
      const hit = await arm('GET', /\/v1\/card$/, 3, status(500));
      await page.reload();
      await page.getByText('Could not load your eSIM balance.').first().waitFor();
      assert.equal(hit.hits, 3);
      await page.locator('esim-balance-badge [part=retry]').first().click();
      await page.locator('esim-balance-badge [part=data]').first().waitFor();
    },
  },
  {
    name: 'GET /v1/plans 503 ×2: retried, plans show',
    async run({ page, arm }) {
      const hit = await arm('GET', /\/v1\/plans/, 2, status(503));
      await page.reload();
      await page.locator('esim-plan-picker [role=radio]').first().waitFor();
      assert.equal(hit.hits, 2);
    },
  },
  {
    name: 'POST /v1/quotes 429 with Retry-After: 1: retried after it, summary shows',
    async run({ page, arm }) {
      await arm('POST', /\/v1\/quotes$/, 1, status(429, { 'Retry-After': '1' }));
      await choosePlanAndOpenSummary(page);
      await stepIs(page, 'summary');
    },
  },
  {
    name: 'POST /v1/quotes 502 ×3: clear error, retry recovers',
    async run({ page, arm }) {
      await arm('POST', /\/v1\/quotes$/, 3, status(502));
      await choosePlanAndOpenSummary(page);
      await errorShows(page, 'Something went wrong on our side');
      await retry(page);
      await stepIs(page, 'summary');
    },
  },
  {
    name: 'POST /v1/quotes wrong shape: clear error, retry recovers',
    async run({ page, arm }) {
      await arm('POST', /\/v1\/quotes$/, 1, wrongShape);
      await choosePlanAndOpenSummary(page);
      await errorShows(page, 'We received an unexpected answer');
      await retry(page);
      await stepIs(page, 'summary');
    },
  },
  {
    name: 'POST /v1/orders connection drop: retried with the same key, one order',
    async run({ page, arm, orders }) {
      await choosePlanAndOpenSummary(page);
      await stepIs(page, 'summary');
      await arm('POST', /\/v1\/orders$/, 1, drop);
      await pay(page);
      await stepIs(page, 'paying');
      assert.equal(orders(), 1);
    },
  },
  {
    name: 'POST /v1/orders answer dropped after commit ×3: offline error, Try again pays the same order',
    async run({ page, arm, orders }) {
      await choosePlanAndOpenSummary(page);
      await stepIs(page, 'summary');
      await arm('POST', /\/v1\/orders$/, 3, dropAfterCommit);
      await pay(page);
      await errorShows(page, 'You appear to be offline');
      await retry(page);
      await stepIs(page, 'summary');
      await pay(page);
      await stepIs(page, 'paying');
      assert.equal(orders(), 1);
    },
  },
  {
    name: 'POST /v1/orders malformed JSON after commit: clear error, Try again pays the same order',
    async run({ page, arm, orders }) {
      await choosePlanAndOpenSummary(page);
      await stepIs(page, 'summary');
      await arm('POST', /\/v1\/orders$/, 1, malformedAfterCommit);
      await pay(page);
      await errorShows(page, 'We received an unexpected answer');
      await retry(page);
      await stepIs(page, 'summary');
      await pay(page);
      await stepIs(page, 'paying');
      assert.equal(orders(), 1);
    },
  },
  {
    name: 'POST /v1/orders 429 with Retry-After: 1: retried, one order',
    async run({ page, arm, orders }) {
      await choosePlanAndOpenSummary(page);
      await stepIs(page, 'summary');
      await arm('POST', /\/v1\/orders$/, 1, status(429, { 'Retry-After': '1' }));
      await pay(page);
      await stepIs(page, 'paying');
      assert.equal(orders(), 1);
    },
  },
  ...(
    [
      ['wrong shape ×3', wrongShape, 3],
      ['503 ×3', status(503), 3],
      ['network timeout ×2', timedOut, 2],
    ] as const
  ).map(([what, apply, times]): Scenario => ({
    name: `GET /v1/orders/:id ${what} while paying: keeps waiting, renews once`,
    async run({ page, arm, token, orders, charges }) {
      await choosePlanAndOpenSummary(page);
      await stepIs(page, 'summary');
      await pay(page);
      await stepIs(page, 'paying');
      const hit = await arm('GET', /\/v1\/orders\/[^/]+$/, times, apply);
      while (hit.hits < times) await sleep(50);
      const base = page.url().split('/strict')[0]!;
      await call(base, 'POST', `/sandbox/orders/${await latestOrderId(base, token())}/simulate`, { token: token(), body: { outcome: 'succeed' } });
      await stepIs(page, 'success');
      assert.deepEqual([orders(), charges()], [1, 1]);
    },
  })),
  {
    name: 'session expires between quote and order, page renews it: pays, one order',
    refresh: true,
    async run({ page, token, orders, injected }) {
      await choosePlanAndOpenSummary(page);
      await stepIs(page, 'summary');
      await call(page.url().split('/strict')[0]!, 'POST', '/sandbox/sessions/expire', { token: token() });
      injected(1);
      await pay(page);
      await stepIs(page, 'paying');
      assert.equal(orders(), 1);
    },
  },
  {
    name: 'session expires between quote and order, no renewal: clear error, dialog closes, page usable',
    async run({ page, token, orders, injected }) {
      await choosePlanAndOpenSummary(page);
      await stepIs(page, 'summary');
      await call(page.url().split('/strict')[0]!, 'POST', '/sandbox/sessions/expire', { token: token() });
      injected(1);
      await pay(page);
      await errorShows(page, 'Your session has expired');
      await page.keyboard.press('Escape');
      await stepIs(page, 'idle');
      assert.equal(await page.locator('esim-checkout-button [part=button]').isEnabled(), true);
      assert.equal(orders(), 0);
    },
  },
  {
    name: 'zh-CN: POST /v1/quotes 500 ×3: error in Chinese, 重试 recovers',
    lang: 'zh-CN',
    async run({ page, arm }) {
      await arm('POST', /\/v1\/quotes$/, 3, status(500));
      await choosePlanAndOpenSummary(page);
      await errorShows(page, '系统出现问题');
      await retry(page);
      await stepIs(page, 'summary');
    },
  },
  {
    name: 'zh-CN: POST /v1/orders answer dropped after commit ×3: error in Chinese, 重试 pays the same order',
    lang: 'zh-CN',
    async run({ page, arm, orders }) {
      await choosePlanAndOpenSummary(page);
      await stepIs(page, 'summary');
      await arm('POST', /\/v1\/orders$/, 3, dropAfterCommit);
      await pay(page);
      await errorShows(page, '网络似乎已断开');
      await retry(page);
      await stepIs(page, 'summary');
      await pay(page);
      await stepIs(page, 'paying');
      assert.equal(orders(), 1);
    },
  },
];

describe('the widget under faults and impatient travellers (strict-CSP page, script-tag build)', () => {
  let sandbox: RunningSandbox;
  let browser: Browser;
  const tally = { scenarios: 0, passed: 0, injected: 0, survived: 0, ordersDuplicated: 0, chargesDuplicated: 0 };
  const idem: Record<string, number> = {};

  before(async () => {
    sandbox = await startStrictSandbox();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await sandbox?.close();
    recordFigures('ui-faults', {
      title: 'elements on the strict-CSP page under intercepted network faults and an expiring session',
      rows: {
        scenarios: tally.scenarios,
        'scenarios passed': tally.passed,
        'faults injected': tally.injected,
        'faults survived': tally.survived,
        'orders duplicated': tally.ordersDuplicated,
      },
      totals: { faultsInjected: tally.injected, faultsSurvived: tally.survived, ordersDuplicated: tally.ordersDuplicated },
    });
    recordFigures('ui-idempotency', {
      title: 'double clicks, reloads and the back button during payment, on the strict-CSP page',
      rows: { ...idem, 'charges duplicated': tally.chargesDuplicated },
      totals: { chargesDuplicated: tally.chargesDuplicated },
    });
  });

  const count = (sql: string, cardId: string) => (sandbox.sandbox.db.prepare(sql).get(cardId) as { n: number }).n;
  const ordersOf = (cardId: string) => count('SELECT COUNT(*) AS n FROM orders WHERE card_id = ?', cardId);
  const chargesOf = (cardId: string) => count(`SELECT COUNT(*) AS n FROM orders WHERE card_id = ? AND status IN ('processing', 'succeeded')`, cardId);

  async function open(options: Omit<StrictPageOptions, 'iccid'> = {}) {
    const card = await newCard(sandbox.url);
    const w = await openStrictPage(browser, sandbox.url, { iccid: card.iccid, ...options });
    await w.page.locator('esim-plan-picker [role=radio]').first().waitFor();
    return { card, w, page: w.page, context: w.page.context() as BrowserContext };
  }

  it('every fault ends in a successful retry or a clear localized error, the UI goes on, no order is doubled', async () => {
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const scenario of SCENARIOS) {
        const { card, w, page, context } = await open({ lang: scenario.lang, refresh: scenario.refresh });
        const hits: Array<{ hits: number }> = [];
        let extra = 0;
        const session: Session = {
          page,
          w,
          arm: async (method, path, times, apply) => {
            const hit = { hits: 0 };
            hits.push(hit);
            await context.route(path, async (route) => {
              if (route.request().method() !== method || hit.hits >= times) return route.fallback();
              hit.hits += 1;
              await apply(route);
            });
            return hit;
          },
          token: () => [...w.tokens].at(-1)!,
          orders: () => ordersOf(card.id),
          charges: () => chargesOf(card.id),
          injected: (n) => void (extra += n),
        };
        tally.scenarios += 1;
        try {
          await scenario.run(session);
          assert.deepEqual(w.problems, [], 'nothing thrown into the page');
          tally.passed += 1;
          tally.survived += hits.reduce((n, h) => n + h.hits, extra);
        } catch (error) {
          failures.push(`${scenario.name}: ${(error as Error).message.split('\n')[0]}`);
        } finally {
          tally.injected += hits.reduce((n, h) => n + h.hits, extra);
          tally.ordersDuplicated += Math.max(0, ordersOf(card.id) - 1);
          await context.close();
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  it('a double click on Pay makes one order and one charge', async () => {
    const { card, page, w, context } = await open();
    let posted = 0;
    page.on('request', (r) => void (r.method() === 'POST' && r.url().endsWith('/v1/orders') && (posted += 1)));
    await choosePlanAndOpenSummary(page);
    await stepIs(page, 'summary');
    await chooseMethod(page, 'alipay');
    await page.locator('esim-checkout-button [part=pay]').dblclick();
    await stepIs(page, 'paying');
    // Renew pressed again while paying shows the running checkout instead of another.
    await page.keyboard.press('Escape').catch(() => undefined);
    await page.locator('esim-checkout-button [part=button]').click({ force: true }).catch(() => undefined);
    const token = [...w.tokens].at(-1)!;
    await call(sandbox.url, 'POST', `/sandbox/orders/${await latestOrderId(sandbox.url, token)}/simulate`, { token, body: { outcome: 'succeed' } });
    await stepIs(page, 'success');
    idem['double click: order requests sent'] = posted;
    idem['double click: orders'] = ordersOf(card.id);
    idem['double click: charges'] = chargesOf(card.id);
    tally.chargesDuplicated += Math.max(0, chargesOf(card.id) - 1);
    assert.deepEqual([posted, ordersOf(card.id), chargesOf(card.id)], [1, 1, 1]);
    await context.close();
  });

  it('a reload during payment resumes the same order: one order, one charge', async () => {
    const { card, page, w, context } = await open();
    await choosePlanAndOpenSummary(page);
    await stepIs(page, 'summary');
    await chooseMethod(page, 'alipay');
    await page.locator('esim-checkout-button [part=pay]').click();
    await stepIs(page, 'paying');
    const orderId = await latestOrderId(sandbox.url, [...w.tokens].at(-1)!);
    await page.reload();
    await stepIs(page, 'paying');
    assert.equal(await latestOrderId(sandbox.url, [...w.tokens].at(-1)!), orderId, 'the same order after the reload');
    await call(sandbox.url, 'POST', `/sandbox/orders/${orderId}/simulate`, { token: [...w.tokens].at(-1)!, body: { outcome: 'succeed' } });
    await stepIs(page, 'success');
    idem['reload: orders'] = ordersOf(card.id);
    idem['reload: charges'] = chargesOf(card.id);
    tally.chargesDuplicated += Math.max(0, chargesOf(card.id) - 1);
    assert.deepEqual([ordersOf(card.id), chargesOf(card.id)], [1, 1]);
    await context.close();
  });

  it('the back button during a card payment (redirect mode) resumes the same order: one order, one charge', async () => {
    const { card, page, context } = await open({ mode: 'redirect' });
    await choosePlanAndOpenSummary(page);
    await stepIs(page, 'summary');
    await chooseMethod(page, 'card');
    await page.locator('esim-checkout-button [part=pay]').click();
    await page.waitForURL(/\/sandbox\/checkout\//);
    const orderId = page.url().split('/').pop()!;
    // Back to the shop mid-payment: the attempt resumes instead of starting another.
    await page.goBack();
    await page.waitForURL(/\/strict\?/);
    await stepIs(page, 'paying');
    // Pay after all: reopen the payment page (the resumed order's own), pay, come back.
    await page.locator('esim-checkout-button').getByRole('button', { name: /payment/i }).click();
    await page.waitForURL(/\/sandbox\/checkout\//);
    assert.equal(page.url().split('/').pop(), orderId);
    await page.locator('#number').fill('4242 4242 4242 4242');
    await page.locator('button[type=submit]').first().click();
    await page.waitForURL(/esim_order=|\/strict\?/);
    await stepIs(page, 'success');
    // Back again, onto the paid payment page, and submitting it again charges nothing more.
    assert.equal(await payOnHostedPage(sandbox.url, orderId), 409);
    idem['back button: orders'] = ordersOf(card.id);
    idem['back button: charges'] = chargesOf(card.id);
    tally.chargesDuplicated += Math.max(0, chargesOf(card.id) - 1);
    assert.deepEqual([ordersOf(card.id), chargesOf(card.id)], [1, 1]);
    await context.close();
  });
});
