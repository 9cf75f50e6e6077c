// A traveller's own market, end to end against the real sandbox: prices in the card's currency with that currency's
// decimals (none for yen), and plan names in the traveller's script.
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { $$, mountWithProvider, visibleText } from '../helpers/dom.js';
import { newSession } from '../helpers/sandbox.js';

async function picker(session: Awaited<ReturnType<typeof newSession>>, locale: string) {
  const provider = await mountWithProvider(session, html`<esim-plan-picker region=""></esim-plan-picker>`, locale);
  const element = provider.querySelector('esim-plan-picker')!;
  await waitUntil(() => $$(element, '[role=radio]').length > 0, 'no plans shown', { timeout: 10_000 });
  return element;
}

describe('plans in the traveller\'s market', () => {
  it('shows a JPY card\'s prices in whole yen: ¥1,950, not ¥19.50 or ¥195,000', async () => {
    const element = await picker(await newSession({ template: 'japan_only', currency: 'JPY' }), 'en');
    const monthly = $$(element, '[role=radio]').find((radio) => radio.dataset.id === 'jp-month-10gb')!;
    const text = visibleText(monthly);
    expect(text).to.match(/¥1,950(?![.,\d])/);
    expect(text).not.to.match(/¥\d[\d,]*\.\d/);
    await expect(element).to.be.accessible();
  });

  it('gives a zh-TW traveller Traditional Chinese plan names from the API, priced in NT$', async () => {
    const element = await picker(await newSession({ template: 'active', currency: 'TWD' }), 'zh-TW');
    const text = visibleText(element);
    // Plan names and the region list (region names) both come from the API, in Traditional characters.
    expect(text).to.include('南韓 30天 10GB');
    expect(text).to.include('馬來西亞 30天 20GB');
    expect(text).to.include('歐洲 33 國');
    expect(text).to.include('亞洲 11 國');
    expect(text).not.to.match(/韩国|马来西亚|欧洲|亚洲|Korea|Europe|Asia/);
    expect(text).to.match(/\$\s?[\d,]+\.\d\d/);
  });
});
