import { isHTTPError, isTimeoutError, type HTTPError } from 'ky';
import type * as z from 'zod/mini';
import { ERROR_CODES } from './constants.js';
import { ErrorBody, type ServerErrorCode } from './schemas/core.js';

/**
 * Every way a Renewal API call can fail. The server's codes, plus what only the client can see:
 * - `invalid_response`: the server answered 2xx with a body that does not match the contract.
 * - `timeout`: no answer in time. `network`: no answer at all (offline, connection dropped, CORS).
 * - `aborted`: the caller's `AbortSignal` fired.
 * - `unknown`: a status or code this client does not know; see `status` and `serverCode`.
 */
/**
 * The server's codes, and the client's own: `invalid_response`, `timeout`, `network`, `aborted`, `unknown`, and
 * `handoff_used` — a hand-off link opened again after its single use (the claim's `invalid_state`).
 */
export type RenewalErrorCode = ServerErrorCode | 'invalid_response' | 'timeout' | 'network' | 'aborted' | 'unknown' | 'handoff_used';

const SERVER_CODES: ReadonlySet<string> = new Set<string>(ERROR_CODES);

export interface RenewalErrorOptions {
  status?: number;
  requestId?: string;
  details?: unknown;
  /** The code as the server sent it, kept even when this client maps it to `unknown`. */
  serverCode?: string;
  cause?: unknown;
}

/** The one error type of the Renewal client. Branch on `code`; it is stable across versions. */
export class RenewalError extends Error {
  override readonly name = 'RenewalError';
  readonly code: RenewalErrorCode;
  /** The HTTP status, when the server answered. */
  readonly status?: number;
  /** The server's `X-Request-Id`, worth quoting to support. */
  readonly requestId?: string;
  readonly details?: unknown;
  readonly serverCode?: string;

  constructor(code: RenewalErrorCode, message: string, options: RenewalErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.requestId = options.requestId;
    this.details = options.details;
    this.serverCode = options.serverCode;
  }

  /** True when trying the same thing again later may work. */
  get retryable(): boolean {
    return ['timeout', 'network', 'rate_limited', 'internal', 'unknown'].includes(this.code);
  }
}

/** A response that did not match the contract; `issues` says where. */
export class InvalidResponseError extends RenewalError {
  readonly issues: readonly { path: readonly PropertyKey[]; message: string }[];

  constructor(message: string, issues: InvalidResponseError['issues'], options: RenewalErrorOptions = {}) {
    super('invalid_response', message, options);
    this.issues = issues;
  }
}

/** Works across bundles and realms, where `instanceof` does not. */
export function isRenewalError(value: unknown): value is RenewalError {
  return value instanceof RenewalError || (value instanceof Error && value.name === 'RenewalError' && 'code' in value);
}

/** What an element shows for anything a call threw: the RenewalError itself, or an `unknown` one wrapping it. */
export function asRenewalError(error: unknown): RenewalError {
  return isRenewalError(error) ? error : new RenewalError('unknown', String(error), { cause: error });
}

function statusCode(status: number): RenewalErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 408) return 'timeout';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status === 400 || status === 422) return 'validation_failed';
  if (status >= 500) return 'internal';
  return 'unknown';
}

/**
 * What an issue expected, from its own fields: zod/mini's issues say only "Invalid input" unless given a locale, and
 * a locale would be the largest part of zod we ship (the elements' messages come from src/i18n anyway).
 */
function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return `expected ${issue.pattern ?? issue.format}`;
    case 'too_small':
      return `expected at least ${issue.minimum}`;
    case 'too_big':
      return `expected at most ${issue.maximum}`;
    default:
      return issue.code.replace(/_/g, ' ');
  }
}

/** A 2xx answer that does not match its schema: `invalid_response`, naming where it is wrong and what was expected. */
export function invalidResponse(error: z.core.$ZodError, where: string): InvalidResponseError {
  const issues = error.issues.map((issue) => ({ path: issue.path, message: expectation(issue) }));
  const first = issues[0];
  const at = first ? ` at ${first.path.map(String).join('.') || '(root)'} (${first.message})` : '';
  return new InvalidResponseError(`Unexpected response shape${at}: ${where}`, issues, { cause: error });
}

/**
 * Turns whatever a ky call threw into a `RenewalError`; `where` is `METHOD url`, quoted in the message. Async because
 * an `HTTPError` carries the server's error body unread (ky 1 leaves it to us; the transport's fetch has buffered it).
 */
export async function toRenewalError(error: unknown, where: string): Promise<RenewalError> {
  if (isRenewalError(error)) return error;
  if (isHTTPError(error)) return fromHttpError(error, where);
  if (isTimeoutError(error)) return new RenewalError('timeout', `Request timed out: ${where}`, { cause: error });
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new RenewalError('aborted', `Request aborted: ${where}`, { cause: error });
  }
  if (error instanceof SyntaxError) {
    return new InvalidResponseError(`Response is not valid JSON: ${where}`, [], { cause: error });
  }
  if (error instanceof TypeError) {
    // fetch rejects with a TypeError when no answer came: offline, connection refused or dropped, CORS.
    return new RenewalError('network', `Network error: ${where}`, { cause: error });
  }
  return new RenewalError('unknown', `${error instanceof Error ? error.message : String(error)}: ${where}`, {
    cause: error,
  });
}

async function fromHttpError(error: HTTPError, where: string): Promise<RenewalError> {
  const { status } = error.response;
  const requestId = error.response.headers.get('x-request-id') ?? undefined;
  const body = ErrorBody.safeParse(await error.response.json().catch(() => undefined));
  if (!body.success) {
    return new RenewalError(statusCode(status), `HTTP ${status}: ${where}`, { status, requestId, cause: error });
  }
  const { code, message, details } = body.data.error;
  const known = SERVER_CODES.has(code) ? (code as ServerErrorCode) : statusCode(status);
  return new RenewalError(known, `${message}: ${where}`, {
    status,
    requestId,
    details,
    serverCode: code,
    cause: error,
  });
}
