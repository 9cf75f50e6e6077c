import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Card, DeviceList, Transfer, TransferResult } from '../../src/client/schemas.ts';
import { maskContact } from '../../sandbox/activation.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { DEMO_KEY, OTHER_KEY, call, freshCard, manualClock, scanQr, sessionFor, testSandbox } from './helpers.ts';

const NEW_PHONE = { brand: 'Samsung', model: 'Galaxy S24' };

describe('devices', () => {
  const sandbox = testSandbox();
  after(() => sandbox.close());

  const search = async (token: string, q?: string) => {
    const reply = await call(sandbox, 'GET', `/v1/devices${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`, { token });
    assert.equal(reply.status, 200, reply.text);
    return DeviceList.parse(reply.body).devices;
  };

  it('finds phones by every word of the query, case-insensitively, sorted by brand then model', async () => {
    const { token } = await freshCard(sandbox, 'active');
    const all = await search(token);
    assert.ok(all.length >= 60 && all.length <= 100, `${all.length} phones`);
    for (const brand of ['Apple', 'Samsung', 'Google', 'Huawei', 'Xiaomi', 'OPPO', 'Honor', 'vivo', 'Sony']) {
      assert.ok(all.some((d) => d.brand === brand), brand);
    }
    const sorted = [...all].sort((a, b) => a.brand.localeCompare(b.brand, 'en', { sensitivity: 'base' }));
    assert.deepEqual(all.map((d) => d.brand), sorted.map((d) => d.brand), 'grouped by brand in order');

    const iphone13 = await search(token, '  IPHONE   13 ');
    assert.ok(iphone13.length >= 5);
    assert.ok(iphone13.every((d) => /iphone 13/i.test(`${d.brand} ${d.model}`)));
    const china = iphone13.find((d) => d.model.includes('mainland China'))!;
    assert.equal(china.esim, false);
    assert.match(china.note!, /no eSIM/);
    assert.deepEqual((await search(token, 'samsung s20 us')).map((d) => [d.model, d.esim]), [['Galaxy S20 (US)', false], ['Galaxy S20+ (US)', false]]);
    assert.deepEqual(await search(token, 'nokia'), []);
    assert.equal((await search(token, 'a')).length, 50, 'at most 50 for a query');
    const tooLong = await call(sandbox, 'GET', `/v1/devices?q=${'x'.repeat(65)}`, { token });
    assert.equal(tooLong.status, 400);
    assert.equal((await call(sandbox, 'GET', '/v1/devices', { token: DEMO_KEY })).status, 403);
  });
});

