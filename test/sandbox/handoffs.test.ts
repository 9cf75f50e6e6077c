import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { call, manualClock, scanQr, sessionFor, testSandbox } from './helpers.ts';

const ICCID = '89860000000000000011';

describe('hand-off to another device', () => {
  const clock = manualClock();
  // The partner pages these links open, registered for the demo partner (loopback and the sandbox's own are seeded).
  const origins = ['https://travel.example', 'https://x.example'];
  const sandbox = testSandbox({ now: clock.now, demoOrigins: origins });
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
    // The partner's own parameters are kept byte for byte (a signed query must still verify).
    const opaque = await call(sandbox, 'POST', '/v1/handoffs', { token, body: { url: 'https://travel.example/r?sig=a%2Fb+c&flag&q=%zz' } });
    assert.equal(opaque.body.url, `https://travel.example/r?sig=a%2Fb+c&flag&q=%zz&esim_handoff=${opaque.body.code}`);
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
    // …no credentials in it, and short enough to scan: a page the code would push past 2048 characters is refused.
    const tooLong = `https://x.example/?q=${'a'.repeat(2010)}`;
    const refusedPages = ['javascript:alert(1)', 'data:text/html,x', '/renew', '', 'https://x.example/a b', 'http://[x', 'https://me:pw@x.example/', tooLong];
    for (const page of refusedPages) {
      const refused = await call(sandbox, 'POST', '/v1/handoffs', { token: japan, body: { url: page } });
      assert.equal(refused.body.error?.code, 'validation_failed', page);
    }
    assert.equal((await call(sandbox, 'POST', '/v1/handoffs', { token: japan, body: {} })).body.error?.code, 'validation_failed');
  });

  it('limits code guesses per client address, so one guesser does not lock out everyone else', async () => {
    const limited = testSandbox({ now: clock.now, demoOrigins: origins, rateLimits: { claimsPerMinute: 3 } });
    try {
      // As @hono/node-server hands each request to the app: with the socket it came in on.
      const claimFrom = async (remoteAddress: string, code = 'x'.repeat(22)) => {
        const init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) };
        return (await limited.app.request('/v1/handoffs/claim', init, { incoming: { socket: { remoteAddress } } })).status;
      };
      const guesser = [];
      for (let i = 0; i < 5; i += 1) guesser.push(await claimFrom('203.0.113.7'));
      assert.deepEqual(guesser, [404, 404, 404, 429, 429]);
      assert.equal(await claimFrom('198.51.100.20'), 404, 'another address is still answered');
      const token = await sessionFor(limited, ICCID);
      const { code } = (await call(limited, 'POST', '/v1/handoffs', { token, body: { url: 'https://travel.example/' } })).body;
      assert.equal(await claimFrom('198.51.100.20', code), 201, 'a real code from that address is claimed');
    } finally {
      limited.close();
    }
  });
});
