/** What several route modules share: the order as the API shows it, the suspended-card rule, keys and limits. */
import type { Context, Env, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Order, Quote } from '../../src/client/schemas.ts';
import type { PartnerEnv, SessionEnv } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import type { Lang } from '../locale.ts';
import { documented } from '../openapi.ts';
import type { RateLimiter } from '../rate-limit.ts';
import type { CardRow, OrderRow } from '../rows.ts';
import { localizeQuote, toCard, toOrder, toRefund } from '../serialize.ts';

/** The Order as the API shows it; the renewed card is embedded once it has succeeded. */
export function orderResponse(deps: Deps, order: OrderRow, lang: Lang): Order {
  const quote = deps.orders.quote(order.quote_id)!;
  let card;
  if (order.status === 'succeeded') {
    const row = deps.cards.card(order.card_id)!;
    card = toCard(row, deps.cards.plan(row.plan_id)!, lang, deps.now());
  }
  const refund = deps.refunds.refundOfOrder(order.id);
  const stored = JSON.parse(quote.body) as Quote;
  const localized = localizeQuote(stored, deps.cards.plan(stored.plan.id), quote.promo_code, lang);
  return toOrder(order, localized, card, refund ? toRefund(refund) : null, lang);
}

export function refuseSuspended(card: CardRow, what = 'cannot be renewed'): void {
  if (card.suspended) {
    throw new ApiError('forbidden', `This card is suspended and ${what}; contact the shop`, { reason: 'card_suspended' });
  }
}

const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,255}$/;

export type IdempotencyEnv = { Variables: { idempotencyKey: string } };

/** The `Idempotency-Key` header a write needs (`c.var.idempotencyKey`), documented as the operation's parameter. */
export const idempotencyKey: MiddlewareHandler<IdempotencyEnv> = documented(
  createMiddleware<IdempotencyEnv>(async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined || !IDEMPOTENCY_KEY.test(key)) {
      throw new ApiError('validation_failed', 'Send an Idempotency-Key header of 1–255 printable characters', {
        issues: [{ path: ['Idempotency-Key'], message: key === undefined ? 'Required header' : 'Invalid header value' }],
      });
    }
    c.set('idempotencyKey', key);
    await next();
  }),
  {
    parameters: [{
      name: 'Idempotency-Key', in: 'header', required: true,
      description: 'Same key and body replay the first answer; 1–255 printable characters.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    }],
  },
);

/** Takes a token from `limiter` for the key of the request (none: no limit), or answers 429 `rate_limited`. */
export function limited<E extends Env>(limiter: RateLimiter, keyOf: (c: Context<E>) => string | undefined): MiddlewareHandler<E> {
  return createMiddleware<E>(async (c, next) => {
    const key = keyOf(c);
    if (key !== undefined) limiter.take(key);
    await next();
  });
}

/** A limit per session's card. */
export const perCard = (limiter: RateLimiter) => limited<SessionEnv>(limiter, (c) => c.var.card.id);

/** A limit per partner. */
export const perPartner = (limiter: RateLimiter) => limited<PartnerEnv>(limiter, (c) => c.var.partner.id);
