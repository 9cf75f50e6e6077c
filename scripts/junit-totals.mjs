// Adds up the test cases of a JUnit XML report (what `node --test`'s junit reporter, web-test-runner's junitReporter
// and scripts/size-limit-junit.mjs write): one counter for `npm test` (scripts/test.mjs) and `npm run test:chaos`
// (scripts/chaos.mjs), tested in test/node/junit-totals.test.ts.
import { existsSync, readFileSync } from 'node:fs';

/**
 * A test case with `<skipped>` (node:test's `skip` and `todo`) is counted apart, even with a `<failure>` beside it:
 * a `todo` test still runs, and node:test reports its failure but does not fail the run for it. Otherwise a case with
 * a `<failure>` or an `<error>` failed, and any other passed. Attribute values may hold a `>` (a test named "registers <esim-badge>" is written with
 * `&gt;` by some reporters and a bare `>` by others), so quoted values are skipped over whole.
 */
export function junitTotals(xml) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const [, body = ''] of xml.matchAll(/<testcase\b(?:[^>"']|"[^"]*"|'[^']*')*?(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    if (/<skipped\b/.test(body)) totals.skipped += 1;
    else if (/<(failure|error)\b/.test(body)) totals.failed += 1;
    else totals.passed += 1;
  }
  return totals;
}

/** The totals of a report file, or undefined when the suite wrote none. */
export function junitFileTotals(path) {
  return existsSync(path) ? junitTotals(readFileSync(path, 'utf8')) : undefined;
}
