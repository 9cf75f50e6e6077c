// Clickjacking: every hosted page that takes a payment or shows a code refuses to be shown in a frame of another
// site (`frame-ancestors 'none'` and `X-Frame-Options: DENY`). Each is framed by a page on another origin in
// Chromium, next to a page that allows framing, to show that the frame itself works.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { mountDemo } from '../../demo/routes.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../harness/chromium.ts';
import { serveStatic, type StaticServer } from '../harness/static-server.ts';
import { createOrder, newCardSession, newQuote } from '../chaos/http.ts';

describe('hosted pages cannot be framed', () => {
  let sandbox: RunningSandbox;
  let attacker: StaticServer;
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'esim-framing-'));

  before(async () => {
    sandbox = await startSandbox({ port: 0, staticRoutes: mountDemo });
    writeFileSync(join(dir, 'framable.html'), '<!doctype html><title>framable</title><p id="inside">a page that may be framed</p>');
    attacker = await serveStatic(dir);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await attacker?.close();
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every page the sandbox hosts that takes a payment or shows a code. */
  async function hostedPages(): Promise<Record<string, string>> {
    const { token } = await newCardSession(sandbox.url);
    const card = await createOrder(sandbox.url, token, { quoteId: (await newQuote(sandbox.url, token)).id, paymentMethod: 'card' }, 'card');
    const wallet = await createOrder(sandbox.url, token, { quoteId: (await newQuote(sandbox.url, token)).id, paymentMethod: 'alipay' }, 'wallet');
    return {
      'card checkout': `${sandbox.url}/sandbox/checkout/${card.body.id}`,
      'wallet payment': `${sandbox.url}/sandbox/wallet/${wallet.body.id}`,
      'wallet index': `${sandbox.url}/sandbox/wallet`,
      'order not found': `${sandbox.url}/sandbox/checkout/ord_missing`,
      'demo partner page': `${sandbox.url}/demo?lang=en`,
    };
  }

  it('sends frame-ancestors \'none\' and X-Frame-Options: DENY with each', async () => {
    for (const [name, url] of Object.entries(await hostedPages())) {
      const res = await fetch(url);
      await res.arrayBuffer();
      assert.match(res.headers.get('content-security-policy') ?? '', /(^|;)\s*frame-ancestors 'none'\s*(;|$)/, name);
      assert.equal(res.headers.get('x-frame-options'), 'DENY', name);
    }
  });

  it('is refused by Chromium in a frame of another site, where a framable page shows', async () => {
    const pages = await hostedPages();
    const frames = { ...pages, control: `${attacker.url}/framable.html` };
    writeFileSync(join(dir, 'attacker.html'), `<!doctype html><title>attacker</title>${Object.entries(frames)
      .map(([name, url]) => `<iframe name="${name}" src="${url}" width="400" height="300"></iframe>`).join('')}`);
    const page = await browser.newPage();
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/frame-ancestors 'none'.*blocked/s.test(message.text())) refusals.push(message.text());
    });
    await page.goto(`${attacker.url}/attacker.html`, { waitUntil: 'load' });
    const frameOf = (name: string) => {
      const frame = page.frame({ name });
      assert.ok(frame, name);
      return frame;
    };
    const control = frameOf('control');
    assert.equal(control.url(), frames.control);
    assert.match(await control.locator('#inside').innerText(), /a page that may be framed/, 'the control frame shows its page');
    for (const name of Object.keys(pages)) {
      // Chromium puts its own error page in a frame it refused to fill.
      assert.equal(frameOf(name).url(), 'chrome-error://chromewebdata/', `${name} showed in the frame`);
    }
    assert.equal(refusals.length, Object.keys(pages).length, `Chromium's reports: ${refusals.join(' | ')}`);
    await page.close();
  });
});
