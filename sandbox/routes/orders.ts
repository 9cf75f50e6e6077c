/** Orders: create (idempotent), read, cancel. */
import type { Context, Hono } from 'hono';
import { CreateOrderInput, Order, type Quote } from '../../src/client/schemas.ts';
import { requireSession } from '../auth.ts';
import type { CardRow, OrderRow, QuoteRow } from '../db.ts';
import type { Deps } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import { readJson, sendJson } from '../http.ts';
import { type Lang, requestLang } from '../locale.ts';
import { canonicalJson, randomId, sha256 } from '../util.ts';
import { localizeQuote, toCard, toOrder } from '../views.ts';
import { careStore } from '../care-store.ts';
import { requirePartnerPage } from '../partner-origins.ts';
import { toRefund } from '../refunds.ts';
import { refuseSuspended } from './quotes.ts';

const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,255}$/;

/** The Order as the API shows it; the renewed card is embedded once it has succeeded. */
export function orderResponse(deps: Deps, order: OrderRow, lang: Lang): Order {
  const quote = deps.store.quote(order.quote_id)!;
  let card;
  if (order.status === 'succeeded') {
    const row = deps.store.card(order.card_id)!;
    card = toCard(row, deps.store.plan(row.plan_id)!, lang, deps.now());
  }
  const refund = careStore(deps.db).refundOfOrder(order.id);
  const stored = JSON.parse(quote.body) as Quote;
  const localized = localizeQuote(stored, deps.store.plan(stored.plan.id), quote.promo_code, lang);
  return toOrder(order, localized, card, refund ? toRefund(refund) : null);
}

export function idempotencyKey(c: Context): string {
  const key = c.req.header('idempotency-key');
  if (key === undefined || !IDEMPOTENCY_KEY.test(key)) {
    throw new ApiError('validation_failed', 'Send an Idempotency-Key header of 1–255 printable characters', {
      issues: [{ path: ['Idempotency-Key'], message: key === undefined ? 'Required header' : 'Invalid header value' }],
    });
  }
  return key;
}

interface NewOrder {
  card: CardRow;
  key: string;
  bodyHash: string;
  input: CreateOrderInput;
  publicBase: string;
}

