/**
 * Recording events. Each event is recorded once — its `onceKey` says what it is about (an order, a refund, a card's
 * expiry at one threshold) and a second attempt to record it does nothing — and, in the same transaction, gets one
 * pending delivery per endpoint of the partner that wants it. The writers of the facts call this inside their own
 * transactions (settlement, a failed payment, a refund decision, a completed move), so a fact and its event commit
 * together or not at all; the reminders (`reminders.ts`) find theirs by looking at the cards.
 */
import type { Quote } from '../../src/client/schemas.ts';
import { type PartnerOrder, type WebhookEventType, WebhookEvent } from '../../src/server/schemas.ts';
import type { Db } from '../db.ts';
import type { CardRow, OrderRow, RefundRow, TransferRow } from '../rows.ts';
import { toPartnerCard, toRefund } from '../serialize.ts';
import { iso } from '../units.ts';
import { randomId } from '../util.ts';
import { type Endpoint, webhookRepository } from './repository.ts';

type EventData<T extends WebhookEventType> = Extract<WebhookEvent, { type: T }>['data'];

export interface NewEvent<T extends WebhookEventType = WebhookEventType> {
  partnerId: string;
  type: T;
  /** What makes it once-only, e.g. `order.succeeded:<order id>`. */
  onceKey: string;
  /** The partner's sandbox time. */
  at: number;
  data: EventData<T>;
  /** Which of the endpoints subscribed to this type get it (`card.expiring`: the one threshold each asked for). */
  wants?: (endpoint: Endpoint) => boolean;
}

export interface EventRecorder {
  /** Records an event unless one with its `onceKey` exists; returns whether it was new. */
  record<T extends WebhookEventType>(event: NewEvent<T>): boolean;
  /** `order.succeeded` or `order.failed` for an order that just reached that status. */
  orderEnded(orderId: string, at: number): void;
  refundDecided(refundId: string, at: number): void;
  cardTransferred(transferId: string, at: number): void;
}

/**
 * `base` is the real time deliveries are due by; `delivered` is told after an event got deliveries, to send them
 * without waiting for the next sweep.
 */
export function createEventRecorder(db: Db, base: () => number, delivered: () => void): EventRecorder {
  const repository = webhookRepository(db);
  const rows = {
    order: db.prepare<[string], OrderRow>('SELECT * FROM orders WHERE id = ?'),
    card: db.prepare<[string], CardRow>('SELECT * FROM cards WHERE id = ?'),
    quoteBody: db.prepare<[string], { body: string }>('SELECT body FROM quotes WHERE id = ?'),
    planName: db.prepare<[string], { name: string }>('SELECT name_en AS name FROM plans WHERE id = ?'),
    refund: db.prepare<[string], RefundRow>('SELECT * FROM refunds WHERE id = ?'),
    transfer: db.prepare<[string], TransferRow>('SELECT * FROM transfers WHERE id = ?'),
  };

  type Stored = Pick<NewEvent, 'partnerId' | 'type' | 'onceKey' | 'at' | 'wants'>;
  const insert = db.transaction((event: Stored, body: string, id: string): boolean => {
    const { partnerId, type, onceKey } = event;
    const seq = repository.insertEvent({ id, partnerId, type, onceKey, body, createdAt: event.at });
    if (seq === undefined) return false;
    const now = base();
    for (const endpoint of repository.endpointsOf(event.partnerId)) {
      if (endpoint.events.includes(event.type) && (event.wants?.(endpoint) ?? true)) {
        repository.insertDelivery(randomId('whd'), seq, endpoint.id, now);
      }
    }
    return true;
  });

  function record<T extends WebhookEventType>(event: NewEvent<T>): boolean {
    if (repository.eventExists(event.onceKey)) return false;
    const id = randomId('evt', 16);
    // Checked against the contract like every answer (`sendJson`): an event off the schema is a sandbox bug.
    const checked = WebhookEvent.safeParse({ id, type: event.type, createdAt: iso(event.at), data: event.data });
    if (!checked.success) throw new Error(`${event.type} event breaks the contract: ${JSON.stringify(checked.error.issues)}`);
    const recorded = insert(event, JSON.stringify(checked.data), id);
    if (recorded) delivered();
    return recorded;
  }

  function partnerOrder(order: OrderRow): PartnerOrder {
    const quote = JSON.parse(rows.quoteBody.get(order.quote_id)!.body) as Quote;
    return {
      id: order.id,
      status: order.status,
      paymentMethod: order.payment_method,
      planId: quote.plan.id,
      planName: rows.planName.get(quote.plan.id)?.name ?? quote.plan.name,
      total: quote.total,
      failureCode: order.failure_code,
      renewedUntil: order.status === 'succeeded' && order.renewed_until !== null ? iso(order.renewed_until) : null,
      createdAt: iso(order.created_at),
      updatedAt: iso(order.updated_at),
    };
  }

  return {
    record,

    orderEnded(orderId, at) {
      const order = rows.order.get(orderId)!;
      if (order.status !== 'succeeded' && order.status !== 'failed') return;
      const card = rows.card.get(order.card_id)!;
      const type = order.status === 'succeeded' ? 'order.succeeded' : 'order.failed';
      record({
        partnerId: card.partner_id, type, onceKey: `${type}:${order.id}`, at,
        data: { card: toPartnerCard(card, at), order: partnerOrder(order) },
      });
    },

    refundDecided(refundId, at) {
      const refund = rows.refund.get(refundId)!;
      const card = rows.card.get(refund.card_id)!;
      record({
        partnerId: card.partner_id, type: 'refund.decided', onceKey: `refund.decided:${refund.id}`, at,
        data: { card: toPartnerCard(card, at), refund: toRefund(refund) },
      });
    },

    cardTransferred(transferId, at) {
      const transfer = rows.transfer.get(transferId)!;
      const card = rows.card.get(transfer.card_id)!;
      record({
        partnerId: card.partner_id, type: 'card.transferred', onceKey: `card.transferred:${transfer.id}`, at,
        data: { card: toPartnerCard(card, at), device: { brand: transfer.brand, model: transfer.model } },
      });
    },
  };
}
