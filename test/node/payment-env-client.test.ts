// The typed client's payment environment (issue 17), in Node against a real sandbox: the `paymentEnv` option goes
// with every order and methods list, a method that cannot work there is a typed `method_unavailable_in_env` error,
// and inside the Alipay app the `tradePay` result code decides nothing — the order does.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { createRenewalClient, isRenewalError, type Order, type RenewalClient } from '../../src/index.ts';
import { createPartnerClient } from '../../src/server/index.ts';

describe('the client in a payment environment', () => {
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, settleDelayMs: 50 });
  });
  after(() => sandbox.close());

  async function clientFor(paymentEnv?: 'wechat' | 'alipay'): Promise<RenewalClient> {
    const partner = createPartnerClient({ baseUrl: sandbox.url, secretKey: 'sk_test_demo' });
    const card = await fetch(`${sandbox.url}/sandbox/cards`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk_test_demo', 'Content-Type': 'application/json' },
      body: JSON.stringify({ template: 'active' }),
    }).then((r) => r.json() as Promise<{ iccid: string }>);
    const session = await partner.createSession({ iccid: card.iccid, locale: 'en' });
    return createRenewalClient({ baseUrl: sandbox.url, sessionToken: session.token, paymentEnv });
  }

  it('sends its environment with the methods list and the order; an order can name its own', async () => {
    const client = await clientFor('wechat');
    const methods = await client.listPaymentMethods();
    assert.equal(methods.env, 'wechat');
    assert.deepEqual(methods.methods.find((m) => m.method === 'alipay'), { method: 'alipay', available: false, reason: 'blocked_in_wechat' });
    assert.equal((await client.listPaymentMethods({ env: 'desktop' })).env, 'desktop');
    const quote = await client.createQuote({ planId: 'jp-month-10gb' });
    const order = await client.createOrder({ quoteId: quote.id, paymentMethod: 'wechat_pay' });
    assert.equal(order.paymentEnv, 'wechat');
    assert.deepEqual(order.paymentAction?.type === 'redirect' && order.paymentAction.flow, 'wechat_jsapi');
    const own = await client.createOrder({ quoteId: quote.id, paymentMethod: 'wechat_pay', paymentEnv: 'desktop' });
    assert.equal(own.paymentAction?.type, 'qr');
  });

  it('refuses Alipay inside WeChat with a typed error and the reason to show', async () => {
    const client = await clientFor('wechat');
    const quote = await client.createQuote({ planId: 'jp-month-10gb' });
    const error = await client.createOrder({ quoteId: quote.id, paymentMethod: 'alipay' }).then(() => undefined, (e: unknown) => e);
    assert.ok(isRenewalError(error));
    assert.equal(error.code, 'method_unavailable_in_env');
    assert.equal(error.status, 422);
    assert.equal(error.retryable, false);
    assert.deepEqual(error.details, { paymentMethod: 'alipay', paymentEnv: 'wechat', reason: 'blocked_in_wechat' });
    assert.deepEqual((await client.listOrders()).orders, []);
  });

  // A stand-in for the Alipay app's `AlipayJSBridge.call('tradePay', { tradeNO }, callback)`: the app is not ours and
  // cannot run here. What the traveller does in the app reaches the operator from Alipay's side (the sandbox's trade
  // control); the result code the bridge hands the page is the stand-in's to choose, apart from that — as a real
  // app's 8000 ("processing") or 6004 ("unknown") can be.
  async function tradePay(tradeNO: string, app: 'pays' | 'pays_now' | 'fails' | 'nothing', resultCode: string) {
    if (app !== 'nothing') {
      const body = app === 'fails' ? { outcome: 'fail' } : { outcome: 'succeed', settle: app === 'pays_now' ? 'now' : 'later' };
      const reply = await fetch(`${sandbox.url}/sandbox/alipay/trades/${tradeNO}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.equal(reply.status, 200);
    }
    return { resultCode };
  }

  const cases: Array<[code: string, app: 'pays' | 'pays_now' | 'fails' | 'nothing', ends: Order['status']]> = [
    ['9000', 'nothing', 'requires_payment'], // "success", and nothing was paid
    ['9000', 'fails', 'failed'],
    ['8000', 'pays', 'succeeded'], // "processing": the order settles later
    ['6001', 'pays_now', 'succeeded'], // "cancelled", after the payment went through
    ['6004', 'fails', 'failed'], // "unknown"
    ['6004', 'pays', 'succeeded'],
  ];
  for (const [code, app, ends] of cases) {
    it(`tradePay answering ${code} when the app ${app === 'nothing' ? 'did nothing' : app.replace('_now', '')}: the order is ${ends}`, async () => {
      const client = await clientFor('alipay');
      const quote = await client.createQuote({ planId: 'jp-month-10gb' });
      const order = await client.createOrder({ quoteId: quote.id, paymentMethod: 'alipay' });
      const action = order.paymentAction;
      assert.ok(action?.type === 'app_bridge');
      const { resultCode } = await tradePay(action.tradeNo, app, code);
      assert.equal(resultCode, code);
      // The page reads the order, whatever the code said.
      const read = ends === 'requires_payment' ? await client.getOrder(order.id) : await client.waitForOrder(order.id, { interval: 25 });
      assert.equal(read.status, ends);
      assert.equal((await client.listOrders()).orders.length, 1);
    });
  }
});
