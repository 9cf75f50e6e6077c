// Client faults, injected at the sandbox (its fault switch): 500, 502 and 503 bursts, 429 with Retry-After,
// timeouts, connections dropped before and after the server committed, malformed JSON and JSON of the wrong shape,
// each once (the client's retries should absorb it) and in a burst longer than its retries (it must end in a clear
// error). Every call of the typed client is hit. A fault survives when the call ends in a successful retry or in a
// RenewalError with the expected code and a message in every locale, with no token in it, and no order doubled.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { en } from '../../src/i18n/en.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { createRenewalClient, isRenewalError, type RenewalClient, type RenewalErrorCode } from '../../src/index.ts';
import { recordFigures, size } from './figures.ts';
import { call, createOrder, newCardSession, newQuote } from './http.ts';

const ROUNDS = size('CHAOS_CLIENT_ROUNDS', { fast: 1, long: 5 });

interface Kind {
  name: string;
  fault: Record<string, unknown>;
  code: RenewalErrorCode;
  /** The client retries it (on idempotent calls). */
  retried: boolean;
}

const KINDS: Kind[] = [
  { name: '500', fault: { kind: 'status', status: 500 }, code: 'internal', retried: true },
  { name: '502', fault: { kind: 'status', status: 502 }, code: 'internal', retried: true },
  { name: '503', fault: { kind: 'status', status: 503 }, code: 'internal', retried: true },
  { name: '429 + Retry-After', fault: { kind: 'status', status: 429, retryAfter: 1 }, code: 'rate_limited', retried: true },
  { name: 'timeout', fault: { kind: 'delay', delayMs: 4_000 }, code: 'timeout', retried: true },
  { name: 'connection drop', fault: { kind: 'drop' }, code: 'network', retried: true },
  { name: 'drop after commit', fault: { kind: 'drop', phase: 'after' }, code: 'network', retried: true },
  { name: 'malformed JSON', fault: { kind: 'malformed_json', phase: 'after' }, code: 'invalid_response', retried: false },
  { name: 'wrong shape', fault: { kind: 'wrong_shape', phase: 'after' }, code: 'invalid_response', retried: false },
];

interface Ctx {
  client: RenewalClient;
  token: string;
  cardId: string;
  quoteId: string;
  orderId: string;
  key: string;
}

interface Target {
  name: string;
  method: string;
  path: (ctx: Ctx) => string;
  run: (ctx: Ctx) => Promise<unknown>;
  /** Retried by the client (false: not idempotent, fails on the first fault). */
  retried?: boolean;
  /** Keeps going whatever a read answers (waiting for an order polls until it is final). */
  polls?: boolean;
}

const TARGETS: Target[] = [
  { name: 'getCard', method: 'GET', path: () => '/v1/card', run: (c) => c.client.getCard() },
  { name: 'listPlans', method: 'GET', path: () => '/v1/plans', run: (c) => c.client.listPlans({ period: 'month' }) },
  { name: 'getUsage', method: 'GET', path: () => '/v1/card/usage', run: (c) => c.client.getUsage({ days: 7 }) },
  { name: 'createQuote', method: 'POST', path: () => '/v1/quotes', run: (c) => c.client.createQuote({ planId: 'global-month-10gb' }) },
  {
    name: 'createOrder',
    method: 'POST',
    path: () => '/v1/orders',
    run: (c) => c.client.createOrder({ quoteId: c.quoteId, paymentMethod: 'alipay' }, { idempotencyKey: c.key }),
  },
  { name: 'getOrder', method: 'GET', path: (c) => `/v1/orders/${c.orderId}`, run: (c) => c.client.getOrder(c.orderId) },
  { name: 'setAutoRenew', method: 'PUT', path: () => '/v1/card/auto-renew', run: (c) => c.client.setAutoRenew({ enabled: false }) },
  { name: 'cancelOrder', method: 'POST', path: (c) => `/v1/orders/${c.orderId}/cancel`, run: (c) => c.client.cancelOrder(c.orderId), retried: false },
  {
    name: 'waitForOrder',
    method: 'GET',
    path: (c) => `/v1/orders/${c.orderId}`,
    run: (c) => c.client.waitForOrder(c.orderId, { interval: 20, maxInterval: 50 }),
    polls: true,
  },
];

