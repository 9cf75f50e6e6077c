/**
 * Runs `callback` once the page is idle, at the latest after `timeoutMs`; where there is no `requestIdleCallback`
 * (Safari), after `fallbackMs`. Returns what cancels it.
 */
export function whenIdle(callback: () => void, timeoutMs: number, fallbackMs: number): () => void {
  if ('requestIdleCallback' in globalThis) {
    const id = requestIdleCallback(() => callback(), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback, fallbackMs);
  return () => clearTimeout(id);
}
