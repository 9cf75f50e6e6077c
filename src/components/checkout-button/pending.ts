import { RETURN_PARAM } from '../../internal/url.js';

/**
 * The checkout attempt in progress, kept in sessionStorage so a reload or the redirect back from a payment page
 * resumes it instead of starting another. Only the order id and its Idempotency-Key are kept — never a token.
 */
export interface PendingAttempt {
  orderId: string;
  key: string;
  cardId?: string;
}

const STORAGE_KEY = 'esim-renewal:pending-attempt';

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // Storage disabled (privacy settings, sandboxed iframe): resume by URL only.
  }
}

export function savePendingAttempt(attempt: PendingAttempt): void {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(attempt));
  } catch {
    // Quota or privacy mode: the attempt still works, it just cannot survive a reload.
  }
}

export function readPendingAttempt(): PendingAttempt | undefined {
  try {
    const value = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? 'null') as Partial<PendingAttempt> | null;
    return typeof value?.orderId === 'string' && typeof value.key === 'string' ? (value as PendingAttempt) : undefined;
  } catch {
    return undefined;
  }
}

export function clearPendingAttempt(): void {
  storage()?.removeItem(STORAGE_KEY);
}

/** The page address to come back to after paying: the current one, without a previous order id. */
export function defaultReturnUrl(): string | undefined {
  const location = globalThis.location;
  if (!location || !/^https?:$/.test(location.protocol)) return undefined;
  const url = new URL(location.href);
  url.searchParams.delete(RETURN_PARAM);
  url.hash = '';
  return url.href;
}