export function orderRoutes(app: Hono, deps: Deps): void {
  const { store } = deps;

  /**
   * The store credit and promo code use the quote offered, held by the new order from now on (inside the order's
   * transaction, after replaced attempts let go of theirs). When other live orders hold them since the quote was
   * made, the quote's price no longer stands: `quote_expired`, and the client asks for a new quote (the widget does
   * on its own), so the traveller sees the new total before paying it. Returns the credit to hold.
   */
  function holdLimitedDiscounts(quote: QuoteRow): number {
    const { discounts } = JSON.parse(quote.body) as Quote;
    const credit = discounts.find((d) => d.kind === 'credit')?.amount.amount ?? 0;
    if (credit > 0) {
      const card = store.card(quote.card_id)!;
      if (credit > card.credit_amount - store.creditHeld(card.id)) {
        throw new ApiError('quote_expired', 'The store credit this quote offered is held or spent by another order; ask for a new quote', {
          reason: 'credit_changed',
          quoteId: quote.id,
        });
      }
    }
    const promo = quote.promo_code === null ? undefined : store.promo(quote.promo_code);
    if (promo && promo.max_uses !== null && promo.uses + store.promoHeld(promo.code) >= promo.max_uses) {
      throw new ApiError('quote_expired', `Promo code ${promo.code} has been used up by other orders; ask for a new quote`, {
        reason: 'promo_exhausted',
        quoteId: quote.id,
      });
    }
    return credit;
  }

  /** One IMMEDIATE transaction: the key lookup, the quote checks and the insert cannot interleave with another. */
  const createOrder = deps.db.transaction(({ card, key, bodyHash, input, publicBase }: NewOrder) => {
    const existing = store.idempotencyKey(card.id, key);
    if (existing) {
      if (existing.body_hash !== bodyHash) {
        throw new ApiError('idempotency_conflict', 'This Idempotency-Key was already used with a different request body');
      }
      return { order: store.order(existing.order_id)!, replayed: true };
    }
    const now = deps.now();
    const quote = store.quote(input.quoteId);
    if (!quote || quote.card_id !== card.id) throw notFound('Quote');
    if (quote.expires_at <= now) throw new ApiError('quote_expired', 'The quote has expired; ask for a new one');
    const siblings = store.ordersOfQuote(quote.id);
    const paid = siblings.find((o) => o.status === 'processing' || o.status === 'succeeded');
    if (paid) {
      throw new ApiError('invalid_state', `This quote was already paid by order ${paid.id}`, {
        orderId: paid.id,
        status: paid.status,
      });
    }
    for (const older of siblings) {
      if (older.status === 'requires_payment') store.transition(older.id, 'requires_payment', 'canceled', now);
    }
    const creditReserved = holdLimitedDiscounts(quote);
    const id = randomId('ord');
    store.insertOrder({
      id,
      card_id: card.id,
      quote_id: quote.id,
      payment_method: input.paymentMethod,
      return_url: input.returnUrl ?? null,
      public_base: publicBase,
      action_expires_at: input.paymentMethod === 'card' ? null : now + deps.qrTtlMs,
      credit_reserved: creditReserved,
      created_at: now,
    });
    // The primary key (card, key) is the last word: if it is already taken, roll everything back.
    if (!store.insertIdempotencyKey(card.id, key, bodyHash, id, now)) {
      throw new ApiError('idempotency_conflict', 'A concurrent request with this Idempotency-Key won; retry it');
    }
    return { order: store.order(id)!, replayed: false };
  });

  app.post('/v1/orders', async (c) => {
    const { session, card } = requireSession(c, deps);
    const key = idempotencyKey(c);
    deps.limits.orders.take(card.id);
    const input = await readJson(c, CreateOrderInput);
    // The hosted card page will redirect there: only to a page of this card's partner.
    if (input.returnUrl !== undefined) requirePartnerPage(deps, c, card, 'returnUrl', input.returnUrl);
    refuseSuspended(card);
    const bodyHash = sha256(canonicalJson(input));
    const publicBase = (deps.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
    const { order, replayed } = createOrder.immediate({ card, key, bodyHash, input, publicBase });
    const headers = replayed ? { 'Idempotent-Replayed': 'true' } : undefined;
    return sendJson(c, Order, orderResponse(deps, order, requestLang(c, session.locale)), 201, headers);
  });

  app.get('/v1/orders/:id', (c) => {
    const { session, card } = requireSession(c, deps);
    const order = store.order(c.req.param('id'));
    if (!order || order.card_id !== card.id) throw notFound('Order');
    return sendJson(c, Order, orderResponse(deps, order, requestLang(c, session.locale)));
  });

  // A wallet QR code lives 5 minutes; a traveller who was too slow gets a fresh code for the same order (no new
  // order, so nothing can be paid twice).
  app.post('/v1/orders/:id/refresh-payment', (c) => {
    const { session, card } = requireSession(c, deps);
    const order = store.order(c.req.param('id'));
    if (!order || order.card_id !== card.id) throw notFound('Order');
    if (order.payment_method === 'card') {
      throw new ApiError('invalid_state', 'Only a wallet (QR) payment can be refreshed', { status: order.status });
    }
    const now = deps.now();
    if (!store.renewAction(order.id, now + deps.qrTtlMs, now)) {
      throw new ApiError('invalid_state', `Only an order awaiting payment can get a new code; this one is ${order.status}`, {
        status: order.status,
      });
    }
    return sendJson(c, Order, orderResponse(deps, store.order(order.id)!, requestLang(c, session.locale)));
  });

  app.post('/v1/orders/:id/cancel', (c) => {
    const { session, card } = requireSession(c, deps);
    const order = store.order(c.req.param('id'));
    if (!order || order.card_id !== card.id) throw notFound('Order');
    if (!store.transition(order.id, 'requires_payment', 'canceled', deps.now())) {
      throw new ApiError('invalid_state', `Only an order awaiting payment can be canceled; this one is ${order.status}`, {
        status: order.status,
      });
    }
    return sendJson(c, Order, orderResponse(deps, store.order(order.id)!, requestLang(c, session.locale)));
  });
}
