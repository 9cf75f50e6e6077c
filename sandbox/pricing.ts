/**
 * Which plans can renew a card, and what a renewal costs: the rules behind `/v1/plans` and `/v1/quotes`. Pure (rows
 * in, contract objects out), so that the Storybook fixtures price renewals by the same rules.
 */
import type { Discount, Quote } from '../src/client/schemas.ts';
import { DISCOUNT_LABELS } from './catalogue-words.ts';
import type { Lang } from './locale.ts';
import type { CardRow, PlanRow, PromoRow } from './rows.ts';
import { toPlan } from './serialize.ts';
import { DAY_MS, iso } from './units.ts';

export const QUOTE_TTL_MS = 15 * 60_000;

/**
 * Coverage lists as stored (JSON text), each parsed once: the catalogue's never change and cards share a few
 * (they are made from templates). Bounded all the same, oldest first out.
 */
const coverageSets = new Map<string, ReadonlySet<string>>();
const MAX_COVERAGE_SETS = 1_000;

export function coverageOf(json: string): ReadonlySet<string> {
  let set = coverageSets.get(json);
  if (!set) {
    if (coverageSets.size >= MAX_COVERAGE_SETS) coverageSets.delete(coverageSets.keys().next().value!);
    coverageSets.set(json, (set = new Set(JSON.parse(json) as string[])));
  }
  return set;
}

/** A plan can renew a card when the card's profile works in every country the plan covers. */
export function canRenew(card: CardRow, plan: PlanRow): boolean {
  const cardCoverage = coverageOf(card.coverage);
  for (const code of coverageOf(plan.coverage)) if (!cardCoverage.has(code)) return false;
  return true;
}

export interface PlanFilter {
  region?: string | undefined;
  period?: string | undefined;
}

export function matchesFilter(plan: PlanRow, filter: PlanFilter): boolean {
  if (filter.period && plan.period !== filter.period) return false;
  if (filter.region) {
    const wanted = filter.region.toUpperCase();
    if (plan.region.toUpperCase() !== wanted && !coverageOf(plan.coverage).has(wanted)) return false;
  }
  return true;
}

export type PromoProblemReason = 'unknown' | 'not_started' | 'expired' | 'exhausted';

/**
 * Why a promo code cannot be used now (`promo_invalid` with this `reason`), or undefined when it can. `held`: the
 * uses that orders still awaiting payment (or being processed) hold; a code whose uses are all spent or held is used
 * up.
 */
export function promoProblem(
  promo: PromoRow | undefined,
  now: number,
  held = 0,
): { reason: PromoProblemReason; message: string } | undefined {
  if (!promo) return { reason: 'unknown', message: 'This promo code does not exist' };
  if (now < promo.starts_at) return { reason: 'not_started', message: `Promo code ${promo.code} is not valid yet` };
  if (now >= promo.ends_at) return { reason: 'expired', message: `Promo code ${promo.code} has expired` };
  if (promo.max_uses !== null && promo.uses + held >= promo.max_uses) {
    return { reason: 'exhausted', message: `Promo code ${promo.code} has been used up` };
  }
  return undefined;
}

/**
 * A percentage of an amount in minor units, rounded half up to a whole minor unit: whole yen and won for JPY and
 * KRW, which have no smaller unit, cents for the others.
 */
const percentOf = (amount: number, percent: number) => Math.round((amount * percent) / 100);

/** A fixed-amount promo code's amount in `currency` (minor units), or undefined for a percentage code. */
function amountOff(promo: PromoRow, currency: string): number | undefined {
  if (promo.amounts_off === null) return undefined;
  const amount = (JSON.parse(promo.amounts_off) as Record<string, number>)[currency];
  if (amount === undefined) throw new Error(`Promo ${promo.code} has no amount in ${currency}`);
  return amount;
}

export interface QuoteInput {
  card: CardRow;
  plan: PlanRow;
  quantity: number;
  promo: PromoRow | null;
  /** The store credit the quote may offer: the card's balance less what its live orders hold. */
  credit: number;
  lang: Lang;
  now: number;
}

/** Prices a renewal: subtotal, discounts, total, and what the card will look like after it. */
export function priceQuote(id: string, { card, plan, quantity, promo, credit: available, lang, now }: QuoteInput): Quote {
  const currency = card.currency;
  const planView = toPlan(plan, currency, lang);
  const subtotal = planView.price.amount * quantity;
  const discounts: Discount[] = [];
  const words = DISCOUNT_LABELS[lang];
  const add = (kind: Discount['kind'], label: string, amount: number) => {
    if (amount > 0) discounts.push({ kind, label, amount: { amount, currency } });
  };
  if (card.renewal_count === 0) add('first_topup', words.first_topup, percentOf(subtotal, 10));
  else add('loyalty', words.loyalty, percentOf(subtotal, 5));
  if (promo) {
    const fixed = amountOff(promo, currency);
    // A fixed amount comes off what the percentages leave, never below zero.
    const left = subtotal - discounts.reduce((sum, d) => sum + d.amount.amount, 0);
    add('promo', words.promo(promo.code), fixed === undefined ? percentOf(subtotal, promo.percent_off) : Math.min(fixed, left));
  }
  let discounted = discounts.reduce((sum, d) => sum + d.amount.amount, 0);
  // Store credit goes last, up to what is left to pay. An order made from this quote holds it; it is spent when the
  // order succeeds, not here.
  const credit = Math.min(available, Math.max(0, subtotal - discounted));
  if (credit > 0) {
    discounts.push({ kind: 'credit', label: words.credit, amount: { amount: credit, currency } });
    discounted += credit;
  }
  const after = renewalResult(card, plan, quantity, now);
  return {
    id,
    plan: planView,
    quantity,
    subtotal: { amount: subtotal, currency },
    discounts,
    total: { amount: Math.max(0, subtotal - discounted), currency },
    newExpiresAt: iso(after.expiresAt),
    dataAfterBytes: after.remainingBytes,
    expiresAt: iso(now + QUOTE_TTL_MS),
  };
}

/** The card after a renewal: time added from max(now, expiry); data carried over and added; unlimited stays so. */
export function renewalResult(card: CardRow, plan: PlanRow, quantity: number, now: number) {
  const expiresAt = Math.max(now, card.expires_at) + plan.duration_days * quantity * DAY_MS;
  const remainingBytes =
    card.remaining_bytes === null || plan.data_bytes === null ? null : card.remaining_bytes + plan.data_bytes * quantity;
  return { expiresAt, remainingBytes };
}
