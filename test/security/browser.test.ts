// Browser security, in Debian's Chromium on a page served with a strict Content-Security-Policy (no 'unsafe-inline',
// no 'unsafe-eval', `require-trusted-types-for 'script'`): every shipped element works and a renewal completes
// with no violation; plan names, labels, discount labels, failure codes and server messages carrying markup or
// script render as inert text; no token is written to storage, cookies or URLs, or reaches the console.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page, Route } from 'playwright-core';
import type { RunningSandbox } from '../../sandbox/server.ts';
import { recordFigures } from '../chaos/figures.ts';
import { call } from '../chaos/http.ts';
import {
  chooseMethod, choosePlanAndOpenSummary, latestOrderId, launchChromium, newCard, openStrictPage, shippedTags, startStrictSandbox,
  stepIs, type Watched,
} from '../chaos/strict-page.ts';

const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b id="injected">bold</b>"'&`;

/** Markup that made it into the DOM, anywhere, through every shadow root. */
function injectedNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('img[src="x"], script:not([src]), b#injected, [onerror]')) found.push(el.outerHTML);
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(document);
    return found;
  });
}

/** All text a user can see, through every shadow root. */
function deepText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const visit = (root: Document | ShadowRoot | Element) => {
      for (const node of root.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
        else if (node instanceof Element) {
          if (node.shadowRoot) visit(node.shadowRoot);
          visit(node);
        }
      }
    };
    visit(document.body);
    return parts.join(' ');
  });
}

