/** What every route module is given: the repositories, the clock, the rules' machinery and the sandbox's settings. */
import type { CardRepository } from './card-repository.ts';
import type { SandboxClock } from './clock.ts';
import type { CredentialRepository } from './credential-repository.ts';
import type { Db } from './db.ts';
import type { ArmedFaults } from './faults.ts';
import type { OrderRepository } from './order-repository.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { RefundRepository } from './refund-repository.ts';
import type { TransferRepository } from './transfer-repository.ts';
import type { EventRecorder } from './webhooks/events.ts';
import type { Reminders } from './webhooks/reminders.ts';

export interface Deps {
  db: Db;
  /** Partners, cards, the plan catalogue and promo codes. */
  cards: CardRepository;
  /** Session tokens and hand-off codes. */
  credentials: CredentialRepository;
  /** Quotes, orders and their idempotency keys. */
  orders: OrderRepository;
  refunds: RefundRepository;
  /** Moves to another phone, activation codes. */
  transfers: TransferRepository;
  /**
   * The time, in epoch ms, of the partner the request acts for (its sandbox time, see `clock.ts`); real time (or the
   * test's clock) before that is known.
   */
  now: () => number;
  clock: SandboxClock;
  /** Records partner events (webhooks); writers call it inside the transaction that makes the fact true. */
  events: EventRecorder;
  reminders: Reminders;
  settleDelayMs: number;
  qrTtlMs: number;
  publicUrl: string | undefined;
  /** Origins the operator registered for a partner on top of its seeded ones (`SandboxOptions.demoOrigins`), by id. */
  extraOrigins: Record<string, readonly string[]>;
  /**
   * Token buckets: sessions and renewal links per partner; orders, quotes and hand-off links per card; hand-off
   * claims per client address (a claim carries no credential but the code).
   */
  limits: {
    sessions: RateLimiter; orders: RateLimiter; quotes: RateLimiter; handoffs: RateLimiter; claims: RateLimiter;
    renewalLinks: RateLimiter;
  };
  faults: ArmedFaults;
  settleDue: () => number;
}