describe('client faults injected at the sandbox', () => {
  let server: RunningSandbox;
  const tally = { cases: 0, casesSurvived: 0, injected: 0, survived: 0, retriedOk: 0, clearErrors: 0, ordersDuplicated: 0, tokenLeaks: 0 };
  const failures: string[] = [];

  before(async () => {
    server = await startSandbox({ settleDelayMs: 30, rateLimits: { sessionsPerMinute: 1e9, ordersPerMinute: 1e9, quotesPerMinute: 1e9, handoffsPerMinute: 1e9, claimsPerMinute: 1e9 } });
  });

  after(async () => {
    await server.close();
    recordFigures('client-faults', {
      title: 'typed client × sandbox fault switch: every call × every fault kind, once and in a burst',
      rows: {
        'calls × kinds × {once, burst} × rounds': `${TARGETS.length} × ${KINDS.length} × 2 × ${ROUNDS}`,
        cases: tally.cases,
        'faults injected (faulty answers the client saw)': tally.injected,
        'faults survived': tally.survived,
        'cases ended by a successful retry': tally.retriedOk,
        'cases ended by a clear localized error': tally.clearErrors,
        'orders duplicated': tally.ordersDuplicated,
        'tokens in error messages': tally.tokenLeaks,
      },
      totals: { faultsInjected: tally.injected, faultsSurvived: tally.survived, ordersDuplicated: tally.ordersDuplicated, tokenLeaks: tally.tokenLeaks },
    });
  });

  async function runCase(target: Target, kind: Kind, times: number): Promise<void> {
    const label = `${target.name} × ${kind.name} × ${times}`;
    const { card, token } = await newCardSession(server.url);
    let seen = 0;
    // Counts the faulty answers this client actually received (status, garbage, cut connections, timeouts).
    const counting: typeof fetch = async (input, init) => {
      try {
        const res = await fetch(input, init);
        if (res.status >= 500 || res.status === 429) seen += 1;
        else if (['{"card": ', '{"unexpected":true}'].includes(await res.clone().text())) seen += 1;
        return res;
      } catch (error) {
        seen += 1;
        throw error;
      }
    };
    // A timeout well above a loaded CI machine's answer times: only the injected delay may trip it (a spurious
    // timeout would abort an attempt whose fault the server already spent, and the case would measure the machine).
    const client = createRenewalClient({ baseUrl: server.url, sessionToken: token, timeout: 1_500, fetch: counting });
    const quote = await newQuote(server.url, token);
    const ctx: Ctx = { client, token, cardId: card.id, quoteId: quote.id, orderId: '', key: `key-${Math.random()}` };
    if (!['createOrder', 'createQuote'].includes(target.name)) {
      const existing = await createOrder(server.url, token, { quoteId: quote.id, paymentMethod: 'alipay' }, 'setup');
      ctx.orderId = existing.body.id;
    }
    const armed = await call(server.url, 'POST', '/sandbox/faults', {
      token,
      body: { method: target.method, path: target.path(ctx), times, ...kind.fault },
    });
    assert.equal(armed.status, 201, armed.text);
    if (target.polls) await call(server.url, 'POST', `/sandbox/orders/${ctx.orderId}/simulate`, { token, body: { outcome: 'succeed' } });

    const retried = kind.retried && target.retried !== false;
    const expectSuccess = target.polls || (retried && times <= 2);
    let outcome: unknown;
    try {
      outcome = await target.run(ctx);
    } catch (error) {
      outcome = error;
    }
    const problems: string[] = [];
    if (expectSuccess) {
      if (outcome instanceof Error) problems.push(`expected a successful retry, got ${outcome.message}`);
    } else if (!isRenewalError(outcome)) {
      problems.push(`expected a RenewalError ${kind.code}, got ${JSON.stringify(outcome)?.slice(0, 100)}`);
    } else {
      if (outcome.code !== kind.code) problems.push(`expected code ${kind.code}, got ${outcome.code}: ${outcome.message}`);
      if (!en.errors[outcome.code] || !zhCN.errors[outcome.code]) problems.push(`no localized message for ${outcome.code}`);
      const shown = [outcome.message, outcome.stack ?? '', JSON.stringify(outcome), String(outcome)].join('\n');
      if (shown.includes(token)) {
        tally.tokenLeaks += 1;
        problems.push('the session token is in the error');
      }
    }
    if (target.name === 'createOrder') {
      await call(server.url, 'DELETE', '/sandbox/faults', { token });
      // The traveller presses Pay again: the same attempt, the same key.
      const again = await client.createOrder({ quoteId: quote.id, paymentMethod: 'alipay' }, { idempotencyKey: ctx.key }).catch((e: Error) => e);
      if (again instanceof Error) problems.push(`the retried attempt failed: ${again.message}`);
      const { n } = server.sandbox.db.prepare('SELECT COUNT(*) AS n FROM orders WHERE card_id = ?').get(card.id) as { n: number };
      tally.ordersDuplicated += Math.max(0, n - 1);
      if (n !== 1) problems.push(`${n} orders for one attempt`);
    }
    if (seen === 0) problems.push('no fault reached the client');
    tally.cases += 1;
    tally.injected += seen;
    if (problems.length === 0) {
      tally.casesSurvived += 1;
      tally.survived += seen;
      if (expectSuccess) tally.retriedOk += 1;
      else tally.clearErrors += 1;
    } else {
      failures.push(`${label}: ${problems.join('; ')}`);
    }
  }

  it('every call survives every fault kind, once and in a burst longer than its retries', async () => {
    const cases: Array<() => Promise<void>> = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const target of TARGETS) {
        for (const kind of KINDS) for (const times of [1, 3]) cases.push(() => runCase(target, kind, times));
      }
    }
    // Cases are independent (a card and a token each; faults are per token): run several at once.
    let next = 0;
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        while (next < cases.length) await cases[next++]!();
      }),
    );
    assert.deepEqual(failures, []);
    assert.equal(tally.casesSurvived, tally.cases);
    assert.equal(tally.survived, tally.injected);
  });
});
