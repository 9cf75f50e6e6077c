import { expect } from '@open-wc/testing';
import { createRenewalClient, isRenewalError, type RenewalClient, type RenewalError } from '../../src/index.js';
import type { Order } from '../../src/client/schemas.js';
import { expireSession, injectFault, newSession, payByCard, simulatePayment, type TestSession } from '../helpers/sandbox.js';

const GB = 1024 ** 3;
const DAY = 86_400_000;

function clientFor(session: TestSession, extra: Partial<Parameters<typeof createRenewalClient>[0]> = {}) {
  return createRenewalClient({ baseUrl: session.baseUrl, sessionToken: session.token, ...extra });
}

async function failure(promise: Promise<unknown>): Promise<RenewalError> {
  try {
    await promise;
  } catch (error) {
    expect(isRenewalError(error), `expected a RenewalError, got ${String(error)}`).to.equal(true);
    return error as RenewalError;
  }
  throw new Error('expected the call to fail');
}

async function quoteFirstPlan(client: RenewalClient) {
  const [plan] = await client.listPlans({ period: 'month' });
  return client.createQuote({ planId: plan!.id });
}

describe('Renewal client against the sandbox', () => {
  describe('reading', () => {
    it('reads the card of its session, with the ICCID masked to the last four digits', async () => {
      const session = await newSession({ template: 'active' });
      const card = await clientFor(session).getCard();
      expect(card.id).to.equal(session.cardId);
      expect(card.iccid).to.not.include(session.iccid);
      expect(card.iccid.replace(/\D/g, '')).to.equal(session.iccid.slice(-4));
      expect(card.status).to.equal('active');
      expect(card.data.remainingBytes).to.be.a('number');
      expect(Date.parse(card.expiresAt)).to.be.greaterThan(Date.now());
    });

    it('derives the status of expiring, expired and suspended cards', async () => {
      for (const template of ['expiring', 'expired', 'suspended'] as const) {
        const card = await clientFor(await newSession({ template })).getCard();
        expect(card.status, template).to.equal(template);
      }
    });

    it('lists plans that can renew the card, filtered by period and region', async () => {
      const client = clientFor(await newSession({ template: 'active' }));
      const all = await client.listPlans();
      expect(all.length).to.be.greaterThan(40);
      const regions = new Set(all.map((plan) => plan.region));
      expect(regions.size).to.be.at.least(20);
      const monthly = await client.listPlans({ period: 'month' });
      expect(monthly.length).to.be.greaterThan(0);
      expect(monthly.every((plan) => plan.period === 'month')).to.equal(true);
      const japan = await client.listPlans({ region: 'JP' });
      expect(japan.length).to.be.greaterThan(0);
      expect(japan.every((plan) => plan.coverage.includes('JP'))).to.equal(true);
      expect(all.every((plan) => plan.price.currency === 'CNY')).to.equal(true);
    });

    it('only offers Japan plans to a Japan-only card, priced in its currency', async () => {
      const plans = await clientFor(await newSession({ template: 'japan_only', currency: 'USD' })).listPlans();
      expect(plans.length).to.be.greaterThan(0);
      expect(plans.every((plan) => plan.coverage.length === 1 && plan.coverage[0] === 'JP')).to.equal(true);
      expect(plans.every((plan) => plan.price.currency === 'USD')).to.equal(true);
    });

    it('speaks the session locale: plan names in Chinese for zh-CN', async () => {
      const session = await newSession({ template: 'active', locale: 'zh-CN' });
      const plans = await clientFor(session).listPlans({ region: 'JP' });
      expect(plans.some((plan) => /[\u4e00-\u9fff]/.test(plan.name))).to.equal(true);
    });

    it('speaks the client locale when it is given one, over the session locale', async () => {
      const session = await newSession({ template: 'active', locale: 'en' });
      const english = await clientFor(session).listPlans({ region: 'JP' });
      expect(english.some((plan) => /[\u4e00-\u9fff]/.test(plan.name))).to.equal(false);
      const plans = await clientFor(session, { locale: 'zh-CN' }).listPlans({ region: 'JP' });
      expect(plans.some((plan) => /[\u4e00-\u9fff]/.test(plan.name))).to.equal(true);
    });

    it('sends the locale it is given, and the one set later: Traditional Chinese plan names for zh-TW', async () => {
      const session = await newSession({ template: 'active', locale: 'en' });
      const client = clientFor(session, { locale: 'zh-TW' });
      expect(client.locale).to.equal('zh-TW');
      const traditional = (await client.listPlans({ region: 'ASIA', period: 'month' })).map((plan) => plan.name);
      expect(traditional).to.include('亞洲 30天 10GB');
      expect(traditional.join(' ')).not.to.match(/亚洲|Asia/);
      client.setLocale('ja');
      const japanese = (await client.listPlans({ region: 'ASIA', period: 'month' })).map((plan) => plan.name);
      expect(japanese).to.include('アジア 10GB・30日間');
      const promo = await failure(client.createQuote({ planId: 'jp-day-1gb', promoCode: 'SUMMER2025' }));
      expect(promo.code).to.equal('promo_invalid');
      expect(promo.message).to.match(/^このクーポンコードは有効期限が切れています。: POST /);
      client.setLocale(undefined);
      expect(client.locale).to.equal(undefined);
      const english = (await client.listPlans({ region: 'ASIA', period: 'month' })).map((plan) => plan.name);
      expect(english).to.include('Asia 10 GB · 30 days', 'without a locale of its own, the session\'s decides');
    });

    it('reads daily usage for the last days', async () => {
      const usage = await clientFor(await newSession()).getUsage({ days: 30 });
      expect(usage.days).to.have.length(30);
      expect(usage.days.every((day) => Number.isInteger(day.usedBytes))).to.equal(true);
    });
  });

  describe('quoting', () => {
    it('gives a never-renewed card the first top-up discount', async () => {
      const quote = await quoteFirstPlan(clientFor(await newSession({ template: 'never_renewed' })));
      expect(quote.discounts.map((d) => d.kind)).to.deep.equal(['first_topup']);
      expect(quote.total.amount).to.equal(quote.subtotal.amount - quote.discounts[0]!.amount.amount);
      expect(quote.total.amount).to.be.lessThan(quote.subtotal.amount);
    });

    it('gives a returning card the loyalty discount instead', async () => {
      const quote = await quoteFirstPlan(clientFor(await newSession({ template: 'active' })));
      expect(quote.discounts.map((d) => d.kind)).to.deep.equal(['loyalty']);
    });

    it('adds a valid promo code and rejects an expired one with promo_invalid', async () => {
      const client = clientFor(await newSession({ template: 'active' }));
      const [plan] = await client.listPlans({ period: 'month' });
      const quote = await client.createQuote({ planId: plan!.id, promoCode: 'TRAVEL20' });
      expect(quote.discounts.map((d) => d.kind)).to.include('promo');
      const expired = await failure(client.createQuote({ planId: plan!.id, promoCode: 'SUMMER2025' }));
      expect(expired.code).to.equal('promo_invalid');
      expect(expired.status).to.equal(422);
    });

    it('carries remaining data over: data after renewal is what is left plus the plan', async () => {
      const client = clientFor(await newSession({ template: 'active' }));
      const card = await client.getCard();
      const [plan] = await client.listPlans({ period: 'month' });
      const quote = await client.createQuote({ planId: plan!.id });
      expect(quote.dataAfterBytes).to.equal(card.data.remainingBytes! + plan!.dataBytes!);
      const expected = Math.max(Date.now(), Date.parse(card.expiresAt)) + plan!.durationDays * DAY;
      expect(Math.abs(Date.parse(quote.newExpiresAt) - expected)).to.be.lessThan(60_000);
    });
  });

  describe('ordering and paying', () => {
    it('creates one order for two requests with the same Idempotency-Key', async () => {
      const client = clientFor(await newSession());
      const quote = await quoteFirstPlan(client);
      const input = { quoteId: quote.id, paymentMethod: 'card' as const };
      const first = await client.createOrder(input, { idempotencyKey: 'attempt-1' });
      const second = await client.createOrder(input, { idempotencyKey: 'attempt-1' });
      expect(second.id).to.equal(first.id);
      expect(first.status).to.equal('requires_payment');
      expect(first.paymentAction?.type).to.equal('redirect');
    });

    it('refuses the same Idempotency-Key with another body', async () => {
      const client = clientFor(await newSession());
      const quote = await quoteFirstPlan(client);
      await client.createOrder({ quoteId: quote.id, paymentMethod: 'card' }, { idempotencyKey: 'attempt-2' });
      const conflict = await failure(
        client.createOrder({ quoteId: quote.id, paymentMethod: 'alipay' }, { idempotencyKey: 'attempt-2' }),
      );
      expect(conflict.code).to.equal('idempotency_conflict');
      expect(conflict.status).to.equal(409);
    });

    it('pays by card through the sandbox and sees the card renewed with data carried over', async () => {
      const session = await newSession({ template: 'active' });
      const client = clientFor(session);
      const before = await client.getCard();
      const quote = await quoteFirstPlan(client);
      const order = await client.createOrder({ quoteId: quote.id, paymentMethod: 'card' });
      await payByCard(session, order.id);
      const seen: Order['status'][] = [];
      const done = await client.waitForOrder(order.id, { interval: 100, onUpdate: (o) => seen.push(o.status) });
      expect(done.status).to.equal('succeeded');
      expect(seen).to.include('processing');
      const after = await client.getCard();
      expect(after.renewalCount).to.equal(before.renewalCount + 1);
      expect(after.data.remainingBytes).to.equal(before.data.remainingBytes! + quote.plan.dataBytes!);
      expect(Date.parse(after.expiresAt)).to.equal(Date.parse(before.expiresAt) + quote.plan.durationDays * DAY);
      expect(done.card?.expiresAt).to.equal(after.expiresAt);
    });

    it('renews an expired card from today, not from its old expiry', async () => {
      const session = await newSession({ template: 'expired' });
      const client = clientFor(session);
      const quote = await quoteFirstPlan(client);
      const order = await client.createOrder({ quoteId: quote.id, paymentMethod: 'alipay' });
      expect(order.paymentAction?.type).to.equal('qr');
      await simulatePayment(session, order.id, 'succeed');
      await client.waitForOrder(order.id, { interval: 100 });
      const after = await client.getCard();
      expect(after.status).to.not.equal('expired');
      const expected = Date.now() + quote.plan.durationDays * DAY;
      expect(Math.abs(Date.parse(after.expiresAt) - expected)).to.be.lessThan(60_000);
    });

    it('ends a declined card payment as failed with card_declined, card unchanged', async () => {
      const session = await newSession();
      const client = clientFor(session);
      const before = await client.getCard();
      const order = await client.createOrder({ quoteId: (await quoteFirstPlan(client)).id, paymentMethod: 'card' });
      await payByCard(session, order.id, '4000 0000 0000 0002');
      const done = await client.waitForOrder(order.id, { interval: 100 });
      expect(done.status).to.equal('failed');
      expect(done.failureCode).to.equal('card_declined');
      expect((await client.getCard()).expiresAt).to.equal(before.expiresAt);
    });

    it('cancels an unpaid order, and cannot cancel it twice', async () => {
      const client = clientFor(await newSession());
      const order = await client.createOrder({ quoteId: (await quoteFirstPlan(client)).id, paymentMethod: 'card' });
      expect((await client.cancelOrder(order.id)).status).to.equal('canceled');
      expect((await failure(client.cancelOrder(order.id))).code).to.equal('invalid_state');
    });

    it('stops waiting for an order when the signal aborts', async () => {
      const client = clientFor(await newSession());
      const order = await client.createOrder({ quoteId: (await quoteFirstPlan(client)).id, paymentMethod: 'card' });
      const controller = new AbortController();
      const waiting = client.waitForOrder(order.id, { interval: 50, signal: controller.signal });
      setTimeout(() => controller.abort(), 200);
      expect((await failure(waiting)).code).to.equal('aborted');
    });
  });

  describe('errors', () => {
    it('rejects a bad token as unauthorized', async () => {
      const session = await newSession();
      const error = await failure(clientFor({ ...session, token: `${session.token}x` }).getCard());
      expect(error.code).to.equal('unauthorized');
      expect(error.status).to.equal(401);
      expect(error.message).to.include('GET');
    });

    it('reports an expired session as session_expired', async () => {
      const session = await newSession();
      await expireSession(session);
      expect((await failure(clientFor(session).getCard())).code).to.equal('session_expired');
    });

    it('refreshes an expired session once through getSessionToken and carries on', async () => {
      const session = await newSession();
      await expireSession(session);
      let asked = 0;
      const client = clientFor(session, {
        getSessionToken: async () => {
          asked += 1;
          return (await newSession({ iccid: session.iccid })).token;
        },
      });
      const card = await client.getCard();
      expect(card.id).to.equal(session.cardId);
      expect(asked).to.equal(1);
    });

    it('renews an expired session once for calls made at the same time, and answers each of them', async () => {
      const session = await newSession();
      await expireSession(session);
      let asked = 0;
      const client = clientFor(session, {
        getSessionToken: async () => {
          asked += 1;
          return (await newSession({ iccid: session.iccid })).token;
        },
      });
      const [card, plans, usage] = await Promise.all([
        client.getCard(),
        client.listPlans({ period: 'month' }),
        client.getUsage({ days: 7 }),
      ]);
      expect(card.id).to.equal(session.cardId);
      expect(plans.length).to.be.greaterThan(0);
      expect(usage.days).to.have.length(7);
      expect(asked).to.equal(1);
    });

    it('renews an expired session for a call that is never retried, and sends it once more', async () => {
      const session = await newSession();
      const first = clientFor(session);
      const order = await first.createOrder({ quoteId: (await quoteFirstPlan(first)).id, paymentMethod: 'card' });
      await expireSession(session);
      let asked = 0;
      const client = clientFor(session, {
        getSessionToken: async () => {
          asked += 1;
          return (await newSession({ iccid: session.iccid })).token;
        },
      });
      expect((await client.cancelOrder(order.id)).status).to.equal('canceled');
      expect(asked).to.equal(1);
    });

    it("cannot read another card's order", async () => {
      const mine = clientFor(await newSession());
      const theirs = clientFor(await newSession());
      const order = await theirs.createOrder({ quoteId: (await quoteFirstPlan(theirs)).id, paymentMethod: 'card' });
      const error = await failure(mine.getOrder(order.id));
      expect(error.code).to.equal('not_found');
      expect(error.status).to.equal(404);
    });

    it('turns a bad body into validation_failed with the server message', async () => {
      const client = clientFor(await newSession());
      const error = await failure(client.createQuote({ planId: '', quantity: 99 }));
      expect(error.code).to.equal('validation_failed');
      expect(error.status).to.equal(400);
    });

    it('turns an unknown plan into plan_unavailable', async () => {
      const error = await failure(clientFor(await newSession()).createQuote({ planId: 'no-such-plan' }));
      expect(error.code).to.equal('plan_unavailable');
    });

    it('turns malformed JSON into invalid_response', async () => {
      const session = await newSession();
      await injectFault(session, { method: 'GET', path: '/v1/card', kind: 'malformed_json' });
      const error = await failure(clientFor(session).getCard());
      expect(error.code).to.equal('invalid_response');
    });

    it('turns JSON of the wrong shape into invalid_response, naming what is wrong', async () => {
      const session = await newSession();
      await injectFault(session, { method: 'GET', path: '/v1/card', kind: 'wrong_shape' });
      const error = await failure(clientFor(session).getCard());
      expect(error.code).to.equal('invalid_response');
      expect((error as RenewalError & { issues: unknown[] }).issues.length).to.be.greaterThan(0);
    });

    it('names where an answer of the wrong shape is wrong and what was expected, in the message and its issues', async () => {
      const session = await newSession();
      await injectFault(session, { method: 'GET', path: '/v1/card', kind: 'wrong_shape' });
      const error = (await failure(clientFor(session).getCard())) as RenewalError & {
        issues: { path: PropertyKey[]; message: string }[];
      };
      expect(error.code).to.equal('invalid_response');
      expect(error.message).to.match(/^Unexpected response shape at id \(expected string\): GET http/);
      const issues = error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      expect(issues).to.include.members([
        'id: expected string',
        'status: expected one of active, expiring, expired, suspended',
        'plan: expected object',
      ]);
    });

    it('times out an answer whose body stalls after its headers, and asks again', async () => {
      const session = await newSession();
      let attempts = 0;
      // A stand-in for a network that stalls mid-answer (the sandbox cannot hold a body back once its headers are
      // out): the sandbox's real answer for the first attempt's headers, then a body that never ends, and that
      // fails when the request is aborted, as fetch's own bodies do.
      const stallFirst: typeof fetch = async (input, init) => {
        attempts += 1;
        const response = await fetch(input, init);
        if (attempts > 1) return response;
        const { signal } = input as Request;
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"id":'));
            signal.addEventListener('abort', () => controller.error(signal.reason));
          },
        });
        return new Response(body, { status: response.status, headers: response.headers });
      };
      const card = await clientFor(session, { fetch: stallFirst, timeout: 500 }).getCard();
      expect(card.id).to.equal(session.cardId);
      expect(attempts).to.equal(2);
      attempts = 0;
      const error = await failure(clientFor(session, { fetch: stallFirst, timeout: 300, retry: 0 }).getCard());
      expect(error.code).to.equal('timeout');
      expect(attempts).to.equal(1);
    });

    it('gives up after its timeout with code timeout', async () => {
      const session = await newSession();
      await injectFault(session, { method: 'GET', path: '/v1/card', kind: 'delay', delayMs: 3_000, times: 5 });
      const error = await failure(clientFor(session, { timeout: 300, retry: 0 }).getCard());
      expect(error.code).to.equal('timeout');
    });

    it('retries a 503 and a 429 (honouring Retry-After) and then succeeds', async () => {
      const session = await newSession();
      await injectFault(session, { method: 'GET', path: '/v1/card', kind: 'status', status: 503, times: 1 });
      await injectFault(session, { method: 'GET', path: '/v1/card', kind: 'status', status: 429, retryAfter: 1 });
      const started = performance.now();
      const card = await clientFor(session).getCard();
      expect(card.id).to.equal(session.cardId);
      expect(performance.now() - started).to.be.at.least(900);
    });

    it('does not retry a 413, even with a Retry-After', async () => {
      const session = await newSession();
      await injectFault(session, { method: 'GET', path: '/v1/card', kind: 'status', status: 413, retryAfter: 1, times: 1 });
      const error = await failure(clientFor(session).getCard());
      expect(error.code).to.equal('payload_too_large');
      expect(error.status).to.equal(413);
    });

    it('reports a persistent 500 as internal once retries are spent', async () => {
      const session = await newSession();
      await injectFault(session, { method: 'GET', path: '/v1/card', kind: 'status', status: 500, times: 10 });
      const error = await failure(clientFor(session, { retry: 1 }).getCard());
      expect(error.code).to.equal('internal');
      expect(error.status).to.equal(500);
    });

    it('retries an order whose answer was lost after it was created, and still makes one order', async () => {
      const session = await newSession();
      const client = clientFor(session);
      const quote = await quoteFirstPlan(client);
      await injectFault(session, { method: 'POST', path: '/v1/orders', kind: 'drop', phase: 'after' });
      const order = await client.createOrder({ quoteId: quote.id, paymentMethod: 'card' }, { idempotencyKey: 'lost-1' });
      const again = await client.createOrder({ quoteId: quote.id, paymentMethod: 'card' }, { idempotencyKey: 'lost-1' });
      expect(again.id).to.equal(order.id);
      expect(order.status).to.equal('requires_payment');
    });

    it('refuses a secret key given as the session token, before any request', () => {
      expect(() => createRenewalClient({ baseUrl: 'http://localhost', sessionToken: 'sk_test_demo' })).to.throw(
        /secret key/,
      );
    });
  });
});
