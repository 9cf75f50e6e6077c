// Storybook in CI: build it, then open every story in Debian's Chromium (playwright-core) in both locales and fail
// on any console error, page error, error overlay, failed play function or axe-core violation. One test case per
// story (and per docs page) in the JUnit output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mountDemo } from '../../demo/routes.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../harness/chromium.ts';
import { serveStatic, type StaticServer } from '../harness/static-server.ts';

const OUT = 'storybook-static';
const LOCALES = ['en', 'zh-CN'] as const;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  tags?: string[];
}

const typecheck = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'stories/tsconfig.json'], {
  encoding: 'utf8',
});
const build = spawnSync('npm', ['run', 'build-storybook', '--silent'], { encoding: 'utf8' });
const entries: IndexEntry[] =
  build.status === 0 ? Object.values(JSON.parse(readFileSync(`${OUT}/index.json`, 'utf8')).entries) : [];

it('the stories and the fixture client type-check', () => {
  assert.equal(typecheck.status, 0, typecheck.stdout + typecheck.stderr);
});

it('Storybook builds', () => {
  assert.equal(build.status, 0, build.stdout + build.stderr);
  assert.ok(entries.some((entry) => entry.type === 'story'), 'the build has no stories');
});

/** Console errors, uncaught exceptions and failed requests of one page. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => response.status() >= 400 && problems.push(`HTTP ${response.status()}: ${response.url()}`));
  return problems;
}

/** Waits until Storybook has rendered the story and run its play function, then until our elements settle. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const render = (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__
        ?.currentRender;
      return ['finished', 'errored', 'aborted'].includes(render?.phase ?? '') || document.body.classList.contains('sb-show-errordisplay');
    },
    undefined,
    { timeout: 20_000 },
  );
  await page.evaluate(async () => {
    const ours = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('esim-'));
    await Promise.all(ours.map((el) => (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete));
  });
}

// Two pages at a time: most of a story's time is spent waiting on the browser, not the CPU.
describe('every story opens cleanly in Chromium', { concurrency: 2 }, () => {
  let browser: Browser;
  let context: BrowserContext;
  let site: StaticServer;
  let sandbox: RunningSandbox;

  before(async () => {
    site = await serveStatic(OUT);
    // The "live sandbox" story talks to a real sandbox; the others never touch the network.
    sandbox = await startSandbox({ port: 0, settleDelayMs: 200, staticRoutes: mountDemo });
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    });
    // Storybook recognises its test runner by this user agent: it then pauses CSS animations instead of waiting for
    // them, so a spinner's screenshot and timing are the same on every run.
    const probe = await browser.newPage();
    const userAgent = `${await probe.evaluate(() => navigator.userAgent)} StorybookTestRunner`;
    await probe.close();
    context = await browser.newContext({ userAgent, viewport: { width: 1000, height: 800 } });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await sandbox?.close();
  });

  for (const story of entries.filter((entry) => entry.type === 'story')) {
    it(`${story.title} › ${story.name}`, { timeout: 60_000 }, async () => {
      for (const locale of LOCALES) {
        const page = await context.newPage();
        try {
          const problems = watch(page);
          // a11y.manual: the a11y addon would run axe on its own after every story; this test runs it itself.
          const globals = `locale:${locale};a11y.manual:!true`;
          const query = new URLSearchParams({ id: story.id, viewMode: 'story', globals, sandbox: sandbox.url });
          await page.goto(`${site.url}/iframe.html?${query}`);
          await settle(page);
          const shown = await page.evaluate(() => ({
            error: document.body.classList.contains('sb-show-errordisplay')
              ? document.querySelector('#error-message')?.textContent + '\n' + document.querySelector('#error-stack')?.textContent
              : undefined,
            phase: (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender?.phase,
            elements: document.querySelectorAll('#storybook-root *').length,
          }));
          assert.equal(shown.error, undefined, `[${locale}] the story failed: ${shown.error}`);
          assert.equal(shown.phase, 'finished', `[${locale}] the story ended in phase ${shown.phase}`);
          assert.ok(shown.elements > 0, `[${locale}] the story rendered nothing`);
          await page.addScriptTag({ content: axeSource });
          const violations = await page.evaluate(async (tags) => {
            const axe = (window as unknown as { axe: { run: Function } }).axe;
            const result = await axe.run('#storybook-root', { runOnly: { type: 'tag', values: tags } });
            return (result.violations as { id: string; help: string; nodes: { target: unknown[] }[] }[]).map(
              (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
            );
          }, AXE_TAGS);
          assert.deepEqual(violations, [], `[${locale}] axe violations`);
          assert.deepEqual(problems, [], `[${locale}] console errors`);
        } finally {
          await page.close();
        }
      }
    });
  }

  for (const docs of entries.filter((entry) => entry.type === 'docs')) {
    it(`${docs.title} › docs page`, { timeout: 60_000 }, async () => {
      const page = await context.newPage();
      try {
        const problems = watch(page);
        await page.goto(`${site.url}/iframe.html?${new URLSearchParams({ id: docs.id, viewMode: 'docs' })}`);
        await page.locator('.sbdocs-content').first().waitFor({ timeout: 20_000 });
        await page.evaluate(async () => {
          const ours = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('esim-'));
          await Promise.all(ours.map((el) => (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete));
        });
        const text = await page.locator('.sbdocs-content').first().innerText();
        assert.doesNotMatch(text, /Component not found|No inputs found/, 'the docs page lost its manifest');
        assert.deepEqual(problems, [], 'console errors');
      } finally {
        await page.close();
      }
    });
  }
});
