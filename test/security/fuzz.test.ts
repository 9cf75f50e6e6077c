// Hostile input to every endpoint the sandbox describes in its OpenAPI document: property-based fuzzing (fast-check)
// of path parameters, query strings, headers, credentials and bodies — well-formed, subtly broken and garbage.
// Every answer must be a 2xx/3xx or a 4xx with an error body, never a 5xx, and the server must never go down.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ErrorBody } from '../../src/client/schemas.ts';
import { buildOpenApi, createSandbox, type Sandbox } from '../../sandbox/app.ts';
import { MAX_BODY_BYTES } from '../../sandbox/http.ts';
import { recordFigures, SEED, size } from '../chaos/figures.ts';
import { spawnSandbox, type SandboxProcess } from '../chaos/processes.ts';
import { DEMO_KEY, OTHER_KEY, call } from '../sandbox/helpers.ts';
import { fromSchema, mutate, operations, type Operation } from './openapi-arbitraries.ts';

const RUNS_PER_OPERATION = size('FUZZ_RUNS', { fast: 150, long: 3000 });
const HTTP_RUNS = size('FUZZ_HTTP_RUNS', { fast: 300, long: 5000 });

const doc = (await buildOpenApi()) as any;
const OPS = operations(doc);

interface Credentials {
  /** Session token of the card the fuzzer mostly plays with. */
  main: string;
  other: string;
  expired: string;
  /** Dedicated tokens: faults armed or sessions expired by the fuzzer must not hit `main`. */
  faults: string;
  expire: string;
}

interface Pools {
  ids: string[];
  values: Record<string, string[]>;
}

/** A header value a real client could send: Latin-1 without control characters, or a known credential. */
const encode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return 'lone-surrogate';
  }
};

const headerText = fc
  .string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 60 })
  .map((s) => s.trim());

function credentialArb(op: Operation, creds: Credentials): fc.Arbitrary<Record<string, string>> {
  const sessionToken = op.path === '/sandbox/faults' ? creds.faults : op.path === '/sandbox/sessions/expire' ? creds.expire : creds.main;
  // The clock is moved with the other partner's key: years of the fuzzer's time must not end `main`'s session.
  const partnerKey = op.path === '/sandbox/clock' ? OTHER_KEY : DEMO_KEY;
  const tampered = sessionToken.slice(0, -2) + (sessionToken.endsWith('AA') ? 'BB' : 'AA');
  const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });
  return fc.oneof(
    { arbitrary: fc.constant(bearer(sessionToken)), weight: 6 },
    { arbitrary: fc.constant(bearer(partnerKey)), weight: 3 },
    { arbitrary: fc.constantFrom(bearer(creds.other), bearer(creds.expired), bearer(OTHER_KEY), bearer(tampered), bearer('sk_test_nope')), weight: 2 },
    { arbitrary: fc.constant({ ...bearer(partnerKey), Origin: 'https://evil.example' }), weight: 1 },
    { arbitrary: fc.constant({}), weight: 1 },
    { arbitrary: headerText.map((value) => ({ Authorization: value })), weight: 1 },
    { arbitrary: headerText.map((value) => bearer(`rs_${value.replace(/\s/g, '')}`)), weight: 1 },
  );
}

/** Path parameters: real ids (this card's and others'), odd text, broken percent-encoding, traversal. */
function paramArb(pools: Pools): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...pools.ids), weight: 4 },
    { arbitrary: fc.string({ maxLength: 40 }).map(encode), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).map(encode), weight: 1 },
    { arbitrary: fc.constantFrom('%', '%E0%A4%A', '..%2F..%2Fetc', '%00', 'ord_' + 'x'.repeat(3000), '%F0%9F%92%A9', '.'), weight: 1 },
  );
}

