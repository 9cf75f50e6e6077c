#!/usr/bin/env node
// Import cycles in a folder, found by dependency-cruiser: `node scripts/import-cycles.mjs src sandbox` prints one
// line per cycle (`a.ts → b.ts → a.ts`), `--json` the list as JSON ({ folder, from, to, cycle }). Type-only imports
// count: a cycle of types is still modules that must be read together (STYLE.md §13: modules import downwards only).
// TypeScript is parsed with swc, since TypeScript 7 has no compiler API for dependency-cruiser to use (swc does not
// tell type-only imports apart, which this does not need). Run it with plain `node`: under tsx, @swc/core's visitor
// class does not reach dependency-cruiser (tsx hands CommonJS modules over differently), and nothing is found.
import { cruise } from 'dependency-cruiser';

/** The cycles dependency-cruiser reports in `folder`, one per import that closes one. */
export async function importCycles(folder) {
  const { output } = await cruise([folder], {
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    validate: true,
    ruleSet: { forbidden: [{ name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }] },
  });
  const withImports = output.modules.filter((m) => m.dependencies.some((d) => !d.coreModule && !d.couldNotResolve));
  if (withImports.length < output.modules.length / 2) {
    throw new Error(`dependency-cruiser read the imports of only ${withImports.length} of ${output.modules.length} modules in ${folder}`);
  }
  return output.summary.violations.map((v) => ({ folder, from: v.from, to: v.to, cycle: [v.from, ...v.cycle.map((step) => step.name)] }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folders = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const cycles = (await Promise.all(folders.map(importCycles))).flat();
  if (process.argv.includes('--json')) console.log(JSON.stringify(cycles));
  else for (const c of cycles) console.log(c.cycle.join(' → '));
}
