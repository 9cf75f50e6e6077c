/** Orders: the methods of an environment, create (idempotent), read, refresh a wallet code, cancel. */
import type { Hono } from 'hono';
import {
  CreateOrderInput, Order, PaymentMethodList, PaymentMethodsQuery, type PaymentEnv, type PaymentMethod, type Quote,
} from '../../src/client/schemas.ts';
import { guards } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { json, query } from '../http.ts';
import { requestLang } from '../locale.ts';
import { DESCRIPTIONS, operation } from '../openapi.ts';
import { cancelUnpaidOrder } from '../order-payments.ts';
import { ownOrder, quoteOfCard } from '../ownership.ts';
import { requirePartnerPage } from '../partner-origins.ts';
import { DEFAULT_ENV, paymentMethodOptions, paymentRoute } from '../payment-envs.ts';
import type { CardRow, QuoteRow } from '../rows.ts';
import { canonicalJson, randomDigits, randomId, sha256 } from '../util.ts';
import { idempotencyKey, orderResponse, perCard, refuseSuspended } from './shared.ts';

/** Refuses a method that cannot work where the widget runs: `422 method_unavailable_in_env`, with the reason. */
function requireAvailable(method: PaymentMethod, env: PaymentEnv): void {
  const route = paymentRoute(method, env);
  if (route.action !== null) return;
  throw new ApiError('method_unavailable_in_env', `${method} cannot be used in the ${env} environment (${route.reason})`, {
    paymentMethod: method,
    paymentEnv: env,
    reason: route.reason,
  });
}

/**
 * The wallet's own reference, made with the order as the wallet's "create" call would: an Alipay trade number
 * (28 digits, the date first) or a WeChat Pay prepay id (`wx` and 32 characters).
 */
function providerRef(method: PaymentMethod, now: number): string | null {
  if (method === 'alipay') return `${new Date(now).toISOString().slice(0, 10).replace(/-/g, '')}2200${randomDigits(16)}`;
  if (method === 'wechat_pay') return `wx${randomDigits(32)}`;
  return null;
}

interface NewOrder {
  card: CardRow;
  key: string;
  bodyHash: string;
  input: CreateOrderInput;
  publicBase: string;
}

