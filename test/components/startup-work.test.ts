// What the page does at startup besides the first requests: it builds the first `Intl` formatters while those
// requests are in flight, and it reads no storage unless it is the way back into a payment. Its own file: both
// depend on what this page has done before (formatters are built once per page, a checkout started here is
// remembered).
import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { EsimCheckoutButton } from '../../src/components/checkout-button/checkout-button.js';
import type { EsimPlanPicker } from '../../src/components/plan-picker/plan-picker.js';
import type { EsimRenewal } from '../../src/components/renewal/renewal.js';
import { createRenewalClient, type RenewalClient } from '../../src/index.js';
import { mountWithProvider } from '../helpers/dom.js';
import { newSession, simulatePayment } from '../helpers/sandbox.js';

const PENDING_KEY = 'esim-renewal:pending-attempt';

/** Records the keys read from sessionStorage until `stop()`. */
function watchStorageReads() {
  const reads: string[] = [];
  const getItem = Storage.prototype.getItem;
  Storage.prototype.getItem = function (this: Storage, key: string) {
    if (this === sessionStorage) reads.push(key);
    return getItem.call(this, key);
  };
  return { reads, stop: () => (Storage.prototype.getItem = getItem) };
}

/**
 * Records the `Intl` formatters built until `stop()`, as `NumberFormat zh-CN unit`. Assert on a copy (`[...built]`):
 * a failed assertion on the array itself, `stop` function and all, took the test browser down instead of failing.
 */
function recordFormatters(): string[] & { stop: () => void } {
  const built: string[] = [];
  const originals = { NumberFormat: Intl.NumberFormat, DateTimeFormat: Intl.DateTimeFormat, Collator: Intl.Collator };
  for (const [name, Original] of Object.entries(originals)) {
    (Intl as Record<string, unknown>)[name] = new Proxy(Original, {
      construct(target, args: [string?, Intl.NumberFormatOptions?]) {
        built.push(`${name} ${args[0]} ${args[1]?.style ?? ''}`.trim());
        return Reflect.construct(target, args);
      },
    });
  }
  return Object.assign(built, { stop: () => void Object.assign(Intl, originals) });
}

/**
 * Holds the page's idle callbacks until `flush()`: the test says when "idle" comes, however late it would on a busy
 * machine (a stand-in for the browser's idle scheduling, which a test cannot wait out for certain).
 */
function holdIdleCallbacks() {
  const { requestIdleCallback: request, cancelIdleCallback: cancel } = window;
  const held = new Map<number, IdleRequestCallback>();
  let next = 1;
  window.requestIdleCallback = (callback) => (held.set(next, callback), next++);
  window.cancelIdleCallback = (id) => void held.delete(id);
  return {
    flush() {
      const callbacks = [...held.values()];
      held.clear();
      for (const callback of callbacks) callback({ didTimeout: true, timeRemaining: () => 0 });
    },
    restore: () => Object.assign(window, { requestIdleCallback: request, cancelIdleCallback: cancel }),
  };
}

/**
 * A provider, badge and picker whose answers come from the real sandbox, held back until `release()`: a slow network.
 * `region`: the picker's region attribute (every region when left out).
 */
async function heldPage(locale: string, region = '') {
  const session = await newSession({ template: 'active' });
  const real = createRenewalClient({ baseUrl: session.baseUrl, sessionToken: session.token, locale });
  let release!: () => void;
  const network = new Promise<void>((resolve) => (release = resolve));
  const client: RenewalClient = {
    ...real,
    getCard: async (options) => (await network, real.getCard(options)),
    listPlans: async (query, options) => (await network, real.listPlans(query, options)),
  };
  const provider = await fixture<EsimRenewal>(html`<esim-renewal .client=${client} locale=${locale}>
    <esim-balance-badge></esim-balance-badge><esim-plan-picker region=${region}></esim-plan-picker>
  </esim-renewal>`);
  return { provider, release };
}

/**
 * Runs `look` as soon as each element's shadow root holds its selector (in a MutationObserver's callback: right after
 * the render that completes the set, before anything the page does later, such as its idle callbacks) and resolves
 * with what it saw.
 */
function whenFirstShown<T>(parts: [Element, string][], look: () => T): Promise<T> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!parts.every(([element, selector]) => element.shadowRoot!.querySelector(selector))) return;
      observer.disconnect();
      resolve(look());
    });
    for (const [element] of parts) observer.observe(element.shadowRoot!, { childList: true, subtree: true });
  });
}

/** `whenFirstShown` for the picker's first plans. */
const whenPlansFirstShow = <T>(picker: Element, look: () => T) => whenFirstShown([[picker, '[role=radio]']], look);

