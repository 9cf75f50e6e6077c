// Payments where the traveller is (issue 17): each environment gets the payment action that works there, a method
// that cannot work there is refused with a reason the widget can show, and whatever comes back to the shop — a
// return before the payment settled, a WeChat or Alipay bridge's result code — the order alone says how it ended.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Order, PaymentMethodList } from '../../src/client/schemas.ts';
import type { Sandbox } from '../../sandbox/app.ts';
import { call, freshCard, order, postForm, quote, testSandbox, waitFor } from './helpers.ts';

const SHOP = 'https://shop.example/my-esim';

async function newOrder(sandbox: Sandbox, body: Record<string, unknown>, key?: string) {
  const { token } = await freshCard(sandbox, 'active');
  const q = await quote(sandbox, token);
  const created = await order(sandbox, token, { quoteId: q.id, ...body }, key);
  return { token, quote: q, created };
}

const getOrder = async (sandbox: Sandbox, token: string, id: string) =>
  Order.parse((await call(sandbox, 'GET', `/v1/orders/${id}`, { token })).body);

const settled = (sandbox: Sandbox, token: string, id: string) =>
  waitFor(async () => {
    const current = await getOrder(sandbox, token, id);
    return current.status === 'succeeded' && current;
  });

describe('payment environments', () => {
  const sandbox = testSandbox({ demoOrigins: ['https://shop.example'] });
  after(() => sandbox.close());

  it('gives every environment the action that works there', async () => {
    const expected: Array<[env: string, method: string, type: string, flow?: string, path?: RegExp]> = [
      ['desktop', 'card', 'redirect', 'card', /\/sandbox\/checkout\/ord_/],
      ['desktop', 'alipay', 'qr'],
      ['desktop', 'wechat_pay', 'qr'],
      ['mobile_browser', 'card', 'redirect', 'card', /\/sandbox\/checkout\/ord_/],
      ['mobile_browser', 'alipay', 'redirect', 'alipay_wap', /\/sandbox\/pay\/alipay-wap\/ord_/],
      ['mobile_browser', 'wechat_pay', 'redirect', 'wechat_h5', /\/sandbox\/pay\/wechat-h5\/ord_/],
      ['wechat', 'card', 'redirect', 'card', /\/sandbox\/checkout\/ord_/],
      ['wechat', 'wechat_pay', 'redirect', 'wechat_jsapi', /\/sandbox\/pay\/wechat-jsapi\/ord_/],
      ['alipay', 'card', 'redirect', 'card', /\/sandbox\/checkout\/ord_/],
      ['alipay', 'alipay', 'app_bridge'],
      ['wechat_miniprogram', 'card', 'redirect', 'card', /\/sandbox\/checkout\/ord_/],
    ];
    for (const [env, method, type, flow, path] of expected) {
      const { created } = await newOrder(sandbox, { paymentMethod: method, paymentEnv: env, returnUrl: SHOP });
      assert.equal(created.status, 201, `${env} ${method}: ${created.text}`);
      const parsed = Order.parse(created.body);
      assert.equal(parsed.paymentEnv, env);
      const action = parsed.paymentAction!;
      assert.equal(action.type, type, `${env} ${method}`);
      if (action.type === 'redirect') {
        assert.equal(action.flow, flow, `${env} ${method}`);
        assert.match(action.url, path!);
        // Wallet pages have a payment window; the card page has none.
        assert.equal(action.expiresAt === undefined, flow === 'card', `${env} ${method}`);
      }
      if (action.type === 'app_bridge') {
        assert.equal(action.bridge, 'alipay_trade_pay');
        assert.match(action.tradeNo, /^\d{28}$/);
      }
    }
  });

  it('keeps the answer older callers know when no environment is named: desktop', async () => {
    const card = await newOrder(sandbox, { paymentMethod: 'card' });
    assert.deepEqual(Object.keys(card.created.body.paymentAction), ['type', 'url']);
    assert.equal(card.created.body.paymentEnv, 'desktop');
    const wallet = await newOrder(sandbox, { paymentMethod: 'wechat_pay' });
    assert.equal(wallet.created.body.paymentAction.type, 'qr');
    assert.match(wallet.created.body.paymentAction.data, /\/sandbox\/wallet\/ord_/);
  });

  it('refuses Alipay inside WeChat with its reason, and makes no order', async () => {
    const refusals: Array<[env: string, method: string, reason: string]> = [
      ['wechat', 'alipay', 'blocked_in_wechat'],
      ['alipay', 'wechat_pay', 'blocked_in_alipay'],
      ['wechat_miniprogram', 'alipay', 'blocked_in_wechat'],
      ['wechat_miniprogram', 'wechat_pay', 'miniprogram_webview'],
    ];
    for (const [env, method, reason] of refusals) {
      const { token, created } = await newOrder(sandbox, { paymentMethod: method, paymentEnv: env });
      assert.equal(created.status, 422, created.text);
      assert.equal(created.body.error.code, 'method_unavailable_in_env');
      assert.deepEqual(created.body.error.details, { paymentMethod: method, paymentEnv: env, reason });
      assert.equal((await call(sandbox, 'GET', '/v1/orders', { token })).body.orders.length, 0);
    }
  });

  it('lists each environment\'s methods, the unavailable ones with their reason', async () => {
    const { token } = await freshCard(sandbox, 'active');
    const list = async (query: string) => {
      const reply = await call(sandbox, 'GET', `/v1/payment-methods${query}`, { token });
      assert.equal(reply.status, 200, reply.text);
      return PaymentMethodList.parse(reply.body);
    };
    assert.deepEqual(await list('?env=wechat'), {
      env: 'wechat',
      methods: [
        { method: 'wechat_pay', available: true, action: 'redirect' },
        { method: 'card', available: true, action: 'redirect' },
        { method: 'alipay', available: false, reason: 'blocked_in_wechat' },
      ],
    });
    const alipayApp = await list('?env=alipay');
    assert.deepEqual(alipayApp.methods[0], { method: 'alipay', available: true, action: 'app_bridge' });
    assert.deepEqual(alipayApp.methods.find((m) => m.method === 'wechat_pay'), { method: 'wechat_pay', available: false, reason: 'blocked_in_alipay' });
    const desktop = await list('');
    assert.equal(desktop.env, 'desktop');
    assert.ok(desktop.methods.every((m) => m.available));
    assert.equal((await call(sandbox, 'GET', '/v1/payment-methods?env=smart_tv', { token })).body.error.code, 'validation_failed');
    assert.equal((await call(sandbox, 'GET', '/v1/payment-methods')).status, 401);
  });
});

