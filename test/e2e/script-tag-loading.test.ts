// How the script-tag file loads, as a partner's page sees it in Debian's Chromium: the file and its chunks come from
// a "CDN" (another origin, with CORS, as unpkg and jsDelivr serve them), the API from the sandbox. The usual page
// fetches one script before its data shows; every other element, language and the payment steps are fetched when
// used, once; the chunks' folder can be moved; `EsimRenewal.ready` and `loadAll()` do what they say; and a page
// under a nonce + 'strict-dynamic' policy with Trusted Types can pin every file's integrity with an import map.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { mintSession } from '../chaos/http.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../harness/chromium.ts';

const DIST = 'dist';
const USUAL = ['esim-balance-badge', 'esim-plan-picker', 'esim-checkout-button'];
const integrity: Record<string, string> = existsSync(join(DIST, 'esim-renewal.integrity.json'))
  ? JSON.parse(readFileSync(join(DIST, 'esim-renewal.integrity.json'), 'utf8'))
  : {};
/** The chunk file of a module, e.g. `usage-meter` → `esim-renewal/usage-meter-1a2b3c4d.js`. */
const chunk = (name: string) => {
  const file = Object.keys(integrity).find((f) => new RegExp(`^esim-renewal/${name}-[\\w-]+\\.js$`).test(f));
  assert.ok(file, `no chunk for ${name} in ${Object.keys(integrity).join(', ')}`);
  return file;
};

interface PageOptions {
  lang?: 'en' | 'zh-CN';
  /** The elements inside the provider; the usual page's badge, picker and checkout button when left out. */
  tags?: string[];
  /** Elements inside the provider besides those. */
  extra?: string[];
  /** The script tag's data-esim-base. */
  base?: string;
  /** `origin`: script-src the CDN's origin; `nonce`: a nonce and 'strict-dynamic', an import map pinning integrity. */
  policy?: 'origin' | 'nonce';
  /** With `nonce`: a file whose pinned hash is wrong. */
  tamper?: string;
}

