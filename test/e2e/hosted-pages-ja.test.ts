// The hosted payment pages in Japanese, in Debian's Chromium against the real sandbox: an order made by a widget
// speaking Japanese (Esim-Locale: ja) opens its pages in Japanese even in a browser set to English — the card page and
// its 3-D Secure step, with the yen amount in whole yen, and WeChat Pay inside WeChat (a stand-in for WeChat's
// bridge, which we cannot run here) ending on the hosted result page, in Japanese too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { openWatchedPage } from '../harness/watched-page.ts';
import { PAGE_WORDS } from '../../sandbox/page-words/index.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../harness/chromium.ts';
import { call, DEMO_KEY } from '../sandbox/helpers.ts';

const ja = PAGE_WORDS.ja;
const WECHAT_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x18003231) NetType/WIFI Language/ja';

describe('hosted payment pages in Japanese (Chromium)', () => {
  let sandbox: RunningSandbox;
  let browser: Browser;

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  /** GET, or POST with a JSON body, to the running sandbox as `token` (the sandbox suites' `call`). */
  const api = (path: string, token: string, body?: unknown, headers: Record<string, string> = {}) =>
    call(sandbox.url, body === undefined ? 'GET' : 'POST', path, { token, body, headers });

  /** A yen card's order, made as the widget makes it when it speaks Japanese; no return URL. */
  async function japaneseOrder(paymentMethod: string, paymentEnv: string) {
    const card = (await api('/sandbox/cards', DEMO_KEY, { template: 'japan_only', currency: 'JPY' })).body;
    const { token } = (await api('/v1/sessions', DEMO_KEY, { iccid: card.iccid })).body;
    const headers = { 'Esim-Locale': 'ja' };
    const quote = (await api('/v1/quotes', token, { planId: 'jp-month-10gb' }, headers)).body;
    const created = await api('/v1/orders', token, { quoteId: quote.id, paymentMethod, paymentEnv }, {
      ...headers,
      'Idempotency-Key': crypto.randomUUID(),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return { url: created.body.paymentAction.url as string, planName: quote.plan.name as string };
  }


  it('the card page and its 3-D Secure step read in Japanese, in a browser set to English; yen has no decimals', async () => {
    const order = await japaneseOrder('card', 'desktop');
    const context = await browser.newContext({ locale: 'en-US' });
    const { page, problems } = await openWatchedPage(context);
    await page.goto(order.url);
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    assert.match(order.planName, /日本/);
    await page.getByText(order.planName).waitFor();
    const pay = (await page.locator('form button[type=submit]').first().textContent())!;
    assert.match(pay, /^[¥￥][\d,]+を支払う$/, `whole yen: ${pay}`);
    await page.getByLabel(ja.card.number).fill('4000 0000 0000 3220');
    await page.getByRole('button', { name: pay }).click();
    await page.getByRole('heading', { name: ja.challenge.title }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    await page.getByRole('button', { name: ja.challenge.pass }).click();
    await page.getByRole('heading', { name: ja.messages.submitted[0] }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('WeChat Pay inside WeChat (bridge stand-in) ends on the hosted result page, in Japanese', async () => {
    const order = await japaneseOrder('wechat_pay', 'wechat');
    const context = await browser.newContext({ userAgent: WECHAT_UA, locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    // Stands in for WeChat's JavaScript bridge (only WeChat has it): answers `ok` to the payment sheet.
    await context.addInitScript(`
      document.addEventListener('DOMContentLoaded', () => setTimeout(() => {
        window.WeixinJSBridge = { invoke(name, params, callback) { setTimeout(() => callback({ err_msg: 'get_brand_wcpay_request:ok' }), 50); } };
        document.dispatchEvent(new Event('WeixinJSBridgeReady'));
      }, 100));`);
    const { page, problems } = await openWatchedPage(context);
    await page.goto(order.url);
    await page.waitForURL(/\/sandbox\/pay\/result\/.+\?lang=ja$/);
    await page.getByRole('heading', { name: ja.result.requires_payment[0] }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
