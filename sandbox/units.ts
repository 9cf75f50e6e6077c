/**
 * Units of time and data, and how times are written: pure, so that the seed and the pricing rules that use them run
 * in the browser too (the Storybook fixtures).
 */
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** 1 GB as the widgets show it: 1024³ bytes. */
export const GB = 1024 ** 3;
export const MB = 1024 ** 2;

/** An epoch-millisecond time as the API writes it. */
export function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