describe('returns from a wallet page (WeChat Pay H5, Alipay WAP)', () => {
  const sandbox = testSandbox({ demoOrigins: ['https://shop.example'] });
  after(() => sandbox.close());

  for (const [method, flow] of [['wechat_pay', 'wechat-h5'], ['alipay', 'alipay-wap']] as const) {
    it(`${flow}: a return before paying leaves the order unpaid, and it is the order that ends it`, async () => {
      const { token, created } = await newOrder(sandbox, { paymentMethod: method, paymentEnv: 'mobile_browser', returnUrl: SHOP });
      const id = created.body.id as string;
      const page = await sandbox.app.request(`/sandbox/pay/${flow}/${id}`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
      assert.equal(page.headers.get('x-frame-options'), 'DENY');
      const back = await postForm(sandbox, `/sandbox/pay/${flow}/${id}`, { action: 'leave' });
      assert.equal(back.status, 303);
      assert.equal(back.headers.get('location'), `${SHOP}?esim_order=${id}`);
      assert.equal((await getOrder(sandbox, token, id)).status, 'requires_payment');
      // The wallet's notification comes later; the order, not the return, says so.
      const paid = await call(sandbox, 'POST', `/sandbox/orders/${id}/simulate`, { token, body: { outcome: 'succeed' } });
      assert.equal(paid.body.status, 'processing');
      assert.ok((await settled(sandbox, token, id)).card);
    });

    it(`${flow}: a return before the payment settles finds it processing, then it succeeds`, async () => {
      const { token, created } = await newOrder(sandbox, { paymentMethod: method, paymentEnv: 'mobile_browser', returnUrl: SHOP });
      const id = created.body.id as string;
      const back = await postForm(sandbox, `/sandbox/pay/${flow}/${id}`, { action: 'pay', settle: 'later' });
      assert.equal(back.status, 303);
      assert.equal((await getOrder(sandbox, token, id)).status, 'processing');
      await settled(sandbox, token, id);
    });
  }

  it('a return after settlement finds the order succeeded; a decline fails it', async () => {
    const first = await newOrder(sandbox, { paymentMethod: 'alipay', paymentEnv: 'mobile_browser', returnUrl: SHOP });
    await postForm(sandbox, `/sandbox/pay/alipay-wap/${first.created.body.id}`, { action: 'pay', settle: 'now' });
    assert.equal((await getOrder(sandbox, first.token, first.created.body.id)).status, 'succeeded');
    const second = await newOrder(sandbox, { paymentMethod: 'wechat_pay', paymentEnv: 'mobile_browser', returnUrl: SHOP });
    await postForm(sandbox, `/sandbox/pay/wechat-h5/${second.created.body.id}`, { action: 'decline' });
    const declined = await getOrder(sandbox, second.token, second.created.body.id);
    assert.deepEqual([declined.status, declined.failureCode], ['failed', 'payment_declined']);
  });

  it('without a return URL, ends on the hosted result page, which reads the order', async () => {
    const { token, created } = await newOrder(sandbox, { paymentMethod: 'wechat_pay', paymentEnv: 'mobile_browser' });
    const id = created.body.id as string;
    const back = await postForm(sandbox, `/sandbox/pay/wechat-h5/${id}`, { action: 'leave' });
    assert.equal(back.headers.get('location'), `/sandbox/pay/result/${id}`);
    const unpaid = await (await sandbox.app.request(`/sandbox/pay/result/${id}`)).text();
    assert.match(unpaid, /Not paid yet/);
    assert.doesNotMatch(unpaid, /<h1>Paid/);
    await call(sandbox, 'POST', `/sandbox/orders/${id}/simulate`, { token, body: { outcome: 'succeed', settle: 'now' } });
    assert.match(await (await sandbox.app.request(`/sandbox/pay/result/${id}`)).text(), /<h1>Paid<\/h1>/);
  });

  it('refuses another flow\'s order, and a paid order, with a page that says why', async () => {
    const { token, created } = await newOrder(sandbox, { paymentMethod: 'alipay', paymentEnv: 'mobile_browser' });
    const id = created.body.id as string;
    assert.equal((await sandbox.app.request(`/sandbox/pay/wechat-h5/${id}`)).status, 409);
    assert.equal((await sandbox.app.request(`/sandbox/pay/wechat-jsapi/${id}`)).status, 409);
    await call(sandbox, 'POST', `/sandbox/orders/${id}/simulate`, { token, body: { outcome: 'succeed' } });
    const again = await postForm(sandbox, `/sandbox/pay/alipay-wap/${id}`, { action: 'pay' });
    assert.equal(again.status, 409);
    assert.match(await again.text(), /Already paid/);
  });

  it('one attempt is one order, across the return and a reload that asks again', async () => {
    const key = crypto.randomUUID();
    const { token, quote: q, created } = await newOrder(sandbox, { paymentMethod: 'wechat_pay', paymentEnv: 'mobile_browser', returnUrl: SHOP }, key);
    await postForm(sandbox, `/sandbox/pay/wechat-h5/${created.body.id}`, { action: 'pay', settle: 'later' });
    const again = await order(sandbox, token, { quoteId: q.id, paymentMethod: 'wechat_pay', paymentEnv: 'mobile_browser', returnUrl: SHOP }, key);
    assert.equal(again.body.id, created.body.id);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    await settled(sandbox, token, created.body.id);
    assert.equal((await call(sandbox, 'GET', '/v1/orders', { token })).body.orders.length, 1);
  });
});

describe('the WeChat Pay JSAPI page', () => {
  const sandbox = testSandbox({ demoOrigins: ['https://shop.example'] });
  after(() => sandbox.close());

  it('is the operator\'s page, with the bridge\'s parameters and its own script only, in no frame', async () => {
    const { created } = await newOrder(sandbox, { paymentMethod: 'wechat_pay', paymentEnv: 'wechat', returnUrl: SHOP });
    const id = created.body.id as string;
    const res = await sandbox.app.request(`/sandbox/pay/wechat-jsapi/${id}`);
    assert.equal(res.status, 200);
    const csp = res.headers.get('content-security-policy')!;
    assert.match(csp, /script-src 'self';/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    const html = await res.text();
    assert.deepEqual([...html.matchAll(/<script[^>]*>/gi)].map(([tag]) => tag), ['<script src="/sandbox/assets/wechat-jsapi.js" defer>']);
    const ref = (sandbox.db.prepare('SELECT provider_ref FROM orders WHERE id = ?').get(id) as { provider_ref: string }).provider_ref;
    assert.match(ref, /^wx\d{32}$/);
    const params = JSON.parse(html.match(/data-params="([^"]*)"/)![1]!.replace(/&quot;/g, '"'));
    assert.equal(params.package, `prepay_id=${ref}`);
    assert.deepEqual(Object.keys(params).sort(), ['appId', 'nonceStr', 'package', 'paySign', 'signType', 'timeStamp']);
    assert.match(html, new RegExp(`data-next="${SHOP.replace(/\//g, '\\/')}\\?esim_order=${id}"`));
    const script = await sandbox.app.request('/sandbox/assets/wechat-jsapi.js');
    assert.match(script.headers.get('content-type')!, /text\/javascript/);
    assert.match(await script.text(), /getBrandWCPayRequest/);
  });
});

describe('Alipay inside the Alipay app: tradePay', () => {
  const sandbox = testSandbox();
  after(() => sandbox.close());

  it('the trade number is the order\'s; paying or failing it is the app\'s doing, apart from any result code', async () => {
    const { token, created } = await newOrder(sandbox, { paymentMethod: 'alipay', paymentEnv: 'alipay' });
    const { tradeNo } = created.body.paymentAction;
    const paid = await call(sandbox, 'POST', `/sandbox/alipay/trades/${tradeNo}`, { body: { outcome: 'succeed' } });
    assert.equal(paid.status, 200, paid.text);
    assert.deepEqual(paid.body, { tradeNo, orderId: created.body.id, status: 'processing' });
    await settled(sandbox, token, created.body.id);
    const twice = await call(sandbox, 'POST', `/sandbox/alipay/trades/${tradeNo}`, { body: { outcome: 'fail' } });
    assert.equal(twice.body.error.code, 'invalid_state');
    assert.equal((await call(sandbox, 'POST', '/sandbox/alipay/trades/2026120222009999999999999999', { body: { outcome: 'succeed' } })).status, 404);
    assert.equal((await call(sandbox, 'POST', `/sandbox/alipay/trades/${tradeNo}`, { body: { outcome: 'succeed', code: 9000 } })).status, 400);
  });
});

describe('the hosted card page', () => {
  const sandbox = testSandbox({ demoOrigins: ['https://shop.example'] });
  after(() => sandbox.close());

  const cardOrder = async () => {
    const { token, created } = await newOrder(sandbox, { paymentMethod: 'card', paymentEnv: 'mobile_browser', returnUrl: SHOP });
    return { token, id: created.body.id as string };
  };

  it('4000 0000 0000 3220 asks for 3-D Secure first; passing it pays', async () => {
    const { token, id } = await cardOrder();
    const challenge = await postForm(sandbox, `/sandbox/checkout/${id}`, { number: '4000 0000 0000 3220' });
    assert.equal(challenge.status, 200);
    const html = await challenge.text();
    assert.match(html, /Confirm it is you/);
    assert.match(html, /name="challenge" value="pass"/);
    assert.equal((await getOrder(sandbox, token, id)).status, 'requires_payment');
    const passed = await postForm(sandbox, `/sandbox/checkout/${id}`, { number: '4000 0000 0000 3220', challenge: 'pass' });
    assert.equal(passed.status, 303);
    assert.equal(passed.headers.get('location'), `${SHOP}?esim_order=${id}`);
    await settled(sandbox, token, id);
  });

  it('failing the 3-D Secure challenge fails the order with authentication_failed', async () => {
    const { token, id } = await cardOrder();
    await postForm(sandbox, `/sandbox/checkout/${id}`, { number: '4000000000003220', challenge: 'fail' });
    const failed = await getOrder(sandbox, token, id);
    assert.deepEqual([failed.status, failed.failureCode], ['failed', 'authentication_failed']);
  });

  it('a challenge answer for a card that has none pays nothing', async () => {
    const { token, id } = await cardOrder();
    const reply = await postForm(sandbox, `/sandbox/checkout/${id}`, { number: '4000 0000 0000 9999', challenge: 'pass' });
    assert.equal(reply.status, 422);
    assert.equal((await getOrder(sandbox, token, id)).status, 'requires_payment');
  });

  it('4000 0000 0000 9995 is declined for insufficient funds, with its own code and message', async () => {
    const { token, created } = await newOrder(sandbox, { paymentMethod: 'card', paymentEnv: 'desktop' });
    const id = created.body.id as string;
    const reply = await postForm(sandbox, `/sandbox/checkout/${id}`, { number: '4000 0000 0000 9995' });
    assert.equal(reply.status, 200);
    assert.match(await reply.text(), /insufficient funds/);
    const failed = await getOrder(sandbox, token, id);
    assert.deepEqual([failed.status, failed.failureCode], ['failed', 'insufficient_funds']);
  });

  it('Apple Pay and Google Pay: the simulated sheet\'s answer pays or declines', async () => {
    const a = await cardOrder();
    await postForm(sandbox, `/sandbox/checkout/${a.id}`, { wallet: 'apple_pay', outcome: 'succeed' });
    assert.equal((await getOrder(sandbox, a.token, a.id)).status, 'processing');
    const b = await cardOrder();
    await postForm(sandbox, `/sandbox/checkout/${b.id}`, { wallet: 'google_pay', outcome: 'fail' });
    assert.equal((await getOrder(sandbox, b.token, b.id)).failureCode, 'payment_declined');
  });
});

describe('the contract\'s payment actions', () => {
  const bridge = { type: 'app_bridge', bridge: 'alipay_trade_pay', tradeNo: '2026120222001234567890123456', expiresAt: '2026-12-02T16:00:00.000Z' };
  const action = (value: unknown) => Order.shape.paymentAction.safeParse(value);

  it('takes a tradePay trade number, and nothing that is not one', () => {
    assert.ok(action(bridge).success);
    assert.equal(action({ ...bridge, tradeNo: 'javascript:alert(1)' }).success, false);
    assert.equal(action({ ...bridge, tradeNo: '' }).success, false);
    assert.equal(action({ ...bridge, bridge: 'wechat_pay' }).success, false);
    assert.equal(action({ type: 'redirect', url: 'javascript:alert(1)', flow: 'wechat_jsapi' }).success, false);
  });

  it('still reads a newer server\'s redirect page and method kinds it does not know', () => {
    assert.ok(action({ type: 'redirect', url: 'https://pay.example/x', flow: 'paypay_web' }).success);
    const list = PaymentMethodList.safeParse({ env: 'desktop', methods: [{ method: 'card', available: true, action: 'sheet' }] });
    assert.ok(list.success);
  });
});
