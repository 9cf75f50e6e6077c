/** The query parameter the payment page adds to the `returnUrl` it sends the traveller back to. */
export const RETURN_PARAM = 'esim_order';

/** The query parameter a "continue on another device" link carries; `<esim-renewal>` there claims it. */
export const HANDOFF_PARAM = 'esim_handoff';

/**
 * Reads a one-time query parameter of the page's address and takes it out of the address bar, so a reload or a
 * shared link does not carry it again.
 */
export function takeQueryParam(name: string): string | undefined {
  const location = globalThis.location;
  if (!location) return undefined;
  const url = new URL(location.href);
  const value = url.searchParams.get(name);
  if (!value) return undefined;
  url.searchParams.delete(name);
  globalThis.history?.replaceState(globalThis.history.state, '', url);
  return value;
}
