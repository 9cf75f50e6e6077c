import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import type { RenewalError } from '../../client/errors.js';
import type { AutoRenew, Card, Plan, SetAutoRenewInput } from '../../client/schemas.js';
import type { RenewalStore } from '../../context/store.js';
import { EsimAutoRenewChangeEvent } from '../../events/auto-renew-change.js';
import { formatMoney } from '../../i18n/format.js';
import { EsimElement } from '../../internal/esim-element.js';
import { failureOf } from '../../internal/task-failure.js';
import { tokens } from '../../internal/theme.js';
import { styles } from './auto-renew-toggle.styles.js';
import { byRegion, planNameOf } from './plans.js';
import { enAutoRenew } from '../../i18n/en/auto-renew.js';
import { enOperationErrors } from '../../i18n/en/operation-errors.js';
import { addEnglish } from '../../i18n/index.js';

// English for the toggle comes in this module's chunk: it joins the English catalogue as this module is evaluated, so
// before the element can render (see `addEnglish`). Pages without it never download these messages.
addEnglish({ autoRenew: enAutoRenew, errors: enOperationErrors });

/** What the toggle is doing; reflected as the `step` attribute for styling and tests. */
export type AutoRenewStep = 'loading' | 'ready' | 'confirming' | 'saving' | 'error' | 'disabled';

/**
 * Turns automatic renewal on or off. Turning it on asks which plan to renew with (the card's current plan by
 * default) and confirms the price; turning it off asks for confirmation too. Unavailable for a suspended card.
 *
 * Keyboard: Tab reaches the switch; Space or Enter asks to change it, which moves focus into the confirmation
 * (plan `<select>`, Confirm, Cancel); Escape cancels and returns focus to the switch.
 *
 * @summary Auto-renew switch with plan choice and confirmation.
 * @tagname esim-auto-renew-toggle
 * @fires {EsimAutoRenewChangeEvent} esim-auto-renew-change - Auto-renew was saved; `detail.autoRenew` is `{ enabled, planId }`.
 * @csspart base - The toggle's box.
 * @csspart switch - The switch button (`role="switch"`).
 * @csspart status - The line under the switch: the plan it renews with, or why it is unavailable.
 * @csspart confirm - The confirmation region.
 * @csspart plan - The plan `<select>`.
 * @csspart error - The error message of a failed change.
 * @csspart confirm-button - The Confirm (or, after an error, Retry) button.
 * @csspart cancel-button - The Cancel button.
 * @csspart retry - The retry button when the card could not be loaded.
 * @cssprop --esim-auto-renew-radius - Corner radius (default `--esim-radius-m`).
 * @cssprop --esim-auto-renew-width - Width of the toggle (default 22rem).
 * @cssprop --esim-auto-renew-on-color - The switch's track when on (default `--esim-color-primary`).
 * @cssprop --esim-auto-renew-off-color - The switch's track when off (default `--esim-color-muted`).
 * @cssprop --esim-auto-renew-thumb-color - The switch's thumb (default `--esim-color-surface`).
 */
export class EsimAutoRenewToggle extends EsimElement {
  static override styles = [tokens, styles];

  static override properties = {
    step: { reflect: true },
    change: { state: true, attribute: false },
    planId: { state: true, attribute: false },
  };

  /** What the toggle is doing, reflected: `loading`, `ready`, `confirming`, `saving`, `error` or `disabled`. */
  step: AutoRenewStep = 'loading';

  /** The change awaiting confirmation, from the switch press until it is saved or cancelled. */
  private change?: { enable: boolean };
  private planId = '';
  private announcement = '';

  /** The change the last save was for: its failure shows while that change still awaits confirmation. */
  private savedChange?: { enable: boolean };

  /** Saving the change: `pending` while it is on its way, then `complete` or `error`. */
  private readonly save = new Task(this, {
    autoRun: false,
    task: ([store, input]: [RenewalStore, SetAutoRenewInput], { signal }) => store.client.setAutoRenew(input, { signal }),
    onComplete: (autoRenew) => this.saved(autoRenew),
  });

  private get saving(): boolean {
    return this.save.status === TaskStatus.PENDING;
  }

  private get failure(): RenewalError | undefined {
    return this.savedChange === this.change ? failureOf(this.save) : undefined;
  }

  override storeConnected(store: RenewalStore): void {
    void store.loadCard();
    void store.loadPlans();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { card, plans } = this.renewal;
    if (this.change?.enable && !this.plan && plans.value?.length) {
      const ids = [card.value?.plan.id, this.renewal.selectedPlan?.id, card.value?.autoRenew.planId];
      this.planId = ids.find((id) => id && plans.value!.some((plan) => plan.id === id)) ?? plans.value[0]!.id;
    }
    this.step = !card.value
      ? card.status === 'error'
        ? 'error'
        : 'loading'
      : card.value.status === 'suspended'
        ? 'disabled'
        : this.saving
          ? 'saving'
          : this.failure
            ? 'error'
            : this.change
              ? 'confirming'
              : 'ready';
  }

  private get plan(): Plan | undefined {
    return this.renewal.plans.value?.find((plan) => plan.id === this.planId);
  }

