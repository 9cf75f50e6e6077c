/**
 * Sending events to partners' endpoints, in the background: a POST of the event's JSON signed with the endpoint's
 * secret (`Esim-Signature`, see `src/server/webhooks.ts`). A 2xx answer delivers it; anything else — another status,
 * a redirect (never followed), no answer within the timeout, no connection — is retried with exponential backoff
 * until `retryForMs` after the first attempt (24 hours by default), then the delivery is marked failed.
 *
 * Every attempt is claimed in SQLite before it is sent, with the time its retry would be due: if the process dies
 * mid-request, the next process (or this one, restarted) sends it again then. Deliveries are at least once; the
 * event id lets the partner skip a repeat.
 */
import { SIGNATURE_HEADER } from '../../src/server/schemas.ts';
import { webhookSignatureHeader } from '../../src/server/webhooks.ts';
import type { Db } from '../db.ts';
import { type DueDelivery, webhookRepository } from './repository.ts';

export interface DeliveryOptions {
  /** The first retry's delay; each next one doubles, up to `maxRetryDelayMs`. */
  retryDelayMs: number;
  maxRetryDelayMs: number;
  /** A delivery still failing this long after its first attempt is marked failed. */
  retryForMs: number;
  /** How long an attempt waits for the partner's answer. */
  timeoutMs: number;
}

/** How many deliveries are sent at once. */
const BATCH = 8;

export interface Deliverer {
  /** Sends every delivery that is due; resolves with how many attempts it made. */
  deliverDue(): Promise<number>;
  /** Asks for a `deliverDue` soon (new deliveries were recorded). */
  wake(): void;
  /** Stops: in-flight requests are abandoned (their deliveries are retried by the next process). */
  close(): void;
}

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string | null };

export function createDeliverer(db: Db, now: () => number, options: DeliveryOptions): Deliverer {
  const repository = webhookRepository(db);
  const closing = new AbortController();
  const backoff = (attempt: number) => Math.min(options.retryDelayMs * 2 ** (attempt - 1), options.maxRetryDelayMs);
  let running: Promise<number> | undefined;
  let again = false;
  let woken = false;

  async function post(delivery: DueDelivery): Promise<Outcome> {
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'esim-renewal-webhooks/1',
          'Esim-Event-Id': delivery.event_id,
          // Signed with real time, not the partner's sandbox time: the partner checks it against its own clock.
          [SIGNATURE_HEADER]: webhookSignatureHeader(delivery.body, delivery.secret, Math.floor(now() / 1000)),
        },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs), closing.signal]),
      });
      await response.body?.cancel().catch(() => undefined);
      return response.ok ? { ok: true, status: response.status } : { ok: false, status: response.status, error: null };
    } catch (error) {
      const name = (error as Error).name;
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { ok: false, status: null, error: name === 'TimeoutError' ? 'timeout' : (cause ?? (error as Error).message) };
    }
  }

  async function attempt(delivery: DueDelivery): Promise<boolean> {
    const at = now();
    const number = delivery.attempts + 1;
    if (!repository.claim(delivery.id, number, at, at + options.timeoutMs + backoff(number))) return false;
    const outcome = await post(delivery);
    if (closing.signal.aborted || !db.open) return true;
    const done = now();
    const givingUp = done - (delivery.first_attempt_at ?? at) >= options.retryForMs;
    if (outcome.ok) repository.succeeded(delivery.id, number, done, outcome.status);
    else if (givingUp) repository.giveUp(delivery.id, number, outcome.status, outcome.error);
    else repository.retry(delivery.id, number, done + backoff(number), outcome.status, outcome.error);
    return true;
  }

  async function sweep(): Promise<number> {
    let attempts = 0;
    do {
      again = false;
      for (;;) {
        if (closing.signal.aborted || !db.open) return attempts;
        const due = repository.due(now(), BATCH);
        if (due.length === 0) break;
        const made = await Promise.all(due.map(attempt));
        attempts += made.filter(Boolean).length;
        if (due.length < BATCH) break;
      }
    } while (again);
    return attempts;
  }

  const deliverDue = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = sweep().finally(() => (running = undefined));
    return running;
  };

  return {
    deliverDue,
    wake() {
      if (woken) return;
      woken = true;
      setImmediate(() => {
        woken = false;
        deliverDue().catch((error: unknown) => console.error('[sandbox] webhook delivery failed:', error));
      });
    },
    close: () => closing.abort(),
  };
}
