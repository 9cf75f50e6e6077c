// Authorization, case by case: card A's session against card B's card, orders, usage and faults; another
// partner's key against this partner's cards; missing, expired, tampered and misplaced credentials on every
// endpoint the OpenAPI document says needs one; secret keys from browser origins. Every case must be denied, and a
// denial must not leak what it denies.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { buildOpenApi } from '../../sandbox/openapi.ts';
import { recordFigures } from '../chaos/figures.ts';
import { DEMO_KEY, OTHER_KEY, call, freshCard, manualClock, order, quote, testSandbox, type Reply } from '../sandbox/helpers.ts';
import { operations } from './openapi-arbitraries.ts';

const OPS = operations(buildOpenApi() as any);

interface Outcome {
  name: string;
  status: number;
  denied: boolean;
}

describe('authorization: every cross-card, cross-partner and bad-credential case is denied', () => {
  const clock = manualClock();
  // The hand-off pages below are on a partner site registered for the demo partner.
  const sandbox = testSandbox({ now: clock.now, demoOrigins: ['https://travel.example'], rateLimits: { sessionsPerMinute: 1e6, ordersPerMinute: 1e6, quotesPerMinute: 1e6, handoffsPerMinute: 1e6, claimsPerMinute: 1e6 } });
  const outcomes: Outcome[] = [];

  after(() => {
    sandbox.close();
    const byStatus: Record<string, number> = {};
    for (const o of outcomes) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    const denied = outcomes.filter((o) => o.denied).length;
    recordFigures('authz', {
      title: "session tokens against other cards, other partners' keys, bad and misplaced credentials",
      rows: {
        cases: outcomes.length,
        denied,
        'allowed (must be 0)': outcomes.length - denied,
        ...Object.fromEntries(Object.entries(byStatus).map(([status, n]) => [`answered ${status}`, n])),
      },
      totals: { authzCases: outcomes.length, authzDenied: denied },
    });
  });

  /** Records a case; `denied` says whether the reply denied it without leaking any of `secrets`. */
  function record(name: string, reply: Reply, deniedStatuses: number[], secrets: string[] = []): void {
    // A secret counts as leaked when it stands on its own, not as digits inside a longer number (the last four of an
    // ICCID are often found inside a usage figure in bytes).
    const standsAlone = (secret: string) => new RegExp(`(?<![0-9A-Za-z])${secret.replace(/[^0-9A-Za-z]/g, '\\$&')}(?![0-9A-Za-z])`);
    const leaked = secrets.filter((s) => standsAlone(s).test(reply.text));
    const denied = deniedStatuses.includes(reply.status) && leaked.length === 0;
    outcomes.push({ name, status: reply.status, denied });
    assert.ok(denied, `${name}: ${reply.status} ${leaked.length ? `leaks ${leaked.join(', ')}` : ''} ${reply.text.slice(0, 200)}`);
  }

  /** Two cards of the demo partner with sessions, a card of the other partner, and B's quote and orders. */
  async function world() {
    const a = await freshCard(sandbox, 'active');
    const b = await freshCard(sandbox, 'active');
    const other = (await call(sandbox, 'POST', '/sandbox/cards', { token: OTHER_KEY, body: { template: 'active' } })).body;
    const aQuote = await quote(sandbox, a.token);
    const aOrder = (await order(sandbox, a.token, { quoteId: aQuote.id, paymentMethod: 'card' })).body;
    const bQuote = await quote(sandbox, b.token);
    const bBody = { quoteId: bQuote.id, paymentMethod: 'alipay' };
    const bOrder = (await order(sandbox, b.token, bBody, 'b-key')).body;
    const bHandoff = (await call(sandbox, 'POST', '/v1/handoffs', { token: b.token, body: { url: 'https://travel.example/' } })).body;
    const bSecrets = [b.card.id, b.card.iccid, b.card.iccid.slice(-4), bOrder.id, bQuote.id];
    return { a, b, other, aQuote, aOrder, bQuote, bBody, bOrder, bHandoff, bSecrets };
  }

  it("denies card A's session every one of card B's orders, quotes, idempotency keys and faults", async () => {
    const w = await world();
    const { a, b, bOrder, bSecrets } = w;
    const statusOf = () => (sandbox.db.prepare('SELECT status FROM orders WHERE id = ?').get(bOrder.id) as { status: string }).status;

    record("A reads B's order", await call(sandbox, 'GET', `/v1/orders/${bOrder.id}`, { token: a.token }), [404], bSecrets);
    record("A cancels B's order", await call(sandbox, 'POST', `/v1/orders/${bOrder.id}/cancel`, { token: a.token }), [404], bSecrets);
    record("A refreshes B's payment code", await call(sandbox, 'POST', `/v1/orders/${bOrder.id}/refresh-payment`, { token: a.token }), [404], bSecrets);
    record("A simulates paying B's order", await call(sandbox, 'POST', `/sandbox/orders/${bOrder.id}/simulate`, { token: a.token, body: { outcome: 'succeed' } }), [404], bSecrets);
    assert.equal(statusOf(), 'requires_payment', "B's order untouched");
    record("A orders with B's quote", await order(sandbox, a.token, { quoteId: w.bQuote.id, paymentMethod: 'card' }), [404], bSecrets);
    record("A replays B's Idempotency-Key and body", await order(sandbox, a.token, w.bBody, 'b-key'), [404], bSecrets);
    record("A sends B's order id as a query parameter", await call(sandbox, 'GET', `/v1/orders/${w.aOrder.id}?id=${bOrder.id}&orderId=${bOrder.id}`, { token: a.token }), [200], bSecrets);

    // The card, its usage and auto-renew are the session's own: no parameter reaches another card.
    const own = await call(sandbox, 'GET', '/v1/card', { token: a.token });
    const pointed = await call(sandbox, 'GET', `/v1/card?cardId=${b.card.id}&iccid=${b.card.iccid}`, { token: a.token, headers: { 'X-Card-Id': b.card.id } });
    record("A asks for B's card by query and header", pointed, [200], bSecrets);
    assert.deepEqual(pointed.body, own.body);
    const ownUsage = await call(sandbox, 'GET', '/v1/card/usage?days=30', { token: a.token });
    const pointedUsage = await call(sandbox, 'GET', `/v1/card/usage?days=30&cardId=${b.card.id}&iccid=${b.card.iccid}`, { token: a.token });
    record("A asks for B's usage by query", pointedUsage, [200], bSecrets);
    assert.deepEqual(pointedUsage.body, ownUsage.body);
    assert.equal((await call(sandbox, 'PUT', '/v1/card/auto-renew', { token: b.token, body: { enabled: true, planId: 'jp-month-10gb' } })).status, 200);
    const autoRenew = await call(sandbox, 'PUT', `/v1/card/auto-renew?cardId=${b.card.id}`, { token: a.token, body: { enabled: false, cardId: b.card.id } });
    record("A switches B's auto-renew off by query and body", autoRenew, [200, 400], bSecrets);
    const bRow = sandbox.db.prepare('SELECT auto_renew FROM cards WHERE id = ?').get(b.card.id) as { auto_renew: number };
    assert.equal(bRow.auto_renew, 1, "B's auto-renew is still on");

    // Faults are armed per token: A can neither hit nor clear B's.
    assert.equal((await call(sandbox, 'POST', '/sandbox/faults', { token: b.token, body: { path: '/v1/card', kind: 'status', status: 503 } })).status, 201);
    assert.equal((await call(sandbox, 'POST', '/sandbox/faults', { token: a.token, body: { path: '*', kind: 'status', status: 500, times: 10 } })).status, 201);
    assert.equal((await call(sandbox, 'DELETE', '/sandbox/faults', { token: a.token })).status, 204);
    const bCard = await call(sandbox, 'GET', '/v1/card', { token: b.token });
    outcomes.push({ name: "A clears B's faults", status: bCard.status, denied: bCard.status === 503 });
    assert.equal(bCard.status, 503, "B's fault survived A's DELETE");
    assert.equal((await call(sandbox, 'POST', '/sandbox/faults', { token: a.token, body: { path: '*', kind: 'status', status: 500, times: 10 } })).status, 201);
    const bAgain = await call(sandbox, 'GET', '/v1/card', { token: b.token });
    outcomes.push({ name: "A's faults hit B", status: bAgain.status, denied: bAgain.status === 200 });
    assert.equal(bAgain.status, 200, "A's fault did not touch B");
  });

  it("denies another partner's key this partner's cards and orders", async () => {
    const w = await world();
    record("other partner mints a session for B's card", await call(sandbox, 'POST', '/v1/sessions', { token: OTHER_KEY, body: { iccid: w.b.card.iccid } }), [404], w.bSecrets);
    record("other partner simulates B's payment", await call(sandbox, 'POST', `/sandbox/orders/${w.bOrder.id}/simulate`, { token: OTHER_KEY, body: { outcome: 'succeed' } }), [404], w.bSecrets);
    record("other partner lists cards (B's absent)", await call(sandbox, 'GET', '/v1/cards', { token: OTHER_KEY }), [200], w.bSecrets);
    record("demo partner mints a session for the other partner's card", await call(sandbox, 'POST', '/v1/sessions', { token: DEMO_KEY, body: { iccid: w.other.iccid } }), [404], [w.other.id]);
  });

  it('denies a hand-off code that is unknown, used or expired', async () => {
    const w = await world();
    const claim = (code: string) => call(sandbox, 'POST', '/v1/handoffs/claim', { body: { code } });
    record('claim an unknown code', await claim('x'.repeat(22)), [404], w.bSecrets);
    const first = await claim(w.bHandoff.code);
    assert.equal(first.status, 201, first.text);
    record('claim a used code', await claim(w.bHandoff.code), [409], w.bSecrets);
    const fresh = (await call(sandbox, 'POST', '/v1/handoffs', { token: w.b.token, body: { url: 'https://travel.example/' } })).body;
    clock.advance(10 * 60_000 + 1);
    record('claim an expired code', await claim(fresh.code), [401], w.bSecrets);
  });

  it('denies missing, expired, tampered and misplaced credentials on every endpoint that needs one', async () => {
    const w = await world();
    const expired = await freshCard(sandbox, 'active');
    await call(sandbox, 'POST', '/sandbox/sessions/expire', { token: expired.token });
    const tampered = w.a.token.slice(0, 10) + (w.a.token[10] === 'x' ? 'y' : 'x') + w.a.token.slice(11);
    const bodies: Record<string, unknown> = {
      '/v1/sessions': { iccid: w.a.card.iccid },
      '/v1/card/auto-renew': { enabled: false },
      '/v1/quotes': { planId: 'jp-month-10gb' },
      '/v1/orders': { quoteId: w.aQuote.id, paymentMethod: 'card' },
      '/v1/handoffs': { url: 'https://travel.example/' },
      '/sandbox/orders/{id}/simulate': { outcome: 'succeed' },
      '/sandbox/cards': { template: 'active' },
      '/sandbox/faults': { path: '/v1/card', kind: 'status', status: 500 },
    };
    const guarded = OPS.filter((op) => op.security.length > 0);
    assert.ok(guarded.length >= 15, `${guarded.length} guarded operations`);
    for (const op of guarded) {
      const path = op.path.replace(/\{\w+\}/g, w.aOrder.id);
      // Bodies are by path; GET /v1/orders shares its path with POST /v1/orders and takes none.
      const body = op.method === 'GET' ? undefined : bodies[op.path];
      const send = (headers: Record<string, string>, suffix = '') =>
        call(sandbox, op.method, path + suffix, { body, headers: { 'Idempotency-Key': `authz-${Math.random()}`, ...headers } });
      const name = (what: string) => `${what} → ${op.method} ${op.path}`;
      const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
      const session = op.security.includes('sessionToken');
      const partner = op.security.includes('secretKey');

      record(name('no credential'), await send({}), [401]);
      record(name('Basic credential'), await send({ Authorization: `Basic ${Buffer.from(`x:${DEMO_KEY}`).toString('base64')}` }), [401]);
      record(name('token in the query string'), await send({}, `?token=${w.a.token}&access_token=${w.a.token}`), [401]);
      record(name('token in a cookie'), await send({ Cookie: `token=${w.a.token}; session=${w.a.token}` }), [401]);
      record(name('secret key from a browser origin'), await send({ ...bearer(DEMO_KEY), Origin: 'https://shop.example' }), [403]);
      record(name('unknown secret key from a browser origin'), await send({ ...bearer('sk_live_guess'), Origin: 'null' }), [403]);
      if (session) {
        record(name('tampered session token'), await send(bearer(tampered)), [401]);
        record(name('truncated session token'), await send(bearer(w.a.token.slice(0, -1))), [401]);
        if (op.path !== '/sandbox/sessions/expire') record(name('expired session token'), await send(bearer(expired.token)), [401]);
      }
      if (session && !partner) {
        record(name('secret key on a session endpoint'), await send(bearer(DEMO_KEY)), [403]);
        record(name("other partner's secret key"), await send(bearer(OTHER_KEY)), [403]);
      }
      if (partner && !session) {
        record(name('session token on a partner endpoint'), await send(bearer(w.a.token)), [403]);
        record(name('unknown secret key'), await send(bearer('sk_test_unknown')), [401]);
      }
    }
  });

  it('refuses to renew a suspended card whatever the session says', async () => {
    const suspended = await freshCard(sandbox, 'suspended');
    record('suspended card asks for a quote', await call(sandbox, 'POST', '/v1/quotes', { token: suspended.token, body: { planId: 'jp-month-10gb' } }), [403]);
    record('suspended card orders', await order(sandbox, suspended.token, { quoteId: 'quo_x', paymentMethod: 'card' }), [403]);
  });
});
