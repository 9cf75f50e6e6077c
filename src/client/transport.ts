/**
 * The one place that speaks HTTP: ky with our retry policy, the bearer credential set by a hook, one shared session
 * renewal on `session_expired`, every answer parsed with its zod schema and every failure a `RenewalError`.
 *
 * ky 1, not ky 2, by measurement: the same `ky.create` usage (prefix, timeout, retry policy, a `beforeRequest` and an
 * `afterResponse` hook, `isHTTPError`/`isTimeoutError`) bundled alone with esbuild, minified, is 5.9 kB min+gzip and
 * 5.3 kB min+brotli with ky 1.14.3, against 10.0 kB and 8.9 kB with ky 2.1.0 — 4 kB of the 24 kB a badge-only page
 * may fetch. ky 1 also runs on Node 18+, where ky 2 asks for Node 22 and this package supports 20. What
 * ky 2 adds that we use is a few lines here: the schema check after `.json()`, the error body read in errors.ts, and
 * the body read inside the timeout (`fetchWhole`). See bench/README.md.
 */
import ky, { isHTTPError, isTimeoutError, type KyInstance, type Options } from 'ky';
import type * as z from 'zod/mini';
import { invalidResponse, RenewalError, toRenewalError } from './errors.js';
import { ErrorBody } from './schemas/core.js';

