// The contract says `additionalProperties: false` for every request body, and the sandbox holds to it: a field the
// API does not know (a client that thinks it can set `total` or `amount`) is `400 validation_failed`, named.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { buildOpenApi } from '../../sandbox/app.ts';
import { DEMO_KEY, ICCID, call, freshCard, order, quote, sessionFor, testSandbox } from './helpers.ts';

describe('request bodies with fields the API does not know', () => {
  const sandbox = testSandbox();
  after(() => sandbox.close());

  it('are refused with validation_failed, naming the field, on every operation that takes a JSON body', async () => {
    const { token, card } = await freshCard(sandbox, 'refund_full');
    const q = await quote(sandbox, token);
    const o = (await order(sandbox, token, { quoteId: q.id, paymentMethod: 'alipay' })).body;
    const [paid] = (await call(sandbox, 'GET', '/v1/orders', { token })).body.orders.filter((x: { status: string }) => x.status === 'succeeded');
    const transfer = (await call(sandbox, 'POST', '/v1/card/transfer', { token, body: { brand: 'Apple', model: 'iPhone 15' } })).body;
    const handoff = (await call(sandbox, 'POST', '/v1/handoffs', { token, body: { url: 'http://localhost/' } })).body;
    const key = { 'Idempotency-Key': crypto.randomUUID() };
    // Each: a body the operation accepts, plus one field it does not know.
    const cases: Array<[method: string, path: string, body: Record<string, unknown>, auth?: string, headers?: Record<string, string>]> = [
      ['POST', '/v1/sessions', { iccid: card.iccid, price: 0 }, DEMO_KEY],
      ['POST', '/v1/quotes', { planId: 'jp-day-1gb', total: 0 }],
      ['POST', '/v1/orders', { quoteId: q.id, paymentMethod: 'card', amount: 1 }, token, key],
      ['PUT', '/v1/card/auto-renew', { enabled: false, price: 0 }],
      ['POST', `/v1/orders/${paid.id}/refunds`, { note: 'home early', amount: 999_999 }, token, key],
      ['POST', '/v1/card/transfer', { brand: 'Apple', model: 'iPhone 15', iccid: ICCID.other }],
      ['POST', `/v1/card/transfer/${transfer.id}/verify`, { code: '123456', attempts: 99 }],
      ['POST', '/v1/handoffs', { url: 'http://localhost/', cardId: 'card_other' }],
      ['POST', '/v1/handoffs/claim', { code: handoff.code, cardId: 'card_other' }, ''],
      ['POST', `/sandbox/orders/${o.id}/simulate`, { outcome: 'succeed', total: 0 }],
      ['POST', '/sandbox/cards', { template: 'active', credit: 1_000_000 }, DEMO_KEY],
      ['POST', '/sandbox/faults', { path: '/v1/card', kind: 'drop', everyone: true }],
      ['POST', '/sandbox/activations/install', { activationCode: 'x', iccid: ICCID.other }, ''],
      ['POST', '/v1/webhook-endpoints', { url: 'https://partner.example/hooks', secret: 'whsec_mine' }, DEMO_KEY],
      ['POST', '/v1/renewal-links', { iccid: card.iccid, code: 'chosen' }, DEMO_KEY],
      ['POST', '/sandbox/clock', { advance: { days: 1 }, partner: 'partner_other' }, DEMO_KEY],
      ['POST', `/sandbox/cards/${card.iccid}/use-data`, { bytes: 1, refill: true }, DEMO_KEY],
    ];
    for (const [method, path, body, auth = token, headers = {}] of cases) {
      const unknown = Object.keys(body).at(-1)!;
      const reply = await call(sandbox, method, path, { token: auth || undefined, body, headers });
      assert.equal(reply.status, 400, `${method} ${path}: ${reply.text}`);
      assert.equal(reply.body.error.code, 'validation_failed');
      assert.match(reply.body.error.message, new RegExp(`Unrecognized key: "${unknown}"`), `${method} ${path}`);
    }
    // Nothing they asked for happened: no order, refund or claim went through on the strength of them.
    assert.equal((await call(sandbox, 'POST', '/v1/handoffs/claim', { body: { code: handoff.code } })).status, 201);
    assert.equal((await call(sandbox, 'GET', `/v1/orders/${o.id}`, { token })).body.status, 'requires_payment');
  });

  it('are described as refused in the OpenAPI document', async () => {
    const doc = (await buildOpenApi()) as { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, any> } };
    let bodies = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const ref = op.requestBody?.content?.['application/json']?.schema?.$ref as string | undefined;
        if (!ref) continue;
        bodies += 1;
        const schema = doc.components.schemas[ref.split('/').pop()!];
        assert.equal(schema.additionalProperties, false, `${method} ${path}`);
      }
    }
    assert.ok(bodies >= 13);
  });

  it('a body the API knows in full is still taken, with every optional field', async () => {
    const token = await sessionFor(sandbox, ICCID.neverRenewed);
    const q = await quote(sandbox, token, { planId: 'jp-day-1gb', quantity: 2, promoCode: 'TRAVEL20' });
    const reply = await order(sandbox, token, { quoteId: q.id, paymentMethod: 'card', returnUrl: 'http://localhost:8000/my-esim' });
    assert.equal(reply.status, 201, reply.text);
  });
});
