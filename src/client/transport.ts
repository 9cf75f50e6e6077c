import { requestJson, type RetryPolicy } from './http.js';
import { RenewalError, toRenewalError } from './errors.js';
import { parse, type Validator } from './validate.js';

export interface TransportOptions {
  /** The API's origin and optional path prefix, e.g. `https://api.example.com` or `http://localhost:8787`. */
  baseUrl: string;
  /** Returns the bearer credential; `refresh` is true when the last one was rejected as expired. */
  credential: (refresh: boolean) => string | Promise<string>;
  /** Whether a `session_expired` answer may be healed by asking `credential(true)` once. */
  canRefresh: boolean;
  locale?: string;
  fetch?: typeof fetch;
  /** Per-attempt timeout in milliseconds. Default 10 000. */
  timeout?: number;
  /** Retries for safe and idempotent requests. Default 2. */
  retry?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
  json?: unknown;
  searchParams?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  /** May this call be repeated without side effects (GET, PUT, or a POST carrying an Idempotency-Key)? */
  idempotent?: boolean;
}

export type Method = 'GET' | 'POST' | 'PUT';

/** Timeouts, network errors, 408, 429 and 5xx are retried; `Retry-After` is honoured on 429 and 503, up to 30 s. */
const RETRY: Omit<RetryPolicy, 'limit'> = {
  statusCodes: [408, 429, 500, 502, 503, 504],
  afterStatusCodes: [413, 429, 503],
  maxRetryAfter: 30_000,
  backoffLimit: 4_000,
};

export type Call = <T>(validator: Validator<T>, method: Method, path: string, options?: CallOptions) => Promise<T>;

/**
 * One place that speaks HTTP: `requestJson` (./http.ts) with our retry policy, bearer auth with a single refresh on
 * `session_expired`, every answer validated against its schema, every failure a `RenewalError`.
 */
export function createTransport(options: TransportOptions): Call {
  const base = options.baseUrl.replace(/\/+$/, '');
  const limit = options.retry ?? 2;
  // Not Accept-Language: browsers send their own on every request, so the server could not tell it was chosen.
  const localeHeader: Record<string, string> = options.locale ? { 'Esim-Locale': options.locale } : {};
  let refreshing: Promise<string> | undefined;

  const send = async <T>(
    validator: Validator<T>,
    method: Method,
    path: string,
    call: CallOptions,
    token: string,
  ): Promise<T> => {
    const searchParams = new URLSearchParams();
    for (const [key, value] of Object.entries(call.searchParams ?? {})) {
      if (value !== undefined && value !== '') searchParams.set(key, String(value));
    }
    const query = String(searchParams);
    const data = await requestJson(`${base}/${path.replace(/^\//, '')}${query && `?${query}`}`, {
      method,
      json: call.json,
      signal: call.signal,
      headers: { ...localeHeader, ...(token ? { Authorization: `Bearer ${token}` } : {}), ...call.headers },
      timeout: options.timeout ?? 10_000,
      fetch: options.fetch,
      // Every method may be retried: GET and PUT are idempotent, and a POST is unless the call says otherwise.
      retry: { ...RETRY, limit: call.idempotent === false ? 0 : limit },
    });
    return parse(validator, data);
  };

  return async (validator, method, path, call = {}) => {
    const where = `${method} ${base}${path}`;
    try {
      try {
        return await send(validator, method, path, call, await options.credential(false));
      } catch (error) {
        const failure = toRenewalError(error, where);
        if (failure.code !== 'session_expired' || !options.canRefresh) throw failure;
        refreshing ??= Promise.resolve(options.credential(true)).finally(() => (refreshing = undefined));
        return await send(validator, method, path, call, await refreshing);
      }
    } catch (error) {
      throw toRenewalError(error, where);
    }
  };
}

/** Waits `ms`, or rejects with an `aborted` RenewalError as soon as `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const aborted = () => {
      clearTimeout(timer);
      reject(new RenewalError('aborted', 'Waiting was aborted', { cause: signal?.reason }));
    };
    if (signal?.aborted) return aborted();
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }, ms);
    signal?.addEventListener('abort', aborted, { once: true });
  });
}

/** A fresh Idempotency-Key. Uses `getRandomValues`, which (unlike `randomUUID`) also exists on plain-http pages. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
