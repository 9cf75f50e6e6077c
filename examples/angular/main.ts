import { Component, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { RenewalPanelComponent } from './renewal-panel.component';

// Your server renders <app-root data-api-base="…" data-session-token="…"> into the page.
const host = document.querySelector<HTMLElement>('app-root')!;

@Component({
  selector: 'app-root',
  imports: [RenewalPanelComponent],
  template: `<app-renewal-panel [apiBase]="apiBase" [sessionToken]="sessionToken" [initialLocale]="locale" />`,
})
class AppComponent {
  apiBase = host.dataset.apiBase ?? '';
  sessionToken = host.dataset.sessionToken ?? '';
  locale: 'en' | 'zh-CN' = host.dataset.locale === 'zh-CN' ? 'zh-CN' : 'en';
}

bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] }).catch((error) => console.error(error));