describe('the script-tag file loads what the page uses', () => {
  let api: RunningSandbox;
  let cdn: { url: string; server: Server; requests: string[]; unavailable: Set<string> };
  let browser: Browser;
  const pages = new Map<string, { html: string; csp: string }>();

  before(async () => {
    assert.ok(existsSync(join(DIST, 'esim-renewal.js')), 'dist/esim-renewal.js is missing: run `npm run build` first');
    api = await startSandbox({
      port: 0,
      settleDelayMs: 200,
      staticRoutes: (app) => {
        app.get('/page/:id', (c) => {
          const page = pages.get(c.req.param('id'));
          if (!page) return c.notFound();
          c.header('Content-Security-Policy', page.csp);
          c.header('Cache-Control', 'no-store');
          return c.html(page.html);
        });
      },
    });
    cdn = await startCdn();
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await new Promise((done) => (cdn ? cdn.server.close(done) : done(undefined)));
    await api?.close();
  });

  /** Serves dist/ at /widgets/ and again at /mirror/, as a CDN does (CORS for the module chunks), logging paths. */
  async function startCdn() {
    const requests: string[] = [];
    /** Paths answered 503 for now, as a CDN having a bad minute does. */
    const unavailable = new Set<string>();
    const server = createServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      requests.push(path);
      if (unavailable.has(path)) return void response.writeHead(503, { 'Access-Control-Allow-Origin': '*' }).end();
      const match = /^\/(widgets|mirror)\/(.+)$/.exec(path);
      const file = match && normalize(join(DIST, match[2]!));
      if (!file || !file.startsWith(`${DIST}/`) || !existsSync(file)) return void response.writeHead(404).end();
      const send = () => {
        response.writeHead(200, {
          'Content-Type': 'text/javascript; charset=utf-8',
          'Access-Control-Allow-Origin': '*',
          'Cache-Control': 'no-store',
        });
        response.end(readFileSync(file));
      };
      // The Chinese strings take their time, as over a slow link: what waits for them shows.
      if (/\/zh-CN-[\w-]+\.js$/.test(path)) setTimeout(send, 400);
      else send();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests, unavailable };
  }

  /** A partner page with the script tag and the tags asked for, for a fresh session of a seeded card. */
  async function partnerPage(options: PageOptions = {}): Promise<string> {
    const { lang = 'en', tags = USUAL, extra = [], base, policy = 'origin', tamper } = options;
    const token = await mintSession(api.url, '89860000000000000011');
    const src = `${cdn.url}/widgets/esim-renewal.js`;
    const nonce = `n${Math.random().toString(36).slice(2)}`;
    let head = '';
    let scriptAttributes = base ? ` data-esim-base="${base}"` : '';
    let scripts: string;
    if (policy === 'nonce') {
      // What a partner pinning versions writes: the file's hash on its tag, every chunk's in an import map.
      const pinned = Object.fromEntries(
        Object.entries(integrity)
          .filter(([file]) => file !== 'esim-renewal.js')
          .map(([file, hash]) => [`${cdn.url}/widgets/${file}`, file === tamper ? `sha384-${'A'.repeat(64)}` : hash]),
      );
      head = `<script type="importmap" nonce="${nonce}">${JSON.stringify({ integrity: pinned })}</script>`;
      scriptAttributes += ` nonce="${nonce}" integrity="${integrity['esim-renewal.js']}" crossorigin="anonymous"`;
      scripts = `script-src 'nonce-${nonce}' 'strict-dynamic'`;
    } else {
      scripts = `script-src ${cdn.url}`;
    }
    const csp = [
      "default-src 'none'",
      scripts,
      `connect-src ${api.url}`,
      "style-src 'self'",
      "img-src 'self' data:",
      "base-uri 'none'",
      "require-trusted-types-for 'script'",
    ].join('; ');
    const id = String(pages.size);
    const body = [...tags, ...extra].map((tag) => `<${tag}></${tag}>`).join('\n');
    pages.set(id, {
      csp,
      html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>partner</title><link rel="icon" href="data:,">
${head}<script src="${src}"${scriptAttributes} defer></script></head>
<body><esim-renewal api-base="${api.url}" session-token="${token}" locale="${lang}">
${body}
</esim-renewal></body></html>`,
    });
    return `${api.url}/page/${id}`;
  }

  interface Opened {
    page: Page;
    problems: string[];
    /** CSP and Trusted Types violations the page reported. */
    violations(): Promise<string[]>;
    /** Paths asked of the CDN since the page opened. */
    fetched(): string[];
  }

  async function open(url: string): Promise<Opened> {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      (window as unknown as { __name: (fn: unknown) => unknown }).__name ??= (fn) => fn; // tsx's helper, see strict-page.ts
      const violations: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
      // "Data shown": the badge shows the card's data and the picker its plans (a mark, as bench/startup.mjs sets).
      const shown = () => {
        const badge = document.querySelector('esim-balance-badge')?.shadowRoot?.querySelector('[part~="data"]');
        const plan = document.querySelector('esim-plan-picker')?.shadowRoot?.querySelector('[part~="plan"]');
        if (badge && plan && !performance.getEntriesByName('data-shown').length) performance.mark('data-shown');
      };
      for (const tag of ['esim-balance-badge', 'esim-plan-picker']) {
        void customElements.whenDefined(tag).then(() => {
          const root = document.querySelector(tag)?.shadowRoot;
          if (root) new MutationObserver(shown).observe(root, { childList: true, subtree: true });
        });
      }
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    const from = cdn.requests.length;
    await page.goto(url);
    return {
      page,
      problems,
      violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
      fetched: () => cdn.requests.slice(from),
    };
  }

  /** Waits for the badge's data and the picker's plans; returns the JavaScript the page asked for before that. */
  async function scriptsBeforeData(page: Page): Promise<string[]> {
    await page.waitForFunction(() => performance.getEntriesByName('data-shown').length > 0, null, { timeout: 15_000 });
    return page.evaluate(() => {
      const shown = performance.getEntriesByName('data-shown')[0]!.startTime;
      return performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime < shown && /\.js(\?|$)/.test(entry.name))
        .map((entry) => new URL(entry.name).pathname);
    });
  }

  const defined = (page: Page, tag: string) => page.evaluate((t) => !!customElements.get(t), tag);

  it('the usual page (provider, badge, picker, checkout) fetches one script before its data shows', async () => {
    const { page, problems, violations } = await open(await partnerPage());
    assert.deepEqual(await scriptsBeforeData(page), ['/widgets/esim-renewal.js']);
    // …and its data did come from the API meanwhile: the badge reads the card.
    assert.match(await page.locator('esim-balance-badge [part~=data]').innerText(), /left/);
    for (const tag of ['esim-usage-meter', 'esim-order-history', 'esim-device-change', 'esim-auto-renew-toggle', 'esim-renewal-flow']) {
      assert.equal(await defined(page, tag), false, `${tag} was loaded on a page without it`);
    }
    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it("loads an element's chunk when its tag first appears, once however many appear", async () => {
    const { page, problems, fetched } = await open(await partnerPage());
    await scriptsBeforeData(page);
    await page.evaluate(() => (window as unknown as { EsimRenewal: { ready: Promise<void> } }).EsimRenewal.ready);
    const meter = `/widgets/${chunk('usage-meter')}`;
    assert.ok(!fetched().includes(meter), 'the usage meter was fetched before its tag appeared');
    await page.evaluate(() => {
      const provider = document.querySelector('esim-renewal')!;
      provider.append(document.createElement('esim-usage-meter'));
      provider.append(document.createElement('esim-usage-meter'));
    });
    await page.locator('esim-usage-meter').first().locator('[part~=meter], [part~=chart], section').first().waitFor();
    await page.evaluate(() => document.querySelector('esim-renewal')!.append(document.createElement('esim-usage-meter')));
    await page.waitForFunction(() => document.querySelectorAll('esim-usage-meter').length === 3);
    assert.equal(fetched().filter((path) => path === meter).length, 1);
    assert.equal(fetched().filter((path) => path.endsWith('/shared.js')).length, 1);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it("a badge-only page fetches no schema of orders or card care; each part comes with the first element that reads it, once", async () => {
    const { page, problems, fetched } = await open(await partnerPage({ tags: ['esim-balance-badge'] }));
    const orders = `/widgets/${chunk('orders')}`;
    const care = `/widgets/${chunk('care')}`;
    const times = (path: string) => fetched().filter((p) => p === path).length;
    await page.evaluate(() => (window as unknown as { EsimRenewal: { ready: Promise<void> } }).EsimRenewal.ready);
    assert.match(await page.locator('esim-balance-badge [part~=data]').innerText(), /left/);
    await page.waitForLoadState('networkidle');
    assert.deepEqual([times(orders), times(care)], [0, 0], fetched().join(', '));

    // The order history reads orders: their part of the contract comes with it, and a second history reuses it.
    await page.evaluate(() => document.querySelector('esim-renewal')!.append(document.createElement('esim-order-history')));
    await page.locator('esim-order-history [part~=order]').first().waitFor();
    await page.evaluate(() => document.querySelector('esim-renewal')!.append(document.createElement('esim-order-history')));
    await page.locator('esim-order-history >> nth=1').locator('[part~=order]').first().waitFor();
    assert.deepEqual([times(orders), times(care)], [1, 0], fetched().join(', '));

    // The usage meter reads the card's usage: card care's part, once.
    await page.evaluate(() => document.querySelector('esim-renewal')!.append(document.createElement('esim-usage-meter')));
    await page.locator('esim-usage-meter [part~=chart]').first().waitFor();
    assert.deepEqual([times(orders), times(care)], [1, 1], fetched().join(', '));
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('a Chinese page fetches the zh-CN chunk and shows Chinese; an English page never fetches it', async () => {
    const zh = `/widgets/${chunk('zh-CN')}`;
    const chinese = await open(await partnerPage({ lang: 'zh-CN' }));
    const before = await scriptsBeforeData(chinese.page);
    assert.ok(before.includes(zh), `the zh-CN chunk was not fetched: ${before.join(', ')}`);
    assert.match(await chinese.page.locator('esim-balance-badge [part~=data]').innerText(), /剩余/);
    // …alongside the API, not before it: the card is asked for while the Chinese strings are on their way.
    const timing = await chinese.page.evaluate((file) => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return {
        cardAsked: entries.find((e) => new URL(e.name).pathname === '/v1/card')!.startTime,
        chineseArrived: entries.find((e) => e.name.endsWith(file))!.responseEnd,
      };
    }, chunk('zh-CN'));
    assert.ok(timing.cardAsked < timing.chineseArrived, JSON.stringify(timing));
    assert.deepEqual(chinese.problems, []);
    await chinese.page.context().close();

    const english = await open(await partnerPage({ lang: 'en' }));
    await scriptsBeforeData(english.page);
    await english.page.evaluate(() => (window as unknown as { EsimRenewal: { ready: Promise<void> } }).EsimRenewal.ready);
    await english.page.locator('esim-checkout-button [part=button]').hover(); // prefetches the payment steps: still no zh-CN
    await english.page.waitForFunction((file) => performance.getEntriesByType('resource').some((e) => e.name.includes(file)), chunk('payment'));
    assert.ok(!english.fetched().includes(zh), 'an English page fetched the zh-CN chunk');
    await english.page.context().close();
  });

  it('ready resolves once every element in the page is defined and speaks its language', async () => {
    const { page, problems } = await open(await partnerPage({ lang: 'zh-CN', extra: ['esim-usage-meter', 'esim-order-history'] }));
    const state = await page.evaluate(async () => {
      await (window as unknown as { EsimRenewal: { ready: Promise<void> } }).EsimRenewal.ready;
      return ['esim-balance-badge', 'esim-usage-meter', 'esim-order-history'].map((tag) => {
        const root = document.querySelector(tag)?.shadowRoot;
        return { tag, defined: !!customElements.get(tag), chinese: /[\u4e00-\u9fff]/.test(root?.textContent ?? '') };
      });
    });
    for (const s of state) assert.deepEqual(s, { tag: s.tag, defined: true, chinese: true });
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('loadAll() fetches every chunk now, each once', async () => {
    const { page, problems, fetched } = await open(await partnerPage());
    await page.evaluate(() => (window as unknown as { EsimRenewal: { loadAll(): Promise<void> } }).EsimRenewal.loadAll());
    for (const tag of ['esim-usage-meter', 'esim-order-history', 'esim-device-change', 'esim-auto-renew-toggle', 'esim-renewal-flow']) {
      assert.equal(await defined(page, tag), true, `${tag} is not defined after loadAll()`);
    }
    const chunks = fetched().filter((path) => path.startsWith('/widgets/esim-renewal/'));
    const expected = Object.keys(integrity).filter((file) => file.startsWith('esim-renewal/')).map((file) => `/widgets/${file}`);
    assert.deepEqual([...chunks].sort(), expected.sort(), 'every chunk, once');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('data-esim-base moves the chunks: they come from there, the file from its own src', async () => {
    const { page, problems, fetched } = await open(await partnerPage({ base: `${cdn.url}/mirror`, extra: ['esim-usage-meter'] }));
    await page.evaluate(() => (window as unknown as { EsimRenewal: { ready: Promise<void> } }).EsimRenewal.ready);
    assert.ok(fetched().includes(`/mirror/${chunk('usage-meter')}`), fetched().join(', '));
    assert.deepEqual(fetched().filter((path) => path.startsWith('/widgets/esim-renewal/')), []);
    assert.ok(fetched().includes('/widgets/esim-renewal.js'));
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it("works under a nonce + 'strict-dynamic' policy and Trusted Types, every file pinned by its hash", async () => {
    const { page, problems, violations } = await open(await partnerPage({ policy: 'nonce', lang: 'zh-CN', extra: ['esim-usage-meter'] }));
    await page.evaluate(() => (window as unknown as { EsimRenewal: { ready: Promise<void> } }).EsimRenewal.ready);
    await scriptsBeforeData(page);
    assert.equal(await defined(page, 'esim-usage-meter'), true);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('a chunk whose bytes do not match its pinned hash is not run, and ready says which element failed', async () => {
    const { page, problems } = await open(await partnerPage({ policy: 'nonce', extra: ['esim-usage-meter'], tamper: chunk('usage-meter') }));
    const outcome = await page.evaluate(() =>
      (window as unknown as { EsimRenewal: { ready: Promise<void> } }).EsimRenewal.ready.then(
        () => 'resolved',
        (error: Error) => error.message,
      ),
    );
    assert.match(outcome, /<esim-usage-meter> could not be loaded/);
    assert.equal(await defined(page, 'esim-usage-meter'), false);
    await scriptsBeforeData(page); // the rest of the page works
    assert.ok(problems.some((p) => /esim-usage-meter/.test(p)), problems.join('\n'));
    await page.context().close();
  });

  it('a schema chunk that cannot be loaded fails the call as a network error, which the element shows', async () => {
    const { page } = await open(await partnerPage({ policy: 'nonce', tags: ['esim-balance-badge', 'esim-order-history'], tamper: chunk('orders') }));
    const alert = page.locator('esim-order-history [role=alert]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Could not load your renewals\. You appear to be offline/);
    // The rest of the page works: the badge's card comes from the core schemas, in the file.
    assert.match(await page.locator('esim-balance-badge [part~=data]').innerText(), /left/);
    await page.context().close();
  });

  it('"Renew" opens the dialog while the checkout cannot be loaded: it says why, and Retry loads it and goes on', async () => {
    const session = `/widgets/${chunk('checkout-session')}`;
    cdn.unavailable.add(session);
    try {
      const { page, fetched } = await open(await partnerPage());
      await scriptsBeforeData(page);
      await page.locator('esim-plan-picker [role=radio]').first().click();
      await page.locator('esim-checkout-button [part=button]').click();
      await page.locator('esim-checkout-button dialog[open]').waitFor();
      const alert = page.locator('esim-checkout-button dialog [role=alert]');
      await alert.waitFor();
      assert.match(await alert.innerText(), /You appear to be offline/);
      assert.equal(await page.locator('esim-checkout-button').getAttribute('step'), 'error');
      assert.ok(fetched().includes(session), fetched().join(', '));

      // The CDN is back: Retry loads the checkout, and the summary shows in the same dialog.
      cdn.unavailable.delete(session);
      await page.locator('esim-checkout-button [part=retry]').click();
      await page.locator('esim-checkout-button [part=summary]').waitFor();
      assert.match(await page.locator('esim-checkout-button [part=total]').innerText(), /\d/);
      assert.equal(await page.locator('esim-checkout-button dialog[open]').count(), 1);
      await page.context().close();
    } finally {
      cdn.unavailable.delete(session);
    }
  });
});
