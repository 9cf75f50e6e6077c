/** Test support: simulate a payment outcome, create fresh cards, expire a session. */
import type { Hono } from 'hono';
import { Order, PartnerCard, SimulateInput } from '../../src/client/schemas.ts';
import { bearerToken, requirePartner, requireSession, requireSessionOrPartner } from '../auth.ts';
import { insertCardFromTemplate } from '../db.ts';
import type { Deps } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import { readJson, sendJson } from '../http.ts';
import { requestLang } from '../locale.ts';
import { CreateSandboxCardInput } from '../sandbox-schemas.ts';
import { luhnDigit, randomId, sha256 } from '../util.ts';
import { toPartnerCard } from '../views.ts';
import { orderResponse } from './orders.ts';

export function sandboxApiRoutes(app: Hono, deps: Deps): void {
  const { store } = deps;

  app.post('/sandbox/orders/:id/simulate', async (c) => {
    const who = requireSessionOrPartner(c, deps);
    const input = await readJson(c, SimulateInput);
    const order = store.order(c.req.param('id'));
    const allowed =
      order &&
      (who.kind === 'session'
        ? order.card_id === who.auth.card.id
        : store.card(order.card_id)!.partner_id === who.partner.id);
    if (!order || !allowed) throw notFound('Order');
    const now = deps.now();
    const moved =
      input.outcome === 'succeed'
        ? store.transition(order.id, 'requires_payment', 'processing', now, { settleAt: now + deps.settleDelayMs })
        : store.transition(order.id, 'requires_payment', 'failed', now, { failureCode: 'payment_declined' });
    if (!moved) {
      throw new ApiError('invalid_state', `Only an order awaiting payment can be simulated; this one is ${order.status}`, {
        status: order.status,
      });
    }
    const lang = requestLang(c, who.kind === 'session' ? who.auth.session.locale : null);
    return sendJson(c, Order, orderResponse(deps, store.order(order.id)!, lang));
  });

  // Time travel for one order: its wallet code expires now, as if the traveller had waited too long.
  app.post('/sandbox/orders/:id/expire-code', (c) => {
    const { card, session } = requireSession(c, deps);
    const order = store.order(c.req.param('id'));
    if (!order || order.card_id !== card.id) throw notFound('Order');
    if (order.payment_method === 'card' || !store.renewAction(order.id, deps.now(), deps.now())) {
      throw new ApiError('invalid_state', 'Only an unpaid wallet order has a code to expire', { status: order.status });
    }
    return sendJson(c, Order, orderResponse(deps, store.order(order.id)!, requestLang(c, session.locale)));
  });

  app.post('/sandbox/cards', async (c) => {
    const partner = requirePartner(c, deps);
    const input = await readJson(c, CreateSandboxCardInput);
    let iccid: string;
    do {
      const body = `89860099${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`;
      iccid = body + luhnDigit(body);
    } while (store.cardByIccid(iccid));
    const id = randomId('card', 9);
    const now = deps.now();
    insertCardFromTemplate(deps.db, { id, partnerId: partner.id, iccid, template: input.template, currency: input.currency, now });
    return sendJson(c, PartnerCard, toPartnerCard(store.card(id)!, now), 201);
  });

  app.post('/sandbox/sessions/expire', (c) => {
    const token = bearerToken(c);
    if (token?.startsWith('sk_')) throw new ApiError('forbidden', 'Send the session token to expire, not a secret key');
    if (!token?.startsWith('rs_')) throw new ApiError('unauthorized', 'Send the session token to expire as a Bearer token');
    const session = store.sessionByHash(sha256(token));
    if (!session) throw new ApiError('unauthorized', 'Unknown session token');
    store.expireSession(session.id, deps.now());
    return c.body(null, 204);
  });
}
