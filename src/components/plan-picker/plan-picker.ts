import { html, nothing, type PropertyValues } from 'lit';
import { PERIODS } from '../../client/constants.js';
import type { Period, Plan } from '../../client/schemas.js';
import type { RenewalStore } from '../../context/store.js';
import { EsimPlanChangeEvent } from '../../events/plan-change.js';
import { formatData, formatMoney } from '../../i18n/format.js';
import { EsimElement } from '../../internal/esim-element.js';
import { tokens } from '../../internal/theme.js';
import { PAGE, rememberingFilter } from './plan-filter.js';
import { RegionOptions } from './region-options.js';
import { styles } from './plan-picker.styles.js';
import { enPicker } from '../../i18n/en/picker.js';
import { addEnglish } from '../../i18n/index.js';

// English for the picker comes in this module's chunk: it joins the English catalogue as this module is evaluated, so
// before the element can render (see `addEnglish`). Pages without it never download these messages.
addEnglish({ picker: enPicker });

/** The plans of a picker whose plans are not loaded yet. */
const NO_PLANS: readonly Plan[] = [];

/**
 * Lets the traveller pick a renewal plan: daily, monthly or yearly, filtered by region, each with its data,
 * duration and price in the card's currency.
 *
 * Keyboard: Tab reaches the period switch, the region filter and the selected plan; arrow keys move between
 * plans, Space or Enter selects.
 *
 * A long list shows its first plans and a "show more" button that says how many are shown of how many; ArrowDown
 * or ArrowRight on the last plan shown also shows more.
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
 * @csspart more - The "show more" row under a long list: how many plans are shown, and its button.
 * @csspart show-more - The "show more" button.
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
    // An accessor of its own (below): the selection is the store's.
    value: { reflect: true, noAccessor: true },
    focusedId: { state: true, attribute: false },
    limit: { state: true, attribute: false },
  };

  /** The period shown: `day`, `month` or `year`. */
  period: Period = 'month';

  /**
   * Region code (`JP`, `EU`, `GLOBAL`…) or a country code to filter by; empty shows every region. Left unset, the
   * picker starts on the region of the card's current plan — most travellers renew what they have.
   */
  region?: string;

  /**
   * The selected plan's id — the selection every element under the provider shares; set it to select a plan (before
   * the plans are loaded too).
   */
  get value(): string {
    return this.store?.state.selectedPlanId ?? this.presetValue ?? '';
  }

  set value(id: string) {
    const old = this.value;
    if (this.store) this.store.selectPlan(id);
    else this.presetValue = id; // selected once the picker has its store
    this.requestUpdate('value', old);
  }

  /** A `value` set before the picker had a store. */
  private presetValue?: string;

  /** The `value` last rendered (and reflected). */
  private shownValue = '';

  /** The plan that has keyboard focus within the group (roving tabindex). */
  private focusedId = '';

  /** How many of the matching plans are rendered; back to one page when the filter changes. */
  private limit = PAGE;

  /** The selected plan that was last made visible. */
  private revealed = '';

  /** The region `<select>`'s options: the region shown at first, every region once the page is idle. */
  private readonly regionOptions = new RegionOptions(this);

  private announcement = '';

  /** The language `announcement` was made in: once the picker speaks another, the old words are not left behind. */
  private announcedIn?: string;

  override storeConnected(store: RenewalStore): void {
    if (this.presetValue) store.selectPlan(this.presetValue);
    this.presetValue = undefined;
    void store.loadPlans();
    if (this.region === undefined) void store.loadCard();
  }

  /** The selected plan, if it is loaded. */
  get selectedPlan(): Plan | undefined {
    return this.renewal.selectedPlan;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.announcedIn !== this.resolvedLocale) {
      this.announcedIn = this.resolvedLocale;
      this.announcement = '';
    }
    const { card, plans } = this.renewal;
    if (this.region === undefined && plans.value && (card.value || card.status === 'error')) {
      const current = card.value?.plan.id;
      this.region = plans.value.find((plan) => plan.id === current)?.region ?? '';
    }
    if (changed.has('period') || changed.has('region')) this.limit = PAGE;
    // A selection made elsewhere (another picker, `plan-id`, a hand-off link) changes `value` too: reflect it.
    if (this.value !== this.shownValue) this.requestUpdate('value', this.shownValue);
    this.shownValue = this.value;
    if (this.value !== this.revealed) {
      // A plan selected from outside (a preset value, a hand-off, another picker) is shown, however far down it is.
      const index = this.visiblePlans.findIndex((plan) => plan.id === this.value);
      if (index >= this.limit) this.limit = index + 1;
      if (index >= 0 || !this.value) this.revealed = this.value;
    }
  }

  /** The plans that match the filter (worked out again only when the plans, the period or the region change). */
  private get visiblePlans(): Plan[] {
    return this.filter(this.renewal.plans.value ?? NO_PLANS, this.period, this.region ?? '');
  }

  private readonly filter = rememberingFilter();

  protected override updated(): void {
    const select = this.renderRoot.querySelector('select');
    if (select) this.regionOptions.show(select, this.renewal.plans.value ?? NO_PLANS, this.resolvedLocale, this.region ?? '');
  }

  /**
   * Renders the next page of plans, says how many are shown and moves focus to the first new plan (the button may
   * be gone, and the traveller reads on from there).
   */
  private showMore(plans: readonly Plan[], rendered: number): void {
    this.limit = rendered + PAGE;
    this.announcement = this.msg.picker.shown(Math.min(this.limit, plans.length), plans.length);
    this.focusPlan(plans[rendered]!);
  }

  private select(plan: Plan): void {
    this.focusedId = plan.id;
    this.announcement = this.msg.picker.selected(plan.name);
    this.value = plan.id;
    this.emit(new EsimPlanChangeEvent(plan));
  }

  /** `plans` are all that match the filter; `rendered` of them are on screen, `index` is the focused one. */
  private onPlanKeydown(event: KeyboardEvent, plans: readonly Plan[], rendered: number, index: number): void {
    const targets: Record<string, number> = {
      Home: 0,
      End: rendered - 1,
      ArrowDown: index + 1,
      ArrowRight: index + 1,
      ArrowUp: index - 1,
      ArrowLeft: index - 1,
    };
    const next = targets[event.key];
    if (next !== undefined) {
      event.preventDefault();
      // Past the last plan shown, more are shown; otherwise focus wraps around the plans shown.
      if (next === rendered && rendered < plans.length) this.showMore(plans, rendered);
      else this.focusPlan(plans[(next + rendered) % rendered]!);
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      this.select(plans[index]!);
    }
  }

  private focusPlan(plan: Plan): void {
    this.focusedId = plan.id;
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>(`[data-id="${CSS.escape(plan.id)}"]`)?.focus());
  }

  protected override render() {
    const m = this.msg.picker;
    const { plans } = this.renewal;
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
          <select
            part="region"
            @focus=${this.regionOptions.fill}
            @pointerdown=${this.regionOptions.fill}
            @change=${(e: Event) => (this.region = (e.target as HTMLSelectElement).value)}
          >
            <option value="">${m.allRegions}</option>
          </select>
        </label>
      </div>
      ${plans.status === 'error' && !plans.value
        ? html`<div class="message error" role="alert">
            <p>${this.msg.common.failure(m.error, this.msg.errors[plans.error.code])}</p>
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
    const rendered = Math.min(plans.length, this.limit);
    const shown = plans.slice(0, rendered);
    const tabbable = shown.find((p) => p.id === this.focusedId) ?? shown.find((p) => p.id === this.value) ?? shown[0]!;
    return html`<div class="plans" part="plans" role="radiogroup" aria-label=${m.label}>
        ${shown.map((plan, index) => this.renderPlan(plan, plan.id === tabbable.id, plans, rendered, index))}
      </div>
      ${rendered < plans.length
        ? html`<div class="more" part="more">
            <span id="shown">${m.shown(rendered, plans.length)}</span>
            <button class="button secondary" part="show-more" aria-describedby="shown" @click=${() => this.showMore(plans, rendered)}>
              ${m.showMore(Math.min(PAGE, plans.length - rendered))}
            </button>
          </div>`
        : nothing}`;
  }

  private renderPlan(plan: Plan, tabbable: boolean, plans: readonly Plan[], rendered: number, index: number) {
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
      @keydown=${(e: KeyboardEvent) => this.onPlanKeydown(e, plans, rendered, index)}
      @focus=${() => (this.focusedId = plan.id)}
    >
      <span class="check" aria-hidden="true"></span>
      <span class="name">${plan.name}</span>
      <span class="meta">${m.facts(data, m.duration(plan.durationDays), m.coverage(plan.coverage.length))}</span>
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
