import { html, nothing, type PropertyValues } from 'lit';
import { PERIODS } from '../../client/constants.js';
import type { Period, Plan } from '../../client/schemas.js';
import type { RenewalStore } from '../../context/store.js';
import { EsimPlanChangeEvent } from '../../events/plan-change.js';
import { compareText, formatData, formatMoney } from '../../i18n/format.js';
import { EsimElement } from '../../internal/esim-element.js';
import { tokens } from '../../internal/theme.js';
import { styles } from './plan-picker.styles.js';

/** Regions present in the plans, for the filter: `[code, display name]`, sorted by name in the locale. */
export function regionsOf(plans: readonly Plan[], locale: string): [string, string][] {
  const regions = new Map<string, string>();
  for (const plan of plans) regions.set(plan.region, plan.regionName);
  return [...regions].sort((a, b) => compareText(a[1], b[1], locale));
}

/** Plans of a period, in a region (its code, or a country it covers); `region` empty means all. */
export function filterPlans(plans: readonly Plan[], period: Period, region: string): Plan[] {
  const code = region.toUpperCase();
  return plans.filter(
    (plan) => plan.period === period && (!code || plan.region.toUpperCase() === code || plan.coverage.includes(code)),
  );
}

/**
 * Lets the traveller pick a renewal plan: daily, monthly or yearly, filtered by region, each with its data,
 * duration and price in the card's currency.
 *
 * Keyboard: Tab reaches the period switch, the region filter and the selected plan; arrow keys move between
 * plans, Space or Enter selects.
 *
 * @summary Period switch, region filter and the plans as a radio group.
 * @tagname esim-plan-picker
 * @fires {EsimPlanChangeEvent} esim-plan-change - The traveller selected a plan; `detail.plan` is the plan.
 * @csspart filters - The period switch and region filter row.
 * @csspart period - The period switch.
 * @csspart region - The region `<select>`.
 * @csspart plans - The radio group of plans.
 * @csspart plan - One plan; the selected one also has `plan-selected`.
 * @csspart plan-selected - The selected plan.
 * @csspart price - A plan's price.
 * @csspart tag - A plan's tag (popular, discount…).
 * @cssprop --esim-picker-radius - Corner radius of plan cards (default `--esim-radius-m`).
 * @cssprop --esim-picker-selected-color - Border of the selected plan (default `--esim-color-primary`).
 * @cssprop --esim-picker-tag-background - Background of plan tags.
 */
export class EsimPlanPicker extends EsimElement {
  static override styles = [tokens, styles];

  static override properties = {
    period: { reflect: true },
    region: { reflect: true },
    value: { reflect: true },
    focusedId: { state: true, attribute: false },
  };

  /** The period shown: `day`, `month` or `year`. */
  period: Period = 'month';

  /**
   * Region code (`JP`, `EU`, `GLOBAL`…) or a country code to filter by; empty shows every region. Left unset, the
   * picker starts on the region of the card's current plan — most travellers renew what they have.
   */
  region?: string;

  /** The selected plan's id; also settable to preselect a plan. */
  value = '';

  /** The plan that has keyboard focus within the group (roving tabindex). */
  private focusedId = '';

  private announcement = '';

  override storeConnected(store: RenewalStore): void {
    void store.loadPlans();
    if (this.region === undefined) void store.loadCard();
  }

  /** The selected plan, if it is loaded. */
  get selectedPlan(): Plan | undefined {
    return this.renewal.plans.value?.find((plan) => plan.id === this.value);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { card, plans } = this.renewal;
    if (this.region === undefined && plans.value && (card.value || card.status === 'error')) {
      const current = card.value?.plan.id;
      this.region = plans.value.find((plan) => plan.id === current)?.region ?? '';
    }
    const shared = this.renewal.selectedPlan;
    // Follow a selection made elsewhere (another picker, the store), and push a preset `value` into the store.
    if (shared && shared.id !== this.value && !changed.has('value')) this.value = shared.id;
    if (this.value && this.store && shared?.id !== this.value && this.selectedPlan) this.store.selectPlan(this.selectedPlan);
  }

  private get visiblePlans(): Plan[] {
    return filterPlans(this.renewal.plans.value ?? [], this.period, this.region ?? '');
  }

  private select(plan: Plan): void {
    this.value = plan.id;
    this.focusedId = plan.id;
    this.announcement = this.msg.picker.selected(plan.name);
    this.store?.selectPlan(plan);
    this.emit(new EsimPlanChangeEvent(plan));
  }

