import { fixture, waitUntil } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import '../../src/renewal.js';
import '../../src/balance-badge.js';
import '../../src/plan-picker.js';
import '../../src/checkout-button.js';
import type { EsimRenewal } from '../../src/components/renewal/renewal.js';
import type { TestSession } from './sandbox.js';

/** Mounts `<esim-renewal>` for a session around `content`, as a partner page would. */
export async function mountWithProvider(session: TestSession, content: TemplateResult, locale = 'en'): Promise<EsimRenewal> {
  return fixture<EsimRenewal>(html`<esim-renewal api-base=${session.baseUrl} session-token=${session.token} locale=${locale}>
    ${content}
  </esim-renewal>`);
}

/** The text a sighted user sees in an element's shadow root (and its light DOM), whitespace collapsed. */
export function visibleText(element: Element): string {
  const root = element.shadowRoot ?? element;
  return (root.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function $<T extends Element = HTMLElement>(element: Element, selector: string): T {
  const found = element.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`${element.localName} has no ${selector}`);
  return found;
}

export function $$<T extends Element = HTMLElement>(element: Element, selector: string): T[] {
  return [...element.shadowRoot!.querySelectorAll<T>(selector)];
}

/** Waits until the element's visible text matches. */
export async function waitForText(element: Element, pattern: RegExp | string, timeout = 10_000): Promise<void> {
  const test = (text: string) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));
  await waitUntil(() => test(visibleText(element)), `${element.localName} never showed ${pattern}: "${visibleText(element)}"`, {
    timeout,
  });
}

performance.setResourceTimingBufferSize(100_000);

/** Requests this page made to `url` (exact path, no query), from the browser's own resource timing. */
export function requestsTo(url: string): number {
  return performance
    .getEntriesByType('resource')
    .filter((entry) => entry.name.split('?')[0] === url).length;
}
