// The setting of the e2e journeys: the sandbox on a free port serving the demo partner page (with the script-tag
// build), and Debian's Chromium. Call it inside a `describe`; it adds the hooks that start and stop both.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { mountDemo } from '../../demo/routes.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../harness/chromium.ts';

export interface DemoPage {
  sandbox: RunningSandbox;
  browser: Browser;
}

export function useDemoPage(): DemoPage {
  const demo = {} as DemoPage;
  before(async () => {
    assert.ok(existsSync('dist/esim-renewal.js'), 'dist/esim-renewal.js is missing: run `npm run build` first');
    demo.sandbox = await startSandbox({ port: 0, settleDelayMs: 300, staticRoutes: mountDemo });
    demo.browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  });
  after(async () => {
    await demo.browser?.close();
    await demo.sandbox?.close();
  });
  return demo;
}