export interface TransportOptions {
  /** The API's origin and optional path prefix, e.g. `https://api.example.com` or `http://localhost:8787`. */
  baseUrl: string;
  /** Returns the bearer credential; `refresh` is true when the last one was rejected as expired. */
  credential: (refresh: boolean) => string | Promise<string>;
  /** Whether a `session_expired` answer may be healed by asking `credential(true)` once. */
  canRefresh: boolean;
  /** The `Esim-Locale` to send, read as each request leaves (the page may change it between requests). */
  locale?: () => string | undefined;
  fetch?: typeof fetch;
  /** Per-attempt timeout in milliseconds, over the answer's headers and body. Default 10 000. */
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

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Makes one call and returns its answer parsed by `schema`: the schema itself, or the schema of a module still being
 * imported (an operation's first call imports its part of the contract: see `client.ts`).
 */
export type Call = <S extends z.ZodMiniType>(
  schema: S | Promise<S>,
  method: Method,
  path: string,
  options?: CallOptions,
) => Promise<z.output<S>>;

/**
 * What is retried, and how long to wait: timeouts, network errors and the statuses 408, 429, 500, 502, 503 and 504
 * (of GET, PUT and idempotent POST calls: see `allowed` below); a `Retry-After` on a 429 or 503 is honoured up to
 * 30 s; otherwise 300 ms, doubling, at most 4 s.
 */
const RETRY = {
  methods: ['get', 'put', 'post'],
  statusCodes: [408, 429, 500, 502, 503, 504],
  afterStatusCodes: [429, 503],
  maxRetryAfter: 30_000,
  backoffLimit: 4_000,
  retryOnTimeout: true,
};

/**
 * ky times an attempt over what its `fetch` does, and retries what that throws; ky 1 stops the clock at the headers.
 * Reading the (small, JSON) body inside `fetch` puts a stalled or cut-off body under the same timeout and retries.
 */
const fetchWhole =
  (fetchImpl?: typeof fetch): typeof fetch =>
  async (input, init) => {
    const response = await (fetchImpl ?? fetch)(input, init);
    const body = response.body && (await response.arrayBuffer());
    const { status, statusText, headers } = response;
    return new Response(body, { status, statusText, headers });
  };

const bearerOf = (request: Request) => request.headers.get('Authorization')?.replace(/^Bearer /, '') ?? '';

/** Errors of our own (a credential that could not be had) end the call as they are: ky does not retry them. */
const settle = async <T>(work: Promise<T>, where: string): Promise<T> => {
  try {
    return await work;
  } catch (error) {
    throw await toRenewalError(error, where);
  }
};

export function createTransport(options: TransportOptions): Call {
  const base = options.baseUrl.replace(/\/+$/, '');
  const retries = options.retry ?? 2;
  const api: KyInstance = ky.create({
    prefixUrl: base,
    timeout: options.timeout ?? 10_000,
    fetch: fetchWhole(options.fetch),
  });

  /**
   * The session renewal in progress or done, and the token it replaces: every call whose token expired joins the
   * same one, and a call that was sent with a token already replaced just tries again with the new one.
   */
  let renewal: { replaces: string; done: Promise<void> } | undefined;
  const renewSession = (expired: string): Promise<void> => {
    if (renewal?.replaces !== expired) {
      const current = {
        replaces: expired,
        done: (async () => {
          if ((await options.credential(false)) === expired) await options.credential(true);
        })(),
      };
      // A failed renewal is not remembered: the next expired answer asks again.
      current.done.catch(() => renewal === current && (renewal = undefined));
      renewal = current;
    }
    return renewal.done;
  };

  return async (schema, method, path, call = {}) => {
    const where = `${method} ${base}${path}`;
    const parser = Promise.resolve(schema).catch((error: unknown) => {
      // The module's file did not arrive (offline, blocked, a pinned hash that does not match): as for an answer
      // that did not arrive, trying again later may work.
      throw new RenewalError('network', `Could not load the schema to check the answer with: ${where}`, {
        cause: error,
      });
    });
    // Retries this call may make, not counting the one after renewing the session. GET and PUT are idempotent, and
    // so is a POST unless the call says otherwise (createOrder's carries an Idempotency-Key; cancelOrder's does not).
    const allowed = call.idempotent === false ? 0 : retries;
    let renewed = 0;
    const searchParams: Record<string, string> = {};
    for (const [key, value] of Object.entries(call.searchParams ?? {})) {
      if (value !== undefined && value !== '') searchParams[key] = String(value);
    }
    const request: Options = {
      method,
      json: call.json,
      searchParams,
      signal: call.signal,
      headers: call.headers ?? {},
      retry: {
        ...RETRY,
        // One more than allowed when the session may be renewed: ky counts that forced retry as one of its own.
        limit: allowed + (options.canRefresh ? 1 : 0),
        delay: (attempt) => 300 * 2 ** (attempt - renewed - 1),
        // ky 1 would retry anything thrown; only answers worth asking again (an HTTPError, which ky then checks
        // against the statuses above), timeouts and fetch's TypeError (no answer at all) are.
        shouldRetry: ({ error, retryCount }) =>
          retryCount - renewed <= allowed && (isHTTPError(error) || isTimeoutError(error) || error instanceof TypeError)
            ? undefined
            : false,
      },
      hooks: {
        beforeRequest: [
          async (outgoing) => {
            const token = await settle((async () => options.credential(false))(), where);
            if (token) outgoing.headers.set('Authorization', `Bearer ${token}`);
            // Not Accept-Language: browsers send their own on every request (and a page may not set it), so the
            // server could not tell it was chosen. Read now, so a locale changed since the call began is the one sent.
            const locale = options.locale?.();
            if (locale) outgoing.headers.set('Esim-Locale', locale);
          },
        ],
        afterResponse: [
          async (sent, _options, response) => {
            if (response.status !== 401 || !options.canRefresh || renewed) return;
            const body = ErrorBody.safeParse(await response.json().catch(() => undefined));
            if (body.data?.error.code !== 'session_expired') return;
            renewed = 1;
            await settle(renewSession(bearerOf(sent)), where);
            return ky.retry({ delay: 0, code: 'SESSION_RENEWED' });
          },
        ],
      },
    };
    try {
      // A schema still loading loads alongside the request, not before it (no chunk → API waterfall), except for a
      // call that may not be repeated: that one is sent only once its answer can be checked, so that a schema that
      // could not be loaded never leaves done an action the caller is told failed.
      if (call.idempotent === false) await parser;
      const [body, checked] = await Promise.all([api(path.replace(/^\//, ''), request).json(), parser]);
      const result = checked.safeParse(body);
      if (!result.success) throw invalidResponse(result.error, where);
      return result.data;
    } catch (error) {
      throw await toRenewalError(error, where);
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
