/**
 * Time in the sandbox. The base is real time (or the `now` a test gives `createSandbox`); on top of it each partner
 * may move its own time ahead (`POST /sandbox/clock`), to see expiry reminders, expiries and settlement without
 * waiting days. The offset lives in SQLite (`partners.clock_offset_ms`): it survives a restart, and two processes on
 * one file agree on it.
 *
 * Routes keep asking `deps.now()`. A request acts for one partner as soon as it is known whose it is — `auth.ts`
 * for a secret key or a session token, and the few routes whose credential is a code or an order id (a hand-off
 * claim, the hosted payment pages, an activation) — and from then on `now()` is that partner's time. Sweeps, which
 * work for every partner, ask `partners()` for each one's time. Outgoing webhook deliveries keep to the base time:
 * their signatures are checked against the partner's real clock.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareHandler } from 'hono';
import type { Db } from './db.ts';

interface Scope {
  offsetMs: number;
}

export class SandboxClock {
  readonly #scope = new AsyncLocalStorage<Scope>();
  readonly #s;

  constructor(db: Db, readonly base: () => number) {
    this.#s = {
      offset: db.prepare<[string], { offset: number }>('SELECT clock_offset_ms AS offset FROM partners WHERE id = ?'),
      setOffset: db.prepare<[number, string], void>('UPDATE partners SET clock_offset_ms = ? WHERE id = ?'),
      partners: db.prepare<[], { id: string; offset: number }>('SELECT id, clock_offset_ms AS offset FROM partners ORDER BY id'),
    };
  }

  /** The time of the partner this request acts for; the base time outside a request or before it is known. */
  readonly now = (): number => this.base() + (this.#scope.getStore()?.offsetMs ?? 0);

  /** How far a partner's time is ahead of the base time, in milliseconds (never negative). */
  offsetOf(partnerId: string): number {
    return this.#s.offset.get(partnerId)?.offset ?? 0;
  }

  /** A partner's time now. */
  nowFor(partnerId: string): number {
    return this.base() + this.offsetOf(partnerId);
  }

  /** Every partner with its time now, for the sweeps that work through all of them. */
  partners(): Array<{ id: string; now: number }> {
    const base = this.base();
    return this.#s.partners.all().map(({ id, offset }) => ({ id, now: base + offset }));
  }

  /** Middleware, first of all: each request gets a scope of its own, acting for nobody yet. */
  readonly scope: MiddlewareHandler = (_c, next) => this.#scope.run({ offsetMs: 0 }, next);

  /** From here on, `now()` in this request is `partnerId`'s time. */
  actFor(partnerId: string): void {
    const scope = this.#scope.getStore();
    if (scope) scope.offsetMs = this.offsetOf(partnerId);
  }

  /**
   * Sets a partner's time to `at` (epoch ms): anything from the base time on; the base time itself puts the
   * partner back on real time. Returns the offset now in force.
   */
  set(partnerId: string, at: number): number {
    const offset = Math.max(0, Math.round(at - this.base()));
    this.#s.setOffset.run(offset, partnerId);
    return offset;
  }
}
