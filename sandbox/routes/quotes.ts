/** Pricing a renewal: `POST /v1/quotes`. */
import type { Hono } from 'hono';
import { CreateQuoteInput, Quote } from '../../src/client/schemas.ts';
import { guards } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { json } from '../http.ts';
import { requestLang } from '../locale.ts';
import { DESCRIPTIONS, operation } from '../openapi.ts';
import { canRenew, priceQuote, promoProblem, QUOTE_TTL_MS } from '../pricing.ts';
import { randomId } from '../util.ts';
import { perCard, refuseSuspended } from './shared.ts';

export function quoteRoutes(app: Hono, deps: Deps): void {
  const { session } = guards(deps);

  const createQuote = operation({
    tag: 'Orders', summary: 'Price a renewal', description: DESCRIPTIONS.quote,
    ok: { status: 201, schema: Quote, description: 'Quote' }, errors: [400, 401, 403, 409, 413, 422, 429],
  });
  app.post('/v1/quotes', createQuote, session, perCard(deps.limits.quotes), json(CreateQuoteInput), (c) => {
    const { card } = c.var;
    const input = c.req.valid('json');
    refuseSuspended(card);
    const plan = deps.cards.plan(input.planId);
    if (!plan || !canRenew(card, plan)) {
      throw new ApiError('plan_unavailable', `Plan ${input.planId} cannot renew this card`, { planId: input.planId });
    }
    const now = deps.now();
    const code = input.promoCode?.trim().toUpperCase();
    const promo = code ? deps.cards.promo(code) : undefined;
    const problem = code ? promoProblem(promo, now, deps.orders.promoHeld(code)) : undefined;
    if (problem) throw new ApiError('promo_invalid', problem.message, { reason: problem.reason });
    const quantity = input.quantity ?? 1;
    // Only the credit no live order holds: what another order was quoted is not offered twice.
    const credit = card.credit_amount > 0 ? Math.max(0, card.credit_amount - deps.orders.creditHeld(card.id)) : 0;
    const lang = requestLang(c, c.var.session.locale);
    const quote = priceQuote(randomId('quo'), { card, plan, quantity, promo: promo ?? null, credit, lang, now });
    deps.orders.insertQuote({
      id: quote.id,
      card_id: card.id,
      plan_id: plan.id,
      quantity,
      promo_code: promo?.code ?? null,
      body: JSON.stringify(quote),
      expires_at: now + QUOTE_TTL_MS,
      created_at: now,
    });
    return createQuote.send(c, quote);
  });
}
