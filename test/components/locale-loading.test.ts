import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/balance-badge.js';
import { en, type Messages } from '../../src/i18n/en.js';
import { addEnglish, loadLocale, messagesFor } from '../../src/i18n/index.js';
import { localeLoaders } from '../../src/i18n/locales.js';
import { mountWithProvider, visibleText } from '../helpers/dom.js';
import { newSession } from '../helpers/sandbox.js';

// Languages other than English are files of their own, loaded when an element first speaks one. Here a language
// file the test controls stands in for src/i18n/zh-CN.ts (its loading is timed by the test, not by the network),
// under tags no real locale file will take (Klingon, Sindarin); the card comes from the real sandbox.
// Each element adds its English group when its module is evaluated (src/i18n/en/); this page has only the badge, so
// the test adds the others, to compare the fallback with the whole of English.
addEnglish(en);

const pirate: Messages = { ...en, badge: { ...en.badge, dataLeft: (amount: string) => `${amount} o' booty left` } };

/** Registers a loader for `tag` whose file arrives (or fails) when the test says. */
function controlledLocale(tag: string) {
  let settle!: { arrive(): void; fail(): void };
  const file = new Promise<Messages>((resolve, reject) => {
    settle = { arrive: () => resolve(pirate), fail: () => reject(new TypeError('Failed to fetch dynamically imported module')) };
  });
  localeLoaders[tag] = () => file;
  return settle;
}

describe('languages loaded on demand', () => {
  afterEach(() => {
    delete localeLoaders.tlh;
    delete localeLoaders.sjn;
  });

  it('an element waits for its language — no flash of English — while its data loads, then shows both', async () => {
    const file = controlledLocale('tlh');
    const session = await newSession({ template: 'active' });
    const provider = await mountWithProvider(session, html`<esim-balance-badge></esim-balance-badge>`, 'tlh');
    const badge = provider.querySelector('esim-balance-badge')!;
    await waitUntil(() => badge.store?.state.card.status === 'ready', 'the card never loaded', { timeout: 10_000 });
    expect(visibleText(badge)).to.equal(''); // the data is here, the language is not: nothing in English meanwhile
    const shown = badge.updateComplete;
    file.arrive();
    await shown; // updateComplete waits for the language
    expect(visibleText(badge)).to.match(/o' booty left/);
  });

  it('a language whose file cannot be loaded falls back to English, and loadLocale tries again', async () => {
    const file = controlledLocale('sjn');
    const session = await newSession({ template: 'active' });
    const provider = await mountWithProvider(session, html`<esim-balance-badge></esim-balance-badge>`, 'sjn');
    const badge = provider.querySelector('esim-balance-badge')!;
    file.fail();
    await waitUntil(() => /left/.test(visibleText(badge)), 'the badge never showed English', { timeout: 10_000 });
    expect(visibleText(badge)).to.not.match(/booty/);
    expect(messagesFor('sjn')).to.equal(messagesFor('en')).and.deep.equal(en);
    localeLoaders['sjn'] = async () => pirate; // back online
    await loadLocale('sjn');
    expect(messagesFor('sjn')).to.equal(pirate);
  });

  it('zh-CN is not loaded until asked for, then every element asking shares one load', async () => {
    let loads = 0;
    const real = localeLoaders['zh-CN']!;
    localeLoaders['zh-CN'] = () => {
      loads += 1;
      return real();
    };
    try {
      expect(messagesFor('zh-CN')).to.equal(messagesFor('en')).and.deep.equal(en);
      await Promise.all([loadLocale('zh-CN'), loadLocale('zh-Hans-CN'), loadLocale('zh-CN')]);
      expect(loads).to.equal(1);
      expect(messagesFor('zh-CN').badge.label).to.equal('eSIM 余量');
    } finally {
      localeLoaders['zh-CN'] = real;
    }
  });
});
