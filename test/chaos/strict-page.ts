// A partner page as strict as they come, for the browser chaos and security tests: the script-tag build under a
// Content-Security-Policy with no 'unsafe-inline', no 'unsafe-eval', Trusted Types required, and every element the
// SDK ships (from dist/custom-elements.json) inside one provider. Served by a real sandbox in this process, driven
// with playwright-core in Debian's Chromium.
import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mountDemo } from '../../demo/routes.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { createPartnerClient } from '../../src/server/partner.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../harness/chromium.ts';
import { DEMO_KEY, call } from './http.ts';

export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
].join('; ');

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** Every element tag the build ships, from its manifest. */
export function shippedTags(): string[] {
  const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8')) as {
    modules: Array<{ declarations?: Array<{ tagName?: string }> }>;
  };
  const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter((t): t is string => !!t));
  return [...new Set(tags)].sort();
}

// The page's own script: no inline script is allowed, so it is a file too. It renews the session through the
// "partner backend" when asked to, and logs the widget's events the way a partner might (tests check that no token
// ever reaches the console).
const PAGE_JS = `
const renewal = document.getElementById('renewal');
if (renewal.dataset.refresh === '1') {
  renewal.getSessionToken = async () => {
    const query = new URLSearchParams({ card: renewal.dataset.card, lang: renewal.getAttribute('locale') });
    const response = await fetch('/strict/session?' + query);
    return (await response.json()).token;
  };
}
for (const type of ['esim-plan-change', 'esim-checkout-start', 'esim-renewal-success', 'esim-renewal-error']) {
  renewal.addEventListener(type, (event) => console.info('[page] ' + type, event.detail));
}
`;

export interface StrictPageOptions {
  iccid: string;
  lang?: 'en' | 'zh-CN';
  /** How the card payment page opens. */
  mode?: 'popup' | 'redirect';
  /** Whether the page renews an expired session through its backend (getSessionToken). */
  refresh?: boolean;
  /** Render every shipped element, not just the badge, picker and checkout button. */
  everything?: boolean;
  /** Runs before the page loads, e.g. to intercept its requests. */
  prepare?: (context: BrowserContext) => Promise<unknown>;
}

