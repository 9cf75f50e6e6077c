/**
 * Schemas of the sandbox-only test-support endpoints. They are not part of the Renewal API the SDK talks to, so
 * they live here rather than in `src/client/schemas.ts` (the browser bundle never needs them).
 */
import * as z from 'zod/mini';
import { OrderStatus, Timestamp } from '../src/client/schemas.ts';
import { CARD_TEMPLATE_NAMES } from './seed/cards.ts';
import { CURRENCIES } from './seed/prices.ts';

export const CreateSandboxCardInput = z.strictObject({
  template: z.enum(CARD_TEMPLATE_NAMES),
  /** The currency the card is sold in (its market's); the template's when left out. */
  currency: z.optional(z.enum(CURRENCIES)),
});

export const FAULT_KINDS = ['status', 'malformed_json', 'wrong_shape', 'delay', 'drop'] as const;

export const FaultInput = z.strictObject({
  method: z.optional(z.string().check(z.regex(/^[A-Za-z]{3,10}$/))),
  /** An exact path like `/v1/card`, a prefix ending in `*` like `/v1/orders/*`, or `*` for every path. */
  path: z.string().check(z.minLength(1), z.maxLength(256), z.regex(/^(\*|\/\S*)$/)),
  kind: z.enum(FAULT_KINDS),
  /** For `status`: the HTTP status to answer (500 when left out). */
  status: z.optional(z.int().check(z.minimum(400), z.maximum(599))),
  /** For a 429 `status`: the `Retry-After` seconds (1 when left out). */
  retryAfter: z.optional(z.int().check(z.minimum(0), z.maximum(3600))),
  /** For `delay`. */
  delayMs: z.optional(z.int().check(z.minimum(0), z.maximum(30_000))),
  /** How many matching requests the fault hits; 1 when left out. */
  times: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
  /** `before` answers instead of the real handler; `after` runs the handler, then spoils its response. */
  phase: z.optional(z.enum(['before', 'after'])),
});

export const Fault = z.object({
  id: z.string(),
  method: z.nullable(z.string()),
  path: z.string(),
  kind: z.enum(FAULT_KINDS),
  status: z.nullable(z.int()),
  retryAfter: z.nullable(z.int()),
  delayMs: z.nullable(z.int()),
  remaining: z.int(),
  phase: z.enum(['before', 'after']),
});

export const Health = z.object({ ok: z.literal(true) });

export type FaultInput = z.infer<typeof FaultInput>;
export type Fault = z.infer<typeof Fault>;

// Moving a card, test support: read the one-time code "sent", install an activation code as a phone would.

export const TransferOtp = z.object({ code: z.string().check(z.regex(/^\d{6}$/)) });

export const InstallActivationInput = z.strictObject({ activationCode: z.string().check(z.minLength(1), z.maxLength(64)) });

export const ActivationInstalled = z.object({ installed: z.literal(true), iccidLast4: z.string() });

export const ACTIVATION_STATES = ['ready', 'installed', 'transferred', 'expired'] as const;

export const CardActivation = z.object({ activationCode: z.string(), state: z.enum(ACTIVATION_STATES) });

// The sandbox clock: a partner moves its own time to see reminders, expiries and settlement (`sandbox/clock.ts`).

/** Ten years: as far as the clock moves in one go. */
export const MAX_CLOCK_STEP_DAYS = 3650;

const Amount = z.int().check(z.minimum(0), z.maximum(MAX_CLOCK_STEP_DAYS * 24 * 3600));

export const MoveClockInput = z
  .strictObject({
    /** Moves the partner's time ahead by the sum of these. */
    advance: z.optional(z.strictObject({
      days: z.optional(z.int().check(z.minimum(0), z.maximum(MAX_CLOCK_STEP_DAYS))),
      hours: z.optional(Amount),
      minutes: z.optional(Amount),
      seconds: z.optional(Amount),
    })),
    /** Sets the partner's time; not earlier than real time. */
    set: z.optional(Timestamp),
    /** Puts the partner back on real time. */
    reset: z.optional(z.literal(true)),
  })
  .check(z.refine((input) => [input.advance, input.set, input.reset].filter((v) => v !== undefined).length === 1, {
    message: 'Give exactly one of advance, set or reset',
  }));

export const SandboxClock = z.object({
  /** The partner's sandbox time. */
  now: Timestamp,
  /** How far it is ahead of real time. */
  offsetSeconds: z.int().check(z.minimum(0)),
});

/** Sandbox only: the traveller used data (to see `card.data_low`). */
export const UseDataInput = z.strictObject({ bytes: z.int().check(z.minimum(1), z.maximum(2 ** 50)) });

export type MoveClockInput = z.infer<typeof MoveClockInput>;

// The hosted pages' forms (`application/x-www-form-urlencoded`): what a browser posts, documented from these.

/**
 * The hosted card page's forms: a card `number` (with `challenge` once the 3-D Secure step is answered), or an
 * express `wallet` (Apple Pay, Google Pay) and the sandbox's `outcome` for its sheet.
 */
export const CheckoutForm = z.object({
  number: z.optional(z.string().check(z.meta({ examples: ['4242 4242 4242 4242'] }))),
  expiry: z.optional(z.string()),
  cvc: z.optional(z.string()),
  challenge: z.optional(z.enum(['pass', 'fail'])),
  wallet: z.optional(z.enum(['apple_pay', 'google_pay'])),
  outcome: z.optional(z.enum(['succeed', 'fail'])),
});

/**
 * The wallet pages' sandbox controls: `pay` (the payment settles after the sandbox's delay, `settle: later`, so the
 * traveller is back before it has; or `now`, before the return), `leave` (back to the shop without paying: the return
 * arrives first) or `decline`.
 */
export const HostedWalletForm = z.object({
  action: z.enum(['pay', 'leave', 'decline']),
  settle: z.optional(z.enum(['later', 'now'])),
});

/**
 * What the Alipay app does with a `tradePay` trade, for a stand-in of its bridge: pay it (settling `later` or `now`)
 * or fail it. The bridge's result code is the stand-in's to choose, apart from this.
 */
export const AlipayTradeInput = z.strictObject({
  outcome: z.enum(['succeed', 'fail']),
  settle: z.optional(z.enum(['later', 'now'])),
});

export const AlipayTrade = z.object({
  tradeNo: z.string(),
  orderId: z.string(),
  status: OrderStatus,
});

export const WalletForm = z.object({ action: z.enum(['pay', 'decline']) });

/**
 * A payment notification delivered late, as the wallet would send it for a payment the traveller made after the
 * checkout gave up on it: `settle` as for the simulation (`now` by default).
 */
export const PaymentNotificationInput = z.strictObject({
  settle: z.optional(z.enum(['later', 'now'])),
});

/**
 * What a late payment notification did: `charged` is whether the provider took the traveller's money for it (and
 * the order was paid by it). Refused: `payment_closed` (the order was canceled and its payment closed first: the
 * provider refuses the payment), `already_paid` (a repeated notification: paid once), `order_failed`.
 */
export const PaymentNotification = z.object({
  orderId: z.string(),
  status: OrderStatus,
  charged: z.boolean(),
  refused: z.nullable(z.enum(['payment_closed', 'already_paid', 'order_failed'])),
});
