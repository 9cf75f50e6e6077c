/** Cross-cutting middleware: request ids and CORS. */
import type { Context, MiddlewareHandler } from 'hono';
import { randomId } from './util.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The id sent back in `X-Request-Id`, also useful in logs. */
    requestId: string;
  }
}

/** Sets headers on the response, copying it first if its headers are immutable (e.g. one made by `fetch`). */
function setHeaders(c: Context, headers: Record<string, string>): void {
  try {
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  } catch {
    c.res = new Response(c.res.body, c.res);
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  }
}

export const requestId: MiddlewareHandler = async (c, next) => {
  const id = randomId('req', 9);
  c.set('requestId', id);
  await next();
  setHeaders(c, { 'X-Request-Id': id });
};

const ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key, Accept-Language, Esim-Locale';
const EXPOSE_HEADERS = 'Retry-After, X-Request-Id, Idempotent-Replayed';
const ALLOW_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';

/** Any origin may call the API (it is authorised by tokens, never cookies): the origin is reflected, no credentials. */
export const cors: MiddlewareHandler = async (c, next) => {
  const origin = c.req.header('origin');
  const allowOrigin: Record<string, string> = origin ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {};
  if (c.req.method === 'OPTIONS') {
    return c.body(null, 204, {
      ...allowOrigin,
      'Access-Control-Allow-Methods': ALLOW_METHODS,
      'Access-Control-Allow-Headers': ALLOW_HEADERS,
      'Access-Control-Max-Age': '600',
    });
  }
  await next();
  if (origin) setHeaders(c, { ...allowOrigin, 'Access-Control-Expose-Headers': EXPOSE_HEADERS });
};
