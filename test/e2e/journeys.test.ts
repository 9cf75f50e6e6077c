// Journeys that leave the page or cross devices, on the demo partner page in Debian's Chromium: the card payment
// by full-page redirect (with a back button mid-payment) and the hand-off to a second device.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { useDemoPage } from './demo-page.ts';


describe('journeys across pages and devices', () => {
  const demo = useDemoPage();

  const ordersOf = (iccid: string) =>
    demo.sandbox.sandbox.db
      .prepare<[string], { id: string; status: string }>(
        'SELECT id, status FROM orders WHERE card_id = (SELECT id FROM cards WHERE iccid = ?)',
      )
      .all(iccid);
  const renewals = (iccid: string) =>
    demo.sandbox.sandbox.db.prepare<[string], { n: number }>('SELECT renewal_count AS n FROM cards WHERE iccid = ?').get(iccid)!.n;

  async function choosePlanAndReview(page: Page) {
    await page.locator('esim-plan-picker [role=radio]').first().click();
    await page.locator('esim-checkout-button [part=button]').click();
    await page.locator('esim-checkout-button [part=pay]').waitFor();
  }


  it('pays by redirect, survives a back button mid-payment, and makes exactly one order', async () => {
    const iccid = '89860000000000000011';
    const before = renewals(iccid);
    // The demo card comes with past orders (its order history); only the orders this journey makes count.
    const seeded = new Set(ordersOf(iccid).map((o) => o.id));
    const newOrders = () => ordersOf(iccid).filter((o) => !seeded.has(o.id));
    const page = await demo.browser.newPage();
    await page.goto(`${demo.sandbox.url}/demo?card=${iccid}&lang=en&pay=redirect`);
    await choosePlanAndReview(page);
    await page.locator('esim-checkout-button [part=pay]').click();
    await page.waitForURL(/\/sandbox\/checkout\//);

    // The traveller goes back to the shop before paying: the checkout picks up the same attempt.
    await page.goBack();
    await page.getByText('Complete the payment in the window that opened').or(page.getByText('Payment')).first().waitFor();
    assert.equal(newOrders().length, 1);
    await page.locator('esim-checkout-button').getByRole('button', { name: 'Open the payment page again' }).click();
    await page.waitForURL(/\/sandbox\/checkout\//);

    await page.locator('#number').fill('4242 4242 4242 4242');
    await page.locator('button[type=submit]').first().click();
    await page.waitForURL(/\/demo\?/);
    await page.getByText('Your eSIM is renewed').waitFor({ timeout: 15_000 });
    assert.ok(!page.url().includes('esim_order'), 'the order id is taken out of the address bar');

    // A reload afterwards shows the page as usual and orders nothing.
    await page.reload();
    await page.locator('esim-balance-badge [part=data]').waitFor();
    const orders = newOrders();
    assert.equal(orders.length, 1);
    assert.equal(orders[0]!.status, 'succeeded');
    assert.equal(renewals(iccid), before + 1);
    await page.close();
  });

  it('continues on another device: the hand-off link opens the same card and plan, and renews it there', async () => {
    const iccid = '89860000000000000060';
    const before = renewals(iccid);
    const phone = await demo.browser.newContext();
    const laptop = await demo.browser.newContext(); // another device: no cookies, no storage, no session shared
    const first = await phone.newPage();
    await first.goto(`${demo.sandbox.url}/demo?card=${iccid}&lang=zh-CN`);
    await choosePlanAndReview(first);
    const planName = await first.locator('esim-checkout-button [part=summary] dd').first().innerText();
    await first.locator('esim-checkout-button [part=handoff-button]').click();
    const link = await first.locator('esim-checkout-button [part=handoff] a').getAttribute('href');
    assert.ok(link?.includes('esim_handoff='));

    const second = await laptop.newPage();
    await second.goto(link!);
    await second.locator('esim-balance-badge [part=data]').waitFor();
    assert.ok(!second.url().includes('esim_handoff'), 'the single-use code leaves the address bar');
    await second.locator('esim-plan-picker [role=radio][aria-checked=true]').waitFor();
    await second.locator('esim-checkout-button [part=button]').click();
    assert.equal(await second.locator('esim-checkout-button [part=summary] dd').first().innerText(), planName);
    await second.getByRole('radio', { name: '支付宝' }).check();
    await second.locator('esim-checkout-button [part=pay]').click();
    await second.locator('esim-checkout-button [part=wallet]').waitFor();
    const [order] = ordersOf(iccid);
    const wallet = await demo.browser.newPage();
    await wallet.goto(`${demo.sandbox.url}/sandbox/wallet/${order!.id}`);
    await wallet.locator('button[type=submit]').first().click();
    await second.getByText('续费成功').first().waitFor({ timeout: 15_000 });
    assert.equal(renewals(iccid), before + 1);

    // The same link cannot be used twice.
    const third = await (await demo.browser.newContext()).newPage();
    await third.goto(link!);
    await third.locator('esim-balance-badge[state=error]').waitFor();
    // It says so, and how to get a new one — not that "an order has moved on".
    await third.getByText('此链接已被使用过').first().waitFor();
    assert.equal(await third.getByText('订单状态已变化').count(), 0);
    await Promise.all([phone.close(), laptop.close(), wallet.close()]);
  });
});
