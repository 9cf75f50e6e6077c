import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ErrorBody } from '../../src/client/schemas.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { DEMO_KEY, ICCID, call, freshCard, order, quote, sessionFor, testSandbox } from './helpers.ts';

describe('bad input never gives a 500', () => {
  const sandbox = testSandbox();
  after(() => sandbox.close());

  it('answers malformed JSON with 400 validation_failed', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    for (const body of ['{', '{"planId": }', 'nul', '\u0000', '{"planId":"jp-day-1gb"}}']) {
      const reply = await call(sandbox, 'POST', '/v1/quotes', { token, body });
      assert.equal(reply.status, 400, body);
      assert.equal(ErrorBody.parse(reply.body).error.code, 'validation_failed');
    }
    const empty = await call(sandbox, 'POST', '/v1/sessions', { token: DEMO_KEY, body: '' });
    assert.equal(empty.status, 400);
  });

  it('asks for a JSON body by its Content-Type, naming the header', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    const reply = await call(sandbox, 'POST', '/v1/quotes', {
      token, body: JSON.stringify({ planId: 'jp-day-1gb' }), headers: { 'Content-Type': 'text/plain' },
    });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.code, 'validation_failed');
    assert.match(reply.body.error.message, /Content-Type: application\/json/);
  });

  it("keeps a caller's plain X-Request-Id and makes one for anyone else", async () => {
    const own = await sandbox.app.request('/healthz', { headers: { 'X-Request-Id': 'partner-trace-42' } });
    assert.equal(own.headers.get('x-request-id'), 'partner-trace-42');
    const odd = await sandbox.app.request('/healthz', { headers: { 'X-Request-Id': 'not a token; <b>' } });
    assert.match(odd.headers.get('x-request-id')!, /^req_[\w-]{12}$/);
    assert.match((await sandbox.app.request('/healthz')).headers.get('x-request-id')!, /^req_[\w-]{12}$/);
  });

  it('reports zod issues with paths', async () => {
    const reply = await call(sandbox, 'POST', '/v1/sessions', { token: DEMO_KEY, body: { iccid: 12, ttlSeconds: 'long' } });
    assert.equal(reply.status, 400);
    const paths = reply.body.error.details.issues.map((issue: { path: unknown[] }) => issue.path.join('.'));
    assert.deepEqual(paths.sort(), ['iccid', 'ttlSeconds']);
    assert.ok(reply.body.error.details.issues.every((issue: { message: string }) => issue.message.length > 0));
  });

  it('rejects bodies over 64 KB with 413 by Content-Length and by actual size', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    const huge = JSON.stringify({ planId: 'jp-day-1gb', promoCode: 'x'.repeat(70_000) });
    const declared = await call(sandbox, 'POST', '/v1/quotes', { token, body: huge });
    assert.equal(declared.status, 413);
    assert.equal(declared.body.error.code, 'payload_too_large');
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(5000)));
        controller.close();
      },
    });
    const undeclared = await sandbox.app.request('/v1/quotes', {
      method: 'POST', body: stream, headers: { Authorization: `Bearer ${token}` }, duplex: 'half',
    } as RequestInit);
    assert.equal(undeclared.status, 413);
    const lying = await sandbox.app.request('/v1/quotes', {
      method: 'POST', body: huge, headers: { Authorization: `Bearer ${token}`, 'Content-Length': '10' },
    });
    assert.equal(lying.status, 413);
  });

  it('survives a barrage of odd requests', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    const bodies = ['[]', '{}', '"x"', '1e999', '{"__proto__":{"x":1}}', '{"quoteId":null}', JSON.stringify({ planId: '\ud800' }),
      '{"enabled":true,"planId":"' + 'a'.repeat(100) + '"}', '{"outcome":"succeed"}', '{"template":"nope"}'];
    const targets: Array<[string, string]> = [
      ['POST', '/v1/sessions'], ['POST', '/v1/quotes'], ['POST', '/v1/orders'], ['PUT', '/v1/card/auto-renew'],
      ['POST', '/sandbox/orders/ord_x/simulate'], ['POST', '/sandbox/cards'], ['POST', '/sandbox/faults'],
      ['GET', '/v1/orders/%E0%A4%A'], ['GET', '/v1/plans?region=%00'], ['POST', '/v1/orders/..%2F..%2Fetc/cancel'],
      ['POST', '/sandbox/checkout/%27%22%3E'], ['POST', '/sandbox/wallet/x'],
    ];
    for (const [method, path] of targets) {
      for (const body of bodies) {
        for (const credential of [token, DEMO_KEY]) {
          const reply = await call(sandbox, method, path, {
            token: credential, body: method === 'GET' ? undefined : body, headers: { 'Idempotency-Key': 'k' },
          });
          assert.ok(reply.status < 500, `${method} ${path} ${body} → ${reply.status} ${reply.text}`);
          assert.ok(reply.headers.get('x-request-id'));
        }
      }
    }
  });

  it('answers unknown routes with a JSON 404', async () => {
    for (const [method, path] of [['GET', '/'], ['GET', '/v2/card'], ['DELETE', '/v1/card'], ['PATCH', '/v1/orders/x']]) {
      const reply = await call(sandbox, method!, path!);
      assert.equal(reply.status, 404);
      assert.equal(reply.body.error.code, 'not_found');
      assert.ok(reply.headers.get('x-request-id'));
    }
  });

  it('rate-limits session minting per partner with Retry-After', async () => {
    const limited = testSandbox({ rateLimits: { sessionsPerMinute: 2 } });
    try {
      const mint = () => call(limited, 'POST', '/v1/sessions', { token: DEMO_KEY, body: { iccid: ICCID.active } });
      assert.equal((await mint()).status, 201);
      assert.equal((await mint()).status, 201);
      const third = await mint();
      assert.equal(third.status, 429);
      assert.equal(third.body.error.code, 'rate_limited');
      assert.equal(third.headers.get('retry-after'), '30');
    } finally {
      limited.close();
    }
  });
});

