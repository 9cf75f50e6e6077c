/** How a request carries its credential: `Authorization: Bearer <secret key or session token>`. */
import type { Context } from 'hono';
import { sha256 } from './util.ts';

export const SESSION_TOKEN = /^rs_[A-Za-z0-9_-]{43}$/;
export const SECRET_KEY = /^sk_[A-Za-z0-9_]{1,128}$/;

/** The Bearer credential, or undefined when there is none. */
export function bearerToken(c: Context): string | undefined {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1];
}

/** The session token's hash if the request carries one that looks like a session token (faults are keyed by it). */
export function sessionTokenHash(c: Context): string | undefined {
  const token = bearerToken(c);
  return token && SESSION_TOKEN.test(token) ? sha256(token) : undefined;
}
