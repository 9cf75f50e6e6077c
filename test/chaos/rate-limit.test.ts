// Rate limiting over real HTTP (sessions, orders, quotes, hand-off links and their claims): a concurrent burst gets
// exactly the bucket's worth through and every other request a 429 `rate_limited` with a Retry-After that, once
// waited (on the sandbox's clock), lets the next one through; one card's burst does not throttle another card.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { manualClock } from '../sandbox/helpers.ts';
import { recordFigures, size } from './figures.ts';
import { call, createOrder, DEMO_KEY, newCardSession, newQuote, type Reply } from './http.ts';

const LIMIT = 5;
const BURST = size('CHAOS_RATE_BURST', { fast: 30, long: 300 });

describe('rate limiting on the session, order, quote and hand-off endpoints', () => {
  const clock = manualClock();
  let server: RunningSandbox;
  const rows: Record<string, number> = {};
  let limited = 0;

  before(async () => {
    const perMinute = { sessionsPerMinute: LIMIT, ordersPerMinute: LIMIT, quotesPerMinute: LIMIT, handoffsPerMinute: LIMIT };
    // The hand-off page below is on a partner site registered for the demo partner.
    server = await startSandbox({ now: clock.now, demoOrigins: ['https://travel.example'], rateLimits: { ...perMinute, claimsPerMinute: LIMIT } });
  });
  after(async () => {
    await server.close();
    recordFigures('rate-limit', {
      title:
        `token buckets of ${LIMIT}/min on POST /v1/sessions (per partner), POST /v1/orders, /v1/quotes and ` +
        '/v1/handoffs (per card) and POST /v1/handoffs/claim (per client address)',
      rows: { 'burst size': BURST, ...rows },
      totals: { rateLimited429: limited },
    });
  });

  /** Counts a burst's answers; every 429 must be `rate_limited` with a whole-second Retry-After of at least 1. */
  function judge(name: string, replies: Reply[]): { ok: number; retryAfter: number } {
    const ok = replies.filter((r) => r.status === 201).length;
    const refused = replies.filter((r) => r.status === 429);
    for (const r of refused) {
      assert.equal(r.body.error.code, 'rate_limited');
      assert.match(r.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
    }
    assert.equal(ok + refused.length, replies.length, `${name}: only 201 and 429`);
    rows[`${name}: accepted`] = ok;
    rows[`${name}: 429 with Retry-After`] = refused.length;
    limited += refused.length;
    return { ok, retryAfter: Math.max(...refused.map((r) => Number(r.headers.get('retry-after')))) };
  }

  it('session minting: a burst gets the bucket through, the rest 429 + Retry-After, and waiting it out works', async () => {
    // The test's own set-up card comes from the unlimited /sandbox/cards endpoint.
    const card = (await call(server.url, 'POST', '/sandbox/cards', { token: DEMO_KEY, body: { template: 'active' } })).body;
    const mint = () => call(server.url, 'POST', '/v1/sessions', { token: DEMO_KEY, body: { iccid: card.iccid } });
    const { ok, retryAfter } = judge('sessions', await Promise.all(Array.from({ length: BURST }, mint)));
    assert.equal(ok, LIMIT);
    assert.equal((await mint()).status, 429);
    clock.advance(retryAfter * 1000);
    assert.equal((await mint()).status, 201, 'after Retry-After, one more gets through');
  });

  it('order creation: per card, 429 + Retry-After beyond the bucket, and another card is not throttled', async () => {
    clock.advance(60_000);
    const a = await newCardSession(server.url);
    const b = await newCardSession(server.url);
    const quote = await newQuote(server.url, a.token);
    const burst = Array.from({ length: BURST }, (_, i) => createOrder(server.url, a.token, { quoteId: quote.id, paymentMethod: 'card' }, `k${i}`));
    const { ok, retryAfter } = judge('orders', await Promise.all(burst));
    assert.equal(ok, LIMIT);
    const other = await createOrder(server.url, b.token, { quoteId: (await newQuote(server.url, b.token)).id, paymentMethod: 'card' }, 'b');
    assert.equal(other.status, 201, 'card B is not throttled by card A');
    clock.advance(retryAfter * 1000);
    assert.equal((await createOrder(server.url, a.token, { quoteId: quote.id, paymentMethod: 'card' }, 'after')).status, 201);
  });
  it('quotes and hand-off links per card, and hand-off claims per client address', async () => {
    clock.advance(60_000);
    const a = await newCardSession(server.url);
    const b = await newCardSession(server.url);
    const quote = (token: string) => call(server.url, 'POST', '/v1/quotes', { token, body: { planId: 'global-month-10gb' } });
    const quotes = judge('quotes', await Promise.all(Array.from({ length: BURST }, () => quote(a.token))));
    assert.equal(quotes.ok, LIMIT);
    assert.equal((await quote(b.token)).status, 201, 'card B is not throttled by card A');

    const body = { url: 'https://travel.example/renew' };
    const link = (token: string) => call(server.url, 'POST', '/v1/handoffs', { token, body });
    const links = judge('hand-off links', await Promise.all(Array.from({ length: BURST }, () => link(a.token))));
    assert.equal(links.ok, LIMIT);
    assert.equal((await link(b.token)).status, 201, 'card B is not throttled by card A');

    // Guessing codes: the first LIMIT are answered (not found), the rest refused before the code is even looked up.
    const claim = (code: string) => call(server.url, 'POST', '/v1/handoffs/claim', { body: { code } });
    const guesses = await Promise.all(Array.from({ length: BURST }, (_, i) => claim(`guess-${String(i).padStart(8, '0')}`)));
    assert.equal(guesses.filter((r) => r.status === 404).length, LIMIT);
    assert.equal(guesses.filter((r) => r.status === 429 && r.body.error.code === 'rate_limited').length, BURST - LIMIT);
    rows['hand-off claims: answered'] = LIMIT;
    rows['hand-off claims: 429 with Retry-After'] = BURST - LIMIT;
    limited += BURST - LIMIT;
    clock.advance(60_000);
    const { code } = (await link(b.token)).body;
    assert.equal((await claim(code)).status, 201, 'after a minute, a real code is claimed');
  });
});
