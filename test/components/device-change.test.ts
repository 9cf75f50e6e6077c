import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../../src/device-change.js';
import type { EsimDeviceChange } from '../../src/components/device-change/device-change.js';
import { $, $$, mountWithProvider, visibleText, waitForText } from '../helpers/dom.js';
import { decodeQr } from '../helpers/qr.js';
import { currentActivation, installActivation, newSession, transferCode } from '../helpers/sandbox.js';

async function deviceChange(locale = 'en') {
  const session = await newSession({ template: 'active' });
  const provider = await mountWithProvider(session, html`<esim-device-change></esim-device-change>`, locale);
  const element = provider.querySelector('esim-device-change')!;
  await element.updateComplete;
  return { element, session, provider };
}

async function search(element: EsimDeviceChange, text: string) {
  const input = $<HTMLInputElement>(element, '[part=search]');
  input.value = text;
  input.dispatchEvent(new InputEvent('input'));
  await waitUntil(() => element.shadowRoot!.querySelector('[part=results] button') || /No phone/.test(visibleText(element)), 'no search result', {
    timeout: 10_000,
  });
}

async function choose(element: EsimDeviceChange, name: string) {
  const button = $$(element, '[part=results] button').find((b) => b.textContent!.replace(/\s+/g, ' ').trim().startsWith(`${name} `));
  if (!button) throw new Error(`${name} is not among ${visibleText(element)}`);
  button.click();
  await element.updateComplete;
}

async function sendCode(element: EsimDeviceChange) {
  $$(element, '.button').find((b) => /Send me a code|发送验证码/.test(b.textContent!))!.click();
  await waitUntil(() => element.step === 'verify', 'no code step', { timeout: 10_000 });
}

async function enterCode(element: EsimDeviceChange, code: string) {
  $<HTMLInputElement>(element, '[part=code]').value = code;
  $(element, 'form button[type=submit]').click();
}

/** The id of the transfer the element started (what the sandbox's SMS stand-in is keyed by). */
function transferIdOf(element: EsimDeviceChange): string {
  return (element as unknown as { transfer: { id: string } }).transfer.id;
}

