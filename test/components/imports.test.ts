import { expect } from '@open-wc/testing';
import { sandboxUrl } from '../helpers/sandbox.js';

// This file runs in a page of its own, so nothing else has defined our elements here.
describe('importing the SDK', () => {
  it('defines nothing, requests nothing and adds no globals until asked', async () => {
    const base = await sandboxUrl();
    const globalsBefore = new Set(Object.keys(window));
    const requestsBefore = performance.getEntriesByType('resource').filter((e) => e.name.startsWith(base)).length;
    const sdk = await import('../../src/index.js');
    expect(customElements.get('esim-balance-badge')).to.equal(undefined);
    expect(customElements.get('esim-renewal')).to.equal(undefined);
    // zod 4 keeps its settings and schema registry on globalThis, shared by every copy of zod on the page: those two
    // are zod's, present whenever any zod is loaded; the SDK adds none of its own.
    const zods = ['__zod_globalConfig', '__zod_globalRegistry'];
    expect(Object.keys(window).filter((key) => !globalsBefore.has(key) && !zods.includes(key))).to.deep.equal([]);
    sdk.defineAll();
    expect(customElements.get('esim-balance-badge')).to.equal(sdk.EsimBalanceBadge);
    expect(customElements.get('esim-checkout-button')).to.equal(sdk.EsimCheckoutButton);
    // Defining again (a second copy of the SDK on the page) changes nothing and throws nothing.
    expect(() => sdk.defineAll()).to.not.throw();
    const requestsAfter = performance.getEntriesByType('resource').filter((e) => e.name.startsWith(base)).length;
    expect(requestsAfter).to.equal(requestsBefore);
  });

  it('an element entry point defines just its element', async () => {
    await import('../../src/plan-picker.js');
    expect(customElements.get('esim-plan-picker')).to.exist;
  });
});
