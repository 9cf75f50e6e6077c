/**
 * The sandbox: a real reference implementation of the Renewal API v1, with simulated payments.
 *
 * `createSandbox` wires storage, middleware and routes into one Hono app; `server.ts` serves it over HTTP.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { CardRepository } from './card-repository.ts';
import { SandboxClock } from './clock.ts';
import { CredentialRepository } from './credential-repository.ts';
import { openDatabase, type Db } from './db.ts';
import type { Deps } from './deps.ts';
import { errorResponse, handleError, handleNotFound } from './errors.ts';
import { ArmedFaults, faultMiddleware } from './faults.ts';
import { MAX_BODY_BYTES, tooLarge } from './http.ts';
import { openApiDocument, operation } from './openapi.ts';
import { OrderRepository } from './order-repository.ts';
import { RateLimiter } from './rate-limit.ts';
import { RefundRepository } from './refund-repository.ts';
import { cardRoutes } from './routes/card.ts';
import { faultRoutes } from './routes/faults.ts';
import { handoffRoutes } from './routes/handoffs.ts';
import { historyRoutes } from './routes/history.ts';
import { orderRoutes } from './routes/orders.ts';
import { partnerRoutes } from './routes/partner.ts';
import { quoteRoutes } from './routes/quotes.ts';
import { renewalLinkRoutes } from './routes/renewal-links.ts';
import { sandboxApiRoutes } from './routes/sandbox-api.ts';
import { sandboxClockRoutes } from './routes/sandbox-clock.ts';
import { sandboxPageRoutes } from './routes/sandbox-pages.ts';
import { sandboxTransferRoutes } from './routes/sandbox-transfers.ts';
import { sandboxWalletPageRoutes } from './routes/sandbox-wallet-pages.ts';
import { transferRoutes } from './routes/transfers.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { Health } from './sandbox-schemas.ts';
import { DEMO_PARTNER_ID } from './seed/partners.ts';
import { seedDatabase } from './seeding.ts';
import { createSettler } from './settle.ts';
import { TransferRepository } from './transfer-repository.ts';
import { originPatternProblem } from './url-rules.ts';
import { randomId } from './util.ts';
import { createDeliverer, type DeliveryOptions } from './webhooks/delivery.ts';
import { createEventRecorder } from './webhooks/events.ts';
import { createReminders } from './webhooks/reminders.ts';

export interface SandboxOptions {
  /** SQLite file, or `:memory:`. */
  dbPath: string;
  /** Base of the payment page URLs; the request's own origin when left out. */
  publicUrl?: string;
  /**
   * More origins the demo partner's pages may be on, for an operator who serves a partner page elsewhere (e.g.
   * `https://staging.agency.example`): return URLs and hand-off pages there are accepted too. The demo partner is
   * seeded with the sandbox's own origin and loopback (`http://localhost:*`, `http://127.0.0.1:*`,
   * `http://[::1]:*`). Each entry is an origin, `scheme://host:*`, or `'self'`; https, or http only on loopback.
   */
  demoOrigins?: string[];
  /** How long a paid order stays `processing` before it settles; 2000 ms by default. */
  settleDelayMs?: number;
  /** How long a wallet QR code can be paid; 5 minutes by default. */
  qrTtlMs?: number;
  /**
   * Real time, in epoch milliseconds (tests may move it). Each partner's sandbox time is this plus the offset it set
   * with `POST /sandbox/clock`.
   */
  now?: () => number;
  /**
   * Per minute: sessions per partner (60), orders per card (20), quotes per card (60), hand-off links per card (10),
   * hand-off claims per client address (30), renewal links per partner (600: a reminder run mints many at once).
   */
  rateLimits?: {
    sessionsPerMinute?: number;
    ordersPerMinute?: number;
    quotesPerMinute?: number;
    handoffsPerMinute?: number;
    claimsPerMinute?: number;
    renewalLinksPerMinute?: number;
  };
  /** How often due orders are settled with nobody asking; 200 ms by default. */
  sweepIntervalMs?: number;
  /** Mounts extra routes (the demo page, the SDK script) before the 404 handler. */
  staticRoutes?: (app: Hono) => void;
  /** Webhooks: how deliveries are retried and timed out, and how often reminders are looked for. */
  webhooks?: Partial<DeliveryOptions> & {
    /** How often reminders are looked for and due deliveries sent; 500 ms by default. */
    sweepIntervalMs?: number;
  };
}