export function orderRoutes(app: Hono, deps: Deps): void {
  const { session } = guards(deps);
  const { orders } = deps;
  const own = ownOrder(deps);

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
      const card = deps.cards.card(quote.card_id)!;
      if (credit > card.credit_amount - orders.creditHeld(card.id)) {
        throw new ApiError('quote_expired', 'The store credit this quote offered is held or spent by another order; ask for a new quote', {
          reason: 'credit_changed',
          quoteId: quote.id,
        });
      }
    }
    const promo = quote.promo_code === null ? undefined : deps.cards.promo(quote.promo_code);
    if (promo && promo.max_uses !== null && promo.uses + orders.promoHeld(promo.code) >= promo.max_uses) {
      throw new ApiError('quote_expired', `Promo code ${promo.code} has been used up by other orders; ask for a new quote`, {
        reason: 'promo_exhausted',
        quoteId: quote.id,
      });
    }
    return credit;
  }

  /** One IMMEDIATE transaction: the key lookup, the quote checks and the insert cannot interleave with another. */
  const createOrder = deps.db.transaction(({ card, key, bodyHash, input, publicBase }: NewOrder) => {
    const existing = orders.idempotencyKey(card.id, key);
    if (existing) {
      if (existing.body_hash !== bodyHash) {
        throw new ApiError('idempotency_conflict', 'This Idempotency-Key was already used with a different request body');
      }
      return { order: orders.order(existing.order_id)!, replayed: true };
    }
    const now = deps.now();
    const quote = quoteOfCard(deps, card, input.quoteId);
    if (quote.expires_at <= now) throw new ApiError('quote_expired', 'The quote has expired; ask for a new one');
    const siblings = orders.ordersOfQuote(quote.id);
    const paid = siblings.find((o) => o.status === 'processing' || o.status === 'succeeded');
    if (paid) {
      throw new ApiError('invalid_state', `This quote was already paid by order ${paid.id}`, {
        orderId: paid.id,
        status: paid.status,
      });
    }
    for (const older of siblings) {
      if (older.status === 'requires_payment') cancelUnpaidOrder(deps, older.id);
    }
    const creditReserved = holdLimitedDiscounts(quote);
    const id = randomId('ord');
    orders.insertOrder({
      id,
      card_id: card.id,
      quote_id: quote.id,
      payment_method: input.paymentMethod,
      return_url: input.returnUrl ?? null,
      public_base: publicBase,
      action_expires_at: input.paymentMethod === 'card' ? null : now + deps.qrTtlMs,
      credit_reserved: creditReserved,
      payment_env: input.paymentEnv ?? null,
      provider_ref: providerRef(input.paymentMethod, now),
      created_at: now,
    });
    // The primary key (card, key) is the last word: if it is already taken, roll everything back.
    if (!orders.insertIdempotencyKey(card.id, key, bodyHash, id, now)) {
      throw new ApiError('idempotency_conflict', 'A concurrent request with this Idempotency-Key won; retry it');
    }
    return { order: orders.order(id)!, replayed: false };
  });

  const listMethods = operation({
    tag: 'Orders', summary: 'Payment methods where the widget runs', description: DESCRIPTIONS.paymentMethods,
    ok: { status: 200, schema: PaymentMethodList, description: 'Every method, available or not (and why)' },
    errors: [400, 401, 403],
  });
  app.get('/v1/payment-methods', listMethods, session, query(PaymentMethodsQuery), (c) => {
    const env = c.req.valid('query').env ?? DEFAULT_ENV;
    return listMethods.send(c, { env, methods: paymentMethodOptions(env) });
  });

  const createOrderOp = operation({
    tag: 'Orders', summary: 'Order a quote (idempotent)', description: DESCRIPTIONS.order, replays: true,
    ok: { status: 201, schema: Order, description: 'Order created, or replayed (Idempotent-Replayed: true)' },
    errors: [400, 401, 403, 404, 409, 410, 413, 422, 429],
  });
  app.post('/v1/orders', createOrderOp, session, idempotencyKey, perCard(deps.limits.orders), json(CreateOrderInput), (c) => {
    const { card } = c.var;
    const input = c.req.valid('json');
    // The hosted card page will redirect there: only to a page of this card's partner.
    if (input.returnUrl !== undefined) requirePartnerPage(deps, c, card, 'returnUrl', input.returnUrl);
    refuseSuspended(card);
    requireAvailable(input.paymentMethod, input.paymentEnv ?? DEFAULT_ENV);
    const bodyHash = sha256(canonicalJson(input));
    const publicBase = (deps.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
    const { order, replayed } = createOrder.immediate({ card, key: c.var.idempotencyKey, bodyHash, input, publicBase });
    const headers = replayed ? { 'Idempotent-Replayed': 'true' } : undefined;
    return createOrderOp.send(c, orderResponse(deps, order, requestLang(c, c.var.session.locale)), headers);
  });

  const readOrder = operation({
    tag: 'Orders', summary: 'Read an order',
    ok: { status: 200, schema: Order, description: 'The order' }, errors: [401, 403, 404],
  });
  app.get('/v1/orders/:id', readOrder, session, own, (c) =>
    readOrder.send(c, orderResponse(deps, c.var.order, requestLang(c, c.var.session.locale))));

  // A wallet QR code lives 5 minutes; a traveller who was too slow gets a fresh code for the same order (no new
  // order, so nothing can be paid twice).
  const refreshPayment = operation({
    tag: 'Orders', summary: 'Give an unpaid wallet order a fresh QR code',
    ok: { status: 200, schema: Order, description: 'The order with a new payment code' }, errors: [401, 403, 404, 409],
  });
  app.post('/v1/orders/:id/refresh-payment', refreshPayment, session, own, (c) => {
    const { order } = c.var;
    if (order.payment_method === 'card') {
      throw new ApiError('invalid_state', 'Only a wallet (QR) payment can be refreshed', { status: order.status });
    }
    const now = deps.now();
    if (!orders.renewAction(order.id, now + deps.qrTtlMs, now)) {
      throw new ApiError('invalid_state', `Only an order awaiting payment can get a new code; this one is ${order.status}`, {
        status: order.status,
      });
    }
    return refreshPayment.send(c, orderResponse(deps, orders.order(order.id)!, requestLang(c, c.var.session.locale)));
  });

  const cancelOrder = operation({
    tag: 'Orders', summary: 'Cancel an order awaiting payment',
    description: 'Safe while a wallet payment may still arrive (a QR code open, a traveller back from a payment page '
      + 'or the Alipay app before the payment is known). The provider\'s side of the payment is closed first (the '
      + 'wallet trade, the hosted card session), then the order is canceled, in one step: a payment notification that '
      + 'arrives afterwards is refused by the provider, nothing is charged, and the order stays `canceled`. If the '
      + 'payment arrived first, nothing is canceled: `409 invalid_state` with `details.status` `processing` or '
      + '`succeeded` — the order is paid and the renewal applies; read the order and show that outcome, not a '
      + 'cancellation. An order already failed or canceled also answers `409 invalid_state`.',
    ok: { status: 200, schema: Order, description: 'The canceled order; its payment can no longer be made' },
    errors: [401, 403, 404, 409],
  });
  app.post('/v1/orders/:id/cancel', cancelOrder, session, own, (c) => {
    const { order } = c.var;
    if (!cancelUnpaidOrder(deps, order.id)) {
      const current = orders.order(order.id)!;
      throw new ApiError('invalid_state', `Only an order awaiting payment can be canceled; this one is ${current.status}`, {
        status: current.status,
      });
    }
    return cancelOrder.send(c, orderResponse(deps, orders.order(order.id)!, requestLang(c, c.var.session.locale)));
  });
}