describe('browser security on a strict-CSP, Trusted-Types page', () => {
  let sandbox: RunningSandbox;
  let browser: Browser;
  const figures = { elements: 0, violations: 0, hostileFields: 0, hostileRenderedInert: 0, tokensSeen: 0, tokenLeaks: 0, placesSearched: 0 };

  before(async () => {
    assert.ok(existsSync('dist/esim-renewal.js'), 'dist/esim-renewal.js is missing: run `npm run build` first');
    sandbox = await startStrictSandbox();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await sandbox?.close();
    recordFigures('browser-security', {
      title: "strict CSP (no 'unsafe-inline'/'unsafe-eval') + require-trusted-types-for 'script', script-tag build",
      rows: {
        'shipped elements rendered': figures.elements,
        'CSP / Trusted Types violations': figures.violations,
        'hostile strings injected (markup + script)': figures.hostileFields,
        'hostile strings rendered as inert text': figures.hostileRenderedInert,
        'session tokens used by the page': figures.tokensSeen,
        'places searched for tokens': figures.placesSearched,
        'token leaks': figures.tokenLeaks,
      },
      totals: { cspViolations: figures.violations, tokenLeaks: figures.tokenLeaks },
    });
  });

  async function assertClean(w: Watched): Promise<void> {
    const violations = await w.violations();
    const consoleViolations = w.problems.filter((p) => /Content Security Policy|TrustedHTML|TrustedScript|Trusted Type/i.test(p));
    figures.violations += violations.length + consoleViolations.length;
    assert.deepEqual(violations, []);
    assert.deepEqual(w.problems, []);
  }

  it('every shipped element renders, and a renewal completes, with no CSP or Trusted Types violation', async () => {
    const card = await newCard(sandbox.url);
    const w = await openStrictPage(browser, sandbox.url, { iccid: card.iccid, everything: true });
    const { page } = w;
    await page.locator('esim-balance-badge [part=data]').first().waitFor();
    await page.locator('esim-plan-picker [role=radio]').first().waitFor();
    const tags = shippedTags();
    assert.ok(tags.length >= 4, `${tags.length} tags in the manifest`);
    // The script-tag file loads each element's chunk on demand, so on a slow machine the last ones may still be on
    // their way when the badge and picker show: wait (bounded) for every tag to be defined and rendered, then check.
    await page.waitForFunction((list) => list.every((tag) => {
      const el = document.querySelector(tag);
      return !!customElements.get(tag) && !!el?.shadowRoot && el.shadowRoot.childNodes.length > 0;
    }), tags, { timeout: 15_000 }).catch(() => undefined);
    const rendered = await page.evaluate((list) => list.map((tag) => {
      const el = document.querySelector(tag);
      return { tag, defined: !!customElements.get(tag), rendered: !!el?.shadowRoot && el.shadowRoot.childNodes.length > 0 };
    }), tags);
    for (const r of rendered) assert.deepEqual(r, { tag: r.tag, defined: true, rendered: true });
    figures.elements += rendered.length;

    await choosePlanAndOpenSummary(page);
    await stepIs(page, 'summary');
    await chooseMethod(page, 'alipay');
    await page.locator('esim-checkout-button [part=pay]').click();
    await stepIs(page, 'paying');
    const token = [...w.tokens][0]!;
    const paid = await call(sandbox.url, 'POST', `/sandbox/orders/${await latestOrderId(sandbox.url, token)}/simulate`, { token, body: { outcome: 'succeed' } });
    assert.equal(paid.status, 200);
    await stepIs(page, 'success');
    await assertClean(w);
    await page.context().close();
  });

  it('renders markup and script in plan names, labels, discounts, failure codes and server messages as inert text', async () => {
    const card = await newCard(sandbox.url, 'never_renewed');
    // Rewrite the API's answers on the way in: every free-text field the widget shows carries the payload.
    let quoteCalls = 0;
    const rewrite = async (route: Route, edit: (body: any) => unknown) => {
      const response = await route.fetch();
      const edited = edit(await response.json());
      figures.hostileFields += JSON.stringify(edited).split('<script>').length - 1;
      await route.fulfill({ response, json: edited });
    };
    const watched = await openStrictPage(browser, sandbox.url, { iccid: card.iccid, lang: 'en' });
    const { page } = watched;
    await page.context().route(/\/v1\/plans/, (route) =>
      rewrite(route, (list) => ({ plans: list.plans.map((p: any) => ({ ...p, name: HOSTILE })) })),
    );
    await page.context().route(/\/v1\/card$/, (route) => rewrite(route, (c) => ({ ...c, plan: { ...c.plan, name: HOSTILE } })));
    await page.context().route(/\/v1\/quotes$/, async (route) => {
      quoteCalls += 1;
      if (quoteCalls === 1) {
        return rewrite(route, (q) => ({ ...q, plan: { ...q.plan, name: HOSTILE }, discounts: q.discounts.map((d: any) => ({ ...d, label: HOSTILE })) }));
      }
      // Then the server answers with an error whose code, message and details carry the payload.
      figures.hostileFields += 3;
      return route.fulfill({ status: 409, json: { error: { code: HOSTILE, message: HOSTILE, details: { failureCode: HOSTILE } } } });
    });
    await page.context().route(/\/v1\/orders\/[^/]+$/, (route) => rewrite(route, (o) => (o.status === 'failed' ? { ...o, failureCode: HOSTILE } : o)));
    await page.reload();
    await page.locator('esim-balance-badge [part=data]').first().waitFor();
    await page.locator('esim-plan-picker [role=radio]').first().waitFor();
    await choosePlanAndOpenSummary(page);
    await stepIs(page, 'summary');
    assert.match(await deepText(page), /<b id="injected">bold<\/b>/, 'the payload shows as text');
    await chooseMethod(page, 'alipay');
    await page.locator('esim-checkout-button [part=pay]').click();
    await stepIs(page, 'paying');
    const token = [...watched.tokens].at(-1)!;
    await call(sandbox.url, 'POST', `/sandbox/orders/${await latestOrderId(sandbox.url, token)}/simulate`, { token, body: { outcome: 'fail' } });
    await stepIs(page, 'error');
    assert.match(await page.locator('esim-checkout-button [part=result]').innerText(), /<img src=x/, 'the failure code shows as text');
    await page.locator('esim-checkout-button [part=result]').getByRole('button').click();
    await stepIs(page, 'error');
    assert.equal(await page.evaluate(() => (window as { __pwned?: number }).__pwned), undefined, 'no payload ran');
    assert.deepEqual(await injectedNodes(page), [], 'no payload became an element');
    const text = await deepText(page);
    figures.hostileRenderedInert += text.split('<b id="injected">').length - 1;
    assert.ok(figures.hostileRenderedInert >= 2);
    await assertClean(watched);
    await page.context().close();
  });

  it('refuses a payment redirect to a javascript: URL (an answer that would run script in the page)', async () => {
    const card = await newCard(sandbox.url);
    const w = await openStrictPage(browser, sandbox.url, {
      iccid: card.iccid,
      mode: 'redirect',
      prepare: (context) =>
        context.route(/\/v1\/orders$/, async (route) => {
          const response = await route.fetch();
          const order = await response.json();
          figures.hostileFields += 1;
          await route.fulfill({ response, json: { ...order, paymentAction: { type: 'redirect', url: 'javascript:window.__pwned=4' } } });
        }),
    });
    const { page } = w;
    await page.locator('esim-plan-picker [role=radio]').first().waitFor();
    const before = page.url();
    await choosePlanAndOpenSummary(page);
    await stepIs(page, 'summary');
    await chooseMethod(page, 'card');
    await page.locator('esim-checkout-button [part=pay]').click();
    await stepIs(page, 'error');
    assert.match(await page.locator('esim-checkout-button [part=result]').innerText(), /unexpected answer/);
    assert.equal(page.url(), before);
    assert.equal(await page.evaluate(() => (window as { __pwned?: number }).__pwned), undefined);
    figures.hostileRenderedInert += 1;
    await assertClean(w);
    await page.context().close();
  });

  it('writes no token to storage, cookies or URLs, and logs none, through refreshes, errors and a renewal', async () => {
    const card = await newCard(sandbox.url);
    const w = await openStrictPage(browser, sandbox.url, { iccid: card.iccid, refresh: true });
    const { page } = w;
    await page.locator('esim-plan-picker [role=radio]').first().waitFor();
    const first = [...w.tokens][0]!;
    // An error the page logs (its esim-renewal-error listener prints the event detail)…
    await call(sandbox.url, 'POST', '/sandbox/faults', { token: first, body: { method: 'POST', path: '/v1/quotes', kind: 'status', status: 500, times: 3 } });
    await choosePlanAndOpenSummary(page);
    await stepIs(page, 'error');
    // …a session that expires between quote and order, renewed through the page's backend…
    await page.locator('esim-checkout-button [part=result]').getByRole('button').click();
    await stepIs(page, 'summary');
    await chooseMethod(page, 'alipay');
    await call(sandbox.url, 'POST', '/sandbox/sessions/expire', { token: first });
    await page.locator('esim-checkout-button [part=pay]').click();
    await stepIs(page, 'paying');
    assert.ok(w.tokens.size >= 2, 'the session was renewed');
    // …and a renewal the page logs too.
    const last = [...w.tokens].at(-1)!;
    await call(sandbox.url, 'POST', `/sandbox/orders/${await latestOrderId(sandbox.url, last)}/simulate`, { token: last, body: { outcome: 'succeed' } });
    await stepIs(page, 'success');

    const stored = await page.evaluate(async () => {
      const dump = (s: Storage) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`);
      const dbs = (await indexedDB.databases?.()) ?? [];
      return { local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie, idb: dbs.map((d) => d.name ?? '') };
    });
    const places: Array<[string, string]> = [
      ['localStorage', stored.local.join('\n')],
      ['sessionStorage', stored.session.join('\n')],
      ['cookies', stored.cookie],
      ['IndexedDB', stored.idb.join('\n')],
      ['console', w.console.join('\n')],
      ['request URLs', w.urls.join('\n')],
    ];
    figures.tokensSeen += w.tokens.size;
    figures.placesSearched += places.length;
    assert.ok(w.console.some((line) => line.includes('esim-renewal-error')), 'the page logged the error event');
    assert.ok(w.console.some((line) => line.includes('esim-renewal-success')), 'the page logged the success event');
    for (const [where, text] of places) {
      for (const token of w.tokens) {
        if (text.includes(token) || text.includes(token.slice(3))) {
          figures.tokenLeaks += 1;
          assert.fail(`a session token is in ${where}`);
        }
      }
    }
    await assertClean(w);
    await page.context().close();
  });
});
