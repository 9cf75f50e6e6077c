/** What every route module is given: storage, the clock and the sandbox's settings. */
import type { Db } from './db.ts';
import type { FaultStore } from './faults.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { Store } from './store.ts';

export interface Deps {
  db: Db;
  store: Store;
  now: () => number;
  settleDelayMs: number;
  qrTtlMs: number;
  publicUrl: string | undefined;
  limits: { sessions: RateLimiter; orders: RateLimiter };
  faults: FaultStore;
  settleDue: () => number;
}
