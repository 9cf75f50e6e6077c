// The sandbox clock: a partner moves its own time (and nobody else's); settlement, refund decisions, card states,
// sessions and hand-off codes follow it; it survives a restart; it never goes before real time.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DAY_MS } from '../../sandbox/units.ts';
import { DEMO_KEY, ICCID, OTHER_KEY, call, freshCard, manualClock, order, quote, sessionFor, testSandbox } from './helpers.ts';

describe('the sandbox clock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'esim-clock-'));
  const clock = manualClock(Date.UTC(2026, 10, 25, 8));
  const open = () => testSandbox({ dbPath: join(dir, 'sandbox.db'), now: clock.now, settleDelayMs: 60_000 });
  let sandbox = open();
  after(() => {
    sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const move = (body: unknown, token = DEMO_KEY) => call(sandbox, 'POST', '/sandbox/clock', { token, body });
  const timeOf = async (token = DEMO_KEY) => (await call(sandbox, 'GET', '/sandbox/clock', { token })).body;

  it("moves one partner's time, not another's, and survives a restart", async () => {
    assert.deepEqual(await timeOf(), { now: new Date(clock.now()).toISOString(), offsetSeconds: 0 });
    const moved = await move({ advance: { days: 2, hours: 3 } });
    assert.equal(moved.status, 200, moved.text);
    assert.equal(moved.body.now, new Date(clock.now() + 2 * DAY_MS + 3 * 3600_000).toISOString());
    assert.equal((await timeOf(OTHER_KEY)).offsetSeconds, 0, "the other partner's time did not move");
    sandbox.close();
    sandbox = open();
    assert.equal((await timeOf()).offsetSeconds, (2 * 24 + 3) * 3600);
    // Real time passing moves the partner's time with it.
    clock.advance(60_000);
    assert.equal((await timeOf()).now, new Date(clock.now() + (2 * 24 + 3) * 3600_000).toISOString());
    assert.equal((await move({ reset: true })).body.offsetSeconds, 0);
  });

  it('sets a time, never before real time nor past ten years, and takes exactly one instruction', async () => {
    const target = new Date(clock.now() + 5 * DAY_MS).toISOString();
    assert.equal((await move({ set: target })).body.now, target);
    for (const body of [
      { set: new Date(clock.now() - 1000).toISOString() },
      { advance: { days: 3651 } },
      { advance: { days: 1 }, reset: true },
      {},
      { advance: { days: -1 } },
      { reset: false },
    ]) {
      const refused = await move(body);
      assert.equal(refused.body.error?.code, 'validation_failed', JSON.stringify(body));
    }
    assert.equal((await timeOf()).now, target, 'a refused move changes nothing');
    assert.equal((await move({ advance: { days: 1 } }, await sessionFor(sandbox, ICCID.active))).status, 403);
    await move({ reset: true });
  });

  it('settlement and refund decisions run on the partner clock', async () => {
    const { token } = await freshCard(sandbox, 'refund_full');
    const [past] = (await call(sandbox, 'GET', '/v1/orders', { token })).body.orders;
    const paid = (await order(sandbox, token, { quoteId: (await quote(sandbox, token)).id, paymentMethod: 'wechat_pay' })).body;
    await call(sandbox, 'POST', `/sandbox/orders/${paid.id}/simulate`, { token, body: { outcome: 'succeed' } });
    await call(sandbox, 'POST', `/v1/orders/${past.id}/refunds`, { token, body: {}, headers: { 'Idempotency-Key': 'k' } });
    const status = async () => [
      (await call(sandbox, 'GET', `/v1/orders/${paid.id}`, { token })).body.status,
      (await call(sandbox, 'GET', `/v1/orders/${past.id}`, { token })).body.refund.status,
    ];
    // The settle delay is a minute: real time has not moved, the partner's time does.
    assert.deepEqual(await status(), ['processing', 'requested']);
    await move({ advance: { seconds: 59 } });
    assert.deepEqual(await status(), ['processing', 'requested']);
    await move({ advance: { seconds: 1 } });
    assert.deepEqual(await status(), ['succeeded', 'approved']);
    await move({ reset: true });
  });

  it('card states, sessions and hand-off codes follow the partner clock', async () => {
    const token = await sessionFor(sandbox, ICCID.active); // 30 days left, a 30-minute session
    const card = async (t = token) => call(sandbox, 'GET', '/v1/card', { token: t });
    assert.equal((await card()).body.status, 'active');
    const { code } = (await call(sandbox, 'POST', '/v1/handoffs', { token, body: { url: 'http://localhost/' } })).body;
    await move({ advance: { minutes: 31 } });
    assert.equal((await card()).body.error.code, 'session_expired');
    assert.equal((await call(sandbox, 'POST', '/v1/handoffs/claim', { body: { code } })).body.error.code, 'session_expired');
    await move({ advance: { days: 25 } });
    const fresh = await sessionFor(sandbox, ICCID.active);
    assert.equal((await card(fresh)).body.status, 'expiring');
    assert.equal((await card(fresh)).body.asOf, (await timeOf()).now);
    await move({ advance: { days: 5 } });
    assert.equal((await card(await sessionFor(sandbox, ICCID.active))).body.status, 'expired');
    const listed = (await call(sandbox, 'GET', '/v1/cards', { token: DEMO_KEY })).body.cards;
    assert.equal(listed.find((c: { iccid: string }) => c.iccid === ICCID.active).status, 'expired');
    // The other partner's cards are still on real time.
    const theirs = (await call(sandbox, 'GET', '/v1/cards', { token: OTHER_KEY })).body.cards;
    assert.equal(theirs.find((c: { iccid: string }) => c.iccid === ICCID.other).status, 'active');
  });
});
