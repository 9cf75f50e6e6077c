// The demo partner page's language selector, in Debian's Chromium against the real sandbox and the script-tag build:
// every language the widget ships and `auto`, which follows the browser's languages (Chromium's `locale` sets
// navigator.languages) even though the agency's own page is written in English.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useDemoPage } from './demo-page.ts';

describe('the demo page offers every language and auto', () => {
  const demo = useDemoPage();

  it('lists auto and the ten languages, each named in itself; choosing Japanese shows the widget in Japanese', async () => {
    const context = await demo.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${demo.sandbox.url}/demo?lang=en`);
    const options = await page.locator('#lang option').evaluateAll((nodes) =>
      nodes.map((node) => [(node as HTMLOptionElement).value, node.getAttribute('lang')]),
    );
    assert.deepEqual(options.map(([value]) => value), ['auto', 'zh-CN', 'zh-TW', 'zh-HK', 'en', 'ja', 'ko', 'th', 'vi', 'id', 'ms']);
    for (const [value, lang] of options.slice(1)) assert.equal(lang, value, 'each language is marked as itself');

    await page.locator('#lang').selectOption('ja');
    await page.waitForURL(/lang=ja/);
    await page.locator('esim-plan-picker').getByText('プランの期間').waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('esim-renewal').evaluate((el) => (el as HTMLElement & { resolvedLocale: string }).resolvedLocale), 'ja');
    await context.close();
  });

  it('auto: a Korean browser gets Korean on the agency page written in English', async () => {
    const context = await demo.browser.newContext({ locale: 'ko-KR' });
    const page = await context.newPage();
    await page.goto(`${demo.sandbox.url}/demo?lang=auto`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.locator('#lang').inputValue(), 'auto');
    await page.locator('esim-plan-picker').getByText('요금제 기간').waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('esim-renewal').evaluate((el) => (el as HTMLElement & { resolvedLocale: string }).resolvedLocale), 'ko');
    await context.close();
  });
});