describe('moving the card to a new phone', () => {
  const clock = manualClock();
  const sandbox = testSandbox({ now: clock.now });
  after(() => sandbox.close());

  const start = (token: string, phone: unknown = NEW_PHONE) => call(sandbox, 'POST', '/v1/card/transfer', { token, body: phone });
  const verify = (token: string, id: string, code: string) =>
    call(sandbox, 'POST', `/v1/card/transfer/${id}/verify`, { token, body: { code } });
  const otp = async (token: string, id: string) => (await call(sandbox, 'GET', `/sandbox/transfers/${id}/otp`, { token })).body.code as string;
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  const install = (activationCode: string) => call(sandbox, 'POST', '/sandbox/activations/install', { body: { activationCode } });
  const activationOf = async (iccid: string) =>
    (await call(sandbox, 'GET', `/sandbox/cards/${iccid}/activation`, { token: DEMO_KEY })).body as { activationCode: string; state: string };

  async function begin(template: Parameters<typeof freshCard>[1] = 'active') {
    const fresh = await freshCard(sandbox, template);
    const reply = await start(fresh.token);
    assert.equal(reply.status, 201, reply.text);
    const transfer = Transfer.parse(reply.body);
    return { ...fresh, transfer, code: await otp(fresh.token, transfer.id) };
  }

  it('masks where the code went', () => {
    assert.deepEqual(maskContact('+86 13812345678'), { channel: 'sms', destination: '+86 138****5678' });
    assert.deepEqual(maskContact('+1 4155550134'), { channel: 'sms', destination: '+1 415***0134' });
    assert.deepEqual(maskContact('traveller.ny@example.com'), { channel: 'email', destination: 't***@example.com' });
  });

  it('sends a 6-digit code for a compatible phone: 5 attempts, 10 minutes', async () => {
    const { transfer, code } = await begin();
    assert.deepEqual({ ...transfer, id: '' }, {
      id: '', status: 'verifying', channel: 'sms', destination: '+86 138****5678', attemptsLeft: 5,
      expiresAt: new Date(clock.now() + 10 * 60_000).toISOString(),
    });
    assert.match(code, /^\d{6}$/);
    const email = await begin('unlimited');
    assert.deepEqual([email.transfer.channel, email.transfer.destination], ['email', 't***@example.com']);
  });

  it('sends at most 5 codes per card an hour, answering 429 with Retry-After, then again', async () => {
    const fresh = await freshCard(sandbox, 'active');
    for (let i = 0; i < 5; i += 1) assert.equal((await start(fresh.token)).status, 201);
    const refused = await start(fresh.token);
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error.code, 'rate_limited');
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    clock.advance(60 * 60_000 + 1);
    assert.equal((await start(await sessionFor(sandbox, fresh.card.iccid))).status, 201);
  });

  it('refuses a phone that takes no eSIM, or that it does not know, with device_incompatible', async () => {
    const { token } = await freshCard(sandbox, 'active');
    const china = await start(token, { brand: 'apple', model: 'iPhone XR (mainland China)' });
    assert.equal(china.status, 422);
    assert.equal(china.body.error.code, 'device_incompatible');
    assert.deepEqual(Object.keys(china.body.error.details).sort(), ['brand', 'model', 'note']);
    const unknown = await start(token, { brand: 'Nokia', model: '3310' });
    assert.equal(unknown.status, 422);
    assert.deepEqual(unknown.body.error.details, { brand: 'Nokia', model: '3310' });
    assert.equal((await start(token, { brand: '', model: 'x' })).status, 400);
  });

  it('refuses a suspended card', async () => {
    const { token } = await freshCard(sandbox, 'suspended');
    const reply = await start(token);
    assert.equal(reply.status, 403);
    assert.equal(reply.body.error.code, 'forbidden');
  });

  it('takes one attempt per wrong code, and locks after 5: then even the right code is refused', async () => {
    const { token, transfer, code } = await begin();
    const first = await verify(token, transfer.id, wrong(code));
    assert.equal(first.status, 422);
    assert.deepEqual([first.body.error.code, first.body.error.details], ['otp_invalid', { attemptsLeft: 4 }]);
    for (const left of [3, 2, 1]) assert.equal((await verify(token, transfer.id, wrong(code))).body.error.details.attemptsLeft, left);
    const fifth = await verify(token, transfer.id, wrong(code));
    assert.equal(fifth.status, 423);
    assert.equal(fifth.body.error.code, 'otp_locked');
    const right = await verify(token, transfer.id, code);
    assert.equal(right.status, 423);
    // A new move starts over with a new code.
    const again = Transfer.parse((await start(token)).body);
    assert.equal(again.attemptsLeft, 5);
    assert.equal((await verify(token, again.id, await otp(token, again.id))).status, 200);
  });

  it('moves the card with the right code: a new single-use activation, the phone recorded, data and expiry kept', async () => {
    const { token, card, transfer, code } = await begin();
    const before = Card.parse((await call(sandbox, 'GET', '/v1/card', { token })).body);
    assert.deepEqual(before.device, { brand: 'Apple', model: 'iPhone 14 Pro' });
    const old = await activationOf(card.iccid);
    assert.equal(old.state, 'installed');

    const reply = await verify(token, transfer.id, code);
    assert.equal(reply.status, 200, reply.text);
    const result = TransferResult.parse(reply.body);
    assert.equal(result.transfer.status, 'completed');
    const { activation } = result;
    assert.match(activation.activationCode, /^ESIM-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    assert.equal(activation.smdpAddress, 'smdp.sandbox.esim-renewal.dev');
    assert.equal(activation.lpa, `LPA:1$${activation.smdpAddress}$${activation.activationCode}`);
    assert.match(activation.lpa, /^LPA:1\$smdp\.[\w.-]+\$ESIM-/);
    assert.equal(scanQr(activation.qr), activation.lpa); // what the new phone's camera reads
    assert.equal(activation.expiresAt, new Date(clock.now() + 30 * 60_000).toISOString());
    assert.deepEqual(result.card.device, NEW_PHONE);
    const afterwards = Card.parse((await call(sandbox, 'GET', '/v1/card', { token })).body);
    assert.deepEqual(afterwards.device, NEW_PHONE);
    for (const key of ['expiresAt', 'data', 'plan', 'renewalCount', 'credit', 'status'] as const) {
      assert.deepEqual(afterwards[key], before[key], key);
    }
    assert.deepEqual(await activationOf(card.iccid), { activationCode: activation.activationCode, state: 'ready' });

    // The new code installs once; the old one no longer works at all.
    const installed = await install(activation.activationCode);
    assert.equal(installed.status, 200, installed.text);
    assert.deepEqual(installed.body, { installed: true, iccidLast4: card.iccid.slice(-4) });
    const twice = await install(activation.activationCode);
    assert.deepEqual([twice.status, twice.body.error.code, twice.body.error.details], [409, 'invalid_state', { reason: 'used' }]);
    const stale = await install(old.activationCode);
    assert.deepEqual([stale.status, stale.body.error.details], [409, { reason: 'transferred' }]);
    assert.equal((await activationOf(card.iccid)).state, 'installed');
    // The move is done: its code cannot be used again.
    const replay = await verify(token, transfer.id, code);
    assert.deepEqual([replay.status, replay.body.error.details], [409, { status: 'completed' }]);
  });

  it('ends every session and unclaimed hand-off link of the card minted before the move, except the one that moved it', async () => {
    const { card, token, transfer, code } = await begin();
    const oldPhone = await sessionFor(sandbox, card.iccid);
    const handoff = (await call(sandbox, 'POST', '/v1/handoffs', { token: oldPhone, body: { url: 'http://localhost/' } })).body;
    const claimedEarlier = (await call(sandbox, 'POST', '/v1/handoffs/claim', {
      body: { code: (await call(sandbox, 'POST', '/v1/handoffs', { token: oldPhone, body: { url: 'http://localhost/' } })).body.code },
    })).body.token;
    const otherCard = (await freshCard(sandbox, 'active')).token;
    assert.equal((await verify(token, transfer.id, code)).status, 200);

    for (const [who, revoked] of [['the old phone', oldPhone], ['a hand-off session', claimedEarlier]] as const) {
      const refused = await call(sandbox, 'GET', '/v1/card', { token: revoked });
      assert.equal(refused.status, 401, who);
      assert.deepEqual([refused.body.error.code, refused.body.error.details], ['session_expired', { reason: 'card_transferred' }], who);
      assert.match(refused.body.error.message, /moved to another phone/, who);
    }
    const link = await call(sandbox, 'POST', '/v1/handoffs/claim', { body: { code: handoff.code } });
    assert.equal(link.body.error?.code, 'session_expired', 'a link made before the move no longer opens the card');
    // The session that moved the card (it just proved the one-time code) carries on, as do other cards' sessions.
    assert.equal((await call(sandbox, 'GET', '/v1/card', { token })).status, 200);
    assert.equal((await call(sandbox, 'GET', '/v1/card', { token: otherCard })).status, 200);
    // The partner's backend mints a new one for the card (the widget asks it through getSessionToken): it works.
    const fresh = await sessionFor(sandbox, card.iccid);
    assert.equal((await call(sandbox, 'GET', '/v1/card', { token: fresh })).status, 200);
  });

  it('lets a new activation expire after 30 minutes unused', async () => {
    const { token, transfer, code } = await begin();
    const { activation } = TransferResult.parse((await verify(token, transfer.id, code)).body);
    clock.advance(30 * 60_000);
    const late = await install(activation.activationCode);
    assert.deepEqual([late.status, late.body.error.details], [409, { reason: 'expired' }]);
    assert.equal((await install('ESIM-NOPE-NOPE-NOPE')).status, 404);
  });

  it('expires a code after 10 minutes, and a newer move replaces an open one', async () => {
    const { token, transfer, code } = await begin();
    clock.advance(10 * 60_000);
    const late = await verify(token, transfer.id, code);
    assert.deepEqual([late.status, late.body.error.code, late.body.error.details], [409, 'invalid_state', { status: 'expired' }]);

    const first = Transfer.parse((await start(token)).body);
    const firstCode = await otp(token, first.id);
    const second = Transfer.parse((await start(token)).body);
    const superseded = await verify(token, first.id, firstCode);
    assert.deepEqual([superseded.status, superseded.body.error.details], [409, { status: 'expired' }]);
    assert.equal((await verify(token, second.id, await otp(token, second.id))).status, 200);
  });

  it("keeps a card's transfers and codes to that card and partner", async () => {
    const mine = await begin();
    const theirs = await freshCard(sandbox, 'active');
    assert.equal((await verify(theirs.token, mine.transfer.id, mine.code)).status, 404);
    assert.equal((await call(sandbox, 'GET', `/sandbox/transfers/${mine.transfer.id}/otp`, { token: theirs.token })).status, 404);
    assert.equal((await call(sandbox, 'GET', `/sandbox/cards/${mine.card.iccid}/activation`, { token: OTHER_KEY })).status, 404);
    assert.equal((await call(sandbox, 'GET', `/sandbox/cards/${mine.card.iccid}/activation`, { token: mine.token })).status, 403);
    assert.equal((await verify(mine.token, mine.transfer.id, '12345')).status, 400);
    assert.equal((await verify(mine.token, mine.transfer.id, mine.code)).status, 200);
  });
});

