import { html, nothing, svg, type PropertyValues } from 'lit';
import type { RenewalStore } from '../../context/store.js';
import { loadUsage } from '../../context/usage.js';
import { formatBytes, formatDay } from '../../i18n/format.js';
import { EsimElement } from '../../internal/esim-element.js';
import { tokens } from '../../internal/theme.js';
import { styles } from './usage-meter.styles.js';
import { summarize, type UsageDay } from './usage-summary.js';
import { enUsage } from '../../i18n/en/usage.js';
import { addEnglish } from '../../i18n/index.js';

// English for the usage meter comes in this module's chunk: it joins the English catalogue as this module is evaluated,
// so before the element can render (see `addEnglish`). Pages without it never download these messages.
addEnglish({ usage: enUsage });

/** What the meter shows; reflected as the `state` attribute for styling. */
export type UsageMeterState = 'loading' | 'ready' | 'empty' | 'error';

/** Chart coordinates: each day is a 10-unit column holding an 8-unit bar; bars grow up from y = 100. */
const COLUMN = 10;
const BAR = 8;
const HEIGHT = 100;

/**
 * Shows the card's data use over the last days as a small bar chart, with a one-line summary that projects when the
 * remaining data runs out, and the same numbers as a table for screen readers (or for anyone, with "Show as table").
 *
 * Keyboard: Tab reaches the "Show as table" button (and "Retry" after an error); nothing else is interactive.
 *
 * @summary Daily data use, and how long the data left will last.
 * @tagname esim-usage-meter
 * @csspart base - The meter's box.
 * @csspart chart - The chart's `<svg>`.
 * @csspart bar - One day's bar (an SVG `<rect>`: style it with `fill`).
 * @csspart axis - The first and last dates under the chart.
 * @csspart summary - The summary and projection.
 * @csspart toggle - The "Show as table" button.
 * @csspart table - The table of days (visually hidden until shown).
 * @csspart retry - The retry button of the error state.
 * @cssprop --esim-usage-radius - Corner radius (default `--esim-radius-m`).
 * @cssprop --esim-usage-width - Width of the meter (default 22rem).
 * @cssprop --esim-usage-chart-height - Height of the chart (default 5rem).
 * @cssprop --esim-usage-bar-color - Bar fill (default `--esim-color-primary`).
 * @cssprop --esim-usage-baseline-color - The chart's baseline (default `--esim-color-border`).
 * @cssprop --esim-usage-warning-color - The projection when the data runs out before the card expires.
 */
export class EsimUsageMeter extends EsimElement {
  static override styles = [tokens, styles];

  static override properties = {
    days: { type: Number, reflect: true },
    state: { reflect: true },
    tableShown: { state: true, attribute: false },
  };

  /** How many days to show, ending today (1 to 90). */
  days = 30;

  /** The state shown, reflected for styling: `loading`, `ready`, `empty` or `error`. */
  state: UsageMeterState = 'loading';

  private tableShown = false;

  private get span(): number {
    return Math.min(90, Math.max(1, Math.round(this.days) || 30));
  }

  override storeConnected(store: RenewalStore): void {
    void store.loadCard();
    void loadUsage(store, this.span);
  }

  /** Reads the usage again. */
  refresh(): Promise<void> {
    return this.store ? loadUsage(this.store, this.span, { force: true }) : Promise.resolve();
  }

  /** The days to draw, oldest first, once loaded. */
  private get shown(): UsageDay[] | undefined {
    const days = this.renewal.usage?.value?.days;
    return days && days.length >= this.span ? days.slice(-this.span) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const shown = this.shown;
    this.state = shown
      ? shown.some((day) => day.usedBytes > 0)
        ? 'ready'
        : 'empty'
      : this.renewal.usage?.status === 'error'
        ? 'error'
        : 'loading';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('days') && this.store) void loadUsage(this.store, this.span);
  }

  protected override render() {
    const m = this.msg.usage;
    const usage = this.renewal.usage;
    return html`
      <section class="meter" part="base" aria-label=${m.label} aria-busy=${this.state === 'loading' ? 'true' : 'false'}>
        ${
          this.state === 'error' && usage?.status === 'error'
            ? html`<div class="error">
                <p>${this.msg.common.failure(m.error, this.msg.errors[usage.error.code] ?? '')}</p>
                <button class="button secondary" part="retry" @click=${() => this.refresh()}>
                  ${this.msg.common.retry}
                </button>
              </div>`
            : this.shown
              ? this.renderUsage(this.shown)
              : html`<span class="visually-hidden">${m.loading}</span>
                  <span class="skeleton chart-box"></span>
                  <span class="axis">&nbsp;</span>
                  <span class="skeleton summary"></span>
                  <span class="skeleton toggle-box"></span>`
        }
      </section>
      <div class="visually-hidden" role="status" aria-live="polite">${this.state === 'error' ? m.error : ''}</div>
    `;
  }

  private renderUsage(days: UsageDay[]) {
    const m = this.msg.usage;
    const locale = this.resolvedLocale;
    const max = Math.max(1, ...days.map((day) => day.usedBytes));
    const { totalBytes, perDayBytes, projection } = summarize(days, this.renewal.card.value);
    // Warn when the data is gone or will run out before the card expires.
    const warn =
      projection?.kind === 'none-left' || (projection?.kind === 'limited' && projection.daysLeft < projection.expiryDays);
    const report = m.report({
      days: days.length,
      used: totalBytes ? formatBytes(totalBytes, locale) : undefined,
      perDay: formatBytes(perDayBytes, locale),
      outlook:
        projection?.kind === 'limited'
          ? { ...projection, left: formatBytes(projection.remainingBytes, locale) }
          : projection,
    });
    return html`
      <svg
        part="chart"
        viewBox="0 0 ${days.length * COLUMN} ${HEIGHT}"
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        ${days.map((day, i) => {
          const height = day.usedBytes ? Math.max(1, (day.usedBytes / max) * HEIGHT) : 0;
          return svg`<rect part="bar" x=${i * COLUMN + (COLUMN - BAR) / 2} y=${HEIGHT - height} width=${BAR} height=${height}>
            <title>${formatDay(day.date, locale, true)}: ${formatBytes(day.usedBytes, locale)}</title>
          </rect>`;
        })}
      </svg>
      <div class="axis" part="axis" aria-hidden="true">
        <span>${formatDay(days[0]!.date, locale, true)}</span>
        ${days.length > 1 ? html`<span>${formatDay(days[days.length - 1]!.date, locale, true)}</span>` : nothing}
      </div>
      <p class=${warn ? 'summary warn' : 'summary'} part="summary">${report}</p>
      <button
        class="toggle"
        part="toggle"
        aria-expanded=${this.tableShown ? 'true' : 'false'}
        aria-controls="table"
        @click=${() => (this.tableShown = !this.tableShown)}
      >
        ${m.showTable}
      </button>
      <div id="table" class=${this.tableShown ? '' : 'visually-hidden'}>
        <table part="table">
          <caption>
            ${m.chartLabel(days.length)}
          </caption>
          <thead>
            <tr>
              <th scope="col">${m.date}</th>
              <th scope="col">${m.used}</th>
            </tr>
          </thead>
          <tbody>
            ${days.map(
              (day) =>
                html`<tr>
                  <th scope="row">${formatDay(day.date, locale)}</th>
                  <td>${formatBytes(day.usedBytes, locale)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'esim-usage-meter': EsimUsageMeter;
  }
}