function queryArb(op: Operation): fc.Arbitrary<string> {
  const known = ['region', 'period', 'days', ...op.query];
  const value = fc.oneof(
    fc.constantFrom('JP', 'EU', 'day', 'month', 'year', '7', '0', '-1', '91', '1e3', '', 'null', '%ZZ'),
    fc.string({ maxLength: 20 }),
  );
  return fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 8 })), value), { maxLength: 4 })
    .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : ''));
}

function extraHeadersArb(): fc.Arbitrary<Record<string, string>> {
  return fc.record(
    {
      'Idempotency-Key': fc.oneof(fc.uuid(), headerText, fc.constant('x'.repeat(300))),
      'Content-Type': fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1'),
      'Accept-Language': fc.oneof(fc.constantFrom('zh-CN,zh;q=0.9', 'en', '*', ';q=', 'xx-YY'), headerText),
      'Esim-Locale': fc.oneof(fc.constantFrom('zh-CN', 'en', 'zh-Hant-TW', ''), headerText),
      'Content-Length': fc.constantFrom('0', '10', '-1', 'abc', '99999999999'),
      Origin: fc.constantFrom('https://shop.example', 'null', 'http://localhost'),
    },
    { requiredKeys: [] },
  );
}

function bodyArb(op: Operation, pools: Pools): fc.Arbitrary<string | undefined> {
  const deep = fc.integer({ min: 100, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n));
  const garbage = fc.oneof(
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 100 }),
    deep,
    fc.constantFrom('', '{', 'null', '1e999', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"x":1}}}', '\uFEFF{}'),
    fc.constant('x'.repeat(MAX_BODY_BYTES + 10)),
  );
  if (!op.body) return fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: garbage, weight: 1 });
  const valid = fromSchema(op.body, doc, pools.values);
  const encode = (value: unknown) =>
    op.bodyType === 'form'
      ? new URLSearchParams(Object.entries((value ?? {}) as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? ''])).toString()
      : JSON.stringify(value);
  return fc.oneof(
    { arbitrary: valid.map(encode), weight: 4 },
    { arbitrary: mutate(valid).map(encode), weight: 3 },
    { arbitrary: garbage, weight: 2 },
  );
}

interface Case {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function caseArb(op: Operation, creds: Credentials, pools: Pools): fc.Arbitrary<Case> {
  return fc
    .record({
      params: fc.array(paramArb(pools), { minLength: op.params.length, maxLength: op.params.length }),
      query: queryArb(op),
      auth: credentialArb(op, creds),
      extra: extraHeadersArb(),
      body: bodyArb(op, pools),
      method: fc.oneof({ arbitrary: fc.constant(op.method), weight: 19 }, { arbitrary: fc.constantFrom('PATCH', 'DELETE', 'PUT', 'HEAD'), weight: 1 }),
    })
    .map(({ params, query, auth, extra, body, method }) => {
      let i = 0;
      const path = op.path.replace(/\{\w+\}/g, () => params[i++]!) + query;
      const headers = { ...extra, ...auth };
      if (body === undefined || method === 'GET' || method === 'HEAD') {
        delete headers['Content-Length'];
        return { method, path, headers };
      }
      return { method, path, headers, body };
    });
}

interface Tally {
  requests: number;
  byClass: Record<string, number>;
  perOperation: Map<string, number>;
  failures: string[];
}

const newTally = (): Tally => ({ requests: 0, byClass: {}, perOperation: new Map(), failures: [] });

/** Checks one answer: never a 5xx, always a request id, and an API error is the documented error body. */
function judge(tally: Tally, c: Case, status: number, headers: Headers, text: string): boolean {
  tally.requests += 1;
  const klass = `${Math.floor(status / 100)}xx`;
  tally.byClass[klass] = (tally.byClass[klass] ?? 0) + 1;
  const problem = (why: string) => {
    if (tally.failures.length < 10) tally.failures.push(`${c.method} ${c.path.slice(0, 120)} → ${status} ${why}: ${text.slice(0, 200)}`);
    return false;
  };
  if (status >= 500) return problem('server error');
  if (!headers.get('x-request-id')) return problem('no X-Request-Id');
  if (status >= 400 && c.method !== 'HEAD' && /application\/json/.test(headers.get('content-type') ?? '')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return problem('error body is not JSON');
    }
    if (!ErrorBody.safeParse(parsed).success) return problem('error body off contract');
  }
  if (status >= 400 && c.path.startsWith('/v1/') && !/application\/json/.test(headers.get('content-type') ?? '') && c.method !== 'HEAD') {
    return problem('API error without a JSON body');
  }
  return true;
}