describe('moving the card, concurrently over HTTP', () => {
  it('takes every concurrent wrong guess into account and completes a move only once', async () => {
    const server = await startSandbox({});
    try {
      const post = (token: string, path: string, body: unknown) => call(server.url, 'POST', path, { token, body });
      const { token } = await freshCard(server.sandbox, 'active');
      const guessed = Transfer.parse((await post(token, '/v1/card/transfer', NEW_PHONE)).body);
      const code = (await call(server.url, 'GET', `/sandbox/transfers/${guessed.id}/otp`, { token })).body.code as string;
      const wrongCode = String((Number(code) + 7) % 1_000_000).padStart(6, '0');
      const guesses = await Promise.all(Array.from({ length: 10 }, () => post(token, `/v1/card/transfer/${guessed.id}/verify`, { code: wrongCode })));
      assert.deepEqual(guesses.map((r) => r.status).sort(), [422, 422, 422, 422, 423, 423, 423, 423, 423, 423]);
      assert.deepEqual(guesses.filter((r) => r.status === 422).map((r) => r.body.error.details.attemptsLeft).sort(), [1, 2, 3, 4]);

      const move = Transfer.parse((await post(token, '/v1/card/transfer', NEW_PHONE)).body);
      const right = (await call(server.url, 'GET', `/sandbox/transfers/${move.id}/otp`, { token })).body.code as string;
      const tries = await Promise.all(Array.from({ length: 10 }, () => post(token, `/v1/card/transfer/${move.id}/verify`, { code: right })));
      assert.deepEqual(tries.map((r) => r.status).sort(), [200, ...Array(9).fill(409)]);
      const { n } = server.sandbox.db.prepare(`SELECT COUNT(*) AS n FROM activations WHERE state = 'ready'`).get() as { n: number };
      assert.equal(n, 1, 'one new activation');
    } finally {
      await server.close();
    }
  });
});
