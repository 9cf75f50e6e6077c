/** Partner back office (secret key, server to server): mint sessions, list cards. */
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { CreateSessionInput, PartnerCardList, Session } from '../../src/client/schemas.ts';
import { requirePartner } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { notFound } from '../errors.ts';
import { readJson, sendJson } from '../http.ts';
import { normalizeLocale } from '../locale.ts';
import { iso, randomId, sha256 } from '../util.ts';
import { toPartnerCard } from '../views.ts';

const DEFAULT_SESSION_TTL_S = 30 * 60;

/** A new session token for one card; only its hash is stored. */
export function mintSession(deps: Deps, cardId: string, locale: string | null, ttlSeconds = DEFAULT_SESSION_TTL_S): Session {
  const token = `rs_${randomBytes(32).toString('base64url')}`;
  const now = deps.now();
  const expiresAt = now + ttlSeconds * 1000;
  deps.store.insertSession({
    id: randomId('ses'),
    token_hash: sha256(token),
    card_id: cardId,
    locale,
    expires_at: expiresAt,
    created_at: now,
  });
  return { token, expiresAt: iso(expiresAt), cardId };
}

export function partnerRoutes(app: Hono, deps: Deps): void {
  app.post('/v1/sessions', async (c) => {
    const partner = requirePartner(c, deps);
    deps.limits.sessions.take(partner.id);
    const input = await readJson(c, CreateSessionInput);
    const card = deps.store.cardByIccid(input.iccid);
    // Another partner's card is indistinguishable from no card at all.
    if (!card || card.partner_id !== partner.id) throw notFound('Card');
    const session = mintSession(deps, card.id, input.locale ? (normalizeLocale(input.locale) ?? null) : null, input.ttlSeconds);
    return sendJson(c, Session, session, 201);
  });

  app.get('/v1/cards', (c) => {
    const partner = requirePartner(c, deps);
    const now = deps.now();
    const cards = deps.store.cardsOfPartner(partner.id).map((card) => toPartnerCard(card, now));
    return sendJson(c, PartnerCardList, { cards });
  });
}
