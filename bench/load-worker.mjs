// The load generator of the sandbox part, run as its own process so that it does not share an event loop with the
// server it measures. Reads { url, token, planId, connections, seconds } as JSON from argv[2], runs autocannon against
// each scenario in turn (bounded: that many connections for that many seconds, loopback only) and prints the results
// as one JSON line.
import autocannon from 'autocannon';

const { url, token, planId, connections, seconds } = JSON.parse(process.argv[2]);
if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\]):\d+$/.test(url)) throw new Error(`not a loopback URL: ${url}`);

const auth = { authorization: `Bearer ${token}` };
let key = 0;
const scenarios = {
  'GET /v1/card': [{ method: 'GET', path: '/v1/card', headers: auth }],
  'GET /v1/plans': [{ method: 'GET', path: '/v1/plans', headers: auth }],
  'POST /v1/quotes + POST /v1/orders': [
    {
      method: 'POST',
      path: '/v1/quotes',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ planId }),
      onResponse: (status, body, context) => {
        context.quoteId = status === 201 || status === 200 ? JSON.parse(body).id : undefined;
      },
    },
    {
      method: 'POST',
      path: '/v1/orders',
      // Each order is its own purchase attempt: a fresh quote and a fresh Idempotency-Key.
      setupRequest: (request, context) =>
        context.quoteId && {
          ...request,
          headers: {
            ...auth,
            'content-type': 'application/json',
            'idempotency-key': `bench-${process.pid}-${(key += 1)}`,
          },
          body: JSON.stringify({ quoteId: context.quoteId, paymentMethod: 'card' }),
        },
    },
  ],
};

const results = {};
for (const [name, requests] of Object.entries(scenarios)) {
  const result = await autocannon({ url, connections, duration: seconds, requests });
  results[name] = {
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
process.stdout.write(`${JSON.stringify(results)}\n`);
