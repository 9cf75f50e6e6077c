import type { Card, Usage } from '../../client/schemas.js';
import { daysUntil } from '../../i18n/format.js';

export type UsageDay = Usage['days'][number];

/** When the card's data would run out at the recent daily average, next to when the card expires. */
export type UsageProjection =
  | { kind: 'unlimited' }
  | { kind: 'none-left' }
  /** `daysLeft` is whole days (0: less than a day); the data ends first when it is under `expiryDays`. */
  | { kind: 'limited'; remainingBytes: number; daysLeft: number; expiryDays: number };

export interface UsageSummary {
  totalBytes: number;
  perDayBytes: number;
  /** Absent when there is nothing to project: no card yet, an expired or suspended card, or no data used. */
  projection?: UsageProjection;
}

/** Adds up the days and projects the card's remaining data at their average. */
export function summarize(days: readonly UsageDay[], card: Card | undefined, now = Date.now()): UsageSummary {
  const totalBytes = days.reduce((sum, day) => sum + day.usedBytes, 0);
  const perDayBytes = days.length ? totalBytes / days.length : 0;
  const summary: UsageSummary = { totalBytes, perDayBytes };
  const expiryDays = card ? daysUntil(card.expiresAt, now) : 0;
  if (!card || card.status === 'suspended' || card.status === 'expired' || expiryDays <= 0) return summary;
  const remaining = card.data.remainingBytes;
  if (remaining === null) summary.projection = { kind: 'unlimited' };
  else if (remaining === 0) summary.projection = { kind: 'none-left' };
  else if (perDayBytes > 0) {
    summary.projection = {
      kind: 'limited',
      remainingBytes: remaining,
      daysLeft: Math.floor(remaining / perDayBytes),
      expiryDays,
    };
  }
  return summary;
}
