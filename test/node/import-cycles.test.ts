// Modules import downwards only (STYLE.md §13): no import cycle in src/ or sandbox/, type-only imports included.
// dependency-cruiser finds them (scripts/import-cycles.mjs, run in its own plain-Node process: see there why).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';

interface Cycle {
  folder: string;
  from: string;
  to: string;
  cycle: string[];
}

let found: Cycle[] | undefined;
/** The cycles in src/ and sandbox/, found once for both tests. */
function importCycles(folder?: string): Cycle[] {
  found ??= JSON.parse(execFileSync(process.execPath, ['scripts/import-cycles.mjs', 'src', 'sandbox', '--json'], { encoding: 'utf8' }));
  return found!.filter((c) => !folder || c.folder === folder);
}

const shown = (cycles: Cycle[]) => cycles.map((c) => c.cycle.join(' → '));

describe('import cycles', () => {
  it('src/ has none', () => {
    assert.deepEqual(shown(importCycles('src')), []);
  });

  it('sandbox/ has none', () => {
    assert.deepEqual(shown(importCycles('sandbox')), []);
  });
});
