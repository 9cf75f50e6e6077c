/**
 * Hand-off codes: single-use codes that `POST /v1/handoffs/claim` exchanges for a session on a card, with a plan to
 * preselect — for "continue on another device" (10 minutes) and for the partner's renewal links (their own
 * lifetime). Only the code's hash is stored.
 */
import { randomBytes } from 'node:crypto';
import type { Deps } from './deps.ts';
import { ApiError } from './errors.ts';
import { handoffLink } from './handoff-link.ts';
import { canRenew } from './pricing.ts';
import type { CardRow, PlanRow } from './rows.ts';
import { sha256 } from './util.ts';

const MAX_LINK_LENGTH = 2048;

/** A hand-off code for a card, and the link to `page` that carries it (the page was checked by the caller). */
export interface MintedHandoff {
  code: string;
  url: string;
  expiresAt: number;
}

/** Mints a code and its link to `page`; the caller has checked that `page` is one of the partner's. */
export function mintHandoff(
  deps: Deps,
  { card, plan, locale, page, ttlMs }: { card: CardRow; plan?: PlanRow; locale: string | null; page: string; ttlMs: number },
): MintedHandoff {
  if (plan && !canRenew(card, plan)) throw new ApiError('plan_unavailable', 'This plan cannot renew this card');
  // 16 bytes: unguessable, yet short enough for a link and a small QR code.
  const code = randomBytes(16).toString('base64url');
  const url = handoffLink(page, code);
  // The code makes the page's address longer: past this, a phone no longer scans it reliably from a screen.
  if (url.length > MAX_LINK_LENGTH) throw new ApiError('validation_failed', `The link would be over ${MAX_LINK_LENGTH} characters`);
  const now = deps.now();
  deps.credentials.insertHandoff({
    code_hash: sha256(code), card_id: card.id, plan_id: plan?.id ?? null, locale, expires_at: now + ttlMs, created_at: now,
  });
  return { code, url, expiresAt: now + ttlMs };
}
