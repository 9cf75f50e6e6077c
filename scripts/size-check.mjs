#!/usr/bin/env node
// The `size` suite of `npm test`: checks the size budgets in bench/budgets.json against the built dist/ (it builds
// nothing itself: `npm test` builds first) and writes one JUnit test case per budget to test-results/size.xml.
//   - the script-tag file, as it ships: min+gzip at most `scriptTag.gzip` bytes;
//   - every element's ESM entry bundled with its dependencies: min+gzip at most its budget (or that of the longest matching `prefix*` key);
//   - entries that must not contain some code at all (the badge pulls in no checkout, QR or chart module).
// Sizes are measured as bench/lib/measure.mjs says; 1 kB = 1000 bytes.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleEsmEntry, kB, ROOT, sizes } from '../bench/lib/measure.mjs';
import { entries } from '../rollup.config.mjs';

const budgets = JSON.parse(readFileSync(join(ROOT, 'bench/budgets.json'), 'utf8'));
const cases = [];
const check = (name, failure, detail) => {
  cases.push({ name, failure, detail });
  console.log(`  ${failure ? '✖' : '✔'} ${name}: ${failure ?? detail}`);
};

const within = (name, measured, budget) =>
  check(
    name,
    measured > budget
      ? `${kB(measured)} min+gzip is over its budget of ${kB(budget)} by ${measured - budget} bytes`
      : undefined,
    `${kB(measured)} min+gzip (budget ${kB(budget)}, ${kB(budget - measured)} left)`,
  );

console.log('Size budgets (bench/budgets.json)');
const scriptTag = join(ROOT, budgets.scriptTag.file);
if (existsSync(scriptTag)) {
  const { gzip } = sizes(readFileSync(scriptTag));
  within(`script-tag file ${budgets.scriptTag.file}`, gzip, budgets.scriptTag.gzip);
  const { target } = budgets.scriptTag;
  if (gzip > target) console.log(`    (the goal is ${kB(target)}: ${kB(gzip - target)} to go; see bench/README.md)`);
} else {
  check(`script-tag file ${budgets.scriptTag.file}`, `${budgets.scriptTag.file} is missing: run npm run build`);
}

/** An entry's budget: its own, else the one of the longest `prefix*` key that matches it. */
const budgetOf = (name) =>
  budgets.entries[name] ??
  budgets.entries[
    Object.keys(budgets.entries)
      .filter((key) => key.endsWith('*') && name.startsWith(key.slice(0, -1)))
      .sort((a, b) => b.length - a.length)[0]
  ];

const bundled = new Map();
for (const name of Object.keys(entries)) {
  if (budgets.notBudgeted.includes(name)) continue;
  const file = join(ROOT, 'dist', `${name}.js`);
  if (!existsSync(file)) {
    check(`entry ${name}`, `dist/${name}.js is missing: run npm run build`);
    continue;
  }
  const bundle = await bundleEsmEntry(file);
  bundled.set(name, bundle);
  within(`entry ${name} with its dependencies`, sizes(bundle.code).gzip, budgetOf(name));
}

// The script-tag entry groups every element's styles for gzip (see src/cdn.ts); a new styles file belongs there too.
const cdnSource = readFileSync(join(ROOT, 'src/cdn.ts'), 'utf8');
const stylesFiles = readdirSync(join(ROOT, 'src/components'), { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.styles.ts'));
const ungrouped = stylesFiles.filter((file) => !cdnSource.includes(`'./components/${file.replace(/\.ts$/, '.js')}'`));
check(
  'src/cdn.ts imports every element\'s styles ahead of the elements',
  ungrouped.length ? `not imported there: ${ungrouped.join(', ')}` : undefined,
  `all ${stylesFiles.length} styles files`,
);

for (const rule of budgets.mustNotContain) {
  const bundle = bundled.get(rule.entry);
  const pattern = new RegExp(rule.pattern, 'i');
  const found = bundle?.modules.filter((m) => pattern.test(m.id)).map((m) => m.id) ?? [];
  check(
    `entry ${rule.entry} contains no ${rule.what}`,
    bundle ? (found.length ? `it bundles ${found.join(', ')}` : undefined) : `entry ${rule.entry} was not measured`,
    `none of its ${bundle?.modules.length} modules matches /${rule.pattern}/i`,
  );
}

const escape = (text) => String(text).replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
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
mkdirSync(join(ROOT, 'test-results'), { recursive: true });
writeFileSync(join(ROOT, 'test-results/size.xml'), xml);
console.log(`  size: ${cases.length - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
