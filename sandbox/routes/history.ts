/**
 * Renewal history and refunds: the card's orders a page at a time, what a refund would give (the preview), and
 * refund requests (idempotent), decided after the settle delay by `refunds.ts`.
 */
import type { Hono } from 'hono';
import { CreateRefundInput, OrderList, OrdersQuery, Refund, RefundQuote } from '../../src/client/schemas.ts';
import { guards } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { json, query } from '../http.ts';
import { requestLang } from '../locale.ts';
import { operation } from '../openapi.ts';
import { ownOrder } from '../ownership.ts';
import { refundFacts, refundPolicy } from '../refunds.ts';
import type { CardRow, OrderRow } from '../rows.ts';
import { toRefund } from '../serialize.ts';
import { canonicalJson, randomId, sha256 } from '../util.ts';
import { idempotencyKey, orderResponse } from './shared.ts';

const DEFAULT_LIMIT = 10;

/** Opaque to clients: base64url of `createdAt|id`, the position of the last order of the page. */
const encodeCursor = (order: OrderRow): string => Buffer.from(`${order.created_at}|${order.id}`).toString('base64url');

function decodeCursor(cursor: string): { createdAt: number; id: string } {
  const match = /^(\d{1,15})\|([\w-]{1,100})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw new ApiError('validation_failed', 'Query is invalid', {
      issues: [{ path: ['cursor'], message: 'Unknown cursor: pass the nextCursor of the previous page' }],
    });
  }
  return { createdAt: Number(match[1]), id: match[2]! };
}

interface NewRefund {
  card: CardRow;
  key: string;
  bodyHash: string;
  orderId: string;
  note: string | null;
}

export function historyRoutes(app: Hono, deps: Deps): void {
  const { session } = guards(deps);
  const own = ownOrder(deps);

  const listOrders = operation({
    tag: 'Orders', summary: "The card's orders, newest first, a page at a time",
    ok: { status: 200, schema: OrderList, description: 'A page of orders; nextCursor is null on the last page' },
    errors: [400, 401, 403],
  });
  app.get('/v1/orders', listOrders, session, query(OrdersQuery), (c) => {
    const { card } = c.var;
    const input = c.req.valid('query');
    const limit = input.limit ?? DEFAULT_LIMIT;
    const after = input.cursor ? decodeCursor(input.cursor) : { createdAt: Number.MAX_SAFE_INTEGER, id: '' };
    // One more than asked: whether it exists says if there is a next page.
    const rows = deps.orders.ordersPage(card.id, after, limit + 1);
    const page = rows.slice(0, limit);
    const lang = requestLang(c, c.var.session.locale);
    return listOrders.send(c, {
      orders: page.map((order) => orderResponse(deps, order, lang)),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
    });
  });

  const previewRefund = operation({
    tag: 'Orders', summary: 'What a refund of this order would give now',
    ok: { status: 200, schema: RefundQuote, description: 'The policy outcome, amount and reason' }, errors: [401, 403, 404],
  });
  app.get('/v1/orders/:id/refund-quote', previewRefund, session, own, (c) => {
    const { card, order } = c.var;
    const decision = refundPolicy(refundFacts(deps, order, card, deps.now()));
    return previewRefund.send(c, {
      orderId: order.id,
      outcome: decision.outcome,
      amount: { amount: decision.amount, currency: card.currency },
      reason: decision.reason,
      periodStarted: decision.periodStarted,
      dataUsedBytes: decision.dataUsedBytes,
    });
  });

  /** One IMMEDIATE transaction: the key lookup, the one-request-per-order check and the insert cannot interleave. */
  const createRefund = deps.db.transaction(({ card, key, bodyHash, orderId, note }: NewRefund) => {
    const existing = deps.refunds.refundByKey(card.id, key);
    if (existing) {
      if (existing.body_hash !== bodyHash) {
        throw new ApiError('idempotency_conflict', 'This Idempotency-Key was already used with a different request');
      }
      return { refund: existing, replayed: true };
    }
    // Read again under the write lock: the order may have settled since the request began.
    const order = deps.orders.order(orderId)!;
    if (order.status !== 'succeeded') {
      throw new ApiError('invalid_state', `Only a paid order can be refunded; this one is ${order.status}`, { status: order.status });
    }
    const prior = deps.refunds.refundOfOrder(order.id);
    if (prior) {
      throw new ApiError('invalid_state', 'A refund was already requested for this order', {
        refundId: prior.id,
        status: prior.status,
      });
    }
    const now = deps.now();
    // The answer is frozen now: what the traveller was shown is what the operator decides.
    const decision = refundPolicy(refundFacts(deps, order, deps.cards.card(card.id)!, now));
    const id = randomId('ref');
    const inserted = deps.refunds.insertRefund({
      id, order_id: order.id, card_id: card.id, idempotency_key: key, body_hash: bodyHash, note,
      outcome: decision.outcome, amount: decision.amount, currency: card.currency, reason: decision.reason,
      decide_at: now + deps.settleDelayMs, created_at: now,
    });
    if (!inserted) throw new ApiError('idempotency_conflict', 'A concurrent request with this Idempotency-Key won; retry it');
    return { refund: deps.refunds.refund(id)!, replayed: false };
  });

  const requestRefund = operation({
    tag: 'Orders', summary: 'Request a refund (idempotent; one per order; decided after a short delay)', replays: true,
    ok: { status: 201, schema: Refund, description: 'The request, its outcome frozen now, or replayed (Idempotent-Replayed: true)' },
    errors: [400, 401, 403, 404, 409, 413],
  });
  app.post('/v1/orders/:id/refunds', requestRefund, session, own, idempotencyKey, json(CreateRefundInput), (c) => {
    const { card, order } = c.var;
    const note = c.req.valid('json').note ?? null;
    const bodyHash = sha256(canonicalJson({ orderId: order.id, note }));
    const { refund, replayed } = createRefund.immediate({ card, key: c.var.idempotencyKey, bodyHash, orderId: order.id, note });
    const headers = replayed ? { 'Idempotent-Replayed': 'true' } : undefined;
    return requestRefund.send(c, toRefund(refund), headers);
  });
}
