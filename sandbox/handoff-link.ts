/**
 * The "continue on another device" link: the page the widget asked for, minus what belongs to that visit only (a
 * payment's `esim_order` return, the fragment), plus the single-use code. The rest of the query string is kept
 * byte for byte (a partner's signed or opaque parameters must survive), so it is edited as text, not re-serialised.
 * Used by the sandbox's route and by the Storybook fixtures, each after checking the page (`url-rules.ts`).
 */
// `.js`, not `.ts`: the Storybook fixtures compile this file too, under the sources' settings.
import { HANDOFF_PARAM, RETURN_PARAM } from '../src/client/constants.js';

/** The link for a page that passed `partnerUrlProblem` (`url-rules.ts`): callers check the page first. */
export function handoffLink(page: string, code: string): string {
  const [base = '', query = ''] = page.replace(/#.*$/s, '').split(/\?(.*)$/s);
  const name = (part: string) => {
    const raw = part.split('=', 1)[0]!.replaceAll('+', ' ');
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  };
  const kept = query.split('&').filter((part) => part && ![RETURN_PARAM, HANDOFF_PARAM].includes(name(part)));
  return `${base}?${[...kept, `${HANDOFF_PARAM}=${encodeURIComponent(code)}`].join('&')}`;
}