/** The values of the region select's options ('' is "All regions"). */
const regionOptions = (picker: Element) => [...picker.shadowRoot!.querySelector('select')!.options].map((option) => option.value);

describe('startup work', () => {
  afterEach(() => sessionStorage.clear());

  it('builds the first Intl formatters while the first requests are in flight, not in the first render', async () => {
    const built = recordFormatters();
    try {
      const { provider, release } = await heldPage('zh-CN');
      const badge = provider.querySelector('esim-balance-badge')!;
      const picker = provider.querySelector('esim-plan-picker')!;

      await waitUntil(() => built.includes('DateTimeFormat zh-CN'), 'no formatter was built while the answers were held', { timeout: 5_000 });
      expect([...built]).to.include.members(['NumberFormat zh-CN unit', 'DateTimeFormat zh-CN']);
      expect(badge.shadowRoot!.querySelector('[part~=data]')).to.equal(null); // still waiting for the card
      const before = built.length;

      release();
      const atData = await whenFirstShown(
        [
          [badge, '[part~=data]'],
          [picker, '[role=radio]'],
        ],
        () => built.slice(before),
      );
      // The renders of the card and the plans built only the price formatter, whose currency came with the answers
      // (and, should the page be idle between the two answers, the region list's collator: see the next test).
      const expected = ['NumberFormat zh-CN currency', 'Collator zh-CN'];
      expect(atData.every((entry) => expected.includes(entry)), atData.join(', ')).to.equal(true);
    } finally {
      built.stop();
    }
  });

  it('puts the region list in the select once the page is idle, sorted in the locale, not on the way to the plans', async () => {
    const built = recordFormatters();
    try {
      // Japanese: a locale no other test here sorts in, so its collator is built by this page or not at all.
      const { provider, release } = await heldPage('ja');
      const picker = provider.querySelector('esim-plan-picker')!;
      release();
      const atFirstPlans = await whenPlansFirstShow(picker, () => ({ built: [...built], options: regionOptions(picker) }));
      // When the plans first show, the select holds "All regions" (and the region shown): no collation yet.
      expect(atFirstPlans.options).to.deep.equal(['']);
      expect(atFirstPlans.built).to.not.include('Collator ja');
      // Then, with nothing else to do, every region of the plans, in Japanese order.
      await waitUntil(() => regionOptions(picker).length > 1, 'the region list never came', { timeout: 5_000 });
      expect([...built]).to.include('Collator ja');
      const names = [...picker.shadowRoot!.querySelector('select')!.options].slice(1).map((option) => option.text);
      const regions = new Set(provider.store!.state.plans.value!.map((plan) => plan.regionName));
      expect(names).to.have.length(regions.size);
      expect(names).to.deep.equal([...regions].sort(new Intl.Collator('ja').compare));
    } finally {
      built.stop();
    }
  });

  it('puts the region list in the select at once when the traveller reaches it first', async () => {
    const { provider, release } = await heldPage('en', 'JP');
    const picker = provider.querySelector('esim-plan-picker')!;
    release();
    const reached = await whenPlansFirstShow(picker, () => {
      const before = regionOptions(picker);
      picker.shadowRoot!.querySelector('select')!.focus(); // by Tab, or by a screen reader's focus
      return { before, after: regionOptions(picker), value: picker.shadowRoot!.querySelector('select')!.value };
    });
    expect(reached.before).to.deep.equal(['', 'JP']); // "All regions" and Japan, the region shown
    expect(reached.after.length).to.be.greaterThan(2);
    expect(reached.after).to.include.members(['', 'JP', 'GLOBAL']);
    expect(reached.value).to.equal('JP'); // still showing Japan
  });

  it('gives a traveller already on the select every region as soon as the plans come', async () => {
    const { provider, release } = await heldPage('en');
    const picker = provider.querySelector('esim-plan-picker')!;
    await waitUntil(() => picker.shadowRoot?.querySelector('select'), 'no region select', { timeout: 5_000 });
    const select = picker.shadowRoot!.querySelector('select')!;
    select.focus(); // reached while the plans load: nothing to list yet
    expect(regionOptions(picker)).to.deep.equal(['']);
    release();
    const atFirstPlans = await whenPlansFirstShow(picker, () => regionOptions(picker));
    // Arrow keys and type-ahead find every region at once, not after the page is next idle.
    const regions = new Set(provider.store!.state.plans.value!.map((plan) => plan.region));
    expect(atFirstPlans).to.have.length(regions.size + 1);
    expect(atFirstPlans).to.include.members(['', 'JP', 'GLOBAL']);
  });

  it('makes no region list for a picker taken out of the page before it was idle, and makes it once it is back', async () => {
    const built = recordFormatters();
    const idle = holdIdleCallbacks();
    try {
      // Korean: a locale no other test here sorts in, so its collator is built by this page or not at all.
      const { provider, release } = await heldPage('ko');
      const picker = provider.querySelector<EsimPlanPicker>('esim-plan-picker')!;
      release();
      await whenPlansFirstShow(picker, () => picker.remove());
      // Out of the page it still renders once more when told to (a region chosen by the page, say).
      picker.region = 'JP';
      await picker.updateComplete;
      idle.flush(); // idle comes at last: nothing is made for the picker that left
      expect([...built]).to.not.include('Collator ko');
      expect(regionOptions(picker)).to.deep.equal(['', 'JP']);

      provider.append(picker);
      idle.flush();
      expect([...built]).to.include('Collator ko');
      expect(regionOptions(picker).length).to.be.greaterThan(2);
      expect(picker.shadowRoot!.querySelector('select')!.value).to.equal('JP');
    } finally {
      idle.restore();
      built.stop();
    }
  });

  it('animates its loading placeholders on the compositor only, leaving the main thread to the answers', async () => {
    const { provider, release } = await heldPage('en');
    const elements = [...provider.querySelectorAll('esim-balance-badge, esim-plan-picker')];
    await waitUntil(() => elements.every((element) => element.shadowRoot?.querySelector('.skeleton')), 'no placeholders');
    const animated = elements.flatMap((element) =>
      element.shadowRoot!.getAnimations().map((animation) => {
        const keyframes = (animation.effect as KeyframeEffect).getKeyframes();
        const properties = keyframes.flatMap((frame) => Object.keys(frame));
        return properties.filter((name) => !['offset', 'computedOffset', 'easing', 'composite'].includes(name));
      }),
    );
    // The shimmer runs (the test browser does not ask for reduced motion), and moves nothing the main thread paints.
    expect(animated.length).to.be.greaterThan(0);
    const painted = [...new Set(animated.flat())].filter((name) => !['transform', 'opacity'].includes(name));
    expect(painted, 'animated properties painted on the main thread').to.deep.equal([]);
    release();
  });

  it('reads no storage on a plain visit, and the checkout starts clean', async () => {
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ orderId: 'ord_left_by_an_earlier_visit', key: 'k' }));
    const storage = watchStorageReads();
    try {
      const session = await newSession();
      const provider = await mountWithProvider(session, html`<esim-plan-picker></esim-plan-picker><esim-checkout-button></esim-checkout-button>`);
      const picker = provider.querySelector('esim-plan-picker')!;
      const button = provider.querySelector<EsimCheckoutButton>('esim-checkout-button')!;
      await waitUntil(() => picker.shadowRoot!.querySelector('[role=radio]'), 'plans never showed', { timeout: 10_000 });
      await button.updateComplete;
      expect(storage.reads).to.deep.equal([]);
      expect(button.step).to.equal('idle');
    } finally {
      storage.stop();
    }
  });

  it('reads the attempt when the page is the redirect back from the payment page, and resumes it', async () => {
    const session = await newSession();
    const client = createRenewalClient({ baseUrl: session.baseUrl, sessionToken: session.token });
    const [plan] = await client.listPlans({ period: 'month' });
    const quote = await client.createQuote({ planId: plan!.id });
    const key = crypto.randomUUID();
    const order = await client.createOrder({ quoteId: quote.id, paymentMethod: 'card' }, { idempotencyKey: key });
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ orderId: order.id, key }));
    const address = location.href;
    history.replaceState(null, '', `${location.pathname}?esim_order=${order.id}`);
    const storage = watchStorageReads();
    try {
      const provider = await mountWithProvider(session, html`<esim-checkout-button></esim-checkout-button>`);
      const button = provider.querySelector<EsimCheckoutButton>('esim-checkout-button')!;
      // The order (a card payment, unpaid) read back from the server: the checkout waits for its payment.
      await waitUntil(() => button.step === 'paying', 'the attempt was not resumed', { timeout: 10_000 });
      expect(['paying', 'confirming']).to.include(button.step);
      expect(storage.reads).to.include(PENDING_KEY);
      expect(location.search).to.not.include('esim_order'); // taken out of the address bar
      // It is that order the checkout follows: paid, it renews there.
      const renewed = oneEvent(button, 'esim-renewal-success');
      await simulatePayment(session, order.id, 'succeed');
      expect((await renewed).order.id).to.equal(order.id);
    } finally {
      storage.stop();
      history.replaceState(null, '', address);
    }
  });
});