describe('CORS, health and the OpenAPI document', () => {
  const sandbox = testSandbox();
  after(() => sandbox.close());

  it('answers preflights with 204 and reflects the origin', async () => {
    const res = await sandbox.app.request('/v1/orders', {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,idempotency-key' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
    for (const header of ['Authorization', 'Content-Type', 'Idempotency-Key', 'Accept-Language', 'Esim-Locale']) {
      assert.ok(res.headers.get('access-control-allow-headers')!.includes(header), header);
    }
    assert.ok(res.headers.get('x-request-id'));
  });

  it('exposes the headers clients read, on errors too', async () => {
    const res = await sandbox.app.request('/v1/card', { headers: { Origin: 'https://shop.example' } });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://shop.example');
    // A header list: Hono's cors joins it without spaces, which reads the same.
    const exposed = res.headers.get('access-control-expose-headers')!.split(',').map((name) => name.trim());
    assert.deepEqual(exposed, ['Retry-After', 'X-Request-Id', 'Idempotent-Replayed']);
  });

  it('is healthy', async () => {
    const reply = await call(sandbox, 'GET', '/healthz');
    assert.deepEqual(reply.body, { ok: true });
  });

  it('describes every route in OpenAPI 3.1 with schema components and both security schemes', async () => {
    const reply = await call(sandbox, 'GET', '/openapi.json');
    assert.equal(reply.status, 200);
    const doc = JSON.parse(reply.text);
    assert.equal(doc.openapi, '3.1.0');
    const expected: Record<string, string[]> = {
      '/v1/sessions': ['post'], '/v1/cards': ['get'], '/v1/card': ['get'], '/v1/plans': ['get'], '/v1/quotes': ['post'],
      '/v1/orders': ['post'], '/v1/orders/{id}': ['get'], '/v1/orders/{id}/cancel': ['post'], '/v1/card/usage': ['get'],
      '/v1/card/auto-renew': ['put'], '/sandbox/checkout/{orderId}': ['get', 'post'], '/sandbox/wallet/{orderId}': ['get', 'post'],
      '/sandbox/orders/{id}/simulate': ['post'], '/sandbox/cards': ['post'], '/sandbox/sessions/expire': ['post'],
      '/sandbox/faults': ['post', 'delete'], '/healthz': ['get'], '/openapi.json': ['get'],
    };
    for (const [path, methods] of Object.entries(expected)) {
      for (const method of methods) assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
    }
    for (const path of Object.keys(doc.paths).filter((p) => p.startsWith('/sandbox'))) {
      for (const op of Object.values(doc.paths[path]) as Array<{ tags: string[] }>) assert.deepEqual(op.tags, ['Sandbox']);
    }
    for (const name of ['Card', 'Plan', 'Quote', 'Order', 'Session', 'ErrorBody', 'CreateOrderInput', 'Usage', 'FaultInput']) {
      assert.ok(doc.components.schemas[name], name);
    }
    assert.equal(doc.components.schemas.Quote.properties.plan.$ref, '#/components/schemas/Plan');
    assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['secretKey', 'sessionToken']);
    const createOrder = doc.paths['/v1/orders'].post;
    assert.equal(createOrder.requestBody.content['application/json'].schema.$ref, '#/components/schemas/CreateOrderInput');
    assert.ok(createOrder.parameters.some((p: { name: string }) => p.name === 'Idempotency-Key'));
    assert.ok(createOrder.responses['409'] && createOrder.responses['429']);
    assert.ok(doc.paths['/v1/plans'].get.parameters.some((p: { name: string }) => p.name === 'region'));
    // Every $ref resolves.
    const refs = [...reply.text.matchAll(/"\$ref":"#\/components\/(\w+)\/(\w+)"/g)];
    assert.ok(refs.length > 20);
    for (const [, kind, name] of refs) assert.ok(doc.components[kind!]?.[name!], `${kind}/${name}`);
  });
});

describe('fault injection', () => {
  let server: RunningSandbox;
  before(async () => {
    server = await startSandbox({ settleDelayMs: 50 });
  });
  after(() => server.close());

  const arm = async (token: string, fault: Record<string, unknown>) => {
    const reply = await call(server.url, 'POST', '/sandbox/faults', { token, body: fault });
    assert.equal(reply.status, 201, reply.text);
    return reply.body;
  };

  it('answers an injected status with a proper error body, once by default', async () => {
    const { token } = await freshCard(server.sandbox, 'active');
    await arm(token, { path: '/v1/card', kind: 'status', status: 429, retryAfter: 7 });
    const limited = await call(server.url, 'GET', '/v1/card', { token });
    assert.equal(limited.status, 429);
    assert.equal(limited.body.error.code, 'rate_limited');
    assert.equal(limited.headers.get('retry-after'), '7');
    assert.equal((await call(server.url, 'GET', '/v1/card', { token })).status, 200);

    await arm(token, { path: '/v1/*', kind: 'status', status: 503, times: 2 });
    const a = await call(server.url, 'GET', '/v1/plans', { token });
    const b = await call(server.url, 'GET', '/v1/card', { token });
    assert.deepEqual([a.status, b.status, a.body.error.code], [503, 503, 'internal']);
    assert.equal((await call(server.url, 'GET', '/v1/card', { token })).status, 200);
  });

  it('hits only requests with the same token, and only the given method', async () => {
    const one = await freshCard(server.sandbox, 'active');
    const two = await freshCard(server.sandbox, 'active');
    await arm(one.token, { method: 'post', path: '/v1/quotes', kind: 'status', status: 500 });
    assert.equal((await call(server.url, 'POST', '/v1/quotes', { token: two.token, body: { planId: 'jp-day-1gb' } })).status, 201);
    assert.equal((await call(server.url, 'GET', '/v1/card', { token: one.token })).status, 200);
    const hit = await call(server.url, 'POST', '/v1/quotes', { token: one.token, body: { planId: 'jp-day-1gb' } });
    assert.equal(hit.status, 500);
    assert.equal(hit.body.error.code, 'internal');
  });

  it('sends malformed JSON and JSON of the wrong shape', async () => {
    const { token } = await freshCard(server.sandbox, 'active');
    await arm(token, { path: '/v1/card', kind: 'malformed_json' });
    const res = await fetch(`${server.url}/v1/card`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /application\/json/);
    assert.equal(await res.text(), '{"card": ');
    await arm(token, { path: '/v1/card', kind: 'wrong_shape' });
    assert.deepEqual((await call(server.url, 'GET', '/v1/card', { token })).body, { unexpected: true });
  });

  it('delays a response', async () => {
    const { token } = await freshCard(server.sandbox, 'active');
    await arm(token, { path: '/v1/card', kind: 'delay', delayMs: 150 });
    const started = Date.now();
    assert.equal((await call(server.url, 'GET', '/v1/card', { token })).status, 200);
    assert.ok(Date.now() - started >= 140);
  });

  it('drops the connection, and the server carries on', async () => {
    const { token } = await freshCard(server.sandbox, 'active');
    await arm(token, { path: '/v1/card', kind: 'drop' });
    await assert.rejects(fetch(`${server.url}/v1/card`, { headers: { Authorization: `Bearer ${token}` } }));
    assert.equal((await call(server.url, 'GET', '/v1/card', { token })).status, 200);
  });

  it('drops the response after the order was committed; the retry replays it', async () => {
    const { token, card } = await freshCard(server.sandbox, 'active');
    const q = await quote(server.sandbox, token);
    await arm(token, { method: 'POST', path: '/v1/orders', kind: 'drop', phase: 'after' });
    const request = () => fetch(`${server.url}/v1/orders`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': 'retry-me', 'Content-Type': 'application/json' },
      body: JSON.stringify({ quoteId: q.id, paymentMethod: 'card' }),
    });
    await assert.rejects(request());
    const { n } = server.sandbox.db.prepare('SELECT COUNT(*) AS n FROM orders WHERE card_id = ?').get(card.id) as { n: number };
    assert.equal(n, 1, 'the order was committed');
    const retry = await request();
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
  });

  it('answers a dropped request with 502 outside Node', async () => {
    const sandbox = testSandbox();
    try {
      const { token } = await freshCard(sandbox, 'active');
      await call(sandbox, 'POST', '/sandbox/faults', { token, body: { path: '/v1/card', kind: 'drop' } });
      assert.equal((await call(sandbox, 'GET', '/v1/card', { token })).status, 502);
    } finally {
      sandbox.close();
    }
  });

  it('clears faults', async () => {
    const { token } = await freshCard(server.sandbox, 'active');
    await arm(token, { path: '*', kind: 'status', status: 500, times: 100 });
    assert.equal((await call(server.url, 'DELETE', '/sandbox/faults', { token })).status, 204);
    assert.equal((await call(server.url, 'GET', '/v1/card', { token })).status, 200);
  });

  it('validates fault definitions', async () => {
    const { token } = await freshCard(server.sandbox, 'active');
    for (const fault of [{ path: '/v1/card' }, { path: 'v1/card', kind: 'drop' }, { path: '/v1/card', kind: 'status', status: 200 }, { path: '/x', kind: 'explode' }]) {
      assert.equal((await call(server.url, 'POST', '/sandbox/faults', { token, body: fault })).status, 400, JSON.stringify(fault));
    }
  });

  it('rejects oversized bodies over HTTP, with and without Content-Length', async () => {
    const { token } = await freshCard(server.sandbox, 'active');
    const huge = JSON.stringify({ planId: 'x'.repeat(100_000) });
    const declared = await call(server.url, 'POST', '/v1/quotes', { token, body: huge });
    assert.equal(declared.status, 413);
    const chunked = await fetch(`${server.url}/v1/quotes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 30; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(4096)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    assert.equal(chunked.status, 413);
    assert.equal((await call(server.url, 'GET', '/healthz')).status, 200);
    assert.equal((await order(server.sandbox, token, { quoteId: (await quote(server.sandbox, token)).id, paymentMethod: 'card' })).status, 201);
  });
});