  private onPlanKeydown(event: KeyboardEvent, plans: Plan[], index: number): void {
    const count = plans.length;
    const targets: Record<string, number> = {
      Home: 0,
      End: count - 1,
      ArrowDown: index + 1,
      ArrowRight: index + 1,
      ArrowUp: index - 1,
      ArrowLeft: index - 1,
    };
    const next = targets[event.key];
    if (next !== undefined) {
      event.preventDefault();
      this.focusedId = plans[(next + count) % count]!.id; // wraps around at both ends
      void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>(`[data-id="${CSS.escape(this.focusedId)}"]`)?.focus());
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      this.select(plans[index]!);
    }
  }

  protected override render() {
    const m = this.msg.picker;
    const { plans } = this.renewal;
    const all = plans.value ?? [];
    return html`
      <div class="filters" part="filters">
        <fieldset part="period">
          <legend>${m.period}</legend>
          ${PERIODS.map(
            (period) => html`<label class="period">
              <input
                type="radio"
                name="period"
                value=${period}
                .checked=${this.period === period}
                @change=${() => (this.period = period)}
              /><span>${m.periods[period]}</span>
            </label>`,
          )}
        </fieldset>
        <label class="region">
          ${m.region}
          <select part="region" @change=${(e: Event) => (this.region = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.region}>${m.allRegions}</option>
            ${regionsOf(all, this.resolvedLocale).map(
              ([code, name]) => html`<option value=${code} ?selected=${this.region?.toUpperCase() === code}>${name}</option>`,
            )}
          </select>
        </label>
      </div>
      ${plans.status === 'error' && !plans.value
        ? html`<div class="message error" role="alert">
            <p>${m.error} ${this.msg.errors[plans.error.code]}</p>
            <button class="button secondary" @click=${() => this.store?.loadPlans({ force: true })}>${this.msg.common.retry}</button>
          </div>`
        : plans.value && (this.region !== undefined || !this.store)
          ? this.renderPlans()
          : html`<div class="plans" aria-busy="true" aria-label=${m.loading}>
              <span class="visually-hidden">${m.loading}</span>
              ${[0, 1, 2].map(() => html`<div class="skeleton"></div>`)}
            </div>`}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderPlans() {
    const m = this.msg.picker;
    const plans = this.visiblePlans;
    if (!this.renewal.plans.value?.length) return html`<p class="message">${m.noPlans}</p>`;
    if (!plans.length) return html`<p class="message">${m.empty}</p>`;
    const tabbable = plans.find((p) => p.id === this.focusedId) ?? plans.find((p) => p.id === this.value) ?? plans[0]!;
    return html`<div class="plans" part="plans" role="radiogroup" aria-label=${m.label}>
      ${plans.map((plan, index) => this.renderPlan(plan, plan.id === tabbable.id, plans, index))}
    </div>`;
  }

  private renderPlan(plan: Plan, tabbable: boolean, plans: Plan[], index: number) {
    const m = this.msg.picker;
    const locale = this.resolvedLocale;
    const selected = plan.id === this.value;
    const data = formatData(plan.dataBytes, locale, m.unlimited);
    const tags = plan.tags.filter((tag): tag is keyof typeof m.tags => tag in m.tags);
    return html`<div
      class="plan"
      part=${selected ? 'plan plan-selected' : 'plan'}
      role="radio"
      data-id=${plan.id}
      aria-checked=${selected ? 'true' : 'false'}
      tabindex=${tabbable ? '0' : '-1'}
      @click=${() => this.select(plan)}
      @keydown=${(e: KeyboardEvent) => this.onPlanKeydown(e, plans, index)}
      @focus=${() => (this.focusedId = plan.id)}
    >
      <span class="check" aria-hidden="true"></span>
      <span class="name">${plan.name}</span>
      <span class="meta">${data} · ${m.duration(plan.durationDays)} · ${m.coverage(plan.coverage.length)}</span>
      <span class="price" part="price">
        ${formatMoney(plan.price, locale)}
        ${plan.compareAtPrice
          ? html`<s><span class="visually-hidden">${m.wasPrice(formatMoney(plan.compareAtPrice, locale))}</span
              ><span aria-hidden="true">${formatMoney(plan.compareAtPrice, locale)}</span></s>`
          : nothing}
      </span>
      ${tags.length
        ? html`<span class="tags">${tags.map((tag) => html`<span class="tag ${tag}" part="tag">${m.tags[tag]}</span>`)}</span>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'esim-plan-picker': EsimPlanPicker;
  }
}
