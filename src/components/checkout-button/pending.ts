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

/** Whether this page saved an attempt: an element mounted again later (a single-page app's route) may resume it. */
let savedHere = false;

// Reading `sessionStorage` itself throws where storage is disabled (privacy settings, sandboxed iframe), and writing
// throws when it is full: each use below catches, and the checkout then resumes by URL only.

export function savePendingAttempt(attempt: PendingAttempt): void {
  savedHere = true;
  try {
    globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(attempt));
  } catch {
    // The attempt still works, it just cannot survive a reload.
  }
}

/**
 * The attempt to resume, if any. Storage is read only when this page load can be the way back into a payment
 * (`returning`, see `mayBeReturningFromPayment`) or when this page saved an attempt itself: a plain visit reads
 * nothing at startup.
 */
export function readPendingAttempt(returning: boolean): PendingAttempt | undefined {
  if (!returning && !savedHere) return undefined;
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
 * Whether this page load can be the way back into a payment in progress: the redirect back from the payment page
 * (`returned`: it carries the order id in RETURN_PARAM), a reload, or a step back or forward in the tab's history
 * (the back button on the payment page). A plain visit — a link, a typed address — starts clean: an attempt left
 * in this tab by an earlier visit is not resumed (paid meanwhile, it shows as the renewed card; unpaid, the API closes
 * it after a day). A browser that cannot tell how the page was loaded reads, as before. On a page the payment page
 * cannot send the traveller back to (no `defaultReturnUrl`: a `file:` page, plain http off a loopback host) the
 * traveller comes back on their own, by any way a plain visit looks like: there every load may be the way back.
 */
export function mayBeReturningFromPayment(returned: boolean): boolean {
  if (returned || defaultReturnUrl() === undefined) return true;
  const [entry] = (globalThis.performance?.getEntriesByType?.('navigation') ?? []) as PerformanceNavigationTiming[];
  return entry === undefined || entry.type === 'reload' || entry.type === 'back_forward';
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
