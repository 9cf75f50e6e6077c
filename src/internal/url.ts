// The link parameters are part of the API contract (the sandbox makes those links too), so they live with it.
export { HANDOFF_PARAM, RETURN_PARAM } from '../client/constants.js';

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
