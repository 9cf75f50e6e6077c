/**
 * Where the API may send a traveller: the rules for a card payment's `returnUrl` (the hosted page redirects there)
 * and for the page a hand-off link opens (it carries a single-use code). One function for both, so they cannot
 * drift apart. Pure: the routes wrap it (`partner-origins.ts`) and the Storybook fixture client uses it as it is.
 *
 * A page must be an absolute web address without spaces or control characters, https (http only on a loopback
 * host), without a user name or password (`http://127.0.0.1:8787@evil.example/` is not the sandbox), and on an
 * origin the card's partner registered.
 */
// `.js`, not `.ts`: the Storybook fixtures compile this file too, under the sources' settings.
import { LOOPBACK_HOSTS } from '../src/client/constants.js';

/** The origins a partner registered, and what `'self'` stands for (the origin the sandbox itself is served on). */
export interface OriginRules {
  patterns: readonly string[];
  self: string;
}

export type UrlRule = 'characters' | 'absolute' | 'scheme' | 'credentials' | 'origin';

export interface UrlProblem {
  rule: UrlRule;
  /** Completes a sentence that starts with the field's name, e.g. "returnUrl must use https …". */
  message: string;
}

/** The sandbox's own origin, wherever it is served from: the demo partner's page is there. */
export const SELF = "'self'";

const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\s]/u;
const isLoopback = (hostname: string) => (LOOPBACK_HOSTS as readonly string[]).includes(hostname);

/** Why `page` is no place to send a traveller, or undefined when it is one. Without `origins`, any origin will do. */
export function partnerUrlProblem(page: string, origins?: OriginRules): UrlProblem | undefined {
  if (CONTROL_OR_SPACE.test(page)) return { rule: 'characters', message: 'must not contain spaces or control characters' };
  if (!/^https?:\/\//i.test(page) || !URL.canParse(page)) {
    return { rule: 'absolute', message: 'must be an absolute http(s) URL' };
  }
  const url = new URL(page);
  // First: `http://127.0.0.1:8787@evil.example/` reads like the sandbox and is on evil.example.
  if (url.username || url.password) return { rule: 'credentials', message: 'must not contain a user name or password' };
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    return { rule: 'scheme', message: `must use https (http only on a loopback host: ${LOOPBACK_HOSTS.join(', ')})` };
  }
  if (origins && !origins.patterns.some((pattern) => originMatches(pattern, url, origins.self))) {
    return { rule: 'origin', message: `is on ${url.origin}, which is not an origin registered for this partner` };
  }
  return undefined;
}

/**
 * A registered origin is written as an origin (`https://shop.example`, `http://localhost:8000`), as one with any
 * port (`http://localhost:*`, as in a CSP source), or as `'self'`.
 */
function originMatches(pattern: string, url: URL, self: string): boolean {
  if (pattern === SELF) return url.origin === self;
  if (pattern.endsWith(':*')) return `${url.protocol}//${url.hostname}` === pattern.slice(0, -2);
  return url.origin === pattern;
}

/** Why `pattern` could never match a page the rules accept (a path, another scheme, plain http elsewhere…). */
export function originPatternProblem(pattern: string): string | undefined {
  if (pattern === SELF) return undefined;
  const origin = pattern.endsWith(':*') ? pattern.slice(0, -2) : pattern;
  if (origin.includes('*')) return 'may only leave the port open (`scheme://host:*`), not the host';
  const problem = partnerUrlProblem(`${origin}/`);
  if (problem) return `an origin ${problem.message}`;
  if (new URL(origin).origin !== origin) return 'is not an origin (scheme://host[:port], no path, lower case)';
  if (pattern.endsWith(':*') && new URL(origin).port) return 'has a port and `:*`';
  return undefined;
}
