/**
 * Who is calling: a partner's secret key (server to server) or a card's session token (browser).
 * Keys and tokens are stored only as SHA-256 hashes.
 */
import type { Context } from 'hono';
import type { CardRow, PartnerRow, SessionRow } from './db.ts';
import type { Deps } from './deps.ts';
import { ApiError } from './errors.ts';
import { sha256 } from './util.ts';

const SESSION_TOKEN = /^rs_[A-Za-z0-9_-]{43}$/;
const SECRET_KEY = /^sk_[A-Za-z0-9_]{1,128}$/;

export const BROWSER_SECRET_KEY_MESSAGE =
  'Secret keys must never be sent from a browser; mint a session token on your server';

/** The Bearer credential, or undefined when there is none. */
export function bearerToken(c: Context): string | undefined {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1];
}

const missing = () => new ApiError('unauthorized', 'Send a credential: Authorization: Bearer <token>');

/** A secret key sent from a page (it has an Origin header) is refused whatever the key. */
function refuseBrowserSecretKey(c: Context, token: string): void {
  if (token.startsWith('sk_') && c.req.header('origin') !== undefined) {
    throw new ApiError('forbidden', BROWSER_SECRET_KEY_MESSAGE);
  }
}

function partnerFromKey(deps: Deps, token: string): PartnerRow {
  const partner = SECRET_KEY.test(token) ? deps.store.partnerByKeyHash(sha256(token)) : undefined;
  if (!partner) throw new ApiError('unauthorized', 'Unknown secret key');
  deps.clock.actFor(partner.id);
  return partner;
}

export function requirePartner(c: Context, deps: Deps): PartnerRow {
  const token = bearerToken(c);
  if (!token) throw missing();
  refuseBrowserSecretKey(c, token);
  if (token.startsWith('rs_')) {
    throw new ApiError('forbidden', 'Session tokens cannot call partner endpoints; use your secret key from your server');
  }
  return partnerFromKey(deps, token);
}

export interface SessionAuth {
  token: string;
  session: SessionRow;
  card: CardRow;
}

function sessionFromToken(deps: Deps, token: string): SessionAuth {
  const session = SESSION_TOKEN.test(token) ? deps.store.sessionByHash(sha256(token)) : undefined;
  if (!session) throw new ApiError('unauthorized', 'Unknown session token');
  const card = deps.store.card(session.card_id)!;
  // From here on the request runs on the card's partner's sandbox time: the session's expiry included.
  deps.clock.actFor(card.partner_id);
  if (session.revoked_at != null) {
    // `session_expired`, so a client with a way to get a new session (the widget's getSessionToken) uses it.
    throw new ApiError('session_expired', 'This session ended when the card moved to another phone; ask the shop for a new one', {
      reason: 'card_transferred',
    });
  }
  if (session.expires_at <= deps.now()) {
    throw new ApiError('session_expired', 'The session has expired; ask the shop for a new one');
  }
  return { token, session, card };
}

export function requireSession(c: Context, deps: Deps): SessionAuth {
  const token = bearerToken(c);
  if (!token) throw missing();
  refuseBrowserSecretKey(c, token);
  if (token.startsWith('sk_')) {
    throw new ApiError('forbidden', 'Secret keys cannot call session endpoints; mint a session token and use it');
  }
  return sessionFromToken(deps, token);
}

/** Either credential: the sandbox's simulate endpoint accepts both. */
export function requireSessionOrPartner(
  c: Context,
  deps: Deps,
): { kind: 'session'; auth: SessionAuth } | { kind: 'partner'; partner: PartnerRow } {
  const token = bearerToken(c);
  if (!token) throw missing();
  refuseBrowserSecretKey(c, token);
  if (token.startsWith('sk_')) return { kind: 'partner', partner: partnerFromKey(deps, token) };
  return { kind: 'session', auth: sessionFromToken(deps, token) };
}

/** The session token's hash if the request carries one that looks like a session token (faults are keyed by it). */
export function sessionTokenHash(c: Context): string | undefined {
  const token = bearerToken(c);
  return token && SESSION_TOKEN.test(token) ? sha256(token) : undefined;
}
