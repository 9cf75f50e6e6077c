import type { Card } from '../client/schemas.js';
import { daysUntil } from '../i18n/format.js';

/** Under this share of its data left, a card counts as running low. */
export const LOW_DATA_RATIO = 0.1;

export type CardHealth = 'ok' | 'expiring' | 'expired' | 'suspended';

export function isLowOnData(card: Card): boolean {
  const { remainingBytes, totalBytes } = card.data;
  return remainingBytes !== null && totalBytes !== null && totalBytes > 0 && remainingBytes / totalBytes < LOW_DATA_RATIO;
}

/** How the card is doing, with `expiring` starting `warnDays` before expiry or when data runs low. */
export function cardHealth(card: Card, warnDays: number, now = Date.now()): CardHealth {
  if (card.status === 'suspended') return 'suspended';
  const days = daysUntil(card.expiresAt, now);
  if (card.status === 'expired' || days <= 0) return 'expired';
  if (days <= warnDays || isLowOnData(card)) return 'expiring';
  return 'ok';
}
