/**
 * Renewal history and refunds: the card's orders a page at a time, what a refund would give (the preview), and
 * refund requests (idempotent), decided after the settle delay by `refunds.ts`.
 */
import type { Context, Hono } from 'hono';
import { CreateRefundInput, OrderList, OrdersQuery, Refund, RefundQuote } from '../../src/client/schemas.ts';
import { requireSession } from '../auth.ts';
import { careStore } from '../care-store.ts';
import type { CardRow, OrderRow } from '../db.ts';
import type { Deps } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import { intParam, readBodyText, sendJson, validate } from '../http.ts';
import { requestLang } from '../locale.ts';
import { refundFacts, refundPolicy, toRefund } from '../refunds.ts';
import { canonicalJson, randomId, sha256 } from '../util.ts';
import { idempotencyKey, orderResponse } from './orders.ts';

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

/** A JSON body that may be left out (then `{}`), validated like any other. */
async function readOptionalJson(c: Context): Promise<CreateRefundInput> {
  const text = await readBodyText(c);
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError('validation_failed', 'The request body is not valid JSON');
  }
  return validate(CreateRefundInput, value);
}

interface NewRefund {
  card: CardRow;
  key: string;
  bodyHash: string;
  orderId: string;
  note: string | null;
}

export function historyRoutes(app: Hono, deps: Deps): void {
  const { store } = deps;
  const care = careStore(deps.db);

  const ownOrder = (card: CardRow, id: string): OrderRow => {
    const order = store.order(id);
    if (!order || order.card_id !== card.id) throw notFound('Order');
    return order;
  };

  app.get('/v1/orders', (c) => {
    const { session, card } = requireSession(c, deps);
    const query = validate(OrdersQuery, { limit: intParam(c.req.query('limit')), cursor: c.req.query('cursor') }, 'Query');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor) : { createdAt: Number.MAX_SAFE_INTEGER, id: '' };
    // One more than asked: whether it exists says if there is a next page.
    const rows = care.ordersPage(card.id, after, limit + 1);
    const page = rows.slice(0, limit);
    const lang = requestLang(c, session.locale);
    return sendJson(c, OrderList, {
      orders: page.map((order) => orderResponse(deps, order, lang)),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
    });
  });

  app.get('/v1/orders/:id/refund-quote', (c) => {
    const { card } = requireSession(c, deps);
    const order = ownOrder(card, c.req.param('id'));
    const decision = refundPolicy(refundFacts(deps.db, order, card, deps.now()));
    return sendJson(c, RefundQuote, {
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
    const existing = care.refundByKey(card.id, key);
    if (existing) {
      if (existing.body_hash !== bodyHash) {
        throw new ApiError('idempotency_conflict', 'This Idempotency-Key was already used with a different request');
      }
      return { refund: existing, replayed: true };
    }
    const order = ownOrder(card, orderId);
    if (order.status !== 'succeeded') {
      throw new ApiError('invalid_state', `Only a paid order can be refunded; this one is ${order.status}`, { status: order.status });
    }
    const prior = care.refundOfOrder(order.id);
    if (prior) {
      throw new ApiError('invalid_state', 'A refund was already requested for this order', {
        refundId: prior.id,
        status: prior.status,
      });
    }
    const now = deps.now();
    // The answer is frozen now: what the traveller was shown is what the operator decides.
    const decision = refundPolicy(refundFacts(deps.db, order, store.card(card.id)!, now));
    const id = randomId('ref');
    const inserted = care.insertRefund({
      id, order_id: order.id, card_id: card.id, idempotency_key: key, body_hash: bodyHash, note,
      outcome: decision.outcome, amount: decision.amount, currency: card.currency, reason: decision.reason,
      decide_at: now + deps.settleDelayMs, created_at: now,
    });
    if (!inserted) throw new ApiError('idempotency_conflict', 'A concurrent request with this Idempotency-Key won; retry it');
    return { refund: care.refund(id)!, replayed: false };
  });

  app.post('/v1/orders/:id/refunds', async (c) => {
    const { card } = requireSession(c, deps);
    const key = idempotencyKey(c);
    const input = await readOptionalJson(c);
    const orderId = c.req.param('id');
    const note = input.note ?? null;
    const bodyHash = sha256(canonicalJson({ orderId, note }));
    const { refund, replayed } = createRefund.immediate({ card, key, bodyHash, orderId, note });
    const headers = replayed ? { 'Idempotent-Replayed': 'true' } : undefined;
    return sendJson(c, Refund, toRefund(refund), 201, headers);
  });
}
