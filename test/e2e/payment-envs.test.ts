// The renewal journey where travellers actually are (issue 17), on the demo partner page in Debian's Chromium
// against the real sandbox, each environment emulated by its user agent and viewport: a desktop's QR code, a phone
// browser's redirect to the hosted wallet page and its early return, WeChat's in-app browser (JSAPI on the hosted
// page, Alipay not offered), and the hosted card page's 3-D Secure and insufficient funds. The widget detects the
// environment itself (no `payment-env` set), sends it with the order, and never trusts the way back: each journey
// ends on what the order says, with exactly one order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_KEY } from '../sandbox/helpers.ts';
import { useDemoPage } from './demo-page.ts';

const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
const WECHAT_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x18003231) NetType/WIFI Language/zh_CN';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

// WeChat's JavaScript bridge exists only inside the WeChat app, which is not ours to run here: this stands in for
// it, and like the real one its `get_brand_wcpay_request:ok` proves nothing (nothing is paid by it).
const WEIXIN_BRIDGE_STAND_IN = `
  document.addEventListener('DOMContentLoaded', () => setTimeout(() => {
    window.WeixinJSBridge = {
      invoke(name, params, callback) { setTimeout(() => callback({ err_msg: 'get_brand_wcpay_request:ok' }), 50); },
    };
    document.dispatchEvent(new Event('WeixinJSBridgeReady'));
  }, 100));`;

