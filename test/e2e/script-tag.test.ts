// The whole product as a partner ships it: the demo partner page (plain HTML, the script-tag build, three tags
// inside <esim-renewal>, a strict CSP) renews a seeded card end to end against the sandbox, in Debian's Chromium.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { useDemoPage } from './demo-page.ts';


async function renewOnDemoPage(page: Page, base: string, { iccid, lang }: { iccid: string; lang: 'en' | 'zh-CN' }) {
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.goto(`${base}/demo?card=${iccid}&lang=${lang}`);
  const badge = page.locator('esim-balance-badge');
  await badge.locator('[part=data]').waitFor();
  const before = await badge.locator('[part=details]').innerText();
  return { badge, before, problems };
}

describe('the script-tag build on a plain partner page', () => {
  const demo = useDemoPage();


  it('renews a card by mouse, paying in the card popup, in English', async () => {
    const page = await demo.browser.newPage();
    const { badge, problems } = await renewOnDemoPage(page, demo.sandbox.url, { iccid: '89860000000000000029', lang: 'en' });
    assert.match(await badge.locator('[part=badge]').innerText(), /Expiring soon/);
    await page.locator('esim-plan-picker [role=radio]').nth(1).click();
    await page.locator('esim-checkout-button [part=button]').click();
    await page.getByText('Review your renewal').waitFor();
    assert.match(await page.locator('esim-checkout-button [part=summary]').innerText(), /New expiry date/);
    const popupOpened = page.waitForEvent('popup');
    await page.locator('esim-checkout-button [part=pay]').click();
    const popup = await popupOpened;
    await popup.waitForURL(/\/sandbox\/checkout\//);
    await popup.locator('#number').fill('4242 4242 4242 4242');
    await popup.locator('button[type=submit]').first().click();
    await page.getByText('Your eSIM is renewed').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Done' }).click();
    await badge.getByText('Active').waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('renews a card by keyboard alone, paying with Alipay, in Chinese', async () => {
    const page = await demo.browser.newPage();
    const { badge, before, problems } = await renewOnDemoPage(page, demo.sandbox.url, {
      iccid: '89860000000000000037',
      lang: 'zh-CN',
    });
    assert.match(await badge.locator('[part=badge]').innerText(), /已到期/);
    await page.locator('esim-plan-picker [role=radio]').first().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('确认续费信息').waitFor();
    await page.getByRole('radio', { name: '支付宝' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('请使用支付宝扫码支付').waitFor();
    const token = await page.locator('esim-renewal').getAttribute('session-token');
    // The order the checkout made: the card's newest, as the API lists it to the traveller's session.
    const orders = await fetch(`${demo.sandbox.url}/v1/orders?limit=1`, { headers: { Authorization: `Bearer ${token}` } });
    const orderId = ((await orders.json()) as { orders: Array<{ id: string }> }).orders[0]!.id;
    const paid = await fetch(`${demo.sandbox.url}/sandbox/orders/${orderId}/simulate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ outcome: 'succeed' }),
    });
    assert.equal(paid.status, 200);
    await page.getByText('续费成功').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    await badge.getByText('使用中').waitFor();
    assert.notEqual(await badge.locator('[part=details]').innerText(), before);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
