import '@esim-renewal/widgets/renewal';
import '@esim-renewal/widgets/balance-badge';
import '@esim-renewal/widgets/plan-picker';
import '@esim-renewal/widgets/checkout-button';
import { Component, CUSTOM_ELEMENTS_SCHEMA, Input, signal } from '@angular/core';
import type { EsimPlanChangeEvent, EsimRenewalErrorEvent, EsimRenewalSuccessEvent } from '@esim-renewal/widgets';

/**
 * Custom elements in an Angular template: `[property]` binds a DOM property, `attr` stays a string attribute,
 * `(esim-…)` listens to our events as they are named. CUSTOM_ELEMENTS_SCHEMA lets Angular accept the tags.
 */
@Component({
  selector: 'app-renewal-panel',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <section>
      <button type="button" (click)="toggleLocale()">{{ locale() === 'en' ? '中文' : 'English' }}</button>
      <esim-renewal [apiBase]="apiBase" [sessionToken]="sessionToken" [locale]="locale()">
        <esim-balance-badge warn-days="7"></esim-balance-badge>
        <esim-plan-picker (esim-plan-change)="onPlanChange($event)"></esim-plan-picker>
        <esim-checkout-button
          payment-methods="alipay wechat_pay card"
          (esim-renewal-success)="onSuccess($event)"
          (esim-renewal-error)="onError($event)"
        ></esim-checkout-button>
      </esim-renewal>
      <p data-testid="selected-plan">{{ selected() ? 'Selected: ' + selected() : 'No plan selected' }}</p>
      <p data-testid="status" role="status">{{ status() }}</p>
    </section>
  `,
})
export class RenewalPanelComponent {
  /** The Renewal API, e.g. https://renew.example.com. */
  @Input({ required: true }) apiBase = '';
  /** Minted by your server for this traveller's card. */
  @Input({ required: true }) sessionToken = '';
  @Input() set initialLocale(value: 'en' | 'zh-CN') {
    this.locale.set(value);
  }

  readonly locale = signal<'en' | 'zh-CN'>('en');
  readonly selected = signal('');
  readonly status = signal('');

  toggleLocale(): void {
    this.locale.update((locale) => (locale === 'en' ? 'zh-CN' : 'en'));
  }

  // Angular types `$event` as Event: narrow it to our event classes.
  onPlanChange(event: Event): void {
    this.selected.set((event as EsimPlanChangeEvent).detail.plan.name);
  }

  onSuccess(event: Event): void {
    this.status.set(`Renewed until ${(event as EsimRenewalSuccessEvent).detail.card.expiresAt.slice(0, 10)}`);
  }

  onError(event: Event): void {
    this.status.set(`Failed: ${(event as EsimRenewalErrorEvent).detail.error.code}`);
  }
}