describe('<esim-device-change>', () => {
  it('finds phones by brand and model, and says when one cannot take an eSIM', async () => {
    const { element } = await deviceChange();
    await search(element, 'iphone 15 pro');
    const names = $$(element, '[part=results] button').map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
    expect(names.some((name) => name.startsWith('Apple iPhone 15 Pro Works with eSIM'))).to.equal(true);
    expect(names.some((name) => name.includes('mainland China') && name.includes('No eSIM'))).to.equal(true);
    await expect(element).to.be.accessible();
    await choose(element, 'Apple iPhone 15 Pro (mainland China)');
    expect(visibleText(element)).to.include('Apple iPhone 15 Pro (mainland China) cannot use an eSIM');
    expect(element.step).to.equal('check');
  });

  it('counts wrong codes down and locks the move after five', async () => {
    const { element, session } = await deviceChange();
    await search(element, 'pixel 8');
    await choose(element, 'Google Pixel 8');
    await sendCode(element);
    expect(visibleText(element)).to.match(/We sent a 6-digit code to \+\d+ \d+\*{4}\d+/);
    const right = await transferCode(session, transferIdOf(element));
    const wrong = right === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left -= 1) {
      await enterCode(element, wrong);
      await waitForText(element, left === 1 ? '1 try left' : `${left} tries left`);
      expect(visibleText(element)).to.include('That code is not right');
    }
    await expect(element).to.be.accessible();
    await enterCode(element, wrong);
    await waitUntil(() => element.step === 'locked', 'not locked', { timeout: 10_000 });
    expect(visibleText(element)).to.include('locked for your safety');
    expect(element.shadowRoot!.querySelector('[part=code]')).to.equal(null);
  });

  it('moves the card: the installation QR scans to the new code, which installs once; the old code stops working', async () => {
    const { element, session } = await deviceChange();
    const old = await currentActivation(session);
    expect(old.activationCode).to.be.a('string').and.not.empty;
    await search(element, 'galaxy s24');
    await choose(element, 'Samsung Galaxy S24');
    await sendCode(element);
    const moved = oneEvent(element, 'esim-device-change');
    await enterCode(element, await transferCode(session, transferIdOf(element)));
    const { activation, card } = (await moved).detail;
    await waitUntil(() => element.step === 'install');
    expect(await decodeQr($<SVGSVGElement>(element, 'svg[part=qr]'))).to.equal(activation.lpa);
    expect(activation.lpa).to.equal(`LPA:1$${activation.smdpAddress}$${activation.activationCode}`);
    const manual = visibleText($(element, '[part=manual]'));
    expect(manual).to.include(activation.smdpAddress);
    expect(manual).to.include(activation.activationCode);
    expect(visibleText(element)).to.include('Your data and validity stay with the card');
    expect(card.device?.model).to.equal('Galaxy S24');
    await expect(element).to.be.accessible();
    expect(await installActivation(session, activation.activationCode)).to.deep.equal({ status: 200, reason: undefined });
    expect(await installActivation(session, activation.activationCode)).to.deep.equal({ status: 409, reason: 'used' });
    expect(await installActivation(session, old.activationCode)).to.deep.equal({ status: 409, reason: 'transferred' });
  });

  // A phone's user agent is not ours to run here: the test stands one in on `navigator` for the element to read.
  async function withUserAgent<T>(userAgent: string, run: () => Promise<T>): Promise<T> {
    Object.defineProperty(navigator, 'userAgent', { value: userAgent, configurable: true });
    try {
      return await run();
    } finally {
      delete (navigator as { userAgent?: string }).userAgent;
    }
  }

  async function moveTo(element: EsimDeviceChange, session: Awaited<ReturnType<typeof newSession>>, phone: string) {
    await search(element, phone.replace(/^\S+ /, ''));
    await choose(element, phone);
    await sendCode(element);
    const moved = oneEvent(element, 'esim-device-change');
    await enterCode(element, await transferCode(session, transferIdOf(element)));
    const { activation } = (await moved).detail;
    await waitUntil(() => element.step === 'install');
    return activation;
  }

  it('on an iPhone with iOS 17.4 or later, installs in one tap: the link carries exactly the activation code; the QR and manual codes stay', async () => {
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
    await withUserAgent(iphone, async () => {
      const { element, session } = await deviceChange();
      const activation = await moveTo(element, session, 'Apple iPhone 15 Pro');
      const link = $<HTMLAnchorElement>(element, 'a[part=install-here]');
      expect(link.textContent!.trim()).to.equal('Install on this phone');
      const url = new URL(link.href);
      expect(url.origin + url.pathname).to.equal('https://esimsetup.apple.com/esim_qrcode_provisioning');
      expect([...url.searchParams.keys()]).to.deep.equal(['carddata']);
      expect(url.searchParams.get('carddata')).to.equal(activation.lpa);
      expect(await decodeQr($<SVGSVGElement>(element, 'svg[part=qr]'))).to.equal(activation.lpa);
      expect(visibleText($(element, '[part=manual]'))).to.include(activation.activationCode);
      await expect(element).to.be.accessible();
    });
  });

  it("on an iPad whose Safari says it is a Mac (iPadOS 13+: a Mac's user agent, but touch points), installs in one tap too", async () => {
    // Stand-ins: an iPad's user agent and touch points, which this desktop Chromium has not.
    const ipad = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
    Object.defineProperty(navigator, 'maxTouchPoints', { value: 5, configurable: true });
    try {
      await withUserAgent(ipad, async () => {
        const { element, session } = await deviceChange();
        const activation = await moveTo(element, session, 'Apple iPhone 15 Pro');
        const link = $<HTMLAnchorElement>(element, 'a[part=install-here]');
        expect(new URL(link.href).searchParams.get('carddata')).to.equal(activation.lpa);
      });
    } finally {
      delete (navigator as { maxTouchPoints?: number }).maxTouchPoints;
    }
    // The same user agent without touch points is a Mac: no one-tap link.
    await withUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', async () => {
      const { element, session } = await deviceChange();
      await moveTo(element, session, 'Apple iPhone 15 Pro');
      expect(element.shadowRoot!.querySelector('[part=install-here]')).to.equal(null);
    });
  });

  it('offers no one-tap link on Android (no web link is documented) or an older iOS: the QR and manual codes only', async () => {
    for (const ua of [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
    ]) {
      await withUserAgent(ua, async () => {
        const { element, session } = await deviceChange();
        await moveTo(element, session, 'Samsung Galaxy S24');
        expect(element.shadowRoot!.querySelector('[part=install-here]')).to.equal(null);
        expect(element.shadowRoot!.querySelector('svg[part=qr]')).to.not.equal(null);
      });
    }
  });

  it('ends the sessions minted before the move: another tab gets a new one through getSessionToken and carries on', async () => {
    // Another tab of the same traveller, opened before the move, with the partner's way to mint a fresh session.
    const earlier = await newSession({ template: 'active' });
    const otherTab = await mountWithProvider(earlier, html`<esim-plan-picker></esim-plan-picker><esim-checkout-button></esim-checkout-button>`);
    let asked = 0;
    otherTab.getSessionToken = async () => {
      asked += 1;
      return (await newSession({ iccid: earlier.iccid })).token;
    };
    const picker = otherTab.querySelector('esim-plan-picker')!;
    await waitUntil(() => picker.shadowRoot!.querySelector('[role=radio]'), 'plans never showed', { timeout: 10_000 });

    // This tab moves the card with a session of its own.
    const session = await newSession({ iccid: earlier.iccid });
    const provider = await mountWithProvider(session, html`<esim-device-change></esim-device-change>`);
    const element = provider.querySelector('esim-device-change')!;
    await search(element, 'pixel 8');
    await choose(element, 'Google Pixel 8');
    await sendCode(element);
    await enterCode(element, await transferCode(session, transferIdOf(element)));
    await waitUntil(() => element.step === 'install', 'not moved', { timeout: 10_000 });

    // The other tab's session no longer opens the card; its next request is renewed once and goes through.
    const refused = await fetch(`${earlier.baseUrl}/v1/card`, { headers: { Authorization: `Bearer ${earlier.token}` } });
    expect(((await refused.json()) as { error: { details: unknown } }).error.details).to.deep.equal({ reason: 'card_transferred' });
    $$(picker, '[role=radio]')[0]!.click();
    const checkout = otherTab.querySelector('esim-checkout-button')!;
    await checkout.updateComplete;
    $(checkout, '[part=button]').click();
    await waitUntil(() => checkout.step === 'summary' || checkout.step === 'error', 'no summary', { timeout: 10_000 });
    expect(checkout.step).to.equal('summary', visibleText(checkout));
    expect(asked).to.equal(1);
  });

  it('can be done by keyboard alone, in Chinese', async () => {
    const { element, session } = await deviceChange('zh-CN');
    $(element, '[part=search]').focus();
    await sendKeys({ type: 'iPhone 16' });
    await waitUntil(() => element.shadowRoot!.querySelector('[part=results] button'), 'no results', { timeout: 10_000 });
    expect(visibleText(element)).to.include('支持 eSIM');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => element.step === 'verify', 'no code step', { timeout: 10_000 });
    expect(visibleText(element)).to.include('验证码已发送至');
    const code = await transferCode(session, transferIdOf(element));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: code });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => element.step === 'install', 'not installed', { timeout: 10_000 });
    expect(visibleText(element)).to.include('在新手机上安装 eSIM');
    await expect(element).to.be.accessible();
  });
});
