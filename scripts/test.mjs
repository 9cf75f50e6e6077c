#!/usr/bin/env node
// `npm test`: every suite in one run — the sandbox and client in Node (`node --test`), then the elements and the
// client in Chromium (`web-test-runner`) — and one last line that adds them up: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { figuresReport } from './figures.mjs';
import { junitFileTotals } from './junit-totals.mjs';

const RESULTS = 'test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const nodeTests = ['test/sandbox', 'test/node', 'test/e2e', 'test/chaos', 'test/security']
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => join(dir, f)));

/** A suite of `node --test` files in one folder, one at a time, with its JUnit XML in test-results/<name>.xml. */
const nodeSuite = (name, dir) => {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => join(dir, f)) : [];
  return {
    name,
    empty: files.length === 0, // `node --test` with no files would run every test file it can find
    command: process.execPath,
    args: [
      '--import', 'tsx', '--test', '--test-concurrency=1',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=junit', `--test-reporter-destination=${RESULTS}/${name}.xml`,
      ...files,
    ],
  };
};

// Each suite is a command that writes JUnit XML to test-results/<name>.xml; add one here to make it part of
// `npm test` and of the total. `node scripts/test.mjs <name> [<name>…]` runs only those suites.
const suites = [
  {
    name: 'node',
    command: process.execPath,
    args: [
      '--import', 'tsx', '--test', '--test-concurrency=1',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=junit', `--test-reporter-destination=${RESULTS}/node.xml`,
      ...nodeTests,
    ],
  },
  {
    name: 'browser',
    command: process.execPath,
    args: ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs'],
  },
  // The integrator's first ten minutes: Storybook builds and every story opens cleanly in Chromium; the npm
  // package's shape (publint, attw, pack contents, per-element entries); the plain HTML, React, Vue and Angular
  // examples run, and a server-side import in Node does not crash.
  nodeSuite('storybook', 'test/storybook'),
  nodeSuite('package', 'test/package'),
  nodeSuite('frameworks', 'test/frameworks'),
  // Size budgets (size-limit, .size-limit.mjs) of the built dist/: the script-tag file and its chunks, and every
  // entry with its dependencies. Builds nothing itself: `npm test` builds first.
  { name: 'size', command: process.execPath, args: ['scripts/size-limit-junit.mjs'] },
];

let passed = 0;
let failed = 0;
let skipped = 0;
const only = process.argv.slice(2);
for (const suite of suites) {
  if (only.length && !only.includes(suite.name)) continue;
  if ((suite.name === 'node' && nodeTests.length === 0) || suite.empty) continue;
  console.log(`\n▶ ${suite.name} tests`);
  const run = spawnSync(suite.command, suite.args, { stdio: 'inherit' });
  const counts = junitFileTotals(join(RESULTS, `${suite.name}.xml`));
  if (!counts) {
    console.error(`✖ the ${suite.name} suite produced no results (exit ${run.status})`);
    failed += 1;
    continue;
  }
  // A suite that crashed or failed outside a test case still counts as one failure.
  const extra = run.status !== 0 && counts.failed === 0 ? 1 : 0;
  console.log(`  ${suite.name}: ${counts.passed} passed, ${counts.failed + extra} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
  passed += counts.passed;
  failed += counts.failed + extra;
  skipped += counts.skipped;
}

// The reliability and security figures (test/chaos, test/security), when this run produced any.
const figures = figuresReport();
if (figures.length) console.log(`\n${figures.join('\n')}`);

// Skipped cases (node:test's `skip` and `todo`) neither pass nor fail; the line says how many there were.
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
