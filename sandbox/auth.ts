/**
 * Who is calling, as middleware: a partner's secret key (server to server) or a card's session token (browser).
 * Each guard puts what it found in `c.var` (`partner`; `session` and `card`; or `caller` for either) and documents
 * the security scheme it enforces in the OpenAPI operation of every route it guards, so the two cannot drift apart.
 * Keys and tokens are stored only as SHA-256 hashes.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { bearerToken, SECRET_KEY, SESSION_TOKEN } from './credentials.ts';
import type { Deps } from './deps.ts';
import { ApiError } from './errors.ts';
import { requestLang } from './locale.ts';
import { documented } from './openapi.ts';
import type { CardRow, PartnerRow, SessionRow } from './rows.ts';
import { sha256 } from './util.ts';

export const BROWSER_SECRET_KEY_MESSAGE =
  'Secret keys must never be sent from a browser; mint a session token on your server';

const missing = () => new ApiError('unauthorized', 'Send a credential: Authorization: Bearer <token>');

/** A secret key sent from a page (it has an Origin header) is refused whatever the key. */
function refuseBrowserSecretKey(c: Context, token: string): void {
  if (token.startsWith('sk_') && c.req.header('origin') !== undefined) {
    throw new ApiError('forbidden', BROWSER_SECRET_KEY_MESSAGE);
  }
}

function partnerFromKey(deps: Deps, token: string): PartnerRow {
  const partner = SECRET_KEY.test(token) ? deps.cards.partnerByKeyHash(sha256(token)) : undefined;
  if (!partner) throw new ApiError('unauthorized', 'Unknown secret key');
  deps.clock.actFor(partner.id);
  return partner;
}

/** A session's card: the card this session token opens, and the session itself. */
export interface SessionCaller { kind: 'session'; session: SessionRow; card: CardRow }
/** A partner, by its secret key. */
export interface PartnerCaller { kind: 'partner'; partner: PartnerRow }

export type SessionEnv = { Variables: { session: SessionRow; card: CardRow } };
export type PartnerEnv = { Variables: { partner: PartnerRow } };
export type CallerEnv = { Variables: { caller: SessionCaller | PartnerCaller } };

function sessionFromToken(deps: Deps, token: string): SessionCaller {
  const session = SESSION_TOKEN.test(token) ? deps.credentials.sessionByHash(sha256(token)) : undefined;
  if (!session) throw new ApiError('unauthorized', 'Unknown session token');
  const card = deps.cards.card(session.card_id)!;
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
  return { kind: 'session', session, card };
}

const ACCEPT_LANGUAGE = {
  name: 'Accept-Language', in: 'header', required: false,
  description:
    'The reader\'s languages (q-values honoured), negotiated against en, zh-CN, zh-TW, zh-HK, ja, ko, th, vi, id, ms ' +
    '(zh-Hant and zh-MO read Traditional Chinese, zh-SG Simplified, in is id); decides only when neither Esim-Locale ' +
    'nor the session\'s locale does. English when nothing matches. The answer\'s Content-Language says which was used.',
  schema: { type: 'string' },
} as const;

const ESIM_LOCALE = {
  name: 'Esim-Locale', in: 'header', required: false,
  description:
    'The locale the widget shows (the client\'s `locale` option): plan, region and discount names and error messages ' +
    'follow it, before the session\'s locale and Accept-Language. Negotiated like Accept-Language.',
  schema: { type: 'string' },
} as const;

/** The guards of one sandbox: each is middleware that authenticates and documents itself. */
export function guards(deps: Deps) {
  /** A session token: `c.var.session` and `c.var.card`. From here on the request runs on the card's partner's time. */
  const session: MiddlewareHandler<SessionEnv> = createMiddleware<SessionEnv>(async (c, next) => {
    const token = bearerToken(c);
    if (!token) throw missing();
    refuseBrowserSecretKey(c, token);
    if (token.startsWith('sk_')) {
      throw new ApiError('forbidden', 'Secret keys cannot call session endpoints; mint a session token and use it');
    }
    const found = sessionFromToken(deps, token);
    c.set('session', found.session);
    c.set('card', found.card);
    // The answer's Content-Language now that the session's locale is known (`locale.ts`).
    requestLang(c, found.session.locale);
    await next();
  });

  /** A partner's secret key: `c.var.partner`, from a server (a request with an Origin header is refused). */
  const partner: MiddlewareHandler<PartnerEnv> = createMiddleware<PartnerEnv>(async (c, next) => {
    const token = bearerToken(c);
    if (!token) throw missing();
    refuseBrowserSecretKey(c, token);
    if (token.startsWith('rs_')) {
      throw new ApiError('forbidden', 'Session tokens cannot call partner endpoints; use your secret key from your server');
    }
    c.set('partner', partnerFromKey(deps, token));
    await next();
  });

  /** Either credential (the sandbox's simulate endpoint accepts both): `c.var.caller`. */
  const either: MiddlewareHandler<CallerEnv> = createMiddleware<CallerEnv>(async (c, next) => {
    const token = bearerToken(c);
    if (!token) throw missing();
    refuseBrowserSecretKey(c, token);
    c.set('caller', token.startsWith('sk_') ? { kind: 'partner', partner: partnerFromKey(deps, token) } : sessionFromToken(deps, token));
    await next();
  });

  return {
    session: documented(session, { security: [{ sessionToken: [] }], parameters: [ESIM_LOCALE, ACCEPT_LANGUAGE] }),
    partner: documented(partner, { security: [{ secretKey: [] }] }),
    either: documented(either, { security: [{ sessionToken: [] }, { secretKey: [] }] }),
  };
}
