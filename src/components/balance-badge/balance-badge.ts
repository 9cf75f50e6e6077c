import { html, nothing, type PropertyValues } from 'lit';
import type { Card } from '../../client/schemas.js';
import type { RenewalStore } from '../../context/store.js';
import { daysUntil, formatBytes, formatDate, formatMoney, formatTime } from '../../i18n/format.js';
import { cardHealth, isLowOnData, type CardHealth } from '../../internal/card-health.js';
import { EsimElement } from '../../internal/esim-element.js';
import { base } from '../../internal/theme-base.js';
import { styles } from './balance-badge.styles.js';
import { enBadge } from '../../i18n/en/badge.js';
import { addEnglish } from '../../i18n/index.js';

// English for the badge comes in this module's chunk: it joins the English catalogue as this module is evaluated, so
// before the element can render (see `addEnglish`). Pages without it never download these messages.
addEnglish({ badge: enBadge });

/** What the badge shows; reflected as the `state` attribute for styling. */
export type BadgeState = 'loading' | 'ok' | 'expiring' | 'expired' | 'suspended' | 'error';

/**
 * Shows how much data and time an eSIM card has left, and warns before it runs out.
 *
 * @summary Balance and expiry at a glance.
 * @tagname esim-balance-badge
 * @csspart badge - The badge's box.
 * @csspart data - The data left.
 * @csspart status - The status pill (active, expiring soon, expired…).
 * @csspart meter - The data meter's track; its fill is `meter-fill`.
 * @csspart meter-fill - The filled part of the meter.
 * @csspart details - Days left and the expiry date.
 * @csspart credit - Store credit from a refund, when there is some.
 * @csspart retry - The retry button of the error state.
 * @cssprop --esim-badge-radius - Corner radius (default `--esim-radius-m`).
 * @cssprop --esim-badge-width - Width of the badge (default 18rem).
 * @cssprop --esim-badge-meter-color - Meter fill (default `--esim-color-primary`).
 * @cssprop --esim-badge-warning-color - Colour of the expiring state.
 * @cssprop --esim-badge-danger-color - Colour of the expired, suspended and error states.
 */
export class EsimBalanceBadge extends EsimElement {
  static override styles = [base, styles]; // the theme without its form controls, lists and dialogs: the badge has none

  static override properties = {
    warnDays: { type: Number, attribute: 'warn-days' },
    state: { reflect: true },
  };

  /** Warn this many days before expiry (else the provider's `warn-days`, else 14); the data warning starts under 10% left. */
  warnDays?: number;

  /** The state shown, reflected for styling: `loading`, `ok`, `expiring`, `expired`, `suspended`, `error`. */
  state: BadgeState = 'loading';

  private get meterFill(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('[part=meter-fill]');
  }

  private announcement = '';
  private lastRenewalCount?: number;

  override storeConnected(store: RenewalStore): void {
    void store.loadCard();
  }

  /** Reads the card again. */
  refresh(): Promise<void> {
    return this.store?.loadCard({ force: true }) ?? Promise.resolve();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { card } = this.renewal;
    this.state = card.value ? cardHealth(card.value, this.warnWithin) : card.status === 'error' ? 'error' : 'loading';
    const count = card.value?.renewalCount;
    if (count !== undefined && this.lastRenewalCount !== undefined && count > this.lastRenewalCount) {
      this.announcement = this.msg.badge.renewed;
    } else if (this.state === 'error') {
      this.announcement = this.msg.badge.error;
    }
    this.lastRenewalCount = count ?? this.lastRenewalCount;
  }

  /** Days before expiry when the warning starts: this badge's own `warn-days`, else the provider's. */
  private get warnWithin(): number {
    return this.warnDays ?? this.settings.warnDays;
  }

  protected override updated(): void {
    // Through the CSSOM, not a style attribute: a strict Content-Security-Policy blocks inline style attributes.
    if (this.meterFill) this.meterFill.style.width = `${Number(this.meterFill.dataset.ratio) * 100}%`;
  }

  protected override render() {
    const { card } = this.renewal;
    const m = this.msg.badge;
    return html`
      <section class="badge" part="badge" aria-label=${m.label} aria-busy=${this.state === 'loading' ? 'true' : 'false'}>
        ${this.state === 'error' && card.status === 'error'
          ? this.renderError(card.error.code)
          : card.value
            ? this.renderCard(card.value)
            : this.renderSkeleton()}
      </section>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderSkeleton() {
    return html`
      <span class="visually-hidden">${this.msg.badge.loading}</span>
      <span class="skeleton line-1"></span>
      <span class="skeleton line-2"></span>
      <span class="skeleton line-3"></span>
    `;
  }

  private renderError(code: string) {
    return html`
      <div class="error">
        <p>${this.msg.common.failure(this.msg.badge.error, this.msg.errors[code as keyof typeof this.msg.errors] ?? '')}</p>
        <button class="button secondary" part="retry" @click=${() => this.refresh()}>${this.msg.common.retry}</button>
      </div>
    `;
  }

  private renderCard(card: Card) {
    const m = this.msg.badge;
    const locale = this.resolvedLocale;
    const { remainingBytes, totalBytes } = card.data;
    const unlimited = remainingBytes === null;
    const days = daysUntil(card.expiresAt);
    const low = isLowOnData(card);
    // With a card on screen the state is its health (willUpdate): never `loading` or `error`.
    const statusLabel = {
      ok: m.status.active,
      expiring: low && days > this.warnWithin ? m.status.lowData : m.status.expiring,
      expired: m.status.expired,
      suspended: m.status.suspended,
    }[this.state as CardHealth];
    const ratio = unlimited || !totalBytes ? 1 : Math.min(1, remainingBytes / totalBytes);
    const left = unlimited ? m.unlimited : m.dataLeft(formatBytes(remainingBytes, locale));
    const dataText = !unlimited && totalBytes ? m.dataOf(formatBytes(remainingBytes, locale), formatBytes(totalBytes, locale)) : left;
    return html`
      <div class="top">
        <span class="data" part="data">${left}</span>
        <span class="status" part="status">${statusLabel}</span>
      </div>
      ${unlimited
        ? nothing
        : html`<div
            class="meter"
            part="meter"
            role="meter"
            aria-label=${m.meterLabel}
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=${Math.round(ratio * 100)}
            aria-valuetext=${dataText}
          >
            <span part="meter-fill" data-ratio=${ratio.toFixed(4)}></span>
          </div>`}
      <div class="details" part="details">
        <span>${days > 0 ? m.daysLeft(days) : days === 0 ? m.expiresToday : m.status.expired}</span>
        <span>${days >= 0 ? m.expiresOn(formatDate(card.expiresAt, locale)) : m.expiredOn(formatDate(card.expiresAt, locale))}</span>
      </div>
      ${this.state === 'suspended'
        ? html`<p class="hint">${m.suspendedHint}</p>`
        : this.state === 'expired'
          ? html`<p class="hint">${m.expiredHint}</p>`
          : nothing}
      ${card.credit?.amount ? html`<p class="hint" part="credit">${m.credit(formatMoney(card.credit, locale))}</p>` : nothing}
      <p class="as-of">${m.asOf(formatTime(card.asOf, locale))}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'esim-balance-badge': EsimBalanceBadge;
  }
}
