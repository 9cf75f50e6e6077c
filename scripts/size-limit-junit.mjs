#!/usr/bin/env node
// The `size` suite of `npm test`: runs size-limit on the built dist/ (its budgets are .size-limit.mjs; it builds
// nothing itself: `npm test` builds first) and writes one JUnit test case per budget to test-results/size.xml, the
// form scripts/test.mjs counts. What size-limit cannot check — which code an entry contains — is a test in
// test/package/bundle-contents.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const run = spawnSync(process.execPath, ['node_modules/size-limit/bin.js', '--json'], { encoding: 'utf8' });
let results;
try {
  results = JSON.parse(run.stdout);
} catch {
  results = { error: `size-limit printed no results (exit ${run.status}): ${run.stdout}${run.stderr}` };
}
const cases = Array.isArray(results)
  ? results.map(({ name, size, sizeLimit, passed }) => ({
      name,
      detail: `${kB(size)} min+brotli (budget ${kB(sizeLimit)}, ${kB(sizeLimit - size)} left)`,
      failure: passed ? undefined : `${kB(size)} min+brotli is over its budget of ${kB(sizeLimit)} by ${size - sizeLimit} bytes`,
    }))
  : [{ name: 'size-limit runs', failure: String(results.error) }];

console.log('Size budgets (.size-limit.mjs), min+brotli');
for (const c of cases) console.log(`  ${c.failure ? '✖' : '✔'} ${c.name}: ${c.failure ?? c.detail}`);

const escape = (text) => String(text).replace(/[<>&"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
const failures = cases.filter((c) => c.failure).length;
const xml = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  `<testsuites><testsuite name="size" tests="${cases.length}" failures="${failures}">`,
  ...cases.map(
    (c) =>
      `<testcase classname="size" name="${escape(c.name)}">` +
      (c.failure ? `<failure message="${escape(c.failure)}"/>` : `<system-out>${escape(c.detail)}</system-out>`) +
      '</testcase>',
  ),
  '</testsuite></testsuites>',
  '',
].join('\n');
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/size.xml', xml);
console.log(`  size: ${cases.length - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