/** Sets up cards, sessions, a quote and an order, and the pools of real values the fuzzer mixes in. */
async function prepare(target: Sandbox | string): Promise<{ creds: Credentials; pools: Pools }> {
  const card = (template: 'active' | 'expired') =>
    call(target, 'POST', '/sandbox/cards', { token: DEMO_KEY, body: { template } }).then((r) => r.body as { id: string; iccid: string });
  const mint = async (iccid: string) => (await call(target, 'POST', '/v1/sessions', { token: DEMO_KEY, body: { iccid } })).body.token as string;
  const a = await card('active');
  const b = await card('expired');
  const creds: Credentials = {
    main: await mint(a.iccid),
    other: await mint(b.iccid),
    expired: await mint(a.iccid),
    faults: await mint(a.iccid),
    expire: await mint(a.iccid),
  };
  await call(target, 'POST', '/sandbox/sessions/expire', { token: creds.expired });
  const plans = (await call(target, 'GET', '/v1/plans', { token: creds.main })).body.plans as Array<{ id: string }>;
  const q = (await call(target, 'POST', '/v1/quotes', { token: creds.main, body: { planId: plans[0]!.id } })).body;
  const qb = (await call(target, 'POST', '/v1/quotes', { token: creds.other, body: { planId: plans[0]!.id } })).body;
  const headers = { 'Idempotency-Key': 'fuzz-setup' };
  const o = (await call(target, 'POST', '/v1/orders', { token: creds.main, body: { quoteId: q.id, paymentMethod: 'card' }, headers })).body;
  const w = (await call(target, 'POST', '/v1/orders', { token: creds.other, body: { quoteId: qb.id, paymentMethod: 'alipay' }, headers })).body;
  const ids = [o.id, w.id, q.id, 'ord_doesnotexist', a.id];
  return {
    creds,
    pools: {
      ids,
      values: {
        planId: plans.slice(0, 8).map((p) => p.id),
        quoteId: [q.id, qb.id, 'quo_nope'],
        iccid: [a.iccid, b.iccid, '89860000000000000094'],
        promoCode: ['TRAVEL20', 'SUMMER2025', 'SOON', 'ONCE', 'LIMITED', 'travel20 '],
        // Pages the partner registered (loopback) and ones it did not, or that break the rules in other ways.
        returnUrl: ['http://localhost:8000/my-esim', 'https://evil.example/', 'http://127.0.0.1:1@evil.example/', 'https://x.example/\u0000'],
        url: ['http://127.0.0.1:8000/renew?a=1', 'https://evil.example/', 'http://localhost/\t'],
        number: ['4242 4242 4242 4242', '4000 0000 0000 0002', '4242424242424241'],
        path: ['/v1/card', '/v1/*', '*', '/sandbox/faults'],
        outcome: ['succeed', 'fail'],
        id: ids,
      },
    },
  };
}

async function fuzzOperation(op: Operation, send: (c: Case) => Promise<boolean>, runs: number, seed: number) {
  await fc.assert(fc.asyncProperty(caseArbFor(op), send), { numRuns: runs, seed, endOnFailure: true });
}

let caseArbFor: (op: Operation) => fc.Arbitrary<Case>;