/**
 * Delivery defaults: the first retry after 10 s, doubling up to an hour between attempts, for 24 hours (then the
 * delivery is marked failed, about 30 attempts in all); 10 s for the partner to answer each.
 */
export const WEBHOOK_DEFAULTS: DeliveryOptions = {
  retryDelayMs: 10_000,
  maxRetryDelayMs: 60 * 60_000,
  retryForMs: 24 * 60 * 60_000,
  timeoutMs: 10_000,
};

export interface Sandbox {
  app: Hono;
  db: Db;
  /** Settles every order that is due now and decides every refund request that is due; returns how many. */
  settleDue(): number;
  clock: SandboxClock;
  /** Records every reminder that is due (each partner at its time); returns how many are new. */
  recordReminders(): number;
  /** Sends every webhook delivery that is due; resolves with how many attempts it made. */
  deliverWebhooks(): Promise<number>;
  /** The OpenAPI 3.1 document of this sandbox's routes (what `GET /openapi.json` serves). */
  openApi(): Promise<Record<string, unknown>>;
  /** Stops the sweep timer and closes the database. */
  close(): void;
}

/** Who may call the API, and what a page may read of its answers. */
const CORS = {
  // Any origin (the API is authorised by tokens, never cookies): the origin is reflected, no credentials.
  origin: (origin: string) => origin || null,
  allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
  allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Accept-Language', 'Esim-Locale'],
  exposeHeaders: ['Retry-After', 'X-Request-Id', 'Idempotent-Replayed'],
  maxAge: 600,
};

