/** The one error type routes throw, and the handlers that turn anything thrown into the API's error body. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ServerErrorCode } from '../src/client/schemas.ts';

export const STATUS_BY_CODE: Record<ServerErrorCode, ContentfulStatusCode> = {
  unauthorized: 401,
  session_expired: 401,
  forbidden: 403,
  not_found: 404,
  validation_failed: 400,
  payload_too_large: 413,
  plan_unavailable: 409,
  invalid_state: 409,
  idempotency_conflict: 409,
  quote_expired: 410,
  promo_invalid: 422,
  device_incompatible: 422,
  otp_invalid: 422,
  otp_locked: 423,
  method_unavailable_in_env: 422,
  payment_failed: 402,
  rate_limited: 429,
  internal: 500,
};

/** The error code to use for a bare HTTP status (fault injection, framework errors). */
export function codeForStatus(status: number): ServerErrorCode {
  const byStatus: Record<number, ServerErrorCode> = {
    400: 'validation_failed',
    401: 'unauthorized',
    402: 'payment_failed',
    403: 'forbidden',
    404: 'not_found',
    409: 'invalid_state',
    410: 'quote_expired',
    413: 'payload_too_large',
    422: 'promo_invalid',
    429: 'rate_limited',
  };
  return byStatus[status] ?? (status >= 500 ? 'internal' : 'validation_failed');
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ServerErrorCode,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. `Retry-After`. */
    readonly headers: Record<string, string> = {},
    status?: number,
  ) {
    super(message);
    this.status = (status ?? STATUS_BY_CODE[code]) as ContentfulStatusCode;
  }
}

export const notFound = (what: string): ApiError => new ApiError('not_found', `${what} not found`);

export function errorResponse(c: Context, error: ApiError): Response {
  const body = { error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } };
  return c.json(body, error.status, error.headers);
}

/** `app.onError`: our errors as they are, framework errors by status, anything else a logged 500 `internal`. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return errorResponse(c, err);
  if (err instanceof HTTPException) {
    return errorResponse(c, new ApiError(codeForStatus(err.status), err.message || 'Request failed', undefined, {}, err.status));
  }
  console.error(`[sandbox] ${c.req.method} ${c.req.path} failed:`, err);
  return errorResponse(c, new ApiError('internal', 'Something went wrong in the sandbox'));
}

/** `app.notFound`: unknown routes answer the same JSON error body as everything else. */
export function handleNotFound(c: Context): Response {
  return errorResponse(c, new ApiError('not_found', `No route for ${c.req.method} ${c.req.path}`));
}
