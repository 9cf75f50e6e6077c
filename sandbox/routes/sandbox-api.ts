/**
 * Test support: simulate a payment outcome, deliver a late payment notification, create fresh cards, expire a session,
 * expire a wallet code.
 */
import type { Hono } from 'hono';
import { Order, PartnerCard, SimulateInput } from '../../src/client/schemas.ts';
import { guards } from '../auth.ts';
import { bearerToken } from '../credentials.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { json } from '../http.ts';
import { requestLang } from '../locale.ts';
import { operation } from '../openapi.ts';
import { failOrder, payOrder } from '../order-payments.ts';
import { callerOrder, ownOrder } from '../ownership.ts';
import { CreateSandboxCardInput, PaymentNotification, PaymentNotificationInput } from '../sandbox-schemas.ts';
import { insertCardFromTemplate } from '../seeding.ts';
import { toPartnerCard } from '../serialize.ts';
import { luhnDigit, randomId, sha256 } from '../util.ts';
import { orderResponse } from './shared.ts';

export function sandboxApiRoutes(app: Hono, deps: Deps): void {
  const { session, partner, either } = guards(deps);
  const { orders } = deps;

  const simulate = operation({
    tag: 'Sandbox', summary: 'Simulate a payment outcome',
    description: 'What the wallet or card network would tell the operator, whatever the traveller\'s page saw: '
      + '`succeed` settles after the sandbox\'s delay (`settle: later`, the default) or at once (`now`); `fail` fails '
      + 'the order with `failureCode` (`payment_declined` by default). Works for every payment path, in any order '
      + 'with a return or a bridge\'s result code.',
    ok: { status: 200, schema: Order, description: 'The order' }, errors: [400, 401, 403, 404, 409, 413],
  });
  app.post('/sandbox/orders/:id/simulate', simulate, either, callerOrder(deps), json(SimulateInput), (c) => {
    const { order, caller } = c.var;
    const input = c.req.valid('json');
    const moved =
      input.outcome === 'succeed'
        ? payOrder(deps, order.id, input.settle)
        : failOrder(deps, order.id, input.failureCode ?? 'payment_declined');
    if (!moved) {
      throw new ApiError('invalid_state', `Only an order awaiting payment can be simulated; this one is ${order.status}`, {
        status: order.status,
      });
    }
    const lang = requestLang(c, caller.kind === 'session' ? caller.session.locale : null);
    return simulate.send(c, orderResponse(deps, orders.order(order.id)!, lang));
  });

  // The wallet's notification for a payment made after the checkout gave up (the traveller paid from a QR code still
  // on their phone, or in the wallet app, after pressing Cancel): the provider takes the money only for a payment
  // that is still open. A canceled order's payment was closed first (`cancelUnpaidOrder`), so it is refused there.
  const notify = operation({
    tag: 'Sandbox', summary: 'Deliver a late payment notification for an order',
    description: 'What the wallet (or card network) does when the traveller completes a payment now, whatever the '
      + 'checkout did meanwhile. An order still awaiting payment is paid (`charged: true`, settling `now` by default '
      + 'or `later`). A canceled order\'s payment was closed before it was canceled: the provider refuses the payment '
      + '(`refused: payment_closed`), nothing is charged, and the order stays `canceled`. A paid order is not paid '
      + 'twice (`already_paid`); a failed one is over (`order_failed`).',
    ok: { status: 200, schema: PaymentNotification, description: 'Whether the payment was taken, and the order' },
    errors: [400, 401, 403, 404, 413],
  });
  app.post('/sandbox/orders/:id/payment-notification', notify, either, callerOrder(deps), json(PaymentNotificationInput), (c) => {
    const { order } = c.var;
    const charged = order.payment_closed_at === null && payOrder(deps, order.id, c.req.valid('json').settle ?? 'now');
    const current = orders.order(order.id)!;
    const refused = charged
      ? null
      : current.payment_closed_at !== null || current.status === 'canceled'
        ? 'payment_closed'
        : current.status === 'failed'
          ? 'order_failed'
          : 'already_paid';
    return notify.send(c, { orderId: current.id, status: current.status, charged, refused });
  });

  // Time travel for one order: its wallet code expires now, as if the traveller had waited too long.
  const expireCode = operation({
    tag: 'Sandbox', summary: "Make an unpaid wallet order's QR code expire now",
    ok: { status: 200, schema: Order, description: 'The order, its code expired' }, errors: [400, 401, 403, 404, 409],
  });
  app.post('/sandbox/orders/:id/expire-code', expireCode, session, ownOrder(deps), (c) => {
    const { order } = c.var;
    if (order.payment_method === 'card' || !orders.renewAction(order.id, deps.now(), deps.now())) {
      throw new ApiError('invalid_state', 'Only an unpaid wallet order has a code to expire', { status: order.status });
    }
    return expireCode.send(c, orderResponse(deps, orders.order(order.id)!, requestLang(c, c.var.session.locale)));
  });

  const createCard = operation({
    tag: 'Sandbox', summary: 'Create a fresh card from a template',
    ok: { status: 201, schema: PartnerCard, description: 'The new card' }, errors: [400, 401, 403, 413],
  });
  app.post('/sandbox/cards', createCard, partner, json(CreateSandboxCardInput), (c) => {
    const input = c.req.valid('json');
    let iccid: string;
    do {
      const body = `89860099${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`;
      iccid = body + luhnDigit(body);
    } while (deps.cards.cardByIccid(iccid));
    const id = randomId('card', 9);
    const now = deps.now();
    insertCardFromTemplate(deps.db, { id, partnerId: c.var.partner.id, iccid, template: input.template, currency: input.currency, now });
    return createCard.send(c, toPartnerCard(deps.cards.card(id)!, now));
  });

  // Any session token the sandbox knows, expired or not: the credential is the thing to expire.
  const expireSession = operation({
    tag: 'Sandbox', summary: 'Expire the calling session now', security: 'sessionToken',
    ok: { status: 204, description: 'Expired' }, errors: [401],
  });
  app.post('/sandbox/sessions/expire', expireSession, (c) => {
    const token = bearerToken(c);
    if (token?.startsWith('sk_')) throw new ApiError('forbidden', 'Send the session token to expire, not a secret key');
    if (!token?.startsWith('rs_')) throw new ApiError('unauthorized', 'Send the session token to expire as a Bearer token');
    const found = deps.credentials.sessionByHash(sha256(token));
    if (!found) throw new ApiError('unauthorized', 'Unknown session token');
    deps.credentials.expireSession(found.id, deps.now());
    return expireSession.send(c, undefined);
  });
}