describe('hostile input: property-based fuzzing of every endpoint', () => {
  const inProcess = newTally();
  const overHttp = newTally();
  let rawProbes = 0;
  let crashes = 0;
  let sandbox: Sandbox;
  let server: SandboxProcess;
  const dir = mkdtempSync(join(tmpdir(), 'esim-fuzz-'));

  before(async () => {
    sandbox = createSandbox({
      dbPath: ':memory:',
      settleDelayMs: 20,
      sweepIntervalMs: 20,
      rateLimits: { sessionsPerMinute: 1e9, ordersPerMinute: 1e9, quotesPerMinute: 1e9, handoffsPerMinute: 1e9, claimsPerMinute: 1e9 },
    });
    server = await spawnSandbox(dir);
  });

  after(async () => {
    sandbox.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    const fuzzRequests = inProcess.requests + overHttp.requests;
    const fuzz4xx = (inProcess.byClass['4xx'] ?? 0) + (overHttp.byClass['4xx'] ?? 0);
    const fuzz5xx = (inProcess.byClass['5xx'] ?? 0) + (overHttp.byClass['5xx'] ?? 0);
    recordFigures('fuzz', {
      title: 'property-based fuzzing (fast-check) of body, query, path and headers of every OpenAPI operation',
      rows: {
        operations: OPS.length,
        'runs per operation (in process)': RUNS_PER_OPERATION,
        'requests in process': inProcess.requests,
        'requests over HTTP (npm start process)': overHttp.requests,
        'malformed raw HTTP probes': rawProbes,
        'refused before an answer (socket)': overHttp.byClass.refused ?? 0,
        '2xx / 3xx': (inProcess.byClass['2xx'] ?? 0) + (overHttp.byClass['2xx'] ?? 0) + (inProcess.byClass['3xx'] ?? 0) + (overHttp.byClass['3xx'] ?? 0),
        '4xx': fuzz4xx,
        '5xx': fuzz5xx,
        'server crashes': crashes,
        seed: SEED,
      },
      totals: { fuzzRequests, fuzz4xx, fuzz5xx, crashes },
    });
  });

  it(`answers ${RUNS_PER_OPERATION} generated requests per operation without a 5xx`, async () => {
    const { creds, pools } = await prepare(sandbox);
    caseArbFor = (op) => caseArb(op, creds, pools);
    assert.ok(OPS.length >= 20, `the OpenAPI document lists ${OPS.length} operations`);
    for (const [index, op] of OPS.entries()) {
      const name = `${op.method} ${op.path}`;
      await fuzzOperation(
        op,
        async (c) => {
          inProcess.perOperation.set(name, (inProcess.perOperation.get(name) ?? 0) + 1);
          const res = await sandbox.app.request(c.path, { method: c.method, headers: c.headers, body: c.body });
          return judge(inProcess, c, res.status, res.headers, await res.text());
        },
        RUNS_PER_OPERATION,
        SEED + index,
      ).catch((error) => assert.fail(`${name}: ${inProcess.failures.join('\n') || error}`));
    }
    assert.deepEqual(inProcess.failures, []);
    for (const op of OPS) assert.ok((inProcess.perOperation.get(`${op.method} ${op.path}`) ?? 0) >= RUNS_PER_OPERATION, `${op.method} ${op.path} fuzzed`);
    // Still serving: the sandbox's own health and a normal renewal step.
    assert.equal((await call(sandbox, 'GET', '/healthz')).status, 200);
    assert.equal((await call(sandbox, 'GET', '/v1/card', { token: creds.main })).status, 200);
  });

  it(`answers ${HTTP_RUNS} generated requests over real HTTP to the npm start process, which stays up`, async () => {
    const { creds, pools } = await prepare(server.url);
    const arbs = OPS.map((op) => caseArb(op, creds, pools));
    const send = async (c: Case) => {
      // fetch itself refuses a Content-Length that does not match the body; the raw probes below send such lies.
      // It also refuses header bytes outside printable ASCII (the in-process runs and the raw probes send those).
      const { 'Content-Length': _, ...raw } = c.headers;
      const headers = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.replace(/[^\x20-\x7e]/g, '?')]));
      const res = await fetch(server.url + c.path, { method: c.method, headers, body: c.body, redirect: 'manual' }).catch((error) => error as Error);
      if (res instanceof Error) {
        // A request the server refused at the socket is fine (counted apart); a dead server is not.
        if (!server.alive()) crashes += 1;
        overHttp.requests += 1;
        overHttp.byClass.refused = (overHttp.byClass.refused ?? 0) + 1;
        return server.alive();
      }
      return judge(overHttp, c, res.status, res.headers, await res.text());
    };
    await fc
      .assert(fc.asyncProperty(fc.oneof(...arbs), send), { numRuns: HTTP_RUNS, seed: SEED, endOnFailure: true })
      .catch((error) => assert.fail(overHttp.failures.join('\n') || String(error)));
    assert.deepEqual(overHttp.failures, []);
    assert.ok(server.alive(), 'the sandbox process is still running');
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  });

  it('rejects oversized bodies early: 413 before the rest of the body is even sent', async () => {
    const { port, hostname } = new URL(server.url);
    const token = (await prepare(server.url)).creds.main;
    /** Sends `head` and `chunks`, keeps the request open, and resolves with the status of an answer that came first. */
    const earlyAnswer = (head: string, chunks: string[]) =>
      new Promise<number>((resolve, reject) => {
        const socket = connect(Number(port), hostname);
        let data = '';
        socket.setTimeout(10_000, () => {
          socket.destroy();
          reject(new Error(`no early answer: ${data.slice(0, 80)}`));
        });
        socket.on('data', (chunk) => {
          data += chunk.toString();
          const status = /^HTTP\/1\.1 (\d{3})/.exec(data)?.[1];
          if (status) {
            socket.destroy();
            resolve(Number(status));
          }
        });
        socket.on('error', () => undefined);
        socket.write(head);
        for (const chunk of chunks) socket.write(chunk);
        // Never ends the body: an answer can only come from a server that stopped reading early.
      });
    const auth = `Authorization: Bearer ${token}\r\n`;
    // Declared too large: refused on the headers alone, before authentication.
    assert.equal(await earlyAnswer(`POST /v1/quotes HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n`, []), 413);
    assert.equal(await earlyAnswer(`POST /v1/orders HTTP/1.1\r\nHost: x\r\n${auth}Idempotency-Key: k\r\nContent-Length: 104857600\r\n\r\n`, []), 413);
    // Chunked, no length: reading stops once it passes the limit, with the client still sending.
    const chunk = `${(16 * 1024).toString(16)}\r\n${'x'.repeat(16 * 1024)}\r\n`;
    const chunked = `POST /v1/quotes HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    assert.equal(await earlyAnswer(chunked, Array.from({ length: Math.ceil(MAX_BODY_BYTES / 16384) + 2 }, () => chunk)), 413);
    rawProbes += 3;
    assert.ok(server.alive());
  });

  it('survives malformed HTTP on the wire, answering 4xx or closing the connection', async () => {
    const { port, hostname } = new URL(server.url);
    const probes = [
      'GARBAGE\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      'GET /v1/card HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
      'POST /v1/quotes HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello',
      'POST /v1/quotes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnot hex\r\n',
      `GET /v1/card HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`,
      'GET /v1/card HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \u0000\u0001\r\n\r\n',
      `GET /${'%'.repeat(10_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      'POST /v1/orders HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"quoteId":', // then hang up half-way
    ];
    for (const probe of probes) {
      const answer = await new Promise<string>((resolve) => {
        const socket = connect(Number(port), hostname);
        let data = '';
        socket.setTimeout(5_000, () => socket.destroy());
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('close', () => resolve(data));
        socket.on('error', () => resolve(data));
        socket.write(probe, () => socket.end());
      });
      rawProbes += 1;
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      assert.ok(status === 0 || (status >= 400 && status < 500), `${JSON.stringify(probe.slice(0, 60))} → ${answer.slice(0, 80)}`);
    }
    if (!server.alive()) crashes += 1;
    assert.ok(server.alive(), 'the sandbox process is still running');
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  });
});
