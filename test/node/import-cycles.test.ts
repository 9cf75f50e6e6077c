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
/** The cycles in src/ and sandbox/, found once for the three tests. */
function importCycles(folder?: string): Cycle[] {
  found ??= JSON.parse(execFileSync(process.execPath, ['scripts/import-cycles.mjs', 'src', 'sandbox', '--json'], { encoding: 'utf8' }));
  return found!.filter((c) => !folder || c.folder === folder);
}

/** The cycles there were when this check was written, each as the import that closes it. */
const KNOWN = [
  // Sessions: auth → deps (type) → faults (type) → auth.
  'sandbox/auth.ts → sandbox/deps.ts',
  // Storage: db → care-seed → db (types); db → care-seed → pricing → views → db (types); db → db-upgrade → db (type).
  'sandbox/care-seed.ts → sandbox/db.ts',
  'sandbox/care-seed.ts → sandbox/pricing.ts',
  'sandbox/db-upgrade.ts → sandbox/db.ts',
  'sandbox/pricing.ts → sandbox/views.ts',
  // Webhooks (issue 18): refunds → events (type) → refunds (the refund view in refund.decided).
  'sandbox/refunds.ts → sandbox/webhooks/events.ts',
];

const shown = (cycles: Cycle[]) => cycles.map((c) => c.cycle.join(' → '));

describe('import cycles', () => {
  it('src/ has none', () => {
    assert.deepEqual(shown(importCycles('src')), []);
  });

  it('sandbox/ has none', { todo: 'sandbox cycles: issue 16 sandbox part' }, () => {
    assert.deepEqual(shown(importCycles('sandbox')), []);
  });

  it('no new cycle in src/ or sandbox/: none but those listed here', () => {
    assert.deepEqual(shown(importCycles().filter((c) => !KNOWN.includes(`${c.from} → ${c.to}`))), []);
  });
});
