// The operator's hosted payment pages of issue 17 in Debian's Chromium, against the real sandbox: WeChat Pay JSAPI
// inside WeChat (with a stand-in for WeChat's bridge), WeChat Pay H5 on a phone's browser and its early return, the
// card page's 3-D Secure challenge, insufficient funds, and Apple Pay / Google Pay where the browser has the Payment
// Request API. A traveller comes back to a shop page on another origin; no page claims a payment the order has not
// got, no page runs a script its policy refuses, and none can be shown in another site's frame.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { openWatchedPage } from '../harness/watched-page.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../harness/chromium.ts';
import { serveStatic, type StaticServer } from '../harness/static-server.ts';
import { call, DEMO_KEY } from '../sandbox/helpers.ts';

const WECHAT_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x18003231) NetType/WIFI Language/zh_CN';
const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe('hosted payment pages in Chromium', () => {
  let sandbox: RunningSandbox;
  let browser: Browser;
  let shop: StaticServer;
  const dir = mkdtempSync(join(tmpdir(), 'esim-pay-pages-'));

  before(async () => {
    // Settling takes 2 s, time enough to see a return arrive while the payment is still `processing`.
    sandbox = await startSandbox({ port: 0, settleDelayMs: 2000 });
    writeFileSync(join(dir, 'return.html'), '<!doctype html><title>Shop</title><h1>Back at the shop</h1>');
    // Another origin than the sandbox's: the shop (loopback, registered for the demo partner as http://127.0.0.1:*).
    shop = await serveStatic(dir);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await sandbox?.close();
    await shop?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** GET, or POST with a JSON body, to the running sandbox as `token` (the sandbox suites' `call`). */
  const api = (path: string, token: string, body?: unknown, headers: Record<string, string> = {}) =>
    call(sandbox.url, body === undefined ? 'GET' : 'POST', path, { token, body, headers });

  /** A fresh card's session and an order for it, as the widget would make it. */
  async function newOrder(paymentMethod: string, paymentEnv: string, withReturn = true) {
    const card = (await api('/sandbox/cards', DEMO_KEY, { template: 'active' })).body;
    const { token } = (await api('/v1/sessions', DEMO_KEY, { iccid: card.iccid, locale: 'en' })).body;
    const quote = (await api('/v1/quotes', token, { planId: 'jp-month-10gb' })).body;
    const returnUrl = `${shop.url}/return.html`;
    const created = await api('/v1/orders', token, { quoteId: quote.id, paymentMethod, paymentEnv, ...(withReturn ? { returnUrl } : {}) }, {
      'Idempotency-Key': crypto.randomUUID(),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const order = created.body;
    return {
      token,
      id: order.id as string,
      url: order.paymentAction.url as string,
      returned: `${returnUrl}?esim_order=${order.id}`,
      status: async () => (await api(`/v1/orders/${order.id}`, token)).body.status as string,
      orders: async () => (await api('/v1/orders', token)).body.orders.length as number,
    };
  }


  async function waitForStatus(read: () => Promise<string>, wanted: string) {
    for (let i = 0; i < 200; i++) {
      if ((await read()) === wanted) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    assert.equal(await read(), wanted);
  }

  // A stand-in for WeChat's in-app bridge (WeChat's, not ours; it cannot run here): it appears after the page has
  // loaded, announces itself with `WeixinJSBridgeReady`, records what it is asked, and answers
  // `get_brand_wcpay_request:ok` although nothing was paid — the case a page must not take for a payment.
  const WEIXIN_BRIDGE_STAND_IN = `
    document.addEventListener('DOMContentLoaded', () => setTimeout(() => {
      window.WeixinJSBridge = {
        invoke(name, params, callback) {
          window.recordBridgeCall(name, params);
          setTimeout(() => callback({ err_msg: 'get_brand_wcpay_request:ok' }), 50);
        },
      };
      document.dispatchEvent(new Event('WeixinJSBridgeReady'));
    }, 100));`;

  async function inWeChat() {
    const context = await browser.newContext({ userAgent: WECHAT_UA, ...PHONE });
    const calls: Array<[string, Record<string, string>]> = [];
    await context.exposeFunction('recordBridgeCall', (name: string, params: Record<string, string>) => void calls.push([name, params]));
    await context.addInitScript(WEIXIN_BRIDGE_STAND_IN);
    return { context, calls };
  }

  it('WeChat JSAPI: the bridge says ok, nothing was paid — back at the shop, the order is unpaid', async () => {
    const order = await newOrder('wechat_pay', 'wechat');
    const { context, calls } = await inWeChat();
    const { page, problems } = await openWatchedPage(context);
    await page.goto(order.url);
    await page.waitForURL(order.returned);
    await page.getByText('Back at the shop').waitFor();
    assert.equal(calls.length, 1);
    assert.equal(calls[0]![0], 'getBrandWCPayRequest');
    assert.match(calls[0]![1].package!, /^prepay_id=wx\d{32}$/);
    assert.deepEqual(Object.keys(calls[0]![1]).sort(), ['appId', 'nonceStr', 'package', 'paySign', 'signType', 'timeStamp']);
    assert.equal(await order.status(), 'requires_payment');
    assert.equal(await order.orders(), 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('WeChat JSAPI without a return URL ends on the hosted result page, which does not claim success', async () => {
    const order = await newOrder('wechat_pay', 'wechat', false);
    const { context } = await inWeChat();
    const { page, problems } = await openWatchedPage(context);
    await page.goto(order.url);
    // The result page keeps the language the order was answered in (`?lang=` since issue 19).
    await page.waitForURL(`${sandbox.url}/sandbox/pay/result/${order.id}?lang=en`);
    assert.equal(await page.locator('h1').textContent(), 'Not paid yet');
    // WeChat's notification arrives (the sandbox's control): now the same page says it is paid.
    await api(`/sandbox/orders/${order.id}/simulate`, order.token, { outcome: 'succeed', settle: 'now' });
    await page.reload();
    assert.equal(await page.locator('h1').textContent(), 'Paid');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('WeChat H5 on a phone: the return arrives before payment, then before settlement; the order tells each', async () => {
    const context = await browser.newContext({ userAgent: PHONE_UA, ...PHONE });
    const { page, problems } = await openWatchedPage(context);
    const early = await newOrder('wechat_pay', 'mobile_browser');
    await page.goto(early.url);
    await page.getByRole('button', { name: 'Return without paying (the return arrives first)' }).click();
    await page.waitForURL(early.returned);
    assert.equal(await early.status(), 'requires_payment');

    const paid = await newOrder('wechat_pay', 'mobile_browser');
    await page.goto(paid.url);
    await page.getByRole('button', { name: 'Pay, and return before the payment settles' }).click();
    await page.waitForURL(paid.returned);
    assert.equal(await paid.status(), 'processing');
    await waitForStatus(paid.status, 'succeeded');
    assert.equal(await paid.orders(), 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('card: 4000 0000 0000 3220 is challenged (3-D Secure); passing pays, failing fails', async () => {
    const context = await browser.newContext({ userAgent: PHONE_UA, ...PHONE });
    const { page, problems } = await openWatchedPage(context);
    for (const [button, ends, code] of [
      ['Complete authentication', 'succeeded', null],
      ['Fail authentication', 'failed', 'authentication_failed'],
    ] as const) {
      const order = await newOrder('card', 'mobile_browser');
      await page.goto(order.url);
      await page.getByLabel('Card number').fill('4000 0000 0000 3220');
      await page.getByRole('button', { name: /^Pay / }).click();
      await page.getByRole('heading', { name: 'Confirm it is you' }).waitFor();
      assert.equal(await order.status(), 'requires_payment');
      await page.getByRole('button', { name: button }).click();
      await page.waitForURL(order.returned);
      await waitForStatus(order.status, ends);
      assert.equal((await api(`/v1/orders/${order.id}`, order.token)).body.failureCode, code);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('card: 4000 0000 0000 9995 is declined for insufficient funds', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openWatchedPage(context);
    const order = await newOrder('card', 'desktop', false);
    await page.goto(order.url);
    await page.getByLabel('Card number').fill('4000 0000 0000 9995');
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.getByRole('heading', { name: 'Insufficient funds' }).waitFor();
    assert.equal((await api(`/v1/orders/${order.id}`, order.token)).body.failureCode, 'insufficient_funds');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('card: Apple Pay and Google Pay show only where the Payment Request API exists, and pay', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openWatchedPage(context);
    const order = await newOrder('card', 'desktop');
    await page.goto(order.url);
    await page.getByRole('button', { name: 'Google Pay' }).waitFor();
    await page.getByRole('button', { name: 'Apple Pay' }).click();
    await page.waitForURL(order.returned);
    assert.equal(await order.status(), 'processing');
    assert.deepEqual(problems, []);
    await context.close();

    // A browser without the API (an older one, or a web-view): no wallet buttons, the card form as before.
    const without = await browser.newContext();
    await without.addInitScript('delete window.PaymentRequest;');
    const bare = await openWatchedPage(without);
    const other = await newOrder('card', 'desktop');
    await bare.page.goto(other.url);
    await bare.page.getByLabel('Card number').waitFor();
    assert.equal(await bare.page.getByRole('button', { name: 'Apple Pay' }).count(), 0);
    assert.equal(await bare.page.locator('#wallets').isHidden(), true);
    assert.deepEqual(bare.problems, []);
    await without.close();
  });

  it('no hosted page can be shown in another site\'s frame', async () => {
    const pages = [
      (await newOrder('wechat_pay', 'wechat')).url,
      (await newOrder('wechat_pay', 'mobile_browser')).url,
      (await newOrder('alipay', 'mobile_browser')).url,
      (await newOrder('card', 'mobile_browser')).url,
    ];
    const context = await browser.newContext();
    for (const url of pages) {
      writeFileSync(join(dir, 'frame.html'), `<!doctype html><title>Not the operator</title><iframe src="${url}"></iframe>`);
      const page = await context.newPage();
      const refused = page.waitForEvent('console', (message) => /frame-ancestors 'none'/.test(message.text()));
      await page.goto(`${shop.url}/frame.html`);
      await refused;
      const frame = page.frames().find((f) => f !== page.mainFrame())!;
      // Chromium puts its error page in the frame instead.
      assert.match(frame.url(), /^chrome-error:/, url);
      assert.equal(await frame.getByText('no real money moves').count(), 0, url);
      await page.close();
    }
    await context.close();
  });
});
