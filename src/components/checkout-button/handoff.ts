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
 * copies it. The link belongs to the summary it was made on: it is forgotten when the checkout leaves it.
 */
export class HandoffController implements ReactiveController {
  private link?: Handoff & { copied: boolean };
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
    if (!this.summaryPlan()) this.link = this.error = undefined;
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
    return { available: this.page !== undefined, link: this.link, error: this.error };
  }

  /** Makes the link; a double click makes one. A failure is shown and reported (`esim-renewal-error`). */
  async start(): Promise<void> {
    const store = this.host.store;
    const url = this.page;
    if (!store || !url || this.making) return;
    this.making = true;
    this.error = undefined;
    try {
      this.link = { ...(await store.client.createHandoff({ url, planId: this.summaryPlan()?.id })), copied: false };
    } catch (error) {
      this.error = asRenewalError(error);
      this.host.dispatchEvent(new EsimRenewalErrorEvent(this.error));
    } finally {
      this.making = false;
      this.host.requestUpdate();
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
