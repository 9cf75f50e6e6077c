/**
 * The contract's core: what every page parses before its data shows (the card, the error body) and the building
 * blocks the other parts of the contract reuse. The client imports this module statically; plans.ts, orders.ts and
 * care.ts it imports on demand (the script-tag file holds plans.ts, which the usual page parses at once),
 * requests.ts and partner.ts never (see ../schemas.ts).
 */
import * as z from 'zod/mini';
import { CARD_STATUSES, ERROR_CODES, PERIODS } from '../constants.js';

// Before any schema is built: every other schema module imports this one first. zod 4 can compile object parsers
// with `new Function`, deciding so as each object schema is built, after probing once whether `eval` works; under a
// page's strict CSP (no 'unsafe-eval') or Trusted Types that probe alone is a reported violation, although zod
// catches it. `jitless` turns both off. zod/mini 4.6's objects do not compile (classic zod's do), so this costs our
// parsing nothing; it keeps the pages at zero violations whichever zod builds the objects. zod 4 keeps it on
// globalThis, shared by every copy of zod 4 on the page: the page's own zod parses without `eval` too
// (test/client/zod-config.test.ts).
z.config({ jitless: true });

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

/**
 * An ISO 8601 UTC timestamp, e.g. `2026-11-25T08:00:00.000Z`: fields in range, `Z` only. Lighter than
 * `z.iso.datetime()`, whose calendar regexes cost 0.3 kB min+gzip in the script-tag file; the OpenAPI document still
 * says `format: date-time`.
 */
export const Timestamp = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?Z$/))
  .register(z.globalRegistry, { format: 'date-time' });

/** A whole number of bytes; never negative. */
export const Bytes = z.int().check(z.minimum(0));

/**
 * Money in minor units of an ISO 4217 currency: a whole number of cents or fen for most (1500 CNY is ¥15.00), of yen
 * or won for JPY and KRW, which have no minor unit (1200 JPY is ¥1,200). `src/client/money.ts` has the exponents.
 */
export const Money = z.object({
  amount: z.int().check(z.minimum(0)),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
});

/** The error body every non-2xx response carries. `code` is kept a string so a newer server cannot break parsing. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.optional(z.unknown()),
  }),
});

// ---------------------------------------------------------------------------------------------------------------
// Cards (session token, browser)

export const CardStatus = z.enum(CARD_STATUSES);

/** Data left and in total; `null` means unlimited. */
export const DataBalance = z.object({
  remainingBytes: z.nullable(Bytes),
  totalBytes: z.nullable(Bytes),
});

export const Period = z.enum(PERIODS);

export const CardPlan = z.object({
  id: z.string(),
  name: z.string(),
  period: Period,
});

export const AutoRenew = z.object({
  enabled: z.boolean(),
  planId: z.nullable(z.string()),
});

export const Card = z.object({
  id: z.string(),
  /** Masked: only the last four digits are shown, e.g. `•••• 1234`. */
  iccid: z.string(),
  status: CardStatus,
  plan: CardPlan,
  data: DataBalance,
  validFrom: Timestamp,
  expiresAt: Timestamp,
  /** ISO 3166-1 alpha-2 codes of the countries the card works in. */
  coverage: z.array(z.string()),
  autoRenew: AutoRenew,
  renewalCount: z.int().check(z.minimum(0)),
  /** The currency this card's renewals are priced in. */
  currency: z.string(),
  /** When the balance was read from the network; balances are never guessed. */
  asOf: Timestamp,
  /** Store credit (from refunds granted as credit), offered as a discount at the next checkout. */
  credit: z.optional(Money),
  /** The phone the card's profile is installed on, when known. */
  device: z.optional(z.nullable(z.object({ brand: z.string(), model: z.string() }))),
});

export type Money = z.infer<typeof Money>;
export type RenewalErrorBody = z.infer<typeof ErrorBody>;
export type CardStatus = z.infer<typeof CardStatus>;
export type DataBalance = z.infer<typeof DataBalance>;
export type Period = z.infer<typeof Period>;
export type AutoRenew = z.infer<typeof AutoRenew>;
export type Card = z.infer<typeof Card>;
export type ServerErrorCode = (typeof ERROR_CODES)[number];
