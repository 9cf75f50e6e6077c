import type { RenewalStore } from './store.js';

/**
 * The usage history's reads in flight, per store. They live here, with the only elements that read the history
 * (the usage meters), so a page without a meter — the badge's — loads none of this.
 */
const running = new WeakMap<RenewalStore, { days: number; promise: Promise<void> }>();

/**
 * Loads the last `days` days of `store`'s card's data use (1 to 90) into its state (`usage`), once: a history of at
 * least that many days, loaded or on its way, serves the ask, so two meters make one request. `force` reads it
 * again (a retry).
 */
export function loadUsage(store: RenewalStore, days = 30, options: { force?: boolean } = {}): Promise<void> {
  const inflight = running.get(store);
  if (inflight && inflight.days >= days) return inflight.promise;
  if (inflight) return inflight.promise.then(() => loadUsage(store, days, options));
  const current = store.state.usage;
  if (!options.force && current?.status === 'ready' && current.value.days.length >= days) return Promise.resolve();
  const promise = store.fetch('usage', () => store.client.getUsage({ days })).finally(() => running.delete(store));
  running.set(store, { days, promise });
  return promise;
}
