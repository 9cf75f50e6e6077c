// Runs the real sandbox in its own process for a test run: a temporary database, a free port, a short settle
// delay. Prints one JSON line `{ "url": … }` once it listens, then serves until killed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../sandbox/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'esim-sandbox-'));
const server = await startSandbox({
  port: 0,
  dbPath: join(dir, 'sandbox.db'),
  settleDelayMs: Number(process.env.SANDBOX_SETTLE_DELAY_MS ?? 300),
  // Every test mints its own session: the partner-wide limit would throttle the suite, not test anything.
  rateLimits: { sessionsPerMinute: 100_000, ordersPerMinute: 1_000, quotesPerMinute: 1_000, claimsPerMinute: 1_000 },
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

const stop = async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