describe('the renewal journey in each payment environment', () => {
  const demo = useDemoPage();

  const db = () => demo.sandbox.sandbox.db;
  const ordersOf = (iccid: string) =>
    db()
      .prepare<[string], { id: string; status: string; payment_env: string | null; payment_method: string }>(
        'SELECT id, status, payment_env, payment_method FROM orders WHERE card_id = (SELECT id FROM cards WHERE iccid = ?)',
      )
      .all(iccid);

  /** A fresh demo card, so that each journey counts only its own orders. */
  async function newCard(): Promise<string> {
    const res = await fetch(`${demo.sandbox.url}/sandbox/cards`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEMO_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ template: 'active' }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    return ((await res.json()) as { iccid: string }).iccid;
  }

  async function simulate(orderId: string, outcome: 'succeed' | 'fail') {
    const res = await fetch(`${demo.sandbox.url}/sandbox/orders/${orderId}/simulate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEMO_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ outcome, settle: 'now' }),
    });
    assert.equal(res.status, 200, await res.clone().text());
  }

  async function openDemo(context: BrowserContext, iccid: string, extra = ''): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${demo.sandbox.url}/demo?card=${iccid}&lang=en${extra}`);
    await page.locator('esim-plan-picker [role=radio]').first().click();
    await page.locator('esim-checkout-button [part=button]').click();
    await page.locator('esim-checkout-button [part=pay]').waitFor();
    return page;
  }

  const checkout = (page: Page) => page.locator('esim-checkout-button');
  const offered = async (page: Page) =>
    checkout(page).locator('input[name=method]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  /** The methods once the API has listed them for the environment (the card is offered everywhere). */
  const methodsListed = (page: Page, first: string) =>
    page.waitForFunction(
      (value) => document.querySelector('esim-checkout-button')?.shadowRoot?.querySelector('input[name=method]')?.getAttribute('value') === value,
      first,
    );

  it('desktop: a QR code, paid in the wallet, renews — one order, sent as desktop', async () => {
    const iccid = await newCard();
    const context = await demo.browser.newContext();
    const page = await openDemo(context, iccid);
    await methodsListed(page, 'card');
    assert.deepEqual(await offered(page), ['card', 'alipay', 'wechat_pay']);
    await checkout(page).getByRole('radio', { name: 'Alipay' }).check();
    await checkout(page).locator('[part=pay]').click();
    await checkout(page).locator('svg[part=qr]').waitFor();
    await checkout(page).getByText(/Code expires in \d{1,2}:\d\d/).waitFor();
    const [order] = ordersOf(iccid);
    assert.equal(order!.payment_env, 'desktop');
    await simulate(order!.id, 'succeed');
    await checkout(page).getByText('Your eSIM is renewed').waitFor({ timeout: 15_000 });
    assert.equal(ordersOf(iccid).length, 1);
    await context.close();
  });

  it('phone browser: WeChat Pay by redirect to the hosted H5 page; an early return shows "checking", then the renewal once paid', async () => {
    const iccid = await newCard();
    const context = await demo.browser.newContext({ userAgent: PHONE_UA, ...PHONE });
    const page = await openDemo(context, iccid);
    await methodsListed(page, 'alipay');
    assert.deepEqual(await offered(page), ['alipay', 'wechat_pay', 'card']);
    await checkout(page).getByRole('radio', { name: 'WeChat Pay' }).check();
    await checkout(page).locator('[part=pay]').click();
    await page.waitForURL(/\/sandbox\/pay\/wechat-h5\//);
    // WeChat's redirect_url fires before anything is paid: the widget must not take the return for a payment.
    await page.getByRole('button', { name: 'Return without paying (the return arrives first)' }).click();
    await page.waitForURL(/\/demo\?/);
    await checkout(page).getByText('Checking your payment…').waitFor({ timeout: 15_000 });
    const [order] = ordersOf(iccid);
    assert.equal(order!.status, 'requires_payment');
    assert.equal(order!.payment_env, 'mobile_browser');
    assert.equal(await checkout(page).getByText('Your eSIM is renewed').count(), 0);
    // A reload while checking resumes the same attempt.
    await page.reload();
    await checkout(page).getByText('Checking your payment…').waitFor({ timeout: 15_000 });
    await simulate(order!.id, 'succeed');
    await checkout(page).getByRole('button', { name: 'Check again' }).click();
    await checkout(page).getByText('Your eSIM is renewed').waitFor({ timeout: 15_000 });
    assert.equal(ordersOf(iccid).length, 1);
    await context.close();
  });

  it('WeChat in-app: Alipay is not offered and "open in your browser" is; WeChat Pay goes through JSAPI on the hosted page', async () => {
    const iccid = await newCard();
    const context = await demo.browser.newContext({ userAgent: WECHAT_UA, ...PHONE });
    await context.addInitScript(WEIXIN_BRIDGE_STAND_IN);
    const page = await openDemo(context, iccid);
    await methodsListed(page, 'wechat_pay');
    assert.deepEqual(await offered(page), ['wechat_pay', 'card']);
    await checkout(page).getByText('Alipay does not open inside WeChat. Open this page in your browser to pay with Alipay.').waitFor();
    await checkout(page).getByRole('button', { name: 'Copy link to open in your browser' }).waitFor();
    await checkout(page).getByRole('button', { name: 'Continue on another device' }).waitFor();
    await checkout(page).getByRole('radio', { name: 'WeChat Pay' }).check();
    await checkout(page).locator('[part=pay]').click();
    await page.waitForURL(/\/sandbox\/pay\/wechat-jsapi\//);
    // The stand-in bridge says ok although nothing was paid; the hosted page sends the traveller back.
    await page.waitForURL(/\/demo\?/);
    await checkout(page).getByText('Checking your payment…').waitFor({ timeout: 15_000 });
    const [order] = ordersOf(iccid);
    assert.equal(order!.payment_env, 'wechat');
    assert.equal(order!.status, 'requires_payment');
    await simulate(order!.id, 'succeed');
    await checkout(page).getByText('Your eSIM is renewed').waitFor({ timeout: 20_000 });
    assert.equal(ordersOf(iccid).length, 1);
    await context.close();
  });

  for (const [name, number, challenge, ends] of [
    ['3-D Secure passed', '4000 0000 0000 3220', 'Complete authentication', 'Your eSIM is renewed'],
    ['3-D Secure failed', '4000 0000 0000 3220', 'Fail authentication', 'Your bank could not confirm it was you'],
    ['insufficient funds', '4000 0000 0000 9995', undefined, 'Your card does not have enough funds'],
  ] as const) {
    it(`card on a phone, ${name}: the widget ends on "${ends}" — one order`, async () => {
      const iccid = await newCard();
      const context = await demo.browser.newContext({ userAgent: PHONE_UA, ...PHONE });
      const page = await openDemo(context, iccid, '&pay=redirect');
      await methodsListed(page, 'alipay');
      await checkout(page).getByRole('radio', { name: 'Card' }).check();
      await checkout(page).locator('[part=pay]').click();
      await page.waitForURL(/\/sandbox\/checkout\//);
      await page.getByLabel('Card number').fill(number);
      await page.getByRole('button', { name: /^Pay / }).click();
      if (challenge) {
        await page.getByRole('heading', { name: 'Confirm it is you' }).waitFor();
        await page.getByRole('button', { name: challenge }).click();
      }
      // Paid or not, the hosted page sends the traveller back to the shop; the widget reads the order.
      await page.waitForURL(/\/demo\?/);
      await checkout(page).getByText(ends).waitFor({ timeout: 20_000 });
      const [order] = ordersOf(iccid);
      if (name !== '3-D Secure passed') {
        // The built (minified) element keeps the space before the separator.
        const code = name === 'insufficient funds' ? 'insufficient_funds' : 'authentication_failed';
        await checkout(page).getByText(`Error code: ${code} · Order reference: ${order!.id}`).waitFor();
      }
      assert.equal(ordersOf(iccid).length, 1);
      await context.close();
    });
  }
});
