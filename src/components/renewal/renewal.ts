import { provide } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createRenewalClient, type RenewalClient } from '../../client/client.js';
import { renewalContext } from '../../context/renewal-context.js';
import { RenewalStore } from '../../context/store.js';

/**
 * The provider: holds the Renewal client and the state every element inside it shares, so a badge, a picker and a
 * checkout button make one card request and one plans request between them.
 *
 * @summary Shares one client and one state with the renewal elements inside it.
 * @tagname esim-renewal
 * @slot - The renewal elements and any of the page's own markup.
 */
export class EsimRenewal extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The Renewal API's base URL, e.g. `https://renew.example.com`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** A short-lived session token (`rs_…`) minted by the partner's backend for one card. */
  @property({ attribute: 'session-token' }) sessionToken?: string;

  /** The language for every element inside (`zh-CN`, `en`); defaults to the page's `lang`. */
  @property({ reflect: true }) locale?: string;

  /** A ready client to use instead of building one from `api-base` and `session-token`. */
  @property({ attribute: false }) client?: RenewalClient;

  /** Asks the partner's backend for a fresh session token when the current one expires. */
  @property({ attribute: false }) getSessionToken?: () => string | Promise<string>;

  /** Where travellers get help: shown with errors. */
  @property({ attribute: 'support-url' }) supportUrl?: string;

  /** Support e-mail address, offered with errors. */
  @property({ attribute: 'support-email' }) supportEmail?: string;

  /** @internal */
  @provide({ context: renewalContext })
  @state()
  store?: RenewalStore;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('client') ||
      changed.has('apiBase') ||
      changed.has('sessionToken') ||
      changed.has('getSessionToken') ||
      (changed.has('locale') && !this.client)
    ) {
      this.store = this.createStore();
    }
    if (this.store) {
      this.store.locale = this.locale;
      this.store.support = { url: this.supportUrl, email: this.supportEmail };
    }
  }

  private createStore(): RenewalStore | undefined {
    if (this.client) return new RenewalStore(this.client);
    if (!this.apiBase || (!this.sessionToken && !this.getSessionToken)) return undefined;
    return new RenewalStore(
      createRenewalClient({
        baseUrl: this.apiBase,
        sessionToken: this.sessionToken,
        getSessionToken: this.getSessionToken,
        locale: this.locale,
      }),
    );
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
