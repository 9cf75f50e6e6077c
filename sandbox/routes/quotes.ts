/** Pricing a renewal: `POST /v1/quotes`. */
import type { Hono } from 'hono';
import { CreateQuoteInput, Quote } from '../../src/client/schemas.ts';
import { requireSession } from '../auth.ts';
import type { CardRow } from '../db.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { readJson, sendJson } from '../http.ts';
import { requestLang } from '../locale.ts';
import { QUOTE_TTL_MS, canRenew, checkPromo, priceQuote } from '../pricing.ts';
import { randomId } from '../util.ts';

export function refuseSuspended(card: CardRow): void {
  if (card.suspended) {
    throw new ApiError('forbidden', 'This card is suspended and cannot be renewed; contact the shop', {
      reason: 'card_suspended',
    });
  }
}

export function quoteRoutes(app: Hono, deps: Deps): void {
  app.post('/v1/quotes', async (c) => {
    const { session, card } = requireSession(c, deps);
    deps.limits.quotes.take(card.id);
    const input = await readJson(c, CreateQuoteInput);
    refuseSuspended(card);
    const plan = deps.store.plan(input.planId);
    if (!plan || !canRenew(card, plan)) {
      throw new ApiError('plan_unavailable', `Plan ${input.planId} cannot renew this card`, { planId: input.planId });
    }
    const now = deps.now();
    const code = input.promoCode?.trim().toUpperCase();
    const promo = code ? checkPromo(deps.store.promo(code), now, deps.store.promoHeld(code)) : null;
    const quantity = input.quantity ?? 1;
    // Only the credit no live order holds: what another order was quoted is not offered twice.
    const credit = card.credit_amount > 0 ? Math.max(0, card.credit_amount - deps.store.creditHeld(card.id)) : 0;
    const lang = requestLang(c, session.locale);
    const quote = priceQuote(randomId('quo'), { card, plan, quantity, promo, credit, lang, now });
    deps.store.insertQuote({
      id: quote.id,
      card_id: card.id,
      plan_id: plan.id,
      quantity,
      promo_code: promo?.code ?? null,
      body: JSON.stringify(quote),
      expires_at: now + QUOTE_TTL_MS,
      created_at: now,
    });
    return sendJson(c, Quote, quote, 201);
  });
}
