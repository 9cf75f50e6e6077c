import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import type { Card } from '../../client/schemas.js';
import { renewalContext } from '../../context/renewal-context.js';
import { settingsContext, settingsWith } from '../../context/settings.js';
import type { RenewalStore } from '../../context/store.js';
import { formatDate, formatMoney } from '../../i18n/format.js';
import { EsimElement } from '../../internal/esim-element.js';
import { tokens } from '../../internal/theme.js';
import { styles } from './renewal-flow.styles.js';
import { enFlow } from '../../i18n/en/flow.js';
import { enCheckout } from '../../i18n/en/checkout.js';
import { enOperationErrors } from '../../i18n/en/operation-errors.js';
import { addEnglish } from '../../i18n/index.js';

// English for the flow (and the checkout's success words) comes in this module's chunk: it joins the English catalogue
// as this module is evaluated, so before the element can render (see `addEnglish`). Pages without it never download
// these messages.
addEnglish({ flow: enFlow, checkout: enCheckout, errors: enOperationErrors });

export type FlowStep = 'card' | 'plan' | 'pay' | 'done';
const STEPS: FlowStep[] = ['card', 'plan', 'pay', 'done'];

/**
 * The whole renewal in one tag, for partners who want exactly that: check the card, pick a plan, review and pay,
 * done. Each step is a heading that takes the focus when it opens, so keyboard and screen-reader users always
 * know where they are; the layout holds on a 360 px wide phone.
 *
 * Use it inside an `<esim-renewal>` or alone with `api-base` and `session-token`. Its payment attributes are passed
 * on to its checkout; its `locale`, `warn-days`, `buy-url` and support attributes to every element in it (each
 * winning over the provider's).
 *
 * @summary Check the card, pick a plan, review, pay, confirm — in one element.
 * @tagname esim-renewal-flow
 * @fires {EsimRenewalSuccessEvent} esim-renewal-success - From the checkout inside: paid and confirmed.
 * @fires {EsimRenewalErrorEvent} esim-renewal-error - From the elements inside: a step failed.
 * @fires {EsimPlanChangeEvent} esim-plan-change - From the picker inside.
 * @csspart flow - The flow's box.
 * @csspart steps - The step indicator.
 * @csspart ineligible - Why the card cannot be renewed (suspended), with the buy link, at the first step.
 * @csspart step - One step of the journey (`card`, `plan`, `pay`, `done`) — also named by `data-step`.
 * @csspart next - The button to the next step.
 * @csspart back - The button to the previous step.
 * @cssprop --esim-flow-radius - Corner radius (default `--esim-radius-m`).
 * @cssprop --esim-flow-max-width - Maximum width (default 44rem).
 */
export class EsimRenewalFlow extends EsimElement {
  static override styles = [tokens, styles];

  static override properties = {
    step: { reflect: true },
    paymentMethods: { attribute: 'payment-methods' },
    paymentMode: { attribute: 'payment-mode' },
    warnDays: { type: Number, attribute: 'warn-days' },
    buyUrl: { attribute: 'buy-url' },
    supportUrl: { attribute: 'support-url' },
    supportEmail: { attribute: 'support-email' },
    renewedCard: { state: true, attribute: false },
  };

  /** The step shown: `card`, `plan`, `pay` or `done`. */
  step: FlowStep = 'card';

  /** Payment methods offered by the checkout, as on `<esim-checkout-button>`. */
  paymentMethods?: string;

  /** `popup` or `redirect` for card payments, as on `<esim-checkout-button>`. */
  paymentMode: 'popup' | 'redirect' = 'popup';

  /** Warn this many days before expiry (else the provider's `warn-days`, else 14). */
  warnDays?: number;

  /** Where to buy a new eSIM when this card cannot be renewed (else the provider's). */
  buyUrl?: string;

  /** The partner's support page, for the checkout's error and success views (else the provider's). */
  supportUrl?: string;

  /** The partner's support e-mail (else the provider's). */
  supportEmail?: string;

  /** Shares this flow's store with the elements inside its shadow root. */
  private readonly provider = new ContextProvider(this, { context: renewalContext });

  /** Shares the settings with them: the provider's, with this flow's own attributes over them. */
  private readonly settingsProvider = new ContextProvider(this, { context: settingsContext });

  private renewedCard?: Card;
  private moved = false;

