import ky, { type KyInstance } from 'ky';
import type * as z from 'zod/mini';
import { RenewalError, toRenewalError } from './errors.js';

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

export type Call = <S extends z.ZodMiniType>(
  schema: S,
  method: Method,
  path: string,
  options?: CallOptions,
) => Promise<z.infer<S>>;

/**
 * One place that speaks HTTP: ky with our retry policy, bearer auth with a single refresh on `session_expired`,
 * every answer validated against its schema, every failure a `RenewalError`.
 */
export function createTransport(options: TransportOptions): Call {
  const base = options.baseUrl.replace(/\/+$/, '');
  const limit = options.retry ?? 2;
  const http: KyInstance = ky.create({
    prefix: base,
    timeout: options.timeout ?? 10_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // Not Accept-Language: browsers send their own on every request, so the server could not tell it was chosen.
    headers: options.locale ? { 'Esim-Locale': options.locale } : {},
  });
  let refreshing: Promise<string> | undefined;

  const send = async <S extends z.ZodMiniType>(
    schema: S,
    method: Method,
    path: string,
    call: CallOptions,
    token: string,
  ): Promise<z.infer<S>> => {
    const searchParams: Record<string, string> = {};
    for (const [key, value] of Object.entries(call.searchParams ?? {})) {
      if (value !== undefined && value !== '') searchParams[key] = String(value);
    }
    const response = http(path.replace(/^\//, ''), {
      method,
      json: call.json,
      searchParams,
      signal: call.signal,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...call.headers },
      retry: {
        limit: call.idempotent === false ? 0 : limit,
        methods: ['get', 'put', 'post'],
        statusCodes: [408, 429, 500, 502, 503, 504],
        retryOnTimeout: true,
        backoffLimit: 4_000,
        maxRetryAfter: 30_000,
      },
    });
    return (await response.json(schema)) as z.infer<S>;
  };

  return async (schema, method, path, call = {}) => {
    const where = `${method} ${base}${path}`;
    try {
      try {
        return await send(schema, method, path, call, await options.credential(false));
      } catch (error) {
        const failure = toRenewalError(error, where);
        if (failure.code !== 'session_expired' || !options.canRefresh) throw failure;
        refreshing ??= Promise.resolve(options.credential(true)).finally(() => (refreshing = undefined));
        return await send(schema, method, path, call, await refreshing);
      }
    } catch (error) {
      throw toRenewalError(error, where);
    }
  };
}

/** Waits `ms`, or rejects with an `aborted` RenewalError as soon as `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => {
      clearTimeout(timer);
      reject(new RenewalError('aborted', 'Waiting was aborted', { cause: signal?.reason }));
    };
    if (signal?.aborted) return aborted();
    const timer = setTimeout(() => {
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
