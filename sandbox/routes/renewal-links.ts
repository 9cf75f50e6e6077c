/**
 * Renewal links: the partner's server turns a reminder into something the traveller can act on. A link opens the
 * partner's renewal page with a single-use code that `<esim-renewal>` claims (`POST /v1/handoffs/claim`, as for
 * "continue on another device"): the widget is signed in to the card, the plan preselected. The QR code of the link
 * is in the answer, for a printed letter or a second screen.
 */
import type { Hono } from 'hono';
import { CreateRenewalLinkInput, RenewalLink } from '../../src/server/schemas.ts';
import { guards } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { mintHandoff } from '../handoffs.ts';
import { json } from '../http.ts';
import { normalizeLocale } from '../locale.ts';
import { DESCRIPTIONS, operation } from '../openapi.ts';
import { cardOfPartner } from '../ownership.ts';
import { renewalPageOf, requirePartnerPage } from '../partner-origins.ts';
import { encodeQr } from '../qr.ts';
import { iso } from '../units.ts';
import { perPartner } from './shared.ts';

const DEFAULT_LINK_TTL_S = 24 * 60 * 60;

export function renewalLinkRoutes(app: Hono, deps: Deps): void {
  const { partner } = guards(deps);

  const createLink = operation({
    tag: 'Partner', summary: 'Mint a renewal link for a traveller (and its QR code)', description: DESCRIPTIONS.renewalLink,
    ok: { status: 201, schema: RenewalLink, description: 'The link, its QR code and when it expires' },
    errors: [400, 401, 403, 404, 409, 413, 429],
  });
  app.post('/v1/renewal-links', createLink, partner, perPartner(deps.limits.renewalLinks), json(CreateRenewalLinkInput), (c) => {
    const input = c.req.valid('json');
    // Another partner's card is indistinguishable from no card at all.
    const card = cardOfPartner(deps, c.var.partner.id, input.iccid);
    const page = input.url ?? renewalPageOf(deps, c, c.var.partner);
    if (!page) throw new ApiError('validation_failed', 'No renewal page is registered for this partner: give `url`');
    // The link carries a code as good as a session: only to a page of the partner's.
    requirePartnerPage(deps, c, card, 'url', page);
    const plan = input.planId ? deps.cards.plan(input.planId) : undefined;
    if (input.planId && !plan) throw new ApiError('plan_unavailable', `Plan ${input.planId} cannot renew this card`);
    const locale = normalizeLocale(input.locale) ?? null;
    const ttlMs = (input.expiresIn ?? DEFAULT_LINK_TTL_S) * 1000;
    const minted = mintHandoff(deps, { card, plan, locale, page, ttlMs });
    return createLink.send(c, { url: minted.url, qr: encodeQr(minted.url), expiresAt: iso(minted.expiresAt), planId: plan?.id ?? null });
  });
}