  override storeConnected(store: RenewalStore): void {
    void store.loadCard();
    void store.loadPlans();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.provider.value !== this.store) this.provider.setValue(this.store);
    const own = ['providedSettings', 'locale', 'warnDays', 'buyUrl', 'supportUrl', 'supportEmail'] as const;
    if (!this.settingsProvider.value || own.some((name) => changed.has(name))) {
      this.settingsProvider.setValue(settingsWith(this.settings, this));
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Land the focus on the new step's heading, but not on first render: the page decides where focus starts.
    if (changed.has('step') && this.moved) this.shadowRoot?.querySelector<HTMLElement>('h2')?.focus();
  }

  /** Moves to a step; the focus goes to its heading. */
  go(step: FlowStep): void {
    this.moved = true;
    this.step = step;
  }

  private onSuccess(event: CustomEvent<{ card: Card }>): void {
    this.renewedCard = event.detail.card;
    this.go('done');
  }

  protected override render() {
    const m = this.msg.flow;
    const index = STEPS.indexOf(this.step);
    return html`<div class="flow" part="flow" role="group" aria-label=${m.label}>
      <ol class="steps" part="steps">
        ${STEPS.map(
          (step, i) => html`<li
            class=${i < index ? 'complete' : ''}
            aria-current=${step === this.step ? 'step' : nothing}
          >
            ${m.steps[step]}
          </li>`,
        )}
      </ol>
      <section part="step" data-step=${this.step} aria-labelledby="step-title">
        <h2 id="step-title" tabindex="-1">
          <span class="visually-hidden">${m.stepHeading(index + 1, STEPS.length, m.steps[this.step])}</span
          ><span aria-hidden="true">${m.steps[this.step]}</span>
        </h2>
        ${this.renderStep()}
      </section>
    </div>`;
  }

  private renderStep() {
    const m = this.msg.flow;
    switch (this.step) {
      case 'card': {
        // A card that cannot be renewed says so here, with the way to a new eSIM, rather than at the payment step.
        if (this.renewal.card.value?.status === 'suspended') {
          const buy = this.settingsProvider.value?.buyUrl;
          const e = this.msg.checkout.eligibility;
          return html`<esim-balance-badge></esim-balance-badge>
            <div class="ineligible" part="ineligible" role="note">
              <p>${e.suspended}</p>
              ${buy ? html`<a class="button" href=${buy}>${e.buyNew}</a>` : nothing}
            </div>`;
        }
        return html`<esim-balance-badge></esim-balance-badge>
          <div class="actions">
            <button class="button" part="next" @click=${() => this.go('plan')}>${m.next}</button>
          </div>`;
      }
      case 'plan': {
        const plan = this.renewal.selectedPlan;
        return html`<esim-plan-picker></esim-plan-picker>
          <div class="actions">
            <button class="button secondary" part="back" @click=${() => this.go('card')}>${m.back}</button>
            <button class="button" part="next" ?disabled=${!plan} @click=${() => this.go('pay')}>${m.review}</button>
          </div>`;
      }
      case 'pay': {
        const plan = this.renewal.selectedPlan;
        return html`${plan
            ? html`<p class="chosen">${m.chosen(plan.name, formatMoney(plan.price, this.resolvedLocale))}</p>`
            : nothing}
          <p class="hint">${m.payHint}</p>
          <esim-checkout-button
            payment-methods=${this.paymentMethods ?? nothing}
            payment-mode=${this.paymentMode}
            @esim-renewal-success=${this.onSuccess}
          ></esim-checkout-button>
          <div class="actions">
            <button class="button secondary" part="back" @click=${() => this.go('plan')}>${m.back}</button>
          </div>`;
      }
      case 'done': {
        const card = this.renewedCard ?? this.renewal.card.value;
        return html`<div class="done" role="status">
            <p>${card ? this.msg.checkout.successBody(formatDate(card.expiresAt, this.resolvedLocale)) : ''}</p>
            <p class="hint">${this.msg.checkout.airplaneTip}</p>
          </div>
          <esim-balance-badge></esim-balance-badge>
          <div class="actions">
            <button class="button secondary" part="next" @click=${() => this.go('card')}>${m.again}</button>
          </div>`;
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'esim-renewal-flow': EsimRenewalFlow;
  }
}
