import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Card, Order } from '../../src/client/schemas.ts';
import { createSandbox, type Sandbox } from '../../sandbox/app.ts';
import {
  DEMO_KEY, OTHER_KEY, call, freshCard, manualClock, order, postForm, quote, sessionFor, testSandbox, waitFor,
} from './helpers.ts';

const DAY = 86_400_000;
const GB = 1024 ** 3;

async function newOrder(sandbox: Sandbox, template: Parameters<typeof freshCard>[1], paymentMethod = 'card', extra: Record<string, unknown> = {}) {
  const { token, card } = await freshCard(sandbox, template);
  const q = await quote(sandbox, token, { planId: 'global-month-10gb' });
  const created = await order(sandbox, token, { quoteId: q.id, paymentMethod, ...extra });
  assert.equal(created.status, 201, created.text);
  return { token, card, quote: q, order: created.body as { id: string } };
}

const getOrder = async (sandbox: Sandbox, token: string, id: string) =>
  Order.parse((await call(sandbox, 'GET', `/v1/orders/${id}`, { token })).body);

describe('hosted card checkout', () => {
  // The shop's site is registered for the demo partner: the hosted page may send travellers back there.
  const sandbox = testSandbox({ demoOrigins: ['https://shop.example'] });
  after(() => sandbox.close());

  // Issue 17 gave this page its one script (the Apple Pay / Google Pay buttons): a file of the sandbox's own, the
  // only script its policy allows; still no inline script.
  it('renders an escaped page with a strict CSP and no inline script', async () => {
    const { order: o } = await newOrder(sandbox, 'active');
    const res = await sandbox.app.request(`/sandbox/checkout/${o.id}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(res.headers.get('content-type')!, /text\/html/);
    assert.match(res.headers.get('content-security-policy')!, /default-src 'none'; script-src 'self'; style-src 'unsafe-inline'/);
    assert.deepEqual([...html.matchAll(/<script[^>]*>/gi)].map(([tag]) => tag), ['<script src="/sandbox/assets/card-wallets.js" defer>']);
    assert.ok(html.includes('Demo Travel'));
    assert.ok(html.includes('Global 10 GB · 30 days'));
    assert.match(html, /CN¥\d+\.\d\d/);
    assert.match(html, /name="number"/);
    assert.match(html, /name="expiry"/);
    assert.match(html, /name="cvc"/);
  });

  it('pays with 4242…: processing, then succeeded after the delay, with the card renewed', async () => {
    const { token, order: o } = await newOrder(sandbox, 'expiring');
    const before = Card.parse((await call(sandbox, 'GET', '/v1/card', { token })).body);
    const res = await postForm(sandbox, `/sandbox/checkout/${o.id}`, { number: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Payment submitted/);
    const processing = await getOrder(sandbox, token, o.id);
    assert.equal(processing.status, 'processing');
    assert.equal(processing.paymentAction, null);
    const done = await waitFor(async () => {
      const current = await getOrder(sandbox, token, o.id);
      return current.status === 'succeeded' && current;
    });
    assert.ok(done.card);
    const expectedExpiry = Date.parse(before.expiresAt) + 30 * DAY;
    assert.equal(Date.parse(done.card.expiresAt), expectedExpiry);
    assert.deepEqual(done.card.data, { remainingBytes: 4 * GB + 10 * GB, totalBytes: 14 * GB });
    assert.equal(done.card.renewalCount, before.renewalCount + 1);
    assert.equal(done.card.plan.id, 'global-month-10gb');
    assert.equal(done.card.status, 'active');
    const after = Card.parse((await call(sandbox, 'GET', '/v1/card', { token })).body);
    assert.equal(after.expiresAt, done.card.expiresAt);
  });

  it('renews an expired card from now', async () => {
    const { token, order: o } = await newOrder(sandbox, 'expired');
    await postForm(sandbox, `/sandbox/checkout/${o.id}`, { number: '4242424242424242' });
    const paidAt = Date.now();
    const done = await waitFor(async () => {
      const current = await getOrder(sandbox, token, o.id);
      return current.status === 'succeeded' && current;
    });
    const expiry = Date.parse(done.card!.expiresAt);
    assert.ok(expiry >= paidAt + 30 * DAY && expiry <= Date.now() + 30 * DAY);
  });

  it('fails with 4000…0002 as card_declined', async () => {
    const { token, order: o } = await newOrder(sandbox, 'active');
    const res = await postForm(sandbox, `/sandbox/checkout/${o.id}`, { number: '4000000000000002' });
    assert.match(await res.text(), /declined/);
    const failed = await getOrder(sandbox, token, o.id);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.failureCode, 'card_declined');
    assert.equal(failed.paymentAction, null);
  });

  it('asks for a test card when given anything else, escaping nothing it should not', async () => {
    const { token, order: o } = await newOrder(sandbox, 'active');
    const res = await postForm(sandbox, `/sandbox/checkout/${o.id}`, { number: '<script>alert(1)</script>' });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /Use a test card/);
    assert.ok(!html.includes('<script>'));
    assert.equal((await getOrder(sandbox, token, o.id)).status, 'requires_payment');
  });

  it("redirects to the shop's return URL with the order id", async () => {
    const { order: o } = await newOrder(sandbox, 'active', 'card', { returnUrl: 'https://shop.example/renew?step=done#top' });
    const res = await postForm(sandbox, `/sandbox/checkout/${o.id}`, { number: '4242424242424242' });
    assert.equal(res.status, 303);
    const target = new URL(res.headers.get('location')!);
    assert.equal(target.origin + target.pathname, 'https://shop.example/renew');
    assert.equal(target.searchParams.get('step'), 'done');
    assert.equal(target.searchParams.get('esim_order'), o.id);
  });

  it('explains, with 409, that an order no longer awaiting payment cannot be paid', async () => {
    const { order: o } = await newOrder(sandbox, 'active');
    await postForm(sandbox, `/sandbox/checkout/${o.id}`, { number: '4000000000000002' });
    const res = await postForm(sandbox, `/sandbox/checkout/${o.id}`, { number: '4242424242424242' });
    assert.equal(res.status, 409);
    assert.match(await res.text(), /failed/);
    assert.equal((await sandbox.app.request(`/sandbox/checkout/${o.id}`)).status, 409);
    assert.equal((await sandbox.app.request('/sandbox/checkout/ord_missing')).status, 404);
  });
});

describe('simulated wallet', () => {
  const clock = manualClock();
  const sandbox = testSandbox({ now: clock.now, qrTtlMs: 60_000 });
  after(() => sandbox.close());

  it('shows the amount and pay / decline forms', async () => {
    const { order: o } = await newOrder(sandbox, 'active', 'alipay');
    const res = await sandbox.app.request(`/sandbox/wallet/${o.id}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Alipay/);
    assert.match(html, /value="pay"/);
    assert.match(html, /value="decline"/);
    assert.ok(!/<script/i.test(html));
  });

  it('pays: the order goes processing, then succeeds', async () => {
    const { token, order: o } = await newOrder(sandbox, 'active', 'wechat_pay');
    const res = await postForm(sandbox, `/sandbox/wallet/${o.id}`, { action: 'pay' });
    assert.equal(res.status, 200);
    assert.equal((await getOrder(sandbox, token, o.id)).status, 'processing');
    clock.advance(100);
    assert.equal((await getOrder(sandbox, token, o.id)).status, 'succeeded');
  });

  it('declines', async () => {
    const { token, order: o } = await newOrder(sandbox, 'active', 'alipay');
    await postForm(sandbox, `/sandbox/wallet/${o.id}`, { action: 'decline' });
    const failed = await getOrder(sandbox, token, o.id);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.failureCode, 'payment_declined');
  });

  it('fails an expired QR code as payment_expired', async () => {
    const { token, order: o } = await newOrder(sandbox, 'active', 'alipay');
    clock.advance(60_000);
    assert.match(await (await sandbox.app.request(`/sandbox/wallet/${o.id}`)).text(), /expired/);
    const res = await postForm(sandbox, `/sandbox/wallet/${o.id}`, { action: 'pay' });
    assert.equal(res.status, 410);
    assert.match(await res.text(), /expired/);
    const failed = await getOrder(sandbox, token, o.id);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.failureCode, 'payment_expired');
  });

  it('gives an expired wallet code a fresh lifetime on the same order, which can then be paid', async () => {
    const { token, order: o } = await newOrder(sandbox, 'active', 'alipay');
    clock.advance(60_000);
    const res = await sandbox.app.request(`/v1/orders/${o.id}/refresh-payment`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200);
    const refreshed = (await res.json()) as { id: string; status: string; paymentAction: { expiresAt: string } };
    assert.equal(refreshed.id, o.id);
    assert.equal(refreshed.status, 'requires_payment');
    assert.equal(Date.parse(refreshed.paymentAction.expiresAt), clock.now() + 60_000);
    assert.equal((await postForm(sandbox, `/sandbox/wallet/${o.id}`, { action: 'pay' })).status, 200);
    assert.equal((await getOrder(sandbox, token, o.id)).status, 'processing');
    const again = await sandbox.app.request(`/v1/orders/${o.id}/refresh-payment`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(again.status, 409);
  });

  it('expires a wallet code on request (sandbox time travel), and only for unpaid wallet orders', async () => {
    const { token, order: o } = await newOrder(sandbox, 'active', 'wechat_pay');
    const res = await sandbox.app.request(`/sandbox/orders/${o.id}/expire-code`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200);
    const expired = (await res.json()) as { paymentAction: { expiresAt: string } };
    assert.equal(Date.parse(expired.paymentAction.expiresAt), clock.now());
    assert.equal((await postForm(sandbox, `/sandbox/wallet/${o.id}`, { action: 'pay' })).status, 410);
    const card = await newOrder(sandbox, 'active', 'card');
    const refused = await sandbox.app.request(`/sandbox/orders/${card.order.id}/expire-code`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${card.token}` },
    });
    assert.equal(refused.status, 409);
  });

  it('does not take card payments for wallet orders, nor wallet payments for card orders', async () => {
    const wallet = await newOrder(sandbox, 'active', 'alipay');
    assert.equal((await postForm(sandbox, `/sandbox/checkout/${wallet.order.id}`, { number: '4242424242424242' })).status, 409);
    const card = await newOrder(sandbox, 'active', 'card');
    assert.equal((await postForm(sandbox, `/sandbox/wallet/${card.order.id}`, { action: 'pay' })).status, 409);
  });
});

describe('simulate and settlement', () => {
  const clock = manualClock();
  const sandbox = testSandbox({ now: clock.now, sweepIntervalMs: 1_000_000 });
  after(() => sandbox.close());

  it('simulates success with the session token or the owning partner key, and failure', async () => {
    const a = await newOrder(sandbox, 'active');
    const ok = await call(sandbox, 'POST', `/sandbox/orders/${a.order.id}/simulate`, { token: a.token, body: { outcome: 'succeed' } });
    assert.equal(ok.status, 200);
    assert.equal(Order.parse(ok.body).status, 'processing');
    const again = await call(sandbox, 'POST', `/sandbox/orders/${a.order.id}/simulate`, { token: a.token, body: { outcome: 'fail' } });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'invalid_state');

    const b = await newOrder(sandbox, 'active');
    assert.equal((await call(sandbox, 'POST', `/sandbox/orders/${b.order.id}/simulate`, { token: OTHER_KEY, body: { outcome: 'fail' } })).status, 404);
    const failed = await call(sandbox, 'POST', `/sandbox/orders/${b.order.id}/simulate`, { token: DEMO_KEY, body: { outcome: 'fail' } });
    assert.equal(failed.body.status, 'failed');
    assert.equal(failed.body.failureCode, 'payment_declined');
    const bad = await call(sandbox, 'POST', `/sandbox/orders/${b.order.id}/simulate`, { token: DEMO_KEY, body: { outcome: 'maybe' } });
    assert.equal(bad.status, 400);
  });

  it('applies a renewal exactly once however often settlement runs', async () => {
    const { token, order: o } = await newOrder(sandbox, 'active');
    const before = Card.parse((await call(sandbox, 'GET', '/v1/card', { token })).body);
    await call(sandbox, 'POST', `/sandbox/orders/${o.id}/simulate`, { token, body: { outcome: 'succeed' } });
    assert.equal(sandbox.settleDue(), 0, 'not due yet');
    clock.advance(50);
    const settled = Array.from({ length: 10 }, () => sandbox.settleDue());
    // The first call settles everything due (this order, and any left by earlier tests); later calls find nothing.
    assert.ok(settled[0]! >= 1);
    assert.deepEqual(settled.slice(1), [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    await Promise.all(Array.from({ length: 10 }, () => call(sandbox, 'GET', `/v1/orders/${o.id}`, { token })));
    const after = Card.parse((await call(sandbox, 'GET', '/v1/card', { token })).body);
    assert.equal(Date.parse(after.expiresAt), Date.parse(before.expiresAt) + 30 * DAY);
    assert.equal(after.data.remainingBytes, before.data.remainingBytes! + 10 * GB);
    assert.equal(after.renewalCount, before.renewalCount + 1);
  });

  it('counts a promo code use when its order settles', async () => {
    const promoUses = () => (sandbox.db.prepare("SELECT uses FROM promo_codes WHERE code = 'TRAVEL20'").get() as { uses: number }).uses;
    const startUses = promoUses();
    const { token } = await freshCard(sandbox, 'active');
    const q = await quote(sandbox, token, { planId: 'jp-day-1gb', promoCode: 'TRAVEL20' });
    const o = (await order(sandbox, token, { quoteId: q.id, paymentMethod: 'card' })).body;
    await call(sandbox, 'POST', `/sandbox/orders/${o.id}/simulate`, { token, body: { outcome: 'succeed' } });
    assert.equal(promoUses(), startUses);
    clock.advance(50);
    sandbox.settleDue();
    sandbox.settleDue();
    assert.equal(promoUses(), startUses + 1);
  });

  it('keeps unlimited data unlimited after renewal', async () => {
    const { token, order: o } = await newOrder(sandbox, 'unlimited');
    await call(sandbox, 'POST', `/sandbox/orders/${o.id}/simulate`, { token, body: { outcome: 'succeed' } });
    clock.advance(50);
    const done = await getOrder(sandbox, token, o.id);
    assert.equal(done.status, 'succeeded');
    assert.deepEqual(done.card!.data, { remainingBytes: null, totalBytes: null });
  });
});

describe('durability', () => {
  const dir = mkdtempSync(join(tmpdir(), 'esim-sandbox-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('settles an order paid before a crash once, after the restart', async () => {
    const dbPath = join(dir, 'sandbox.db');
    const first = createSandbox({ dbPath, settleDelayMs: 60_000 });
    const { token, card, order: o } = await newOrder(first, 'active');
    const before = Card.parse((await call(first, 'GET', '/v1/card', { token })).body);
    await call(first, 'POST', `/sandbox/orders/${o.id}/simulate`, { token, body: { outcome: 'succeed' } });
    first.close();

    // Restart an hour later: the settle time is in the database, so startup settles it.
    const clock = manualClock(Date.now() + 3_600_000);
    const second = createSandbox({ dbPath, now: clock.now });
    try {
      const row = second.db.prepare('SELECT status FROM orders WHERE id = ?').get(o.id) as { status: string };
      assert.equal(row.status, 'succeeded');
      assert.equal(second.settleDue(), 0);
      // The old session has expired by now (30 minutes); the shop mints a new one.
      const done = await getOrder(second, await sessionFor(second, card.iccid), o.id);
      assert.equal(done.status, 'succeeded');
      assert.equal(Date.parse(done.card!.expiresAt), Date.parse(before.expiresAt) + 30 * DAY);
      assert.equal(done.card!.renewalCount, before.renewalCount + 1);
    } finally {
      second.close();
    }
    // And a third start changes nothing.
    const third = createSandbox({ dbPath });
    try {
      const card = third.db.prepare('SELECT renewal_count FROM cards WHERE id = (SELECT card_id FROM orders WHERE id = ?)').get(o.id) as { renewal_count: number };
      assert.equal(card.renewal_count, before.renewalCount + 1);
      const partners = third.db.prepare('SELECT COUNT(*) AS n FROM partners').get() as { n: number };
      assert.equal(partners.n, 2, 'seeded once');
      assert.equal(third.db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(third.db.pragma('synchronous', { simple: true }), 2);
    } finally {
      third.close();
    }
  });

  it('settles with nobody asking, on the sweep', async () => {
    const sandbox = createSandbox({ dbPath: join(dir, 'sweep.db'), settleDelayMs: 30, sweepIntervalMs: 10 });
    try {
      const { token, order: o } = await newOrder(sandbox, 'active');
      await call(sandbox, 'POST', `/sandbox/orders/${o.id}/simulate`, { token, body: { outcome: 'succeed' } });
      const status = () => (sandbox.db.prepare('SELECT status FROM orders WHERE id = ?').get(o.id) as { status: string }).status;
      await waitFor(() => status() === 'succeeded');
    } finally {
      sandbox.close();
    }
  });
});
