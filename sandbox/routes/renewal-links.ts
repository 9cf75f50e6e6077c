/**
 * Renewal links: the partner's server turns a reminder into something the traveller can act on. A link opens the
 * partner's renewal page with a single-use code that `<esim-renewal>` claims (`POST /v1/handoffs/claim`, as for
 * "continue on another device"): the widget is signed in to the card, the plan preselected. The QR code of the link
 * is in the answer, for a printed letter or a second screen.
 */
import type { Hono } from 'hono';
import { CreateRenewalLinkInput, RenewalLink } from '../../src/server/schemas.ts';
import { requirePartner } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import { readJson, sendJson } from '../http.ts';
import { normalizeLocale } from '../locale.ts';
import { renewalPageOf, requirePartnerPage } from '../partner-origins.ts';
import { encodeQr } from '../qr.ts';
import { iso } from '../util.ts';
import { mintHandoff } from './handoffs.ts';

const DEFAULT_LINK_TTL_S = 24 * 60 * 60;

export function renewalLinkRoutes(app: Hono, deps: Deps): void {
  app.post('/v1/renewal-links', async (c) => {
    const partner = requirePartner(c, deps);
    deps.limits.renewalLinks.take(partner.id);
    const input = await readJson(c, CreateRenewalLinkInput);
    const card = deps.store.cardByIccid(input.iccid);
    // Another partner's card is indistinguishable from no card at all.
    if (!card || card.partner_id !== partner.id) throw notFound('Card');
    const page = input.url ?? renewalPageOf(deps, c, partner);
    if (!page) throw new ApiError('validation_failed', 'No renewal page is registered for this partner: give `url`');
    // The link carries a code as good as a session: only to a page of the partner's.
    requirePartnerPage(deps, c, card, 'url', page);
    const plan = input.planId ? deps.store.plan(input.planId) : undefined;
    if (input.planId && !plan) throw new ApiError('plan_unavailable', `Plan ${input.planId} cannot renew this card`);
    const locale = normalizeLocale(input.locale) ?? null;
    const ttlMs = (input.expiresIn ?? DEFAULT_LINK_TTL_S) * 1000;
    const minted = mintHandoff(deps, { card, plan, locale, page, ttlMs });
    return sendJson(c, RenewalLink, { url: minted.url, qr: encodeQr(minted.url), expiresAt: iso(minted.expiresAt), planId: plan?.id ?? null }, 201);
  });
}
