// Where the API may send a traveller: a card payment's return URL and a hand-off link's page must be web pages on an
// origin the card's partner registered — https, or http on a loopback host — without a user name or password.
// Anything else is `400 validation_failed` with a message that names the rule.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createSandbox } from '../../sandbox/app.ts';
import { ICCID, OTHER_KEY, call, freshCard, order, postForm, quote, sessionFor, testSandbox } from './helpers.ts';

describe('return URLs and hand-off pages are bound to the partner', () => {
  // The demo partner is seeded with the sandbox's own origin and loopback; this one also lets it use a shop's site.
  const sandbox = testSandbox({
    publicUrl: 'https://sandbox.example', demoOrigins: ['https://shop.example'], rateLimits: { handoffsPerMinute: 100 },
  });
  after(() => sandbox.close());

  /** Orders a fresh quote with this return URL; the reply. */
  async function orderReturningTo(token: string, returnUrl: string) {
    const q = await quote(sandbox, token);
    return order(sandbox, token, { quoteId: q.id, paymentMethod: 'card', returnUrl });
  }
  const handoffTo = (token: string, url: string) => call(sandbox, 'POST', '/v1/handoffs', { token, body: { url } });

  /** Pages either rule refuses, and the words its message uses. */
  const REFUSED: Array<[page: string, rule: RegExp]> = [
    ['https://evil.example/back', /on https:\/\/evil\.example, which is not an origin registered for this partner/],
    ['http://127.0.0.1:8787@evil.example/back', /user name or password/],
    ['https://me:secret@shop.example/back', /user name or password/],
    ['http://shop.example/back', /must use https \(http only on a loopback host/],
    ['ftp://shop.example/back', /absolute http\(s\) URL/],
    ['javascript:alert(1)', /absolute http\(s\) URL/],
    ['//shop.example/back', /absolute http\(s\) URL/],
    ['https://shop.example/\u0000back', /control characters/],
    ['https://shop.example/back\u001b[0m', /control characters/],
    ['https://shop.example/a\tb', /control characters/],
  ];

  it('refuses a return URL off the registered origins, saying which rule it breaks', async () => {
    const { token } = await freshCard(sandbox, 'active');
    for (const [page, rule] of REFUSED) {
      const reply = await orderReturningTo(token, page);
      assert.equal(reply.status, 400, `${JSON.stringify(page)}: ${reply.text}`);
      assert.equal(reply.body.error.code, 'validation_failed');
      assert.match(reply.body.error.message, rule, JSON.stringify(page));
      assert.deepEqual(reply.body.error.details.issues[0].path, ['returnUrl']);
    }
  });

  it('accepts the registered origins: the shop, the sandbox\'s own pages and loopback on any port', async () => {
    const { token } = await freshCard(sandbox, 'active');
    const accepted = [
      'https://shop.example/renew?step=done#top',
      'https://sandbox.example/demo?card=1',
      'http://localhost:5173/my-esim',
      'http://127.0.0.1:8787/demo',
      'http://[::1]:3000/',
    ];
    for (const page of accepted) {
      const reply = await orderReturningTo(token, page);
      assert.equal(reply.status, 201, `${page}: ${reply.text}`);
    }
  });

  it('sends the traveller back only there, after paying', async () => {
    const { token } = await freshCard(sandbox, 'active');
    const created = await orderReturningTo(token, 'https://shop.example/renew');
    const paid = await postForm(sandbox, `/sandbox/checkout/${created.body.id}`, { number: '4242424242424242' });
    assert.equal(paid.status, 303);
    assert.equal(new URL(paid.headers.get('location')!).origin, 'https://shop.example');
  });

  it("binds each partner to its own origins: another partner's card cannot return to the demo partner's", async () => {
    const other = await sessionFor(sandbox, ICCID.other, {}, OTHER_KEY);
    const refused = await orderReturningTo(other, 'http://localhost:5173/my-esim');
    assert.equal(refused.status, 400);
    assert.match(refused.body.error.message, /on http:\/\/localhost:5173, which is not an origin registered/);
    assert.equal((await orderReturningTo(other, 'https://other-agency.example/esim')).status, 201);
  });

  it('applies the same rule to the page a hand-off link opens', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    for (const [page, rule] of REFUSED) {
      const reply = await handoffTo(token, page);
      assert.equal(reply.status, 400, `${JSON.stringify(page)}: ${reply.text}`);
      assert.match(reply.body.error.message, rule, JSON.stringify(page));
      assert.deepEqual(reply.body.error.details.issues[0].path, ['url']);
    }
    assert.equal((await handoffTo(token, 'https://shop.example/renew')).status, 201);
    assert.equal((await handoffTo(token, 'http://localhost:8000/renew')).status, 201);
  });

  it('refuses to start with an origin it could never accept', () => {
    for (const origin of ['http://shop.example', 'https://shop.example/path', 'shop.example', 'https://*.example', 'https://me@shop.example']) {
      assert.throws(() => testSandbox({ demoOrigins: [origin] }), /demoOrigins/, origin);
    }
  });

  it('brings a database an older sandbox seeded up to date: partners get their origins, the new promo code appears', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esim-upgrade-'));
    try {
      const dbPath = join(dir, 'sandbox.db');
      const older = createSandbox({ dbPath });
      // As an older sandbox left it: no origins yet, no LIMITED code.
      older.db.exec("UPDATE partners SET origins = NULL; DELETE FROM promo_codes WHERE code = 'LIMITED'");
      older.close();
      const reopened = createSandbox({ dbPath });
      try {
        const token = await sessionFor(reopened, ICCID.active);
        const q = await quote(reopened, token, { planId: 'jp-day-1gb', promoCode: 'LIMITED' });
        const ordered = await order(reopened, token, { quoteId: q.id, paymentMethod: 'card', returnUrl: 'http://localhost:8000/' });
        assert.equal(ordered.status, 201, ordered.text);
        assert.equal((await order(reopened, token, { quoteId: q.id, paymentMethod: 'card', returnUrl: 'https://evil.example/' })).status, 400);
      } finally {
        reopened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
