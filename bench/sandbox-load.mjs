// The sandbox under a bounded load: started here on a free loopback port (in-memory database, rate limits raised
// out of the way), loaded from a second process by autocannon (bench/load-worker.mjs): GET /v1/card, GET /v1/plans,
// and the quote + order path (each order with its own quote and Idempotency-Key).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startSandbox } from '../sandbox/server.ts';
import { otherGoal } from './lib/goals.mjs';
import { mintSession } from './lib/pages.mjs';

const run = promisify(execFile);

export async function sandboxLoad({ connections = 10, seconds = 5, log = () => {} } = {}) {
  const api = await startSandbox({
    port: 0,
    settleDelayMs: 50,
    rateLimits: { sessionsPerMinute: 1_000_000, ordersPerMinute: 1_000_000, quotesPerMinute: 1_000_000 },
  });
  let results;
  try {
    const token = await mintSession(api.url);
    const plans = await (await fetch(`${api.url}/v1/plans`, { headers: { Authorization: `Bearer ${token}` } })).json();
    const planId = plans.plans[0].id;
    log(`sandbox: ${connections} connections × ${seconds} s per scenario, from a second process`);
    const worker = fileURLToPath(new URL('./load-worker.mjs', import.meta.url));
    const { stdout } = await run(
      process.execPath,
      [worker, JSON.stringify({ url: api.url, token, planId, connections, seconds })],
      {
        timeout: (seconds * 3 + 30) * 1000,
      },
    );
    results = JSON.parse(stdout.trim().split('\n').pop());
  } finally {
    await api.close();
  }
  const rows = [
    [
      `sandbox on loopback, autocannon ${connections} connections × ${seconds} s`,
      'req/s',
      'p50',
      'p99',
      'non-2xx',
      'errors',
    ],
    ...Object.entries(results).map(([name, r]) => [
      name,
      Math.round(r.requestsPerSecond),
      `${r.latencyMs.p50} ms`,
      `${r.latencyMs.p99} ms`,
      r.non2xx,
      r.errors + r.timeouts,
    ]),
  ];
  const card = results['GET /v1/card'];
  const plans = results['GET /v1/plans'];
  const rps = (r) => `${Math.round(r.requestsPerSecond)} req/s`;
  const goals = [
    otherGoal({
      goal: 'sandbox GET /v1/plans throughput vs GET /v1/card',
      ours: `${rps(plans)} (${(plans.requestsPerSecond / card.requestsPerSecond).toFixed(2)}× card's ${rps(card)})`,
      target: '≥ GET /v1/card',
      met: plans.requestsPerSecond >= card.requestsPerSecond,
    }),
    otherGoal({
      goal: 'sandbox GET /v1/plans p99 latency',
      ours: `${plans.latencyMs.p99} ms`,
      target: '≤ 10 ms',
      met: plans.latencyMs.p99 <= 10,
    }),
  ];
  return { tables: [rows], data: { connections, seconds, scenarios: results }, goals };
}