export function mountStrictPage(app: Hono): void {
  const partner = (origin: string) => createPartnerClient({ baseUrl: origin, secretKey: DEMO_KEY });
  app.get('/strict', async (c) => {
    const origin = new URL(c.req.url).origin;
    const iccid = c.req.query('card')!;
    const lang = c.req.query('lang') === 'zh-CN' ? 'zh-CN' : 'en';
    const { token } = await partner(origin).createSession({ iccid, locale: lang });
    const core = ['esim-balance-badge', 'esim-plan-picker'];
    const others = c.req.query('everything') === '1' ? shippedTags().filter((t) => t !== 'esim-renewal' && !core.includes(t) && t !== 'esim-checkout-button') : [];
    const mode = c.req.query('mode') === 'redirect' ? 'redirect' : 'popup';
    c.header('Content-Security-Policy', STRICT_CSP);
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Strict partner page</title><link rel="icon" href="data:,">
<script src="/sdk/esim-renewal.js" defer></script><script src="/strict/page.js" defer></script></head>
<body><main>
<esim-renewal id="renewal" api-base="${escape(origin)}" session-token="${escape(token)}" locale="${lang}"
  data-card="${escape(iccid)}" data-refresh="${c.req.query('refresh') === '1' ? '1' : '0'}" support-url="https://help.example/esim">
${[...core, ...others].map((tag) => `<${tag}></${tag}>`).join('\n')}
<esim-checkout-button payment-mode="${mode}"></esim-checkout-button>
</esim-renewal>
</main></body></html>`);
  });
  app.get('/strict/page.js', (c) => c.body(PAGE_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/strict/session', async (c) => {
    const session = await partner(new URL(c.req.url).origin).createSession({ iccid: c.req.query('card')!, locale: c.req.query('lang') });
    c.header('Cache-Control', 'no-store');
    return c.json({ token: session.token });
  });
}

export async function startStrictSandbox(): Promise<RunningSandbox> {
  return startSandbox({
    port: 0,
    settleDelayMs: 200,
    rateLimits: { sessionsPerMinute: 1e9, ordersPerMinute: 1e9, quotesPerMinute: 1e9, handoffsPerMinute: 1e9, claimsPerMinute: 1e9 },
    staticRoutes: (app) => {
      mountStrictPage(app);
      mountDemo(app);
    },
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
}

/** A fresh card of the demo partner (every test renews its own). */
export async function newCard(base: string, template = 'active'): Promise<{ id: string; iccid: string }> {
  const reply = await call(base, 'POST', '/sandbox/cards', { token: DEMO_KEY, body: { template } });
  if (reply.status !== 201) throw new Error(`card: ${reply.status} ${reply.text}`);
  return reply.body;
}

export interface Watched {
  page: Page;
  /** Uncaught exceptions and console errors. */
  problems: string[];
  /** CSP and Trusted Types violations, from the page's own `securitypolicyviolation` events. */
  violations(): Promise<string[]>;
  /** Every console message, with its arguments serialized as deeply as the page allows. */
  console: string[];
  /** Every bearer token the page sent. */
  tokens: Set<string>;
  /** Every URL the page requested. */
  urls: string[];
}

/** Opens the strict page for a card in a new browser context, watching everything a leak or a violation would show. */
export async function openStrictPage(browser: Browser, base: string, options: StrictPageOptions): Promise<Watched> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const watched: Watched = {
    page,
    problems: [],
    console: [],
    tokens: new Set(),
    urls: [],
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations ?? []),
  };
  await context.addInitScript(() => {
    // Callbacks given to page.evaluate are compiled by tsx (esbuild, keepNames), which wraps named inner functions
    // in a __name() helper that exists only in Node: give the page a harmless one.
    (window as unknown as { __name: (fn: unknown) => unknown }).__name ??= (fn) => fn;
    const list: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`), true);
  });
  page.on('pageerror', (error) => watched.problems.push(`pageerror: ${error.message}`));
  context.on('console', (message) => {
    // The browser's own line for every 4xx/5xx answer is not the page's doing; anything else logged as an error is.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) watched.problems.push(`console: ${message.text()}`);
    void Promise.all(message.args().map((arg) => arg.evaluate((v) => {
      try {
        const seen = new WeakSet();
        return JSON.stringify(v, (_key, value) => {
          if (value instanceof Error) return { ...value, name: value.name, message: value.message, stack: value.stack, cause: (value as { cause?: unknown }).cause };
          if (value && typeof value === 'object') {
            if (seen.has(value)) return undefined;
            seen.add(value);
          }
          return value;
        });
      } catch {
        return String(v);
      }
    }).catch(() => ''))).then((args) => watched.console.push(`${message.text()} ${args.join(' ')}`));
  });
  context.on('request', (request) => {
    watched.urls.push(request.url());
    const auth = request.headers().authorization;
    if (auth?.startsWith('Bearer ')) watched.tokens.add(auth.slice(7));
  });
  const query = new URLSearchParams({
    card: options.iccid,
    lang: options.lang ?? 'en',
    mode: options.mode ?? 'popup',
    refresh: options.refresh ? '1' : '0',
    everything: options.everything ? '1' : '0',
  });
  await options.prepare?.(context);
  await page.goto(`${base}/strict?${query}`);
  return watched;
}

/** The checkout button's step, as it reflects it. */
export const stepIs = (page: Page, step: string, timeout = 15_000) =>
  page.locator(`esim-checkout-button[step=${step}]`).waitFor({ state: 'attached', timeout });

export async function choosePlanAndOpenSummary(page: Page): Promise<void> {
  await page.locator('esim-plan-picker [role=radio]').first().click();
  await page.locator('esim-checkout-button [part=button]').click();
}

export async function chooseMethod(page: Page, method: 'card' | 'alipay' | 'wechat_pay'): Promise<void> {
  await page.locator(`esim-checkout-button input[name=method][value=${method}]`).check();
}

/** The card's newest order, as the API lists it to the traveller's session (`token`): the one the page's checkout made. */
export async function latestOrderId(base: string, token: string): Promise<string | undefined> {
  const reply = await call(base, 'GET', '/v1/orders?limit=1', { token });
  if (reply.status !== 200) throw new Error(`orders: ${reply.status} ${reply.text}`);
  return (reply.body as { orders: Array<{ id: string }> }).orders[0]?.id;
}
