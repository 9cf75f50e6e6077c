import { LOOPBACK_HOSTS } from '../../client/constants.js';
import { RETURN_PARAM } from '../../internal/url.js';

/**
 * The checkout attempt in progress, kept in sessionStorage so a reload or the redirect back from a payment page
 * resumes it instead of starting another. Only the order id and its Idempotency-Key are kept — never a token.
 */
export interface PendingAttempt {
  orderId: string;
  key: string;
}

const STORAGE_KEY = 'esim-renewal:pending-attempt';

// Reading `sessionStorage` itself throws where storage is disabled (privacy settings, sandboxed iframe), and writing
// throws when it is full: each use below catches, and the checkout then resumes by URL only.

export function savePendingAttempt(attempt: PendingAttempt): void {
  try {
    globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(attempt));
  } catch {
    // The attempt still works, it just cannot survive a reload.
  }
}

export function readPendingAttempt(): PendingAttempt | undefined {
  try {
    const value = JSON.parse(globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? 'null') as Partial<PendingAttempt> | null;
    return typeof value?.orderId === 'string' && typeof value.key === 'string' ? (value as PendingAttempt) : undefined;
  } catch {
    return undefined;
  }
}

export function clearPendingAttempt(): void {
  try {
    globalThis.sessionStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was kept.
  }
}

/**
 * The page address to come back to after paying: the current one, without a previous order id. None on a page the
 * API would refuse to send a traveller back to (a `file:` page, plain http off a loopback host): the payment page
 * then says the payment was submitted, and the traveller comes back on their own, where the attempt resumes.
 */
export function defaultReturnUrl(): string | undefined {
  const location = globalThis.location;
  const local = location?.protocol === 'http:' && (LOOPBACK_HOSTS as readonly string[]).includes(location.hostname);
  if (!location || !(location.protocol === 'https:' || local)) return undefined;
  const url = new URL(location.href);
  url.searchParams.delete(RETURN_PARAM);
  url.hash = '';
  url.username = '';
  url.password = '';
  return url.href;
}
