// The browser checks responses with src/client/validators.ts, generated from the zod schemas (the contract) so the
// bundle ships no zod. These tests hold the two together: the file is what the generator writes today, and on real
// answers — from the sandbox and from the stories' fixture client — and on thousands of broken copies of them, the
// generated validator accepts exactly what zod accepts and returns exactly what zod returns.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import type * as z from 'zod/mini';
import { generateValidators, OUTPUT, RESPONSES } from '../../scripts/gen-validators.ts';
import * as schemas from '../../src/client/schemas.ts';
import { check, type Validator } from '../../src/client/validate.ts';
import * as validators from '../../src/client/validators.ts';
import { createFixtureClient } from '../../stories/fixtures/index.ts';
import { call, DEMO_KEY, freshCard, ICCID, sessionFor, testSandbox } from '../sandbox/helpers.ts';

type Name = (typeof RESPONSES)[number];
const zodOf = (name: Name) => (schemas as unknown as Record<Name, z.ZodMiniType>)[name];
const generatedOf = (name: Name) => (validators as unknown as Record<Name, Validator<unknown>>)[name];

/** Every way we break a value: wrong types, edge numbers, hostile and malformed strings. */
const REPLACEMENTS: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 53,
  Number.NaN,
  '',
  'x',
  'rs_x',
  'LPA:1$x$y',
  'javascript:alert(1)',
  ' JavaScript:x',
  'HTTPS://pay.example/x',
  'weixin://wxpay/x',
  '2026-13-01T00:00:00Z',
  '2026-01-01T00:00:00.000Z',
  '2026-01-01',
  'ABC',
  'abc',
  'active',
  'qr',
  'redirect',
  [],
  {},
];

/** Copies of `value` with one thing changed: each key removed or replaced, an unknown key added to each object. */
function* mutations(value: unknown): Generator<unknown> {
  yield* REPLACEMENTS;
  if (Array.isArray(value)) {
    // The first two entries stand for the rest; an empty list is a case of its own.
    yield [];
    for (const [index, entry] of value.slice(0, 2).entries()) {
      for (const changed of mutations(entry)) yield value.map((item, i) => (i === index ? changed : item));
    }
  } else if (typeof value === 'object' && value !== null) {
    yield { ...value, unexpected: 'kept out' };
    for (const key of Object.keys(value)) {
      const { [key]: _removed, ...rest } = value as Record<string, unknown>;
      yield rest;
      yield { ...rest, [key]: undefined };
      for (const changed of mutations((value as Record<string, unknown>)[key])) yield { ...rest, [key]: changed };
    }
  }
}

