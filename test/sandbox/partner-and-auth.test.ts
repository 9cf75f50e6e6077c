import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { PartnerCardList, Session } from '../../src/client/schemas.ts';
import { DEMO_KEY, ICCID, OTHER_KEY, call, freshCard, manualClock, order, quote, sessionFor, testSandbox } from './helpers.ts';

describe('partner endpoints and authorization', () => {
  const clock = manualClock();
  const sandbox = testSandbox({ now: clock.now });
  after(() => sandbox.close());

  it('mints a session for a demo card with the secret key', async () => {
    const reply = await call(sandbox, 'POST', '/v1/sessions', { token: DEMO_KEY, body: { iccid: ICCID.active, locale: 'zh-CN' } });
    assert.equal(reply.status, 201);
    const session = Session.parse(reply.body);
    assert.match(session.token, /^rs_[A-Za-z0-9_-]{43}$/);
    assert.equal(session.cardId, 'card_active');
    assert.equal(Date.parse(session.expiresAt), clock.now() + 30 * 60_000);
    assert.ok(reply.headers.get('x-request-id'));
  });

  it('stores only a hash of the session token', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    const rows = sandbox.db.prepare('SELECT * FROM sessions').all() as Array<Record<string, unknown>>;
    assert.ok(rows.every((row) => !Object.values(row).includes(token)));
  });

  it('honours ttlSeconds', async () => {
    const reply = await call(sandbox, 'POST', '/v1/sessions', { token: DEMO_KEY, body: { iccid: ICCID.active, ttlSeconds: 120 } });
    assert.equal(Date.parse(reply.body.expiresAt), clock.now() + 120_000);
  });

  it("will not mint a session for another partner's card, nor an unknown one", async () => {
    const other = await call(sandbox, 'POST', '/v1/sessions', { token: OTHER_KEY, body: { iccid: ICCID.active } });
    assert.equal(other.status, 404);
    assert.equal(other.body.error.code, 'not_found');
    const unknown = await call(sandbox, 'POST', '/v1/sessions', { token: DEMO_KEY, body: { iccid: '898600000000000009999' } });
    assert.equal(unknown.status, 404);
  });

  it("lists the partner's own cards with full ICCIDs", async () => {
    const reply = await call(sandbox, 'GET', '/v1/cards', { token: DEMO_KEY });
    assert.equal(reply.status, 200);
    const { cards } = PartnerCardList.parse(reply.body);
    const iccids = cards.map((card) => card.iccid);
    for (const iccid of Object.values(ICCID).filter((i) => i !== ICCID.other)) assert.ok(iccids.includes(iccid), iccid);
    assert.ok(!iccids.includes(ICCID.other));
    const byIccid = Object.fromEntries(cards.map((card) => [card.iccid, card]));
    assert.equal(byIccid[ICCID.expiring]!.status, 'expiring');
    assert.equal(byIccid[ICCID.expired]!.status, 'expired');
    assert.equal(byIccid[ICCID.suspended]!.status, 'suspended');
    assert.ok(cards.every((card) => card.label.length > 0));
    const other = await call(sandbox, 'GET', '/v1/cards', { token: OTHER_KEY });
    assert.deepEqual(other.body.cards.map((c: { iccid: string }) => c.iccid), [ICCID.other]);
  });

  it('refuses a secret key sent from a browser, whatever the key', async () => {
    for (const token of [DEMO_KEY, 'sk_test_nope']) {
      const reply = await call(sandbox, 'GET', '/v1/cards', { token, headers: { Origin: 'https://shop.example' } });
      assert.equal(reply.status, 403);
      assert.equal(reply.body.error.code, 'forbidden');
      assert.equal(reply.body.error.message, 'Secret keys must never be sent from a browser; mint a session token on your server');
    }
  });

  it('refuses a session token on partner endpoints and a secret key on session endpoints', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    assert.equal((await call(sandbox, 'GET', '/v1/cards', { token })).status, 403);
    assert.equal((await call(sandbox, 'POST', '/v1/sessions', { token, body: { iccid: ICCID.active } })).status, 403);
    const withKey = await call(sandbox, 'GET', '/v1/card', { token: DEMO_KEY });
    assert.equal(withKey.status, 403);
    assert.equal(withKey.body.error.code, 'forbidden');
  });

  it('answers 401 unauthorized for missing, garbled, unknown and tampered tokens', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const cases: Array<Record<string, string>> = [
      {},
      { Authorization: 'Bearer' },
      { Authorization: 'Basic abc' },
      { Authorization: `Bearer ${tampered}` },
      { Authorization: 'Bearer rs_short' },
      { Authorization: 'Bearer rs_\u00e9\u00e9' },
      { Authorization: 'Bearer sk_test_unknown' },
    ];
    for (const headers of cases) {
      const path = headers.Authorization?.includes('sk_') ? '/v1/cards' : '/v1/card';
      const reply = await call(sandbox, 'GET', path, { headers });
      assert.equal(reply.status, 401, JSON.stringify(headers));
      assert.equal(reply.body.error.code, 'unauthorized');
    }
  });

  it('answers 401 session_expired once the session has expired', async () => {
    const token = await sessionFor(sandbox, ICCID.active, { ttlSeconds: 60 });
    assert.equal((await call(sandbox, 'GET', '/v1/card', { token })).status, 200);
    clock.advance(61_000);
    const reply = await call(sandbox, 'GET', '/v1/card', { token });
    assert.equal(reply.status, 401);
    assert.equal(reply.body.error.code, 'session_expired');
  });

  it('expires a session on request (test support)', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    assert.equal((await call(sandbox, 'POST', '/sandbox/sessions/expire', { token })).status, 204);
    assert.equal((await call(sandbox, 'GET', '/v1/card', { token })).body.error.code, 'session_expired');
  });

  it("cannot read another card's order", async () => {
    const a = await freshCard(sandbox, 'active');
    const b = await freshCard(sandbox, 'active');
    const q = await quote(sandbox, a.token);
    const created = await order(sandbox, a.token, { quoteId: q.id, paymentMethod: 'card' });
    assert.equal(created.status, 201);
    const reply = await call(sandbox, 'GET', `/v1/orders/${created.body.id}`, { token: b.token });
    assert.equal(reply.status, 404);
    assert.equal(reply.body.error.code, 'not_found');
    assert.equal((await call(sandbox, 'POST', `/v1/orders/${created.body.id}/cancel`, { token: b.token })).status, 404);
    // …nor order with card A's quote.
    assert.equal((await order(sandbox, b.token, { quoteId: q.id, paymentMethod: 'card' })).status, 404);
  });

  it('creates fresh cards from templates with unique ICCIDs', async () => {
    const one = await freshCard(sandbox, 'japan_only', 'CNY');
    const two = await freshCard(sandbox, 'japan_only');
    assert.notEqual(one.card.iccid, two.card.iccid);
    assert.match(one.card.iccid, /^\d{18,22}$/);
    const card = await call(sandbox, 'GET', '/v1/card', { token: one.token });
    assert.equal(card.body.currency, 'CNY');
    assert.deepEqual(card.body.coverage, ['JP']);
    const other = await call(sandbox, 'POST', '/sandbox/cards', { token: OTHER_KEY, body: { template: 'active' } });
    assert.equal(other.status, 201);
    assert.equal((await call(sandbox, 'POST', '/v1/sessions', { token: DEMO_KEY, body: { iccid: other.body.iccid } })).status, 404);
  });
});
