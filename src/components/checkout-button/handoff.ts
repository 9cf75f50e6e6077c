import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { asRenewalError, type RenewalError } from '../../client/errors.js';
import type { Handoff, Plan } from '../../client/schemas.js';
import type { RenewalStore } from '../../context/store.js';
import { EsimRenewalErrorEvent } from '../../events/renewal-error.js';
import type { HandoffState } from './checkout-state.js';

/** The element the hand-off is offered in: the summary of its checkout. */
export interface HandoffHost extends ReactiveControllerHost, EventTarget {
  readonly store: RenewalStore | undefined;
  /** The page the other device opens (relative to this one); this page when unset. */
  readonly handoffUrl?: string;
}

/**
 * "Continue on another device" on the checkout's summary: makes a single-use link to the same card and plan, and
 * copies it; and the same kind of link for "open in your browser". The links belong to the summary they were made
 * on: they are forgotten when the checkout leaves it.
 */
export class HandoffController implements ReactiveController {
  private link?: Handoff & { copied: boolean };
  private browserLink?: Handoff & { copied: boolean };
  private error?: RenewalError;
  private making = false;

  constructor(
    private readonly host: HandoffHost,
    /** The plan of the summary on screen, or undefined when no summary is. */
    private readonly summaryPlan: () => Plan | undefined,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    if (!this.summaryPlan()) this.link = this.browserLink = this.error = undefined;
  }

  /** The page the other device opens, when it is one a phone can open (http or https: not a `file:` page). */
  private get page(): string | undefined {
    try {
      const page = new URL(this.host.handoffUrl ?? '', globalThis.location.href);
      return /^https?:$/.test(page.protocol) ? page.href : undefined;
    } catch {
      return undefined;
    }
  }

  get state(): HandoffState {
    return { available: this.page !== undefined, link: this.link, browserLink: this.browserLink, error: this.error };
  }

  /** Makes the link; a double click makes one. A failure is shown and reported (`esim-renewal-error`). */
  async start(): Promise<void> {
    const made = await this.make();
    if (made) this.link = { ...made, copied: false };
    this.host.requestUpdate();
  }

  /**
   * "Copy link to open in your browser" (a wallet the app the page is open in blocks): a single-use hand-off link to
   * the same card and plan, made for it — this page's own address would not sign in there (its session came by
   * hand-off or from the partner's page, and is not in the link) — then copied. Where the clipboard is refused
   * (often in WeChat's browser) the link is shown to copy by hand. A link not yet expired is copied again, not
   * remade.
   */
  async copyForBrowser(): Promise<void> {
    const current = this.browserLink;
    const made = current && Date.parse(current.expiresAt) > Date.now() ? current : await this.make();
    if (!made) return this.host.requestUpdate();
    let copied = true;
    try {
      await navigator.clipboard.writeText(made.url);
    } catch {
      copied = false;
    }
    this.browserLink = { ...made, copied };
    this.host.requestUpdate();
  }

  /** A new hand-off link to this page, or undefined (none can be made here, one is being made, or it failed). */
  private async make(): Promise<Handoff | undefined> {
    const store = this.host.store;
    const url = this.page;
    if (!store || !url || this.making) return undefined;
    this.making = true;
    this.error = undefined;
    try {
      return await store.client.createHandoff({ url, planId: this.summaryPlan()?.id });
    } catch (error) {
      this.error = asRenewalError(error);
      this.host.dispatchEvent(new EsimRenewalErrorEvent(this.error));
      return undefined;
    } finally {
      this.making = false;
    }
  }

  async copy(): Promise<void> {
    if (!this.link) return;
    try {
      await navigator.clipboard.writeText(this.link.url);
      this.link = { ...this.link, copied: true };
      this.host.requestUpdate();
    } catch {
      // No clipboard permission: the link is on screen to copy by hand.
    }
  }
}
