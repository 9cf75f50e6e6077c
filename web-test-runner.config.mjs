import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { junitReporter } from '@web/test-runner-junit-reporter';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';
import { sandboxHarness } from './test/harness/sandbox-plugin.mjs';

const executablePath = chromiumPath();

const sandbox = sandboxHarness();

// Browser tests: Debian's Chromium (see TOOLCHAIN.md), talking to the real sandbox that sandboxPlugin starts.
export default {
  // Browser suites only; the other folders under test/ are node:test suites run by scripts/test.mjs.
  files: ['test/client/**/*.test.ts', 'test/components/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // One page at a time: keyboard tests bring their page to the front, and a page sent to the back stops getting
  // animation frames, which open-wc's fixture waits for.
  concurrency: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        // Keep pages that are not in front rendering (open-wc's fixture waits for an animation frame).
        args: [
          ...CHROMIUM_ARGS,
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2021' }), sandbox.plugin],
  middleware: [sandbox.middleware],
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    junitReporter({ outputPath: './test-results/browser.xml' }),
  ],
};
