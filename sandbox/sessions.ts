/** Minting a session token for one card (the partner's `POST /v1/sessions`, a hand-off claim); only its hash is kept. */
import { randomBytes } from 'node:crypto';
import type { Session } from '../src/client/schemas.ts';
import type { Deps } from './deps.ts';
import { iso } from './units.ts';
import { randomId, sha256 } from './util.ts';

export const DEFAULT_SESSION_TTL_S = 30 * 60;

export function mintSession(deps: Deps, cardId: string, locale: string | null, ttlSeconds = DEFAULT_SESSION_TTL_S): Session {
  const token = `rs_${randomBytes(32).toString('base64url')}`;
  const now = deps.now();
  const expiresAt = now + ttlSeconds * 1000;
  deps.credentials.insertSession({
    id: randomId('ses'),
    token_hash: sha256(token),
    card_id: cardId,
    locale,
    expires_at: expiresAt,
    created_at: now,
  });
  return { token, expiresAt: iso(expiresAt), cardId };
}
