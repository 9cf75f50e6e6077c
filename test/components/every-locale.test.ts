// Every element in every shipped locale and in the en-XA pseudo-locale (every string ~40 % longer, accented and
// bracketed), on a real sandbox card, in a 360 px column (a small phone): no message missing (no raw key, no English
// where the locale has its own words), nothing wider than its box, axe clean. One page per locale, every element on it.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/renewal.js';
import '../../src/balance-badge.js';
import '../../src/plan-picker.js';
import '../../src/checkout-button.js';
import '../../src/usage-meter.js';
import '../../src/auto-renew-toggle.js';
import '../../src/order-history.js';
import '../../src/device-change.js';
import { en, type Messages } from '../../src/i18n/en.js';
import { registerLocale } from '../../src/i18n/index.js';
import { localeLoaders } from '../../src/i18n/locales.js';
import { PSEUDO_LOCALE, pseudoLocalize } from '../../src/i18n/pseudo.js';
import type { EsimRenewal } from '../../src/components/renewal/renewal.js';
import { newSession } from '../helpers/sandbox.js';

registerLocale(PSEUDO_LOCALE, pseudoLocalize());

const ELEMENTS = [
  'esim-balance-badge',
  'esim-plan-picker',
  'esim-checkout-button',
  'esim-usage-meter',
  'esim-auto-renew-toggle',
  'esim-order-history',
  'esim-device-change',
] as const;

/** What shows each element has its data (not its loading state). */
const READY: Record<(typeof ELEMENTS)[number], string> = {
  'esim-balance-badge': '[part=status]',
  'esim-plan-picker': '[role=radio]',
  'esim-checkout-button': 'button',
  'esim-usage-meter': '[part=summary]',
  'esim-auto-renew-toggle': '[role=switch]',
  'esim-order-history': '[part=order]',
  'esim-device-change': 'input',
};

/** Every string message of a set, by path (`badge.label`). */
function strings(messages: unknown, path = ''): [string, string][] {
  if (typeof messages === 'string') return [[path, messages]];
  if (!messages || typeof messages !== 'object') return [];
  return Object.entries(messages).flatMap(([key, value]) => strings(value, path ? `${path}.${key}` : key));
}

/** The text a reader meets in `node`, through shadow roots, with the labels a screen reader speaks. */
function deepText(node: Node): string {
  const parts: string[] = [];
  const walk = (current: Node) => {
    if (current.nodeType === Node.TEXT_NODE) parts.push(current.textContent ?? '');
    if (current instanceof Element) {
      if (current.localName === 'style' || current.localName === 'script') return;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = current.getAttribute(name);
        if (value) parts.push(value);
      }
      if (current.shadowRoot) walk(current.shadowRoot);
    }
    current.childNodes.forEach(walk);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ');
}

