// A tab for the pages we serve to travellers (hosted payment pages, the demo page): every Content Security Policy or
// Trusted Types violation and every uncaught script error it meets is kept in `problems`, for a test to assert none.
import type { BrowserContext, Page } from 'playwright-core';

export async function openWatchedPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => {
    if (/Content Security Policy|Trusted Type/i.test(message.text())) problems.push(message.text());
  });
  return { page, problems };
}
