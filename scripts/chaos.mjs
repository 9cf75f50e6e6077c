#!/usr/bin/env node
// `npm run test:chaos`: the reliability and security suite (test/chaos, test/security) in its long profile —
// more kill iterations, bigger concurrent bursts, more fuzz cases — then its figures and `N passed, N failed`.
// The same tests run in their fast profile inside `npm test`. Sizes: CHAOS_ITERATIONS, CHAOS_N, FUZZ_RUNS,
// FUZZ_HTTP_RUNS, CHAOS_UI_ROUNDS; CHAOS_SEED replays a run. `node scripts/chaos.mjs <file>…` runs only those files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { figuresReport } from './figures.mjs';
import { junitFileTotals } from './junit-totals.mjs';

const RESULTS = 'test-results';
rmSync(process.env.FIGURES_DIR || join(RESULTS, 'figures'), { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

if (!process.env.CHAOS_NO_BUILD || !existsSync('dist/esim-renewal.js')) {
  // The browser tests load the script-tag build: test what the sources make now (CHAOS_NO_BUILD=1 skips it).
  const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['test/chaos', 'test/security'].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => join(dir, f)));

const run = spawnSync(
  process.execPath,
  [
    '--import', 'tsx', '--test', '--test-concurrency=1', '--test-timeout=3600000',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=junit', `--test-reporter-destination=${RESULTS}/chaos.xml`,
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, CHAOS_PROFILE: process.env.CHAOS_PROFILE ?? 'long' } },
);

const lines = figuresReport();
if (lines.length) console.log(`\n${lines.join('\n')}`);
const totals = junitFileTotals(`${RESULTS}/chaos.xml`) ?? { passed: 0, failed: 0, skipped: 0 };
const { passed, skipped } = totals;
// A run that crashed or failed outside a test case still counts as one failure.
const failed = run.status !== 0 && totals.failed === 0 ? 1 : totals.failed;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