  /** After the next render, focuses the first element matching `selector`. */
  private focusLater(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private onSwitch(): void {
    const card = this.renewal.card.value;
    if (!card || card.status === 'suspended' || this.saving) return;
    if (this.change) return this.cancel();
    this.change = { enable: !card.autoRenew.enabled };
    this.planId = '';
    this.focusLater('[part=plan], [part=confirm-button]'); // the plan <select> if there is one, else Confirm
  }

  private cancel(): void {
    if (this.saving) return;
    this.change = undefined;
    this.focusLater('[role=switch]');
  }

  /** Saves the change awaiting confirmation; a second press while it is on its way sends nothing more. */
  private confirm(): void {
    const store = this.store;
    const change = this.change;
    const plan = this.plan;
    if (this.saving || !store || !change || (change.enable && !plan)) return;
    this.savedChange = change;
    this.announcement = '';
    void this.save.run([store, change.enable ? { enabled: true, planId: plan!.id } : { enabled: false }]);
  }

  /** The server saved the change: the card shows it, and the traveller hears it. */
  private saved(autoRenew: AutoRenew): void {
    const store = this.store;
    const card = store?.state.card.value;
    if (card) store!.setCard({ ...card, autoRenew });
    const m = this.msg.autoRenew;
    this.announcement = autoRenew.enabled ? this.plan?.name ? m.turnedOn(this.plan.name) : m.turnedOnNoPlan : m.turnedOff;
    this.change = undefined;
    this.emit(new EsimAutoRenewChangeEvent(autoRenew));
    this.focusLater('[role=switch]');
  }

  protected override render() {
    const m = this.msg.autoRenew;
    const { card } = this.renewal;
    return html`
      <section class="box" part="base" aria-label=${m.label} aria-busy=${this.step === 'loading' ? 'true' : 'false'}>
        ${
          card.value
            ? this.renderCard(card.value)
            : card.status === 'error'
              ? html`<div class="error">
                  <p>${this.msg.common.failure(m.loadError, this.msg.errors[card.error.code] ?? '')}</p>
                  <button class="button secondary" part="retry" @click=${() => this.store?.loadCard({ force: true })}>
                    ${this.msg.common.retry}
                  </button>
                </div>`
              : html`<span class="visually-hidden">${m.loading}</span>
                  <span class="skeleton line"></span>
                  <span class="skeleton line short"></span>`
        }
      </section>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderCard(card: Card) {
    const m = this.msg.autoRenew;
    const on = card.autoRenew.enabled;
    const suspended = card.status === 'suspended';
    const name = planNameOf(card, this.renewal.plans.value);
    return html`
      <div class="row">
        <span class="label" id="label">${m.label}</span>
        <button
          class="switch"
          part="switch"
          role="switch"
          aria-checked=${on ? 'true' : 'false'}
          aria-labelledby="label"
          aria-describedby="status"
          ?disabled=${suspended}
          @click=${this.onSwitch}
        >
          <span class="track" aria-hidden="true"></span>
          <span aria-hidden="true">${on ? m.on : m.off}</span>
        </button>
      </div>
      <p class="status" id="status" part="status">
        ${suspended ? m.suspended : on ? (name ? m.onWith(name) : m.onHint) : m.offHint}
      </p>
      ${!this.change || suspended ? nothing : this.renderConfirm(this.change.enable)}
    `;
  }

  private renderConfirm(turningOn: boolean) {
    const m = this.msg.autoRenew;
    const { plans } = this.renewal;
    const plan = this.plan;
    const locale = this.resolvedLocale;
    const question = !turningOn
      ? m.confirmOff
      : plan
        ? m.confirmOn(plan.name, formatMoney(plan.price, locale))
        : plans.status === 'error'
          ? this.msg.errors[plans.error.code]
          : plans.value
            ? m.noPlans
            : m.loadingPlans;
    const ready = !this.saving && (!turningOn || Boolean(plan));
    return html`
      <div
        class="confirm"
        part="confirm"
        role="group"
        aria-labelledby="question"
        @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.cancel()}
      >
        ${
          turningOn && plans.value?.length
            ? html`<label class="plan">
                ${m.plan}
                <select
                  part="plan"
                  ?disabled=${this.saving}
                  @change=${(event: Event) => (this.planId = (event.target as HTMLSelectElement).value)}
                >
                  ${byRegion(plans.value).map(
                    ([region, group]) =>
                      html`<optgroup label=${region}>
                        ${group.map(
                          (option) =>
                            html`<option value=${option.id} ?selected=${option.id === this.planId}>
                              ${option.name} · ${formatMoney(option.price, locale)}
                            </option>`,
                        )}
                      </optgroup>`,
                  )}
                </select>
              </label>`
            : nothing
        }
        <p class="question" id="question">${question}</p>
        ${
          this.failure
            ? html`<p class="failure" part="error" role="alert">
                ${this.msg.common.failure(m.error, this.msg.errors[this.failure.code] ?? '')}
              </p>`
            : nothing
        }
        <div class="actions">
          <button
            class="button"
            part="confirm-button"
            aria-disabled=${ready ? 'false' : 'true'}
            @click=${() => this.confirm()}
          >
            ${this.saving ? m.saving : this.failure ? this.msg.common.retry : m.confirm}
          </button>
          ${
            turningOn && plans.status === 'error' && !plans.value
              ? html`<button class="button secondary" @click=${() => this.store?.loadPlans({ force: true })}>
                  ${this.msg.common.retry}
                </button>`
              : nothing
          }
          <button
            class="button secondary"
            part="cancel-button"
            aria-disabled=${this.saving ? 'true' : 'false'}
            @click=${this.cancel}
          >
            ${m.cancel}
          </button>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'esim-auto-renew-toggle': EsimAutoRenewToggle;
  }
}