/** Every element inside `host`'s shadow root (and the shadow roots within), with the host's own. */
function descendants(host: Element): Element[] {
  const found: Element[] = [];
  const walk = (root: ParentNode) => {
    for (const element of root.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  if (host.shadowRoot) walk(host.shadowRoot);
  return found;
}

/** Clipped on purpose: the visually-hidden pattern (for screen readers only), here or on an ancestor. */
function clipped(element: Element): boolean {
  for (let current: Element | null = element; current; current = current.parentElement) {
    const style = getComputedStyle(current);
    if (style.clipPath !== 'none' || style.clip !== 'auto') return true;
  }
  return false;
}

/** Not laid out for sighted readers: visually hidden, in a closed dialog, or with no box at all (display: none). */
function unseen(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.width <= 1 || box.height <= 1 || element.closest('dialog:not([open])') !== null || clipped(element);
}

/** What overflows in `host` laid out 360 px wide: descendants wider than their box or reaching past the host. */
function overflows(host: Element): string[] {
  const edge = host.getBoundingClientRect();
  const problems: string[] = [];
  if (edge.width > 360.5) problems.push(`${host.localName} is ${edge.width}px wide`);
  for (const element of descendants(host)) {
    if (element instanceof SVGElement && !(element instanceof SVGSVGElement)) continue;
    if (unseen(element)) continue;
    const box = element.getBoundingClientRect();
    const name = `${host.localName} ${element.localName}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ').join('.')}` : ''}${element.getAttribute('part') ? `[part=${element.getAttribute('part')}]` : ''}`;
    if (element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0)
      problems.push(`${name}: content ${element.scrollWidth}px in a ${element.clientWidth}px box`);
    if (box.right > edge.right + 1 || box.left < edge.left - 1)
      problems.push(`${name}: ${box.left}–${box.right}px, outside the host's ${edge.left}–${edge.right}px`);
  }
  return problems;
}

const LOCALES = ['en', ...Object.keys(localeLoaders), PSEUDO_LOCALE];

/** The messages of `tag` as a test reads them, straight from their files (the page loads them as the SDK does). */
async function messagesOf(tag: string): Promise<Messages> {
  if (tag === 'en') return en;
  if (tag === PSEUDO_LOCALE) return pseudoLocalize();
  return localeLoaders[tag]!();
}

describe('every element in every locale, 360 px wide', () => {
  it('ships ten locales and tests the pseudo-locale as the eleventh', () => {
    expect(LOCALES).to.have.length(11);
  });

  for (const tag of LOCALES) {
    it(`${tag}: every element shows its own words, fits 360 px and is axe clean`, async () => {
      const session = await newSession({ template: 'history' });
      const column = await fixture<HTMLDivElement>(html`<div style="width: 360px">
        <esim-renewal api-base=${session.baseUrl} session-token=${session.token} locale=${tag}>
          <esim-balance-badge></esim-balance-badge>
          <esim-plan-picker></esim-plan-picker>
          <esim-checkout-button></esim-checkout-button>
          <esim-usage-meter></esim-usage-meter>
          <esim-auto-renew-toggle></esim-auto-renew-toggle>
          <esim-order-history></esim-order-history>
          <esim-device-change></esim-device-change>
        </esim-renewal>
      </div>`);
      const provider = column.querySelector<EsimRenewal>('esim-renewal')!;
      expect(provider.resolvedLocale).to.equal(tag);
      const elements = ELEMENTS.map((name) => provider.querySelector(name)!);
      for (const element of elements) {
        await waitUntil(() => element.shadowRoot?.querySelector(READY[element.localName as keyof typeof READY]), `${tag}: ${element.localName} never got its data`, {
          timeout: 15_000,
        });
        await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      }

      // The usage table is for screen readers until "Show as table": shown, it must fit too.
      elements[3]!.shadowRoot!.querySelector<HTMLButtonElement>('[part=toggle]')!.click();
      await (elements[3] as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;

      const messages = await messagesOf(tag);
      const own = new Map(strings(messages));
      // English words where this locale has its own (a message missing, or text built outside the message set).
      const english = strings(en).filter(([path, text]) => tag !== 'en' && text.length >= 4 && own.get(path) !== text);
      const keys = strings(en).map(([path]) => path).filter((path) => path.includes('.'));
      for (const element of elements) {
        const text = deepText(element);
        expect(text, `${tag}: ${element.localName}`).not.to.match(/undefined|NaN|\[object /);
        for (const key of keys) expect(text, `${tag}: ${element.localName} shows the raw key ${key}`).not.to.include(key);
        for (const [path, words] of english)
          expect(text, `${tag}: ${element.localName} shows en's ${path} ("${words}")`).not.to.include(words);
        expect(overflows(element), `${tag}: ${element.localName} at 360 px`).to.deep.equal([]);
      }
      if (tag === PSEUDO_LOCALE) {
        // Each element's heading or label is the pseudo-locale's, brackets and all: its strings reach the page.
        expect(deepText(elements[0]!)).to.include(messages.badge.label);
        expect(deepText(elements[5]!)).to.include(messages.history.label);
      }
      await expect(column).to.be.accessible();
    });
  }
});
