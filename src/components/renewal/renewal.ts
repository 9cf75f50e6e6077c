import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { claimHandoff, createRenewalClient, type RenewalClient } from '../../client/client.js';
import type { HandoffSession, PaymentEnv } from '../../client/schemas.js';
import { renewalContext } from '../../context/renewal-context.js';
import {
  DEFAULT_SETTINGS, settingsContext, settingsWith, type OwnSettings, type RenewalSettings,
} from '../../context/settings.js';
import { MultilingualStore } from '../../context/language-views.js';
import type { RenewalStore } from '../../context/store.js';
import { EsimExpiryWarningEvent } from '../../events/expiry-warning.js';
import { daysUntil } from '../../i18n/format.js';
import { cardHealth, isLowOnData } from '../../internal/card-health.js';
import { LanguageChangeController, localeAt } from '../../internal/page-language.js';
import { HANDOFF_PARAM, takeQueryParam } from '../../internal/url.js';

/** Cards already warned about in this page view: the warning fires once, however many providers there are. */
const warned = new Set<string>();

/**
 * The provider's properties that make its settings (`RenewalSettings`): the one list both for noticing a change and
 * for reading them, so that a setting cannot be watched and then left out.
 */
const SETTINGS = [
  'locale', 'warnDays', 'buyUrl', 'supportUrl', 'supportEmail', 'supportPhone', 'supportChat', 'paymentEnv',
] as const satisfies ReadonlyArray<keyof OwnSettings>;

/**
 * The provider: holds the Renewal client and the state every element inside it shares, so a badge, a picker and a
 * checkout button make one card request and one plans request between them; and hands its settings (locale,
 * support contacts, buy link, warning days) to them, which render again when one changes.
 *
 * Opened from a hand-off link (`?esim_handoff=…`, made by "continue on another device"), it needs no session token:
 * it exchanges the link's single-use code for a session on the same card and preselects the same plan.
 *
 * @summary Shares one client and one state with the renewal elements inside it.
 * @tagname esim-renewal
 * @slot - The renewal elements and any of the page's own markup.
 * @fires {EsimExpiryWarningEvent} esim-expiry-warning - The card expires within `warn-days` or runs low on data; once per card and page view.
 */
