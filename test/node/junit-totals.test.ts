// The counter behind `npm test`'s and `npm run test:chaos`'s last line (`N passed, N failed`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { junitTotals } from '../../scripts/junit-totals.mjs';

const report = (...cases: string[]) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n<testsuite name="s" tests="${cases.length}">\n${cases.join('\n')}\n</testsuite>\n</testsuites>\n`;

describe('JUnit totals', () => {
  it('counts passing cases, self-closing or with output', () => {
    const xml = report(
      '<testcase name="a" classname="s" time="0.1"/>',
      '<testcase name="b" classname="s" time="0.1" />',
      '<testcase name="c" classname="s"><system-out>ok</system-out></testcase>',
    );
    assert.deepEqual(junitTotals(xml), { passed: 3, failed: 0, skipped: 0 });
  });

  it('reads past a `>` inside a quoted attribute', () => {
    const xml = report(
      '<testcase name="registers <esim-badge> once" classname="s"/>',
      '<testcase name="a > b" classname="s"><failure message="expected 1 > 0">boom</failure></testcase>',
      "<testcase name='single > quoted' classname=\"it's\"/>",
    );
    assert.deepEqual(junitTotals(xml), { passed: 2, failed: 1, skipped: 0 });
  });

  it('counts a <failure> and an <error> as failed, self-closing or not', () => {
    const xml = report(
      '<testcase name="f"><failure message="assertion" type="AssertionError">stack</failure></testcase>',
      '<testcase name="e"><error message="crashed"/></testcase>',
      '<testcase name="g"><failure/></testcase>',
    );
    assert.deepEqual(junitTotals(xml), { passed: 0, failed: 3, skipped: 0 });
  });

  it('counts skipped (and todo) cases apart, neither passed nor failed', () => {
    const xml = report(
      '<testcase name="s"><skipped type="skipped" message="not on this OS"/></testcase>',
      '<testcase name="t"><skipped type="todo" message="issue 16"/></testcase>',
      '<testcase name="p"/>',
    );
    assert.deepEqual(junitTotals(xml), { passed: 1, failed: 0, skipped: 2 });
  });

  it('counts a todo case that fails as skipped, as node:test does (it does not fail the run)', () => {
    const xml = report(
      '<testcase name="t" failure="2 cycles"><skipped type="todo" message="issue 16"/><failure type="testCodeFailure" message="2 cycles">…</failure></testcase>',
    );
    assert.deepEqual(junitTotals(xml), { passed: 0, failed: 0, skipped: 1 });
  });

  it('does not read the words "failure" or "skipped" in output as outcomes', () => {
    const xml = report('<testcase name="says failure"><system-out>no &lt;failure&gt; here, nothing skipped</system-out></testcase>');
    assert.deepEqual(junitTotals(xml), { passed: 1, failed: 0, skipped: 0 });
  });

  it('finds no cases in an empty report, or in <testcases> and <testsuite> elements', () => {
    assert.deepEqual(junitTotals(report()), { passed: 0, failed: 0, skipped: 0 });
    assert.deepEqual(junitTotals('<testcases><testsuite name="x"></testsuite></testcases>'), { passed: 0, failed: 0, skipped: 0 });
  });
});
