#!/usr/bin/env node
// Screenshots of the demo page in Debian's Chromium: `node scripts/screenshot.mjs [url] [out.png] [width]`.
// Prints the page's console errors and CSP violations, so it doubles as a smoke test of the demo.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const [url = 'http://localhost:8787/demo', out = 'docs/demo.png', width = '1100'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, deviceScaleFactor: 1 });
const problems = [];
page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
page.on('pageerror', (error) => problems.push(String(error)));
await page.goto(url);
await page.locator('esim-plan-picker [role=radio]').first().waitFor();
await page.locator('esim-balance-badge [part=data]').waitFor();
await page.locator('esim-plan-picker [role=radio]').nth(1).click();
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`wrote ${out}`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