export function createSandbox(options: SandboxOptions): Sandbox {
  for (const origin of options.demoOrigins ?? []) {
    const problem = originPatternProblem(origin);
    if (problem) throw new Error(`demoOrigins: ${origin} ${problem}`);
  }
  const now = options.now ?? Date.now;
  const db = openDatabase(options.dbPath);
  seedDatabase(db, now());
  const clock = new SandboxClock(db, now);
  const deliverer = createDeliverer(db, now, { ...WEBHOOK_DEFAULTS, ...options.webhooks });
  const events = createEventRecorder(db, now, () => deliverer.wake());
  const reminders = createReminders(db, clock, events);
  const settleDue = createSettler(db, clock, events);
  const deps: Deps = {
    db,
    cards: new CardRepository(db),
    credentials: new CredentialRepository(db),
    orders: new OrderRepository(db, events.orderEnded),
    refunds: new RefundRepository(db),
    transfers: new TransferRepository(db),
    now: clock.now,
    clock,
    events,
    reminders,
    settleDelayMs: options.settleDelayMs ?? 2000,
    qrTtlMs: options.qrTtlMs ?? 5 * 60_000,
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    extraOrigins: { [DEMO_PARTNER_ID]: options.demoOrigins ?? [] },
    limits: {
      sessions: new RateLimiter(options.rateLimits?.sessionsPerMinute ?? 60, now),
      orders: new RateLimiter(options.rateLimits?.ordersPerMinute ?? 20, now),
      quotes: new RateLimiter(options.rateLimits?.quotesPerMinute ?? 60, now),
      handoffs: new RateLimiter(options.rateLimits?.handoffsPerMinute ?? 10, now),
      claims: new RateLimiter(options.rateLimits?.claimsPerMinute ?? 30, now),
      renewalLinks: new RateLimiter(options.rateLimits?.renewalLinksPerMinute ?? 600, now),
    },
    faults: new ArmedFaults(),
    settleDue,
  };

  const app = new Hono();
  app.use(clock.scope);
  // A caller's own X-Request-Id (a plain token) is kept, so a partner can follow one request through its logs.
  app.use(requestId({ generator: () => randomId('req', 9), limitLength: 64 }));
  // Only a request with an Origin (a page's) goes through CORS: Hono's cors sets its headers before the handler runs,
  // so Hono rebuilds the handler's response to carry them (a full Response instead of @hono/node-server's
  // lightweight one), which cost GET /v1/card more than half its throughput (`npm run bench -- sandbox`). A request
  // from a server has no use for the headers.
  const corsHeaders = cors(CORS);
  app.use((c, next) => (c.req.header('origin') === undefined ? next() : corsHeaders(c, next)));
  // A declared Content-Length over the limit is refused before anything reads the body (or checks a credential); a
  // chunked body is counted as it arrives and refused once it passes the limit, while the client is still sending.
  // Only where a body is expected: looking for one makes @hono/node-server build a full Request for a GET.
  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => errorResponse(c, tooLarge()) });
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', limit);

  const health = operation({
    tag: 'Meta', summary: 'Liveness check', security: 'none', ok: { status: 200, schema: Health, description: 'Alive' }, errors: [],
  });
  app.get('/healthz', health, (c) => health.send(c, { ok: true }));
  let made: Promise<Record<string, unknown>> | undefined;
  const openApi = () => (made ??= openApiDocument(app));
  const describeDocument = operation({
    tag: 'Meta', summary: 'This document', security: 'none', ok: { status: 200, description: 'OpenAPI 3.1 document' }, errors: [],
  });
  app.get('/openapi.json', describeDocument, async (c) => c.json(await openApi()));

  // Lazy settlement: whatever is due is settled before any API or sandbox request reads it.
  const settleFirst = async (_c: unknown, next: () => Promise<void>) => {
    settleDue();
    await next();
  };
  app.use('/v1/*', settleFirst);
  app.use('/sandbox/*', settleFirst);
  app.use(faultMiddleware(deps.faults));

  partnerRoutes(app, deps);
  cardRoutes(app, deps);
  quoteRoutes(app, deps);
  orderRoutes(app, deps);
  sandboxPageRoutes(app, deps);
  sandboxWalletPageRoutes(app, deps);
  sandboxApiRoutes(app, deps);
  faultRoutes(app, deps);
  handoffRoutes(app, deps);
  historyRoutes(app, deps);
  transferRoutes(app, deps);
  sandboxTransferRoutes(app, deps);
  webhookRoutes(app, deps);
  renewalLinkRoutes(app, deps);
  sandboxClockRoutes(app, deps);
  options.staticRoutes?.(app);

  app.notFound(handleNotFound);
  app.onError(handleError);

  // Whatever fell due while the sandbox was down settles now; the rest settles on the sweep with nobody watching.
  settleDue();
  const sweep = setInterval(() => {
    try {
      settleDue();
    } catch (error) {
      console.error('[sandbox] settlement sweep failed:', error);
    }
  }, options.sweepIntervalMs ?? 200);
  sweep.unref();

  // Webhooks, apart from the requests: reminders recorded as each partner's time passes, deliveries sent (and after
  // a restart, resumed). An API request never waits for a partner's server.
  const webhookSweep = setInterval(() => {
    try {
      reminders.all();
    } catch (error) {
      console.error('[sandbox] reminder sweep failed:', error);
    }
    deliverer.wake();
  }, options.webhooks?.sweepIntervalMs ?? 500);
  webhookSweep.unref();
  deliverer.wake();

  return {
    app,
    db,
    settleDue,
    clock,
    recordReminders: () => reminders.all(),
    deliverWebhooks: () => deliverer.deliverDue(),
    openApi,
    close() {
      clearInterval(sweep);
      clearInterval(webhookSweep);
      deliverer.close();
      if (db.open) db.close();
    },
  };
}

/** The OpenAPI document of the sandbox's routes, made by a sandbox on an in-memory database for the purpose. */
export async function buildOpenApi(): Promise<Record<string, unknown>> {
  const sandbox = createSandbox({ dbPath: ':memory:' });
  try {
    return await sandbox.openApi();
  } finally {
    sandbox.close();
  }
}
