// The stories' fixture client must stay true to the contract: every answer parses with the same zod schemas the
// real client validates responses with, failures are RenewalErrors, and orders move as the sandbox's do.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import { isRenewalError } from '../../src/client/errors.ts';
import * as schemas from '../../src/client/schemas.ts';
import { CARD_KINDS, createFixtureClient } from '../../stories/fixtures/index.ts';

const parse = <T>(schema: z.ZodMiniType<T>, value: unknown): T => {
  const result = schema.safeParse(value);
  assert.ok(result.success, `does not match the contract: ${JSON.stringify(result.error?.issues)}`);
  return result.data as T;
};

describe('the fixture client keeps to the Renewal API contract', () => {
  for (const kind of CARD_KINDS) {
    it(`card "${kind}": card, plans, quote and usage parse with the API schemas`, async () => {
      for (const locale of ['en', 'zh-CN']) {
        const client = createFixtureClient({ card: kind, locale });
        const card = parse(schemas.Card, await client.getCard());
        const plans = parse(schemas.PlanList, { plans: await client.listPlans() }).plans;
        assert.ok(plans.length > 0);
        assert.ok(plans.every((plan) => plan.price.currency === card.currency));
        assert.ok(plans.every((plan) => plan.coverage.every((code) => card.coverage.includes(code))), 'offers a plan the card cannot use');
        parse(schemas.Quote, await client.createQuote({ planId: plans[0]!.id }));
        parse(schemas.Usage, await client.getUsage({ days: 30 }));
        parse(schemas.OrderList, await client.listOrders());
      }
    });
  }

  it('pays as the sandbox does where the page runs: its actions, its methods list and its refusal with a reason', async () => {
    const client = createFixtureClient({ paymentEnv: 'wechat' });
    const [plan] = await client.listPlans();
    const quote = await client.createQuote({ planId: plan!.id });
    const methods = parse(schemas.PaymentMethodList, await client.listPaymentMethods());
    assert.deepEqual(methods.methods.find((m) => m.method === 'alipay'), { method: 'alipay', available: false, reason: 'blocked_in_wechat' });
    const jsapi = parse(schemas.Order, await client.createOrder({ quoteId: quote.id, paymentMethod: 'wechat_pay' }));
    assert.deepEqual([jsapi.paymentEnv, jsapi.paymentAction?.type, jsapi.paymentAction?.type === 'redirect' && jsapi.paymentAction.flow], ['wechat', 'redirect', 'wechat_jsapi']);
    const refused = await client.createOrder({ quoteId: quote.id, paymentMethod: 'alipay' }).catch((error: unknown) => error);
    assert.ok(isRenewalError(refused));
    assert.equal(refused.code, 'method_unavailable_in_env');
    assert.deepEqual(refused.details, { paymentMethod: 'alipay', paymentEnv: 'wechat', reason: 'blocked_in_wechat' });
    const bridge = parse(schemas.Order, await client.createOrder({ quoteId: quote.id, paymentMethod: 'alipay', paymentEnv: 'alipay' }));
    assert.equal(bridge.paymentAction?.type, 'app_bridge');
  });

  it('an order goes requires_payment → processing → succeeded, renews the card, and is listed', async () => {
    const client = createFixtureClient({ card: 'expired', payment: 'pending' });
    const before = await client.getCard();
    const [plan] = await client.listPlans({ period: 'month' });
    const quote = await client.createQuote({ planId: plan!.id, promoCode: 'travel20' });
    assert.deepEqual(quote.discounts.map((d) => d.kind), ['loyalty', 'promo']);
    const order = parse(schemas.Order, await client.createOrder({ quoteId: quote.id, paymentMethod: 'alipay' }, { idempotencyKey: 'k' }));
    assert.equal(order.paymentAction?.type, 'qr');
    assert.equal((await client.createOrder({ quoteId: quote.id, paymentMethod: 'alipay' }, { idempotencyKey: 'k' })).id, order.id);
    const seen: string[] = [];
    let first!: () => void;
    const waiting = new Promise<void>((done) => (first = done));
    const done = client.waitForOrder(order.id, {
      onUpdate: (update) => {
        seen.push(update.status);
        first();
      },
    });
    await waiting; // the traveller is looking at the QR code
    client.settle('processing');
    client.settle('succeed');
    const final = parse(schemas.Order, await done);
    assert.deepEqual(seen, ['requires_payment', 'processing', 'succeeded']);
    const after = await client.getCard();
    assert.equal(after.expiresAt, final.quote.newExpiresAt);
    assert.equal(after.renewalCount, before.renewalCount + 1);
    assert.equal(after.status, 'active');
    assert.equal((await client.listOrders()).orders[0]!.id, order.id);
    parse(schemas.RefundQuote, await client.getRefundQuote(order.id));
    parse(schemas.Refund, await client.requestRefund(order.id));
  });

  it('a failed payment ends the order failed with its failure code', async () => {
    const client = createFixtureClient({ payment: 'fail' });
    const [plan] = await client.listPlans();
    const quote = await client.createQuote({ planId: plan!.id });
    const order = await client.createOrder({ quoteId: quote.id, paymentMethod: 'wechat_pay' });
    const final = await client.waitForOrder(order.id);
    assert.equal(final.status, 'failed');
    assert.equal(final.failureCode, 'payment_expired');
  });

  it('fails with RenewalErrors that carry a code, a status and details', async () => {
    const client = createFixtureClient({ card: { error: 'session_expired' } });
    await assert.rejects(client.getCard(), (error) => isRenewalError(error) && error.code === 'session_expired' && error.status === 401);
    await assert.rejects(client.createQuote({ planId: 'nope' }), (error) => isRenewalError(error) && error.code === 'plan_unavailable');
    const [plan] = await createFixtureClient().listPlans();
    await assert.rejects(
      createFixtureClient().createQuote({ planId: plan!.id, promoCode: 'SUMMER2025' }),
      (error) => isRenewalError(error) && error.code === 'promo_invalid' && (error.details as { reason: string }).reason === 'expired',
    );
  });

  it('a pending call never answers, and rejects as aborted when its signal fires', async () => {
    const client = createFixtureClient({ card: 'pending' });
    const abort = new AbortController();
    const call = client.getCard({ signal: abort.signal });
    const race = await Promise.race([call.then(() => 'answered'), new Promise((done) => setTimeout(() => done('waiting'), 50))]);
    assert.equal(race, 'waiting');
    abort.abort();
    await assert.rejects(call, (error) => isRenewalError(error) && error.code === 'aborted');
  });

  it('moves a card to a new phone with the code 123456, and counts wrong codes', async () => {
    const client = createFixtureClient();
    const devices = parse(schemas.DeviceList, { devices: await client.listDevices({ q: 'iphone' }) }).devices;
    assert.ok(devices.length > 0);
    const transfer = parse(schemas.Transfer, await client.startTransfer({ brand: devices[0]!.brand, model: devices[0]!.model }));
    await assert.rejects(client.verifyTransfer(transfer.id, '000000'), (error) => isRenewalError(error) && error.code === 'otp_invalid');
    parse(schemas.TransferResult, await client.verifyTransfer(transfer.id, '123456'));
  });
});
