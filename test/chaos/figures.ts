// Figures for the reliability and security suite: each test records what it tried and what happened in
// test-results/figures/<name>.json, and scripts/figures.mjs prints them as one table at the end of the run.
//
// Sizes come from the profile: `fast` (part of `npm test`) or `long` (`npm run test:chaos`, CHAOS_PROFILE=long).
// Any size can be overridden by its own environment variable, e.g. CHAOS_ITERATIONS=500.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PROFILE: 'fast' | 'long' = process.env.CHAOS_PROFILE === 'long' ? 'long' : 'fast';

/** A size for this profile, or the number in `env[name]` when set. */
export function size(name: string, sizes: { fast: number; long: number }): number {
  const raw = process.env[name];
  if (raw !== undefined && raw !== '') {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got ${raw}`);
    return value;
  }
  return sizes[PROFILE];
}

/** The seed for everything random in a run: CHAOS_SEED, or a fresh one that the figures print (to replay a run). */
export const SEED = process.env.CHAOS_SEED ? Number(process.env.CHAOS_SEED) : Math.floor(Math.random() * 2 ** 31);

/** A small seeded generator (mulberry32): the same seed gives the same kill points and fuzz cases. */
export function random(seed = SEED): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Headline totals, added up across files by the reporter. A test sets the ones it measures.
 * `faultsInjected` / `faultsSurvived`: faulty answers delivered to a client, and those that ended in a successful
 * retry or a clear localized error with the UI still usable and no duplicate order.
 */
export interface Totals {
  faultsInjected?: number;
  faultsSurvived?: number;
  ordersDuplicated?: number;
  chargesDuplicated?: number;
  paidOrdersLost?: number;
  renewalsAppliedTwice?: number;
  /** Store credit given as discounts beyond what the card held, in minor units. */
  creditOverspent?: number;
  /** Uses of a limited promo code past its limit. */
  promoUsesOverLimit?: number;
  fuzzRequests?: number;
  fuzz4xx?: number;
  fuzz5xx?: number;
  crashes?: number;
  authzCases?: number;
  authzDenied?: number;
  rateLimited429?: number;
  cspViolations?: number;
  tokenLeaks?: number;
}

export interface Figures {
  /** One line saying what was measured. */
  title: string;
  /** Label → value, in the order to print. */
  rows: Record<string, number | string>;
  totals?: Totals;
}

/** Where figures go: test-results/figures, or FIGURES_DIR (e.g. to keep a long run's figures apart). */
export const FIGURES_DIR = process.env.FIGURES_DIR || join('test-results', 'figures');

/** Writes one test's figures (overwriting an earlier write under the same name). */
export function recordFigures(name: string, figures: Figures): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  const file = join(FIGURES_DIR, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ profile: PROFILE, seed: SEED, ...figures }, null, 2)}\n`);
}
