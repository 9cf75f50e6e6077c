#!/usr/bin/env node
// Prints the figures the reliability and security tests wrote to test-results/figures/*.json: one block per test,
// then the headline totals. `node scripts/figures.mjs` prints them again after a run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const DIR = process.env.FIGURES_DIR || join('test-results', 'figures');

const HEADLINES = [
  ['faultsInjected', 'faults injected'],
  ['faultsSurvived', 'faults survived'],
  ['ordersDuplicated', 'orders duplicated'],
  ['chargesDuplicated', 'charges duplicated'],
  ['paidOrdersLost', 'paid orders lost'],
  ['renewalsAppliedTwice', 'renewals applied twice'],
  ['creditOverspent', 'store credit overspent'],
  ['promoUsesOverLimit', 'promo uses over the limit'],
  ['fuzzRequests', 'fuzz requests'],
  ['fuzz4xx', 'fuzz 4xx'],
  ['fuzz5xx', 'fuzz 5xx'],
  ['crashes', 'crashes'],
  ['authzCases', 'authz cases'],
  ['authzDenied', 'authz denied'],
  ['rateLimited429', '429 with Retry-After'],
  ['cspViolations', 'CSP violations'],
  ['tokenLeaks', 'token leaks'],
];

/** Returns the lines of the report, or [] when no test wrote figures. */
export function figuresReport(dir = DIR) {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) return [];
  const all = files.map((f) => ({ name: f.replace(/\.json$/, ''), ...JSON.parse(readFileSync(join(dir, f), 'utf8')) }));
  const profiles = [...new Set(all.map((f) => f.profile))].join(', ');
  const seeds = [...new Set(all.map((f) => f.seed))].join(', ');
  const lines = [`Reliability and security figures (profile ${profiles}, seed ${seeds})`];
  const width = Math.max(...all.flatMap((f) => Object.keys(f.rows).map((k) => k.length)), 28);
  for (const f of all) {
    lines.push('', `  ${f.name}: ${f.title}`);
    for (const [label, value] of Object.entries(f.rows)) lines.push(`    ${label.padEnd(width, '.')} ${value}`);
  }
  const totals = {};
  for (const f of all) {
    for (const [key, value] of Object.entries(f.totals ?? {})) totals[key] = (totals[key] ?? 0) + value;
  }
  const present = HEADLINES.filter(([key]) => key in totals);
  if (present.length) {
    lines.push('', '  Totals');
    for (const [key, label] of present) lines.push(`    ${label.padEnd(width, '.')} ${totals[key]}`);
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const lines = figuresReport();
  console.log(lines.length ? lines.join('\n') : 'No figures: run `npm test` or `npm run test:chaos` first.');
}
