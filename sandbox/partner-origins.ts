/**
 * The origins each partner registered (seeded in `partners.origins`, plus the ones the operator configured), and the
 * check the routes call on a page they would send a traveller to: `400 validation_failed` naming the broken rule.
 */
import type { Context } from 'hono';
import type { CardRow, PartnerRow } from './rows.ts';
import type { Deps } from './deps.ts';
import { ApiError } from './errors.ts';
import { type OriginRules, partnerUrlProblem } from './url-rules.ts';

/** The origin the sandbox is served on (`PUBLIC_URL`, else the request's): what `'self'` stands for. */
const selfOrigin = (deps: Deps, c: Context) => (deps.publicUrl ? new URL(deps.publicUrl).origin : new URL(c.req.url).origin);

/** The origins the card's partner may send travellers to; `'self'` is the sandbox's public origin. */
export function originsOf(deps: Deps, c: Context, card: CardRow): OriginRules {
  const partner = deps.cards.partner(card.partner_id)!;
  const seeded = JSON.parse(partner.origins ?? '[]') as string[];
  return { patterns: [...seeded, ...(deps.extraOrigins[partner.id] ?? [])], self: selfOrigin(deps, c) };
}

/** The page the partner registered for renewal links; a path (`/demo`) is on the sandbox's own origin. */
export function renewalPageOf(deps: Deps, c: Context, partner: PartnerRow): string | undefined {
  const page = partner.renewal_page;
  return page?.startsWith('/') ? `${selfOrigin(deps, c)}${page}` : (page ?? undefined);
}

/** Refuses a page the card's partner may not send a traveller to; `field` names it in the answer. */
export function requirePartnerPage(deps: Deps, c: Context, card: CardRow, field: string, page: string): void {
  const problem = partnerUrlProblem(page, originsOf(deps, c, card));
  if (!problem) return;
  const message = `${field} ${problem.message}`;
  throw new ApiError('validation_failed', message, { rule: problem.rule, issues: [{ path: [field], message }] });
}
