import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { call, manualClock, scanQr, sessionFor, testSandbox } from './helpers.ts';

const ICCID = '89860000000000000011';

describe('hand-off to another device', () => {
  const clock = manualClock();
  const sandbox = testSandbox({ now: clock.now });
  after(() => sandbox.close());

  it('mints a code that another device exchanges, once, for a session on the same card with the plan preselected', async () => {
    const token = await sessionFor(sandbox, ICCID, { locale: 'zh-CN' });
    const page = 'https://travel.example/renew?card=7&esim_order=ord_1#plans';
    const made = await call(sandbox, 'POST', '/v1/handoffs', { token, body: { url: page, planId: 'jp-day-1gb' } });
    assert.equal(made.status, 201);
    const { code, url, qr } = made.body;
    assert.ok(code.length >= 16);
    // The same page with the code, without this visit's payment return or fragment; its QR code scans to it.
    assert.equal(url, `https://travel.example/renew?card=7&esim_handoff=${code}`);
    assert.equal(scanQr(qr), url);
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
    const { code } = (await call(sandbox, 'POST', '/v1/handoffs', { token, body: { url: 'http://localhost/' } })).body;
    clock.advance(10 * 60_000);
    assert.equal((await call(sandbox, 'POST', '/v1/handoffs/claim', { body: { code } })).body.error.code, 'session_expired');
    assert.equal((await call(sandbox, 'POST', '/v1/handoffs/claim', { body: { code: 'x'.repeat(22) } })).status, 404);
    assert.equal((await call(sandbox, 'POST', '/v1/handoffs/claim', { body: { code: 1 } })).status, 400);
    const japan = await sessionFor(sandbox, '89860000000000000086');
    const url = 'https://travel.example/renew';
    assert.equal((await call(sandbox, 'POST', '/v1/handoffs', { token: japan, body: { url, planId: 'eu-month-10gb' } })).status, 409);
    assert.equal((await call(sandbox, 'POST', '/v1/handoffs', { body: { url } })).status, 401);
    // The link is only ever a web page: no script, no other scheme, no relative address.
    // …and one a phone can scan: a link that escaping makes too long is refused, not a server error.
    const tooLong = `https://x.example/?q=${'"'.repeat(1000)}`;
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/renew', '', 'https://x.example/a b', 'http://[x', tooLong]) {
      const refused = await call(sandbox, 'POST', '/v1/handoffs', { token: japan, body: { url: bad } });
      assert.equal(refused.body.error?.code, 'validation_failed', bad);
    }
    assert.equal((await call(sandbox, 'POST', '/v1/handoffs', { token: japan, body: {} })).body.error?.code, 'validation_failed');
  });
});