describe('the generated response validators', () => {
  // The partner pages the answers below return to and hand off to, registered for the demo partner.
  const sandbox = testSandbox({ demoOrigins: ['https://agency.example', 'https://travel.example'] });
  after(() => sandbox.close());

  it('are what scripts/gen-validators.ts writes from schemas.ts (run `npm run gen:validators` after changing it)', async () => {
    assert.equal(readFileSync(OUTPUT, 'utf8'), await generateValidators());
  });

  it('accept and return exactly what the zod schemas do, on real answers and broken copies of them', async () => {
    const samples: [Name, unknown][] = [];
    const keep = (name: Name, body: unknown) => samples.push([name, body]);

    // Real answers of the sandbox, as JSON.
    const partnerBody = async (method: string, path: string, body?: unknown) =>
      (await call(sandbox, method, path, { token: DEMO_KEY, body })).body;
    keep('Session', await partnerBody('POST', '/v1/sessions', { iccid: ICCID.active }));
    keep('PartnerCardList', await partnerBody('GET', '/v1/cards'));
    for (const iccid of [ICCID.active, ICCID.unlimited, ICCID.suspended]) {
      const token = await sessionFor(sandbox, iccid);
      keep('Card', (await call(sandbox, 'GET', '/v1/card', { token })).body);
    }
    const { token } = await freshCard(sandbox, 'history');
    const get = async (path: string) => (await call(sandbox, 'GET', path, { token })).body;
    const post = async (path: string, body: unknown = {}) =>
      (await call(sandbox, 'POST', path, { token, body, headers: { 'Idempotency-Key': `k-${path}-${Math.random()}` } }))
        .body;
    keep('PlanList', await get('/v1/plans?region=JP'));
    const quote = await post('/v1/quotes', { planId: 'jp-month-10gb', promoCode: 'TRAVEL20' });
    keep('Quote', quote);
    keep('Order', await post('/v1/orders', { quoteId: quote.id, paymentMethod: 'alipay' }));
    const quote2 = await post('/v1/quotes', { planId: 'jp-month-10gb' });
    keep(
      'Order',
      await post('/v1/orders', { quoteId: quote2.id, paymentMethod: 'card', returnUrl: 'https://agency.example/back' }),
    );
    const history = await get('/v1/orders');
    keep('OrderList', history);
    const paid = history.orders.find((order: { status: string }) => order.status === 'succeeded').id;
    keep('RefundQuote', await get(`/v1/orders/${paid}/refund-quote`));
    keep('Refund', await post(`/v1/orders/${paid}/refunds`, { note: 'home early' }));
    keep('Usage', await get('/v1/card/usage?days=3'));
    keep('DeviceList', await get('/v1/devices?q=iphone'));
    const handoff = await post('/v1/handoffs', { url: 'https://travel.example/renew', planId: 'jp-month-10gb' });
    keep('Handoff', handoff);
    keep('HandoffSession', (await call(sandbox, 'POST', '/v1/handoffs/claim', { body: { code: handoff.code } })).body);
    keep('ErrorBody', (await call(sandbox, 'GET', '/v1/card', { token: 'rs_nope' })).body);

    // The fixture client's answers: a paid order with the renewed card, auto-renew, transfers and the renewed card in an order.
    const fixture = createFixtureClient({ card: 'expired', payment: 'succeed' });
    const [plan] = await fixture.listPlans({ period: 'month' });
    const fixtureQuote = await fixture.createQuote({ planId: plan!.id, promoCode: 'travel20' });
    keep('Order', await fixture.createOrder({ quoteId: fixtureQuote.id, paymentMethod: 'wechat_pay' }));
    keep('OrderList', await fixture.listOrders());
    keep('AutoRenew', await fixture.setAutoRenew({ enabled: true, planId: plan!.id }));
    const transfer = await fixture.startTransfer({ brand: 'Apple', model: 'iPhone 15' });
    keep('Transfer', transfer);
    keep('TransferResult', await fixture.verifyTransfer(transfer.id, '123456'));

    assert.deepEqual(new Set(samples.map(([name]) => name)), new Set(RESPONSES), 'a sample of every response');

    let cases = 0;
    const outcomes = { accepted: 0, rejected: 0 };
    for (const [name, sample] of samples) {
      assert.ok(zodOf(name).safeParse(sample).success, `the ${name} sample is valid: ${JSON.stringify(sample)}`);
      for (const candidate of [sample, ...mutations(sample)]) {
        const expected = zodOf(name).safeParse(candidate);
        const actual = check(generatedOf(name), candidate);
        const where = `${name}: ${JSON.stringify(candidate)?.slice(0, 300)}`;
        assert.equal(
          actual.issues.length === 0,
          expected.success,
          `${expected.success ? 'rejects' : 'accepts'} ${where}`,
        );
        if (expected.success) assert.deepEqual(actual.data, expected.data, where);
        else
          assert.ok(
            actual.issues.every((issue) => issue.message && Array.isArray(issue.path)),
            where,
          );
        outcomes[expected.success ? 'accepted' : 'rejected']++;
        cases++;
      }
    }
    // Not a vacuous comparison: many cases, and both outcomes well represented.
    assert.ok(cases > 10_000, `${cases} cases`);
    assert.ok(outcomes.accepted > 500 && outcomes.rejected > 5_000, JSON.stringify(outcomes));
  });
});
