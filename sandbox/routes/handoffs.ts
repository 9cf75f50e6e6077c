/**
 * Hand-off: "continue on another device". A traveller without data on the phone abroad starts a renewal, and
 * finishes it on another phone or computer: this session mints a short-lived, single-use code; the other device
 * exchanges it for a session of its own, scoped to the same card, with the same plan preselected.
 */
import type { Hono } from 'hono';
import { ClaimHandoffInput, CreateHandoffInput, Handoff, HandoffSession } from '../../src/client/schemas.ts';
import { guards } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { mintHandoff } from '../handoffs.ts';
import { clientAddress, json } from '../http.ts';
import { DESCRIPTIONS, operation } from '../openapi.ts';
import { requirePartnerPage } from '../partner-origins.ts';
import { encodeQr } from '../qr.ts';
import { mintSession } from '../sessions.ts';
import { iso } from '../units.ts';
import { sha256 } from '../util.ts';
import { limited, perCard } from './shared.ts';

const HANDOFF_TTL_MS = 10 * 60_000;

export function handoffRoutes(app: Hono, deps: Deps): void {
  const { session } = guards(deps);

  const createHandoff = operation({
    tag: 'Hand-off', summary: 'Mint a single-use code to continue this renewal on another device', description: DESCRIPTIONS.handoff,
    ok: { status: 201, schema: Handoff, description: 'The link, its code and QR code, valid 10 minutes' }, errors: [400, 401, 409, 429],
  });
  app.post('/v1/handoffs', createHandoff, session, perCard(deps.limits.handoffs), json(CreateHandoffInput), (c) => {
    const { card } = c.var;
    const input = c.req.valid('json');
    // The link carries a code that is as good as a session: only to a page of this card's partner.
    requirePartnerPage(deps, c, card, 'url', input.url);
    const plan = input.planId ? deps.cards.plan(input.planId) : undefined;
    if (input.planId && !plan) throw new ApiError('plan_unavailable', 'This plan cannot renew this card');
    const minted = mintHandoff(deps, { card, plan, locale: c.var.session.locale, page: input.url, ttlMs: HANDOFF_TTL_MS });
    return createHandoff.send(c, { code: minted.code, url: minted.url, qr: encodeQr(minted.url), expiresAt: iso(minted.expiresAt) });
  });

  // No credential: the code is the credential, good once, for ten minutes.
  const claimHandoff = operation({
    tag: 'Hand-off', summary: 'Exchange a hand-off code for a session on the same card', security: 'none',
    ok: { status: 201, schema: HandoffSession, description: 'A new session, with the plan to preselect' }, errors: [400, 401, 404, 409, 429],
  });
  app.post('/v1/handoffs/claim', claimHandoff, limited(deps.limits.claims, clientAddress), json(ClaimHandoffInput), (c) => {
    const hash = sha256(c.req.valid('json').code);
    const row = deps.credentials.handoff(hash);
    if (!row) throw new ApiError('not_found', 'This link is not valid');
    // The code is the credential: the request runs on its card's partner's sandbox time from here on.
    deps.clock.actFor(deps.cards.card(row.card_id)!.partner_id);
    if (row.expires_at <= deps.now()) throw new ApiError('session_expired', 'This link has expired; make a new one');
    if (!deps.credentials.claimHandoff(hash, deps.now())) throw new ApiError('invalid_state', 'This link was already used');
    const minted = mintSession(deps, row.card_id, row.locale);
    return claimHandoff.send(c, { ...minted, planId: row.plan_id, locale: row.locale });
  });
}
