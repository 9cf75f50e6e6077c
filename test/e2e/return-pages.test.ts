// Paying by full-page redirect from a page the API will not send a traveller back to: plain http off a loopback
// host (a sandbox reached over a network), and a `file:` page. The widget sends no return URL there (the API would
// refuse it), the payment page says the payment was submitted, and back on the page the attempt resumes and ends
// in the renewal. The script-tag build against the real sandbox, in Debian's Chromium.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mountDemo } from '../../demo/routes.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../harness/chromium.ts';
import { serveStatic } from '../harness/static-server.ts';
import { DEMO_KEY } from '../sandbox/helpers.ts';

/** A host name that is not loopback, which this browser resolves to the sandbox on 127.0.0.1. */
const LAN_HOST = 'esim-sandbox.test';

describe('redirect payments from a page the API will not return to', () => {
  let sandbox: RunningSandbox;
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'esim-return-'));

  before(async () => {
    assert.ok(existsSync('dist/esim-renewal.js'), 'dist/esim-renewal.js is missing: run `npm run build` first');
    sandbox = await startSandbox({ port: 0, settleDelayMs: 300, staticRoutes: mountDemo });
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`],
    });
  });
  after(async () => {
    await browser?.close();
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const returnUrlOf = (orderId: string) =>
    (sandbox.sandbox.db.prepare('SELECT return_url FROM orders WHERE id = ?').get(orderId) as { return_url: string | null }).return_url;

  /** Chooses a plan, pays on the hosted card page, comes back to `pageUrl`: what the traveller saw on the way. */
  async function payByRedirect(page: Page, pageUrl: string) {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    await page.goto(pageUrl);
    await page.locator('esim-plan-picker [role=radio]').nth(1).click();
    await page.locator('esim-checkout-button [part=button]').click();
    await page.getByText('Review your renewal').waitFor();
    await page.locator('esim-checkout-button [part=pay]').click();
    await page.waitForURL(/\/sandbox\/checkout\//);
    const orderId = new URL(page.url()).pathname.split('/').pop()!;
    await page.locator('#number').fill('4242 4242 4242 4242');
    // The card form's own button (the page also has Apple Pay / Google Pay buttons where the browser can pay so).
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.getByText('You can close this window and return to the shop.').waitFor();
    // Back to the shop on their own: the attempt kept in this tab resumes.
    await page.goto(pageUrl);
    await page.getByText('Your eSIM is renewed').waitFor({ timeout: 15_000 });
    return { orderId, problems };
  }

  /** A partner page with the script-tag build and a fresh session for `iccid`, written to the folder served. */
  async function writePartnerPage(name: string, iccid: string): Promise<string> {
    const session = await fetch(`${sandbox.url}/v1/sessions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEMO_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ iccid, locale: 'en' }),
    });
    const { token } = (await session.json()) as { token: string };
    const file = join(dir, name);
    writeFileSync(file, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My eSIM</title>
<script src="${sandbox.url}/sdk/esim-renewal.js" defer></script></head><body>
<esim-renewal api-base="${sandbox.url}" session-token="${token}" locale="en">
  <esim-plan-picker></esim-plan-picker>
  <esim-checkout-button payment-mode="redirect"></esim-checkout-button>
</esim-renewal></body></html>`);
    return file;
  }

  it(`on plain http off loopback (http://${LAN_HOST}), sends no return URL and resumes`, async () => {
    await writePartnerPage('lan.html', '89860000000000000029');
    const site = await serveStatic(dir);
    try {
      const page = await browser.newPage();
      const { orderId, problems } = await payByRedirect(page, `http://${LAN_HOST}:${new URL(site.url).port}/lan.html`);
      assert.equal(returnUrlOf(orderId), null);
      assert.deepEqual(problems, []);
      await page.close();
    } finally {
      await site.close();
    }
  });

  it('on a file: page, sends no return URL and resumes', async () => {
    const file = await writePartnerPage('file.html', '89860000000000000037');
    const page = await browser.newPage();
    const { orderId, problems } = await payByRedirect(page, pathToFileURL(file).href);
    assert.equal(returnUrlOf(orderId), null);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
