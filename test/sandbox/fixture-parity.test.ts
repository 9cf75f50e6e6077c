// The Storybook fixture client has no rules of its own: it serves the sandbox's seed through the sandbox's pricing
// rules and serialisers. The same demo card gets the same plans and the same quote from both.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createFixtureClient } from '../../stories/fixtures/index.ts';
import { call, ICCID, sessionFor, testSandbox } from './helpers.ts';

describe('the Storybook fixture client and the sandbox', () => {
  const sandbox = testSandbox();
  after(() => sandbox.close());

  const cases = [
    ['expiring', ICCID.expiring, 'zh-CN', undefined],
    ['neverRenewed', ICCID.neverRenewed, 'en', undefined],
    ['japanOnly', ICCID.japanOnly, 'en', undefined],
    ['japanOnly', ICCID.jpy, 'ja', 'JPY'],
    ['neverRenewed', ICCID.krw, 'ko', 'KRW'],
    ['expiring', ICCID.hkd, 'zh-HK', 'HKD'],
  ] as const;
  for (const [kind, iccid, locale, currency] of cases) {
    it(`offer the same plans and price the same quote for the ${kind} card (${locale}, ${currency ?? 'its own currency'})`, async () => {
      const token = await sessionFor(sandbox, iccid, { locale });
      const fixture = createFixtureClient({ card: kind, locale, ...(currency ? { currency } : {}) });
      const plans = (await call(sandbox, 'GET', '/v1/plans?period=month', { token })).body.plans;
      assert.deepEqual(await fixture.listPlans({ period: 'month' }), plans);
      const card = (await call(sandbox, 'GET', '/v1/card', { token })).body;
      const shown = await fixture.getCard();
      // The fixture serves the template's first demo card in the currency asked: another card, the same in all else.
      const sameCard = currency ? { id: card.id, iccid: card.iccid } : {};
      assert.deepEqual({ ...shown, asOf: card.asOf, validFrom: card.validFrom, expiresAt: card.expiresAt, ...sameCard }, card);
      for (const promoCode of [undefined, 'TRAVEL20', 'LIMITED', 'WELCOME']) {
        const input = { planId: plans[1].id, quantity: 2, ...(promoCode ? { promoCode } : {}) };
        const quote = (await call(sandbox, 'POST', '/v1/quotes', { token, body: input })).body;
        const priced = await fixture.createQuote(input);
        for (const field of ['plan', 'quantity', 'subtotal', 'discounts', 'total', 'dataAfterBytes'] as const) {
          assert.deepEqual(priced[field], quote[field], `${field} with ${promoCode ?? 'no promo code'}`);
        }
      }
    });
  }

  it('refuse the same promo codes for the same reasons', async () => {
    const token = await sessionFor(sandbox, ICCID.expiring);
    const fixture = createFixtureClient({ card: 'expiring' });
    for (const promoCode of ['SUMMER2025', 'SOON', 'ONCE', 'NOPE']) {
      const reply = await call(sandbox, 'POST', '/v1/quotes', { token, body: { planId: 'jp-day-1gb', promoCode } });
      assert.equal(reply.body.error.code, 'promo_invalid');
      await assert.rejects(fixture.createQuote({ planId: 'jp-day-1gb', promoCode }), (error: { code: string; details: { reason: string } }) =>
        error.code === 'promo_invalid' && error.details.reason === reply.body.error.details.reason);
    }
  });
});
