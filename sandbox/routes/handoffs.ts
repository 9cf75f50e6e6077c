/**
 * Hand-off: "continue on another device". A traveller without data on the phone abroad starts a renewal, and
 * finishes it on another phone or computer: this session mints a short-lived, single-use code; the other device
 * exchanges it for a session of its own, scoped to the same card, with the same plan preselected.
 */
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { ClaimHandoffInput, CreateHandoffInput, Handoff, HandoffSession } from '../../src/client/schemas.ts';
import { requireSession } from '../auth.ts';
import type { Statement } from 'better-sqlite3';
import type { CardRow, Db, PlanRow } from '../db.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { clientAddress, readJson, sendJson } from '../http.ts';
import { iso, sha256 } from '../util.ts';
import { handoffLink } from '../handoff-link.ts';
import { requirePartnerPage } from '../partner-origins.ts';
import { canRenew } from '../pricing.ts';
import { encodeQr } from '../qr.ts';
import { mintSession } from './partner.ts';

const HANDOFF_TTL_MS = 10 * 60_000;
const MAX_LINK_LENGTH = 2048;

interface HandoffRow {
  code_hash: string;
  card_id: string;
  plan_id: string | null;
  locale: string | null;
  expires_at: number;
  claimed_at: number | null;
}

/** A hand-off code for a card, and the link to `page` that carries it (the page was checked by the caller). */
export interface MintedHandoff {
  code: string;
  url: string;
  expiresAt: number;
}

/**
 * Mints a single-use code that `POST /v1/handoffs/claim` exchanges for a session on `card`, with `plan` to preselect:
 * for "continue on another device" (10 minutes) and for the partner's renewal links (their own lifetime). The
 * caller has checked that `page` is one of the partner's.
 */
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
  insertHandoff(deps.db).run(sha256(code), card.id, plan?.id ?? null, locale, now + ttlMs, now);
  return { code, url, expiresAt: now + ttlMs };
}

const inserts = new WeakMap<Db, Statement<[string, string, string | null, string | null, number, number], void>>();

/** The insert of a hand-off code, prepared once per database. */
function insertHandoff(db: Db) {
  let insert = inserts.get(db);
  if (!insert) {
    insert = db.prepare('INSERT INTO handoffs (code_hash, card_id, plan_id, locale, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    inserts.set(db, insert);
  }
  return insert;
}

export function handoffRoutes(app: Hono, deps: Deps): void {
  const find = deps.db.prepare<[string], HandoffRow>('SELECT * FROM handoffs WHERE code_hash = ?');
  const claim = deps.db.prepare<[number, string], void>(
    'UPDATE handoffs SET claimed_at = ? WHERE code_hash = ? AND claimed_at IS NULL',
  );

  app.post('/v1/handoffs', async (c) => {
    const { session, card } = requireSession(c, deps);
    deps.limits.handoffs.take(card.id);
    const input = await readJson(c, CreateHandoffInput);
    // The link carries a code that is as good as a session: only to a page of this card's partner.
    requirePartnerPage(deps, c, card, 'url', input.url);
    const plan = input.planId ? deps.store.plan(input.planId) : undefined;
    if (input.planId && !plan) throw new ApiError('plan_unavailable', 'This plan cannot renew this card');
    const minted = mintHandoff(deps, { card, plan, locale: session.locale, page: input.url, ttlMs: HANDOFF_TTL_MS });
    return sendJson(c, Handoff, { code: minted.code, url: minted.url, qr: encodeQr(minted.url), expiresAt: iso(minted.expiresAt) }, 201);
  });

  // No credential: the code is the credential, good once, for ten minutes.
  app.post('/v1/handoffs/claim', async (c) => {
    const address = clientAddress(c);
    if (address) deps.limits.claims.take(address);
    const { code } = await readJson(c, ClaimHandoffInput);
    const hash = sha256(code);
    const row = find.get(hash);
    if (!row) throw new ApiError('not_found', 'This link is not valid');
    // The code is the credential: the request runs on its card's partner's sandbox time from here on.
    deps.clock.actFor(deps.store.card(row.card_id)!.partner_id);
    if (row.expires_at <= deps.now()) throw new ApiError('session_expired', 'This link has expired; make a new one');
    if (claim.run(deps.now(), hash).changes !== 1) throw new ApiError('invalid_state', 'This link was already used');
    const session = mintSession(deps, row.card_id, row.locale);
    return sendJson(c, HandoffSession, { ...session, planId: row.plan_id, locale: row.locale }, 201);
  });
}