export class EsimRenewal extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties = {
    apiBase: { attribute: 'api-base' },
    sessionToken: { attribute: 'session-token' },
    locale: { reflect: true },
    client: { attribute: false },
    getSessionToken: { attribute: false },
    warnDays: { type: Number, attribute: 'warn-days' },
    supportUrl: { attribute: 'support-url' },
    supportEmail: { attribute: 'support-email' },
    supportPhone: { attribute: 'support-phone' },
    supportChat: { attribute: 'support-chat' },
    buyUrl: { attribute: 'buy-url' },
    paymentEnv: { attribute: 'payment-env' },
  };

  static {
    // Internal state is declared here, not in `properties`: the manifest analyzer would list it there as a public
    // field (it honours `@internal` only on the field itself).
    this.createProperty('store', { state: true, attribute: false });
  }

  /** The Renewal API's base URL, e.g. `https://renew.example.com`. */
  apiBase?: string;

  /** A short-lived session token (`rs_…`) minted by the partner's backend for one card. */
  sessionToken?: string;

  /**
   * The language of every element inside (`ja`, `zh-TW`, `en`) and of the API's answers (plan and region names,
   * messages). Unset or `auto` (the default): the best of the browser's `navigator.languages` (negotiated again when
   * they change), else the page's `lang` (the nearest one) when it is a language we speak, else English. To speak the
   * page's language whatever the browser's, set it here. See `resolvedLocale` for the outcome.
   */
  locale?: string;

  /** A ready client to use instead of building one from `api-base` and `session-token`. */
  client?: RenewalClient;

  /** Asks the partner's backend for a fresh session token when the current one expires. */
  getSessionToken?: () => string | Promise<string>;

  /** Days before expiry when the warning starts (the badge's warning and `esim-expiry-warning`). */
  warnDays = 14;

  /** Where travellers get help: a page (the masked card number and order id are added). */
  supportUrl?: string;

  /** Support e-mail address; subject and body are prefilled. */
  supportEmail?: string;

  /** Support phone number. */
  supportPhone?: string;

  /** Support chat link. */
  supportChat?: string;

  /** Where to buy a new eSIM when the card cannot be renewed. */
  buyUrl?: string;

  /**
   * Where the page runs, for apps that embed the widget in a web view of their own: `desktop`, `mobile_browser`,
   * `wechat`, `alipay` or `wechat_miniprogram`. Left out, the checkout detects it from the browser.
   */
  paymentEnv?: PaymentEnv;

  /** @internal */
  store?: RenewalStore;

  /**
   * The locale the elements inside speak, and the API is asked for: what `locale` asks for, or what `auto`
   * negotiated, among those we have messages for.
   * @readonly
   */
  get resolvedLocale(): string {
    return localeAt(this, this.locale);
  }

  /** Hands `store` to the elements inside (the context controller; its decorator would add code for nothing). */
  private readonly provider = new ContextProvider(this, { context: renewalContext });

  /** Hands the settings to the elements inside; Lit's context notifies them of every new settings object. */
  private readonly settingsProvider = new ContextProvider(this, { context: settingsContext });

  private handoff?: Promise<HandoffSession>;
  private unsubscribe?: () => void;

  constructor() {
    super();
    // `auto` negotiates again when the browser's languages change: the elements get the new language in the
    // settings, and the API is asked in it (`willUpdate`).
    new LanguageChangeController(this, () => {
      if (this.resolvedLocale === this.settings.locale) return;
      this.settingsProvider.setValue(this.ownSettings());
      this.requestUpdate();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const code = takeQueryParam(HANDOFF_PARAM); // single-use: out of the address bar
    if (code && this.apiBase) this.handoff = claimHandoff({ baseUrl: this.apiBase, locale: this.settings.locale }, code);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.settingsProvider.value || SETTINGS.some((name) => changed.has(name))) {
      this.settingsProvider.setValue(this.ownSettings());
    }
    if (changed.has('client') || changed.has('apiBase') || changed.has('sessionToken') || changed.has('getSessionToken')) {
      this.store = this.createStore();
      this.provider.setValue(this.store);
      this.unsubscribe?.();
      this.unsubscribe = this.store?.subscribe(() => this.checkExpiry());
    }
    // The API answers in the elements' language; a new one reads the card and plans again (the chosen plan stays).
    const locale = this.settings.locale;
    if (locale) this.store?.setLocale(locale);
  }

  /** The provider's attributes as the settings object, its locale resolved (`auto` negotiated) once, here. */
  private ownSettings(): RenewalSettings {
    const own: OwnSettings = Object.fromEntries(SETTINGS.map((name) => [name, this[name]]));
    return settingsWith(DEFAULT_SETTINGS, { ...own, locale: this.resolvedLocale });
  }

  /** What the elements inside are told: the provider's attributes as one immutable object. */
  private get settings(): RenewalSettings {
    return this.settingsProvider.value ?? this.ownSettings();
  }

  private createStore(): RenewalStore | undefined {
    if (this.client) return new MultilingualStore(this.client);
    const handoff = this.handoff;
    if (!this.apiBase || (!this.sessionToken && !this.getSessionToken && !handoff)) return undefined;
    const store = new MultilingualStore(
      createRenewalClient({
        baseUrl: this.apiBase,
        // From a hand-off link the first token comes from the claimed code, later ones from the partner (if it can).
        sessionToken: this.sessionToken,
        getSessionToken:
          handoff && !this.sessionToken ? () => handoff.then((session) => session.token) : this.getSessionToken,
        locale: this.settings.locale,
      }),
    );
    void handoff?.then(
      (session) => session.planId && store.selectPlan(session.planId),
      () => undefined, // the elements show the failure: their first request fails with the claim's error
    );
    return store;
  }

  /** Fires `esim-expiry-warning` once per card and page view when the card needs renewing soon. */
  private checkExpiry(): void {
    const card = this.store?.state.card.value;
    if (!card || warned.has(card.id) || cardHealth(card, this.settings.warnDays) !== 'expiring') return;
    warned.add(card.id);
    this.dispatchEvent(new EsimExpiryWarningEvent(card, daysUntil(card.expiresAt), isLowOnData(card)));
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'esim-renewal': EsimRenewal;
  }
}
