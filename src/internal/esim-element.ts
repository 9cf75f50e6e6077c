import { ContextConsumer } from '@lit/context';
import { LitElement, type PropertyDeclarations, type PropertyValues, type ReactiveController } from 'lit';
import { createRenewalClient } from '../client/client.js';
import { renewalContext } from '../context/renewal-context.js';
import { DEFAULT_SETTINGS, settingsContext, type RenewalSettings } from '../context/settings.js';
import { RenewalStore, type RenewalState } from '../context/store.js';
import { warmFormattersSoon } from '../i18n/format.js';
import { isExplicitLocale, localePending, messagesFor, type Messages } from '../i18n/index.js';
import { LanguageChangeController, localeAt } from './page-language.js';

/** Re-renders its host whenever the store it reads from changes, and follows the host to a new store. */
class StoreController implements ReactiveController {
  private store?: RenewalStore;
  private unsubscribe?: () => void;

  constructor(
    private readonly host: EsimElement,
    private readonly connected: (store: RenewalStore) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    // A removed element may still render once more; it must not subscribe (and start loading) again.
    if (this.host.isConnected) this.sync();
    // An element with its own store (no provider) has the API answer in its language; under a provider, the
    // provider sets the language of the store they share.
    if (this.store && this.store === this.host.ownedStore) this.store.setLocale(this.host.resolvedLocale);
  }

  /** Called by an update that does not render (its language is on the way): the data loads all the same. */
  hostUpdateSkipped(): void {
    this.hostUpdate();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.store = undefined;
  }

  private sync(): void {
    const store = this.host.store;
    if (store === this.store && this.unsubscribe) return;
    this.unsubscribe?.();
    this.store = store;
    this.unsubscribe = store?.subscribe(() => this.host.requestUpdate());
    if (store) this.connected(store);
  }
}

/**
 * What every esim element shares: the store (from an enclosing `<esim-renewal>`, or its own when given
 * `api-base` and `session-token`), the provider's settings, the locale and its messages.
 */
export abstract class EsimElement extends LitElement {
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    sessionToken: { attribute: 'session-token' },
    locale: { reflect: true },
  };

  static {
    // Internal state is declared here, not in `properties`: the manifest analyzer would list it there as a public
    // field (it honours `@internal` only on the field itself).
    this.createProperty('providedStore', { state: true, attribute: false });
    this.createProperty('providedSettings', { state: true, attribute: false });
  }

  /** The Renewal API's base URL; only needed when the element is used without an `<esim-renewal>` provider. */
  apiBase?: string;

  /** A session token minted by the partner's backend; only needed without a provider. */
  sessionToken?: string;

  /**
   * The language to speak (`ja`, `zh-TW`, `en`). Unset or `auto` (the default): the provider's language inside an
   * `<esim-renewal>`, else the best of the browser's `navigator.languages` (negotiated again when they change), else
   * the page's `lang` (the nearest one) when it is a language we speak, else English. See `resolvedLocale` for the outcome.
   */
  locale?: string;

  /** @internal The store of the enclosing `<esim-renewal>`, if any. */
  providedStore?: RenewalStore;

  /** @internal The settings of the enclosing `<esim-renewal>` (or `<esim-renewal-flow>`), if any. */
  providedSettings?: RenewalSettings;

  private ownStore?: RenewalStore;
  private ownStoreKey?: string;
  private readonly stores: StoreController;

  constructor() {
    super();
    // The context controllers rather than their decorator: the same protocol, without the decorator's code. Each
    // value lands in a reactive property, so a new one renders the element again.
    new ContextConsumer(this, {
      context: renewalContext,
      subscribe: true,
      callback: (store) => (this.providedStore = store),
    });
    new ContextConsumer(this, {
      context: settingsContext,
      subscribe: true,
      callback: (settings) => (this.providedSettings = settings),
    });
    // `auto` without a provider follows the browser's languages when they change (a provider tells its elements).
    new LanguageChangeController(this, () => this.requestUpdate());
    this.stores = new StoreController(this, (store) => {
      this.storeConnected(store);
      // The element's first requests are on their way: build the formatters its first render needs meanwhile.
      warmFormattersSoon(this.resolvedLocale);
    });
  }

  /** @internal The store this element reads and writes; undefined until it has a provider or its own credentials. */
  get store(): RenewalStore | undefined {
    // An element with a `locale` of its own reads the provider's card in that language: plan names match its words.
    if (this.providedStore) {
      return isExplicitLocale(this.locale) ? this.providedStore.inLocale(this.resolvedLocale) : this.providedStore;
    }
    if (!this.apiBase || !this.sessionToken) return undefined;
    const key = `${this.apiBase}|${this.sessionToken}`;
    if (this.ownStoreKey !== key) {
      const locale = this.resolvedLocale;
      this.ownStore = new RenewalStore(createRenewalClient({ baseUrl: this.apiBase, sessionToken: this.sessionToken, locale }));
      this.ownStoreKey = key;
    }
    return this.ownStore;
  }

  /** @internal The store this element made for itself (no provider), whose language it sets. */
  get ownedStore(): RenewalStore | undefined {
    return this.providedStore ? undefined : this.ownStore;
  }

  /** The shared state, or an empty one before a store exists. */
  protected get renewal(): RenewalState {
    return this.store?.state ?? { card: { status: 'idle' }, plans: { status: 'idle' } };
  }

  /** What the provider says: its locale, support contacts, buy link and warning days; the defaults without one. */
  protected get settings(): RenewalSettings {
    return this.providedSettings ?? DEFAULT_SETTINGS;
  }

  /**
   * The locale the element speaks, one of those it has messages for (`ja`, `zh-HK`, `en`): what `locale` asks for,
   * or what `auto` negotiated. Its text, numbers, dates and prices use it, and the API is asked for plan names and
   * messages in it (inside a provider too: an element with a `locale` of its own reads the card and plans in it).
   * @readonly
   */
  get resolvedLocale(): string {
    return localeAt(this, this.locale, this.settings.locale);
  }

  protected get msg(): Messages {
    return messagesFor(this.resolvedLocale);
  }

  /**
   * Languages other than English arrive in a file of their own (src/i18n/locales.ts). Until the element's has
   * arrived it does not render — no flash of English — while its data loads as usual; then it renders with every
   * property change it held back. A language that cannot be loaded renders in English.
   */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    const pending = localePending(this.resolvedLocale);
    if (!pending) return super.shouldUpdate(changed);
    this.stores.hostUpdateSkipped();
    void pending.then(() => {
      for (const [key, oldValue] of changed) this.requestUpdate(key, oldValue);
      this.requestUpdate();
    });
    return false;
  }

  /** `updateComplete` also waits for the element's language: once it resolves, the element shows its text. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (let pending = localePending(this.resolvedLocale); pending; pending = localePending(this.resolvedLocale)) {
      await pending;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /**
   * Dispatches one of our typed events and says whether the page let it through (`false` if a cancelable event
   * was `preventDefault()`ed). Each element lists what it fires with `@fires` in its JSDoc.
   */
  protected emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  /** @internal Called when the element gets (or changes) its store: start the loads it needs. */
  storeConnected(_store: RenewalStore): void {}
}
