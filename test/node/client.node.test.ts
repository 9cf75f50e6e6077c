// The client has no DOM dependency: the same createRenewalClient and the server-side partner client, in Node,
// against a real sandbox on a free port.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { createRenewalClient, isRenewalError } from '../../src/index.ts';
import { createPartnerClient } from '../../src/server/index.ts';

describe('the client in Node', () => {
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, settleDelayMs: 50 });
  });
  after(() => sandbox.close());

  it('mints a session with the partner client and renews a card end to end', async () => {
    const partner = createPartnerClient({ baseUrl: sandbox.url, secretKey: 'sk_test_demo' });
    const cards = await partner.listCards();
    assert.ok(cards.some((card) => card.iccid === '89860000000000000060'));
    const session = await partner.createSession({ iccid: '89860000000000000060', locale: 'en' });
    const client = createRenewalClient({ baseUrl: sandbox.url, sessionToken: session.token });
    const before = await client.getCard();
    const [plan] = await client.listPlans({ region: 'JP', period: 'day' });
    const quote = await client.createQuote({ planId: plan!.id });
    assert.equal(quote.discounts[0]?.kind, 'first_topup');
    const order = await client.createOrder({ quoteId: quote.id, paymentMethod: 'wechat_pay' }, { idempotencyKey: 'node-1' });
    const replay = await client.createOrder({ quoteId: quote.id, paymentMethod: 'wechat_pay' }, { idempotencyKey: 'node-1' });
    assert.equal(replay.id, order.id);
    const paid = await fetch(`${sandbox.url}/sandbox/orders/${order.id}/simulate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ outcome: 'succeed' }),
    });
    assert.equal(paid.status, 200);
    const done = await client.waitForOrder(order.id, { interval: 25 });
    assert.equal(done.status, 'succeeded');
    const after = await client.getCard();
    assert.equal(after.renewalCount, before.renewalCount + 1);
    assert.equal(after.data.remainingBytes, before.data.remainingBytes! + plan!.dataBytes!);
  });

  it('refuses a secret key in the browser client and a session token in the partner client', () => {
    assert.throws(() => createRenewalClient({ baseUrl: sandbox.url, sessionToken: 'sk_test_demo' }), /secret key/);
    assert.throws(() => createPartnerClient({ baseUrl: sandbox.url, secretKey: 'rs_abc' }), /secret key/);
  });

  it('reports a wrong secret key as a typed unauthorized error', async () => {
    const partner = createPartnerClient({ baseUrl: sandbox.url, secretKey: 'sk_test_wrong' });
    await assert.rejects(partner.listCards(), (error: unknown) => isRenewalError(error) && error.code === 'unauthorized');
  });
});
