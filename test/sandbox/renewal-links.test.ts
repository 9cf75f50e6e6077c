// Renewal links, as a partner's server mints them with its secret key: a single-use, short-lived link on the
// partner's registered page (or another page on its origins) that `<esim-renewal>` exchanges for a session on the
// card, the plan preselected; its QR code scans to the same link. (The widget opening one: test/e2e/reminders.)
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { DEMO_KEY, ICCID, OTHER_KEY, call, manualClock, scanQr, sessionFor, testSandbox } from './helpers.ts';

describe('renewal links', () => {
  const clock = manualClock(Date.UTC(2026, 10, 25, 8));
  const sandbox = testSandbox({ now: clock.now, publicUrl: 'https://sandbox.example', demoOrigins: ['https://travel.example'] });
  after(() => sandbox.close());
  const mint = (body: Record<string, unknown>, token = DEMO_KEY) => call(sandbox, 'POST', '/v1/renewal-links', { token, body });
  const claim = (url: string) =>
    call(sandbox, 'POST', '/v1/handoffs/claim', { body: { code: new URL(url).searchParams.get('esim_handoff') } });

  it('opens the registered renewal page, signed in to the card with the plan preselected, once', async () => {
    const link = await mint({ iccid: ICCID.expiring, planId: 'global-month-10gb', locale: 'zh-CN' });
    assert.equal(link.status, 201, link.text);
    assert.match(link.body.url, /^https:\/\/sandbox\.example\/demo\?esim_handoff=[A-Za-z0-9_-]{22}$/);
    assert.equal(scanQr(link.body.qr), link.body.url);
    assert.equal(link.body.planId, 'global-month-10gb');
    assert.equal(link.body.expiresAt, new Date(clock.now() + 24 * 3600_000).toISOString(), '24 hours by default');
    const claimed = await claim(link.body.url);
    assert.equal(claimed.status, 201, claimed.text);
    assert.deepEqual([claimed.body.planId, claimed.body.locale], ['global-month-10gb', 'zh-CN']);
    const card = await call(sandbox, 'GET', '/v1/card', { token: claimed.body.token });
    assert.equal(card.body.iccid, `•••• ${ICCID.expiring.slice(-4)}`);
    assert.equal((await claim(link.body.url)).status, 409, 'single use');
  });

  it('expires after expiresIn', async () => {
    const link = (await mint({ iccid: ICCID.expiring, expiresIn: 60 })).body;
    assert.equal(link.planId, null);
    clock.advance(60_000);
    const late = await claim(link.url);
    assert.deepEqual([late.status, late.body.error.code], [401, 'session_expired']);
  });

  it("goes to another page only on the partner's origins, keeping its query", async () => {
    const page = 'https://travel.example/my-esim?traveller=42';
    const link = (await mint({ iccid: ICCID.active, url: page })).body;
    assert.match(link.url, /^https:\/\/travel\.example\/my-esim\?traveller=42&esim_handoff=/);
    for (const url of ['https://evil.example/', 'http://travel.example/', 'javascript:alert(1)']) {
      assert.equal((await mint({ iccid: ICCID.active, url })).body.error?.code, 'validation_failed', url);
    }
  });

  it("refuses another partner's card, a plan that cannot renew the card, bad lifetimes and session tokens", async () => {
    assert.equal((await mint({ iccid: ICCID.other })).status, 404);
    assert.equal((await mint({ iccid: ICCID.active }, OTHER_KEY)).status, 404);
    assert.equal((await mint({ iccid: ICCID.japanOnly, planId: 'eu-month-10gb' })).status, 409);
    assert.equal((await mint({ iccid: ICCID.active, planId: 'no-such-plan' })).status, 409);
    for (const expiresIn of [59, 604_801, 1.5]) {
      assert.equal((await mint({ iccid: ICCID.active, expiresIn })).body.error?.code, 'validation_failed', String(expiresIn));
    }
    assert.equal((await mint({ iccid: ICCID.active }, await sessionFor(sandbox, ICCID.active))).status, 403);
  });
});
