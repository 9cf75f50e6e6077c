// Card care through the client in Node, against a real sandbox: order history, a refund, a move to a new phone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { createRenewalClient, isRenewalError, type RenewalClient } from '../../src/index.ts';
import { createPartnerClient } from '../../src/server/index.ts';

describe('card care through the client in Node', () => {
  let sandbox: RunningSandbox;
  let client: RenewalClient;
  let token: string;
  before(async () => {
    sandbox = await startSandbox({ port: 0, settleDelayMs: 50 });
    const created = await fetch(`${sandbox.url}/sandbox/cards`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk_test_demo', 'Content-Type': 'application/json' },
      body: JSON.stringify({ template: 'refund_full' }),
    });
    const { iccid } = (await created.json()) as { iccid: string };
    const partner = createPartnerClient({ baseUrl: sandbox.url, secretKey: 'sk_test_demo' });
    ({ token } = await partner.createSession({ iccid, locale: 'en' }));
    client = createRenewalClient({ baseUrl: sandbox.url, sessionToken: token });
  });
  after(() => sandbox.close());

  it('lists orders, previews a refund and requests it once', async () => {
    const page = await client.listOrders({ limit: 5 });
    assert.equal(page.orders.length, 1);
    assert.equal(page.nextCursor, null);
    const [paid] = page.orders;
    const preview = await client.getRefundQuote(paid!.id);
    assert.equal(preview.outcome, 'full');
    const refund = await client.requestRefund(paid!.id, { note: 'trip canceled' }, { idempotencyKey: 'tap-1' });
    const again = await client.requestRefund(paid!.id, { note: 'trip canceled' }, { idempotencyKey: 'tap-1' });
    assert.equal(again.id, refund.id);
    assert.deepEqual([refund.status, refund.amount], ['requested', preview.amount]);
    await assert.rejects(client.requestRefund(paid!.id), (error: unknown) => isRenewalError(error) && error.code === 'invalid_state');
    // Decided after the settle delay: poll, as an app would.
    let decided = paid!.refund;
    for (let i = 0; i < 250 && decided?.status !== 'approved'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      decided = (await client.listOrders()).orders[0]!.refund;
    }
    assert.equal(decided?.status, 'approved');
    assert.ok(decided.decidedAt);
  });

  it('finds the new phone and moves the card there with the one-time code', async () => {
    const phones = await client.listDevices({ q: 'pixel 8' });
    assert.ok(phones.length >= 2 && phones.every((d) => d.brand === 'Google'));
    const transfer = await client.startTransfer({ brand: 'Google', model: 'Pixel 8' });
    assert.equal(transfer.status, 'verifying');
    const { code } = (await (await fetch(`${sandbox.url}/sandbox/transfers/${transfer.id}/otp`, {
      headers: { Authorization: `Bearer ${token}` },
    })).json()) as { code: string };
    const wrong = code === '000000' ? '000001' : '000000';
    await assert.rejects(client.verifyTransfer(transfer.id, wrong), (error: unknown) =>
      isRenewalError(error) && error.code === 'otp_invalid' && (error.details as { attemptsLeft: number }).attemptsLeft === 4);
    const result = await client.verifyTransfer(transfer.id, code);
    assert.equal(result.activation.lpa, `LPA:1$${result.activation.smdpAddress}$${result.activation.activationCode}`);
    assert.deepEqual((await client.getCard()).device, { brand: 'Google', model: 'Pixel 8' });
  });
});
