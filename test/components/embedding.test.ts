import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { EsimBalanceBadge } from '../../src/components/balance-badge/balance-badge.js';
import { defineElement } from '../../src/internal/define.js';
import { $, $$, visibleText } from '../helpers/dom.js';
import { newSession } from '../helpers/sandbox.js';

describe('embedding in other people’s pages', () => {
  it('works inside another component’s shadow root, provider and all', async () => {
    const session = await newSession();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<esim-renewal locale="en"><esim-balance-badge></esim-balance-badge><esim-plan-picker></esim-plan-picker></esim-renewal>`;
    const provider = root.querySelector('esim-renewal')!;
    provider.apiBase = session.baseUrl;
    provider.sessionToken = session.token;
    const badge = root.querySelector('esim-balance-badge')!;
    const picker = root.querySelector('esim-plan-picker')!;
    await waitUntil(() => badge.state === 'ok' && $$(picker, '[role=radio]').length > 0, 'never loaded', { timeout: 10_000 });
    expect(visibleText(badge)).to.include('left');
  });

  it('keeps the page’s global CSS out, and its own styles in', async () => {
    const style = document.createElement('style');
    style.textContent = 'button { background: rgb(255, 0, 0) !important; } .plan { display: none; } p { font-size: 40px; }';
    document.head.append(style);
    try {
      const session = await newSession();
      const el = await fixture(html`<div>
        <esim-renewal api-base=${session.baseUrl} session-token=${session.token} locale="en">
          <esim-plan-picker></esim-plan-picker><esim-checkout-button></esim-checkout-button>
        </esim-renewal>
        <p class="page">page text</p>
      </div>`);
      const picker = el.querySelector('esim-plan-picker')!;
      const button = el.querySelector('esim-checkout-button')!;
      await waitUntil(() => $$(picker, '[role=radio]').length > 0, 'no plans', { timeout: 10_000 });
      expect(getComputedStyle($$(picker, '.plan')[0]!).display).to.not.equal('none');
      expect(getComputedStyle($(button, '[part=button]')).backgroundColor).to.not.equal('rgb(255, 0, 0)');
      // …and nothing of ours leaks out: the page's own paragraph keeps the page's style.
      expect(getComputedStyle(el.querySelector('p.page')!).fontSize).to.equal('40px');
    } finally {
      style.remove();
    }
  });

  it('takes the partner’s theme through custom properties and ::part()', async () => {
    const style = document.createElement('style');
    style.textContent = `.brand { --esim-color-primary: rgb(0, 128, 0); } .brand esim-checkout-button::part(button) { border-radius: 0px; }`;
    document.head.append(style);
    try {
      const session = await newSession();
      const el = await fixture(html`<div class="brand">
        <esim-renewal api-base=${session.baseUrl} session-token=${session.token} locale="en">
          <esim-checkout-button></esim-checkout-button>
        </esim-renewal>
      </div>`);
      const trigger = $(el.querySelector('esim-checkout-button')!, '[part=button]');
      expect(getComputedStyle(trigger).backgroundColor).to.equal('rgb(0, 128, 0)');
      expect(getComputedStyle(trigger).borderRadius).to.equal('0px');
    } finally {
      style.remove();
    }
  });

  it('defining an element twice is harmless, and the first definition stays', () => {
    class Impostor extends HTMLElement {}
    expect(() => defineElement('esim-balance-badge', Impostor)).to.not.throw();
    expect(customElements.get('esim-balance-badge')).to.equal(EsimBalanceBadge);
  });
});
