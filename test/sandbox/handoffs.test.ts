import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { call, manualClock, sessionFor, testSandbox } from './helpers.ts';

const ICCID = '89860000000000000011';

describe('hand-off to another device', () => {
  const clock = manualClock();
  const sandbox = testSandbox({ now: clock.now });
  after(() => sandbox.close());

  it('mints a code that another device exchanges, once, for a session on the same card with the plan preselected', async () => {
    const token = await sessionFor(sandbox, ICCID, { locale: 'zh-CN' });
    const made = await call(sandbox, 'POST', '/v1/handoffs', { token, body: { planId: 'jp-day-1gb' } });
    assert.equal(made.status, 201);
    const { code } = made.body;
    assert.ok(code.length >= 16);
    const claimed = await call(sandbox, 'POST', '/v1/handoffs/claim', { body: { code } });
    assert.equal(claimed.status, 201);
    assert.equal(claimed.body.planId, 'jp-day-1gb');
    assert.equal(claimed.body.locale, 'zh-CN');
    assert.notEqual(claimed.body.token, token);
    const card = await call(sandbox, 'GET', '/v1/card', { token: claimed.body.token });
    const mine = await call(sandbox, 'GET', '/v1/card', { token });
    assert.equal(card.body.id, mine.body.id);
    const again = await call(sandbox, 'POST', '/v1/handoffs/claim', { body: { code } });
    assert.equal(again.status, 409);
  });

  it('refuses an expired, unknown or malformed code, and a plan that cannot renew the card', async () => {
    const token = await sessionFor(sandbox, ICCID);
    const { code } = (await call(sandbox, 'POST', '/v1/handoffs', { token, body: {} })).body;
    clock.advance(10 * 60_000);
    assert.equal((await call(sandbox, 'POST', '/v1/handoffs/claim', { body: { code } })).body.error.code, 'session_expired');
    assert.equal((await call(sandbox, 'POST', '/v1/handoffs/claim', { body: { code: 'x'.repeat(22) } })).status, 404);
    assert.equal((await call(sandbox, 'POST', '/v1/handoffs/claim', { body: { code: 1 } })).status, 400);
    const japan = await sessionFor(sandbox, '89860000000000000086');
    assert.equal((await call(sandbox, 'POST', '/v1/handoffs', { token: japan, body: { planId: 'eu-month-10gb' } })).status, 409);
    assert.equal((await call(sandbox, 'POST', '/v1/handoffs', { body: {} })).status, 401);
  });
});
