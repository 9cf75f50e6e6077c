// Managing webhook endpoints and reading the event log, with the partner's secret key: the signing secret is shown
// once, endpoints go only to http(s) servers (http on loopback only), each partner sees only its own, and the log
// pages newest first.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { DEMO_KEY, OTHER_KEY, call, freshCard, sessionFor, ICCID, testSandbox } from './helpers.ts';

describe('webhook endpoints and the event log', () => {
  const sandbox = testSandbox({ webhooks: { sweepIntervalMs: 1e9 } });
  after(() => sandbox.close());
  const create = (body: unknown, token = DEMO_KEY) => call(sandbox, 'POST', '/v1/webhook-endpoints', { token, body });
  const list = (token = DEMO_KEY) => call(sandbox, 'GET', '/v1/webhook-endpoints', { token });

  it('creates an endpoint with every event and the default days, and shows its secret only once', async () => {
    const created = await create({ url: 'https://partner.example/esim/webhooks', description: 'production' });
    assert.equal(created.status, 201, created.text);
    assert.match(created.body.secret, /^whsec_[A-Za-z0-9_-]{32}$/);
    assert.deepEqual(created.body.events, ['card.expiring', 'card.data_low', 'card.expired', 'order.succeeded', 'order.failed', 'refund.decided', 'card.transferred']);
    assert.deepEqual(created.body.expiringDays, [14, 7, 3, 1]);
    const listed = await list();
    const mine = listed.body.endpoints.find((e: { id: string }) => e.id === created.body.id);
    assert.equal(mine.description, 'production');
    assert.ok(!('secret' in mine) && !listed.text.includes(created.body.secret), 'the secret is never shown again');
  });

  it('keeps the events and days asked for (days largest first, once each)', async () => {
    const created = await create({ url: 'http://localhost:3000/hooks', events: ['order.failed', 'card.expiring'], expiringDays: [1, 30, 7, 7] });
    assert.equal(created.status, 201, created.text);
    assert.deepEqual(created.body.events, ['card.expiring', 'order.failed']);
    assert.deepEqual(created.body.expiringDays, [30, 7, 1]);
  });

  it('sends only to https, or http on a loopback host, without credentials', async () => {
    for (const url of ['https://partner.example/hooks', 'http://127.0.0.1:9/hooks', 'http://[::1]:9/', 'https://localhost/']) {
      assert.equal((await create({ url })).status, 201, url);
    }
    const refused = {
      'http://partner.example/hooks': 'scheme',
      'https://user:pw@partner.example/': 'credentials',
      'http://127.0.0.1:9@evil.example/': 'credentials',
    };
    for (const [url, rule] of Object.entries(refused)) {
      const answer = await create({ url });
      assert.equal(answer.status, 400, url);
      assert.equal(answer.body.error.details.rule, rule, url);
    }
    for (const body of [{ url: 'javascript:alert(1)' }, { url: 'ftp://partner.example/' }, { url: '/hooks' }, { url: 'https://x.example/', events: ['card.exploded'] },
      { url: 'https://x.example/', expiringDays: [0] }, { url: 'https://x.example/', events: [] }, {}]) {
      const answer = await create(body);
      assert.equal(answer.body.error?.code, 'validation_failed', JSON.stringify(body));
    }
  });

  it("keeps each partner's endpoints to itself, and refuses session tokens", async () => {
    const theirs = await create({ url: 'https://other-agency.example/hooks' }, OTHER_KEY);
    assert.equal(theirs.status, 201);
    assert.ok(!(await list()).body.endpoints.some((e: { id: string }) => e.id === theirs.body.id));
    assert.equal((await call(sandbox, 'DELETE', `/v1/webhook-endpoints/${theirs.body.id}`, { token: DEMO_KEY })).status, 404);
    assert.equal((await list(OTHER_KEY)).body.endpoints.length, 1);
    const token = await sessionFor(sandbox, ICCID.active);
    assert.equal((await create({ url: 'https://x.example/' }, token)).status, 403);
    assert.equal((await call(sandbox, 'GET', '/v1/events', { token })).status, 403);
    const deleted = await call(sandbox, 'DELETE', `/v1/webhook-endpoints/${theirs.body.id}`, { token: OTHER_KEY });
    assert.deepEqual(deleted.body, { id: theirs.body.id, deleted: true });
    assert.equal((await list(OTHER_KEY)).body.endpoints.length, 0);
    assert.equal((await call(sandbox, 'DELETE', `/v1/webhook-endpoints/${theirs.body.id}`, { token: OTHER_KEY })).status, 404);
  });

  it('allows 16 endpoints per partner', async () => {
    const have = (await list(OTHER_KEY)).body.endpoints.length;
    for (let i = have; i < 16; i += 1) assert.equal((await create({ url: `https://other-agency.example/${i}` }, OTHER_KEY)).status, 201);
    assert.equal((await create({ url: 'https://other-agency.example/17' }, OTHER_KEY)).status, 409);
  });

  it('lists events newest first, a page at a time, by type', async () => {
    for (let i = 0; i < 3; i += 1) await freshCard(sandbox, 'expired');
    sandbox.recordReminders();
    const all = await call(sandbox, 'GET', '/v1/events?type=card.expired&limit=100', { token: DEMO_KEY });
    assert.equal(all.status, 200);
    assert.ok(all.body.events.length >= 4, 'three new expired cards and the seeded one');
    assert.ok(all.body.events.every((e: { type: string }) => e.type === 'card.expired'));
    const first = await call(sandbox, 'GET', '/v1/events?type=card.expired&limit=2', { token: DEMO_KEY });
    const second = await call(sandbox, 'GET', `/v1/events?type=card.expired&limit=2&cursor=${first.body.nextCursor}`, { token: DEMO_KEY });
    assert.deepEqual([...first.body.events, ...second.body.events].map((e: { id: string }) => e.id), all.body.events.slice(0, 4).map((e: { id: string }) => e.id));
    const times = all.body.events.map((e: { createdAt: string }) => e.createdAt);
    assert.deepEqual(times, [...times].sort().reverse());
    // Another partner's log has none of these.
    const theirs = await call(sandbox, 'GET', '/v1/events?limit=100', { token: OTHER_KEY });
    assert.ok(!theirs.body.events.some((e: { id: string }) => all.body.events.some((m: { id: string }) => m.id === e.id)));
    for (const query of ['?cursor=abc', '?limit=0', '?limit=101', '?type=card.exploded']) {
      assert.equal((await call(sandbox, 'GET', `/v1/events${query}`, { token: DEMO_KEY })).body.error?.code, 'validation_failed', query);
    }
  });
});
