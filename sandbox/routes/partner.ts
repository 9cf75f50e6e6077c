/** Partner back office (secret key, server to server): mint sessions, list cards. */
import type { Hono } from 'hono';
import { CreateSessionInput, PartnerCardList, Session } from '../../src/client/schemas.ts';
import { guards } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { json } from '../http.ts';
import { normalizeLocale } from '../locale.ts';
import { operation } from '../openapi.ts';
import { cardOfPartner } from '../ownership.ts';
import { toPartnerCard } from '../serialize.ts';
import { mintSession } from '../sessions.ts';
import { perPartner } from './shared.ts';

export function partnerRoutes(app: Hono, deps: Deps): void {
  const { partner } = guards(deps);

  const createSession = operation({
    tag: 'Partner', summary: 'Mint a session token for one card',
    ok: { status: 201, schema: Session, description: 'Session created' }, errors: [400, 401, 403, 404, 413, 429],
  });
  app.post('/v1/sessions', createSession, partner, perPartner(deps.limits.sessions), json(CreateSessionInput), (c) => {
    const input = c.req.valid('json');
    // Another partner's card is indistinguishable from no card at all.
    const card = cardOfPartner(deps, c.var.partner.id, input.iccid);
    const locale = input.locale ? (normalizeLocale(input.locale) ?? null) : null;
    return createSession.send(c, mintSession(deps, card.id, locale, input.ttlSeconds));
  });

  const listCards = operation({
    tag: 'Partner', summary: "List the partner's cards",
    ok: { status: 200, schema: PartnerCardList, description: 'Cards' }, errors: [401, 403],
  });
  app.get('/v1/cards', listCards, partner, (c) => {
    const now = deps.now();
    return listCards.send(c, { cards: deps.cards.cardsOfPartner(c.var.partner.id).map((card) => toPartnerCard(card, now)) });
  });
}
