import { TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { isRenewalError, type RenewalError } from '../../client/errors.js';
import type { Activation, Device, Transfer } from '../../client/schemas.js';
import { EsimDeviceChangeEvent } from '../../events/device-change.js';
import { formatTime } from '../../i18n/format.js';
import { EsimElement } from '../../internal/esim-element.js';
import { failureOf } from '../../internal/task-failure.js';
import { qrCode } from '../../internal/qr-code.js';
import { oneTapInstallLink } from './install-link.js';
import { tokens } from '../../internal/theme.js';
import { styles } from './device-change.styles.js';
import { DeviceTransfer } from './transfer.js';
import { enDevice } from '../../i18n/en/device.js';
import { enCheckout } from '../../i18n/en/checkout.js';
import { enOperationErrors } from '../../i18n/en/operation-errors.js';
import { addEnglish } from '../../i18n/index.js';

// English for the device change (and the checkout's support link) comes in this module's chunk: it joins the English
// catalogue as this module is evaluated, so before the element can render (see `addEnglish`). Pages without it never
// download these messages.
addEnglish({ device: enDevice, checkout: enCheckout, errors: enOperationErrors });

export type DeviceChangeStep = 'check' | 'verify' | 'install' | 'locked';
const STEPS = ['check', 'verify', 'install'] as const;

const nameOf = (device: Pick<Device, 'brand' | 'model'>) => `${device.brand} ${device.model}`;

/**
 * Moves the eSIM to a new phone: checks the phone takes eSIMs (a searchable list of models), verifies the
 * traveller with a one-time code sent to their contact (5 wrong codes lock it), then shows the new installation QR
 * code — rendered here, the activation code never leaves the page — with the SM-DP+ address and code to type, and
 * the steps for iPhone and Android. Data and validity stay with the card.
 *
 * @summary Move the card to a new phone: compatibility, one-time code, installation QR.
 * @tagname esim-device-change
 * @fires {EsimDeviceChangeEvent} esim-device-change - The move is done; `detail` has the `card` and the `activation`.
 * @fires {EsimRenewalErrorEvent} esim-renewal-error - A step failed.
 * @csspart steps - The step indicator.
 * @csspart search - The phone search field.
 * @csspart results - The matching phones.
 * @csspart code - The one-time code field.
 * @csspart qr - The installation QR code.
 * @csspart manual - The SM-DP+ address and activation code.
 * @csspart install-here - The one-tap "Install on this phone" link (iOS 17.4 and later).
 * @cssprop --esim-device-radius - Corner radius (default `--esim-radius-m`).
 */
export class EsimDeviceChange extends EsimElement {
  static override styles = [tokens, styles];

  static override properties = {
    step: { reflect: true },
    query: { state: true, attribute: false },
    chosen: { state: true, attribute: false },
    transfer: { state: true, attribute: false },
    activation: { state: true, attribute: false },
    copied: { state: true, attribute: false },
  };

  /** The step shown, reflected for styling: `check`, `verify`, `install`, `locked`. */
  step: DeviceChangeStep = 'check';

  private query = '';
  private chosen?: Device;
  private transfer?: Transfer;
  private activation?: Activation;
  private copied = '';
  private moved = false;

  private readonly requests = new DeviceTransfer(this, {
    query: () => this.query,
    codeSent: (transfer) => {
      this.transfer = transfer;
      this.go('verify');
    },
    moved: ({ transfer, activation, card }) => {
      this.transfer = transfer;
      this.activation = activation;
      this.store?.setCard(card);
      this.go('install');
      this.emit(new EsimDeviceChangeEvent(card, activation));
    },
    refused: (error) => {
      // A wrong code says how many tries are left and the field is selected to type again; too many lock the move.
      if (isRenewalError(error) && error.code === 'otp_locked') return this.go('locked');
      const left = isRenewalError(error) && (error.details as { attemptsLeft?: number } | undefined)?.attemptsLeft;
      if (typeof left === 'number' && this.transfer) this.transfer = { ...this.transfer, attemptsLeft: left };
      this.renderRoot.querySelector<HTMLInputElement>('[part=code]')?.select();
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.requests.stop();
  }

  /** What failed on the step shown: the search, or the code asked for the phone chosen (check); the code (verify). */
  private get error(): RenewalError | undefined {
    const { search, sending, verifying, codeFor } = this.requests;
    if (this.step === 'verify') return failureOf(verifying);
    if (this.step !== 'check') return undefined;
    if (!this.chosen) return failureOf(search);
    return codeFor === this.chosen ? failureOf(sending) : undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('step') && this.moved) this.shadowRoot?.querySelector<HTMLElement>('h3')?.focus();
  }

  private go(step: DeviceChangeStep): void {
    this.moved = true;
    this.step = step;
  }

  private onSearch(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    this.chosen = undefined;
  }

  private verify(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('code') as HTMLInputElement;
    if (this.transfer) this.requests.verify(this.transfer, input.value.replace(/\D/g, ''));
  }

  private async copy(value: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(value);
      this.copied = value;
    } catch {
      // No clipboard permission: the value is on screen to copy by hand.
    }
  }

  protected override render() {
    const d = this.msg.device;
    const index = this.step === 'locked' ? 1 : STEPS.indexOf(this.step);
    return html`<section aria-labelledby="title">
      <h2 id="title">${d.label}</h2>
      <ol class="steps" part="steps">
        ${STEPS.map(
          (step, i) => html`<li class=${i < index ? 'complete' : ''} aria-current=${i === index ? 'step' : nothing}>
            ${d.steps[step]}
          </li>`,
        )}
      </ol>
      ${this.step === 'check' ? this.renderCheck() : this.step === 'verify' ? this.renderVerify() : this.step === 'locked' ? this.renderLocked() : this.renderInstall()}
    </section>`;
  }

  private renderError() {
    return this.error ? html`<p class="error" role="alert">${this.msg.errors[this.error.code]}</p>` : nothing;
  }

  private renderCheck() {
    const d = this.msg.device;
    const chosen = this.chosen;
    const { search, busy } = this.requests;
    const devices = search.value;
    return html`<h3 tabindex="-1">${d.steps.check}</h3>
      <label for="search">${d.searchLabel}</label>
      <input
        id="search"
        part="search"
        type="search"
        autocomplete="off"
        placeholder=${d.searchPlaceholder}
        .value=${this.query}
        @input=${this.onSearch}
        aria-describedby="search-status"
      />
      <p id="search-status" class="hint" role="status">
        ${search.status === TaskStatus.PENDING ? d.searching : devices && !devices.length ? d.noMatch : ''}
      </p>
      ${devices?.length && !chosen
        ? html`<ul class="results" part="results">
            ${devices.map(
              (device) => html`<li>
                <button class="device" @click=${() => (this.chosen = device)}>
                  <span>${nameOf(device)}</span>
                  <span class=${device.esim ? 'ok' : 'no'}>${device.esim ? d.compatible : d.incompatible}</span>
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${chosen
        ? chosen.esim
          ? html`<p class="chosen ok" role="status">${nameOf(chosen)} · ${d.compatible}</p>
              <div class="actions">
                <button class="button secondary" @click=${() => (this.chosen = undefined)}>${d.back}</button>
                <button class="button" ?disabled=${busy} @click=${() => this.requests.sendCode(chosen)}>${d.sendCode}</button>
              </div>`
          : html`<div class="chosen no" role="alert">
              <p><strong>${d.incompatibleTitle(nameOf(chosen))}</strong></p>
              ${chosen.note ? html`<p>${chosen.note}</p>` : nothing}
              <button class="button secondary" @click=${() => (this.chosen = undefined)}>${d.back}</button>
            </div>`
        : nothing}
      ${this.renderError()}`;
  }

  private renderVerify() {
    const d = this.msg.device;
    const transfer = this.transfer!;
    return html`<h3 tabindex="-1">${d.steps.verify}</h3>
      <p>${d.codeSent(transfer.destination)}</p>
      <form @submit=${this.verify}>
        <label for="code">${d.codeLabel}</label>
        <div class="row">
          <input
            id="code"
            name="code"
            part="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9]{6}"
            maxlength="6"
            required
            aria-describedby="attempts"
            aria-invalid=${this.error ? 'true' : 'false'}
          />
          <button class="button" type="submit" ?disabled=${this.requests.busy}>${d.verify}</button>
        </div>
      </form>
      ${this.renderError()}
      <p id="attempts" class="hint">${d.attemptsLeft(transfer.attemptsLeft)}</p>`;
  }

  private renderLocked() {
    const d = this.msg.device;
    return html`<h3 tabindex="-1">${d.steps.verify}</h3>
      <p class="error" role="alert">${d.locked}</p>
      ${this.settings.support.url
        ? html`<a href=${this.settings.support.url} target="_blank" rel="noopener">${this.msg.checkout.contactSupport}</a>`
        : nothing}`;
  }

  private renderInstall() {
    const d = this.msg.device;
    const activation = this.activation!;
    const copyButton = (value: string) =>
      html`<button class="button secondary small" @click=${() => this.copy(value)}>${this.copied === value ? d.copied : d.copy}</button>`;
    const oneTap = oneTapInstallLink(activation.lpa);
    return html`<h3 tabindex="-1">${d.installTitle}</h3>
      ${oneTap
        ? html`<a class="button" part="install-here" href=${oneTap}>${d.installHere}</a>
            <p class="hint">${d.installElsewhere}</p>`
        : nothing}
      <div class="install">
        ${qrCode(activation.qr, d.qrLabel)}
        <p class="hint">${d.expires(formatTime(activation.expiresAt, this.resolvedLocale))}</p>
      </div>
      <h4>${d.manual}</h4>
      <dl part="manual">
        <dt>${d.smdp}</dt>
        <dd><code>${activation.smdpAddress}</code> ${copyButton(activation.smdpAddress)}</dd>
        <dt>${d.activationCode}</dt>
        <dd><code>${activation.activationCode}</code> ${copyButton(activation.activationCode)}</dd>
      </dl>
      <p>${d.keeps}</p>
      ${[d.ios, d.android].map(
        (platform) => html`<details>
          <summary>${platform.title}</summary>
          <ol>${platform.steps.map((step) => html`<li>${step}</li>`)}</ol>
        </details>`,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'esim-device-change': EsimDeviceChange;
  }
}
