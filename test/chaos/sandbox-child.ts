// A sandbox process for the concurrency tests: like `npm start` (sandbox/main.ts) on the database file DB_PATH, but
// with rate limits high enough that a burst measures idempotency, not the limiter. Prints the same start-up line.
import { mountDemo } from '../../demo/routes.ts';
import { startSandbox } from '../../sandbox/server.ts';

const running = await startSandbox({
  port: 0,
  dbPath: process.env.DB_PATH!,
  settleDelayMs: Number(process.env.SANDBOX_SETTLE_DELAY_MS ?? 100),
  rateLimits: { sessionsPerMinute: 1e9, ordersPerMinute: 1e9, quotesPerMinute: 1e9, handoffsPerMinute: 1e9, claimsPerMinute: 1e9 },
  staticRoutes: mountDemo,
});
console.log(`eSIM renewal sandbox: http://localhost:${running.port}`);
process.on('SIGTERM', () => void running.close().then(() => process.exit(0)));
