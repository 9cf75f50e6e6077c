// What the checkout's parts share, and nothing that runs: its state, the actions its views may take, what the views
// are given, and the shapes of the flow and of the payment steps as each other sees them. Every other module of the
// checkout imports from here, and this imports none of them: the flow (./checkout-flow.ts), the payment steps
// (./payment.ts, loaded on demand) and the views (./checkout-views.ts, ./payment-views.ts) never import each other
// in a circle.
import type { nothing, ReactiveControllerHost, TemplateResult } from 'lit';
import type { RenewalError } from '../../client/errors.js';
import type { Card, Handoff, Order, PaymentEnv, PaymentMethod, PaymentMethodOption, Plan, Quote } from '../../client/schemas.js';
import type { SupportContact } from '../../context/settings.js';
import type { RenewalStore } from '../../context/store.js';
import type { Messages } from '../../i18n/index.js';
import type { PendingAttempt } from './pending.js';

/**
 * The steps of a checkout. `summary` shows the quote; `paying` waits for the traveller in the payment window or
 * wallet; `confirming` re-reads the card until the renewal shows on it.
 */
export type CheckoutStep =
  | 'idle'
  | 'quoting'
  | 'summary'
  | 'creating'
  | 'paying'
  | 'confirming'
  | 'success'
  | 'error';

/** Where a checkout is: one immutable snapshot, replaced by `CheckoutFlow.set` as the checkout goes on. */
export interface CheckoutState {
  readonly step: CheckoutStep;
  readonly plan?: Plan;
  readonly quote?: Quote;
  /** The order of this attempt, as last read. */
  readonly order?: Order;
  /** The card as re-read after the renewal. */
  readonly card?: Card;
  readonly error?: RenewalError;
  readonly method: PaymentMethod;
  readonly promoCode?: string;
  /** Why the last promo code was refused (`unknown`, `expired`, `not_started`, `exhausted`). */
  readonly promoError?: string;
  /** Set when the quote was refreshed because the old one expired. */
  readonly quoteRefreshed: boolean;
  /** True once waiting has taken longer than usual. */
  readonly slow: boolean;
  /** True while the tab is hidden and polling is paused. */
  readonly paused: boolean;
  /** The Idempotency-Key of the current attempt: one per quote, kept across repeats of Pay. */
  readonly attemptKey?: string;
  /** The last order request failed without a definite answer: its order may exist (answer lost or garbled). */
  readonly orderUnknown: boolean;
  /** Where the page runs, as sent with the order (the payment steps resolve it when they load). */
  readonly env?: PaymentEnv;
  /** The methods of `env` as the API lists them, in its order; undefined until they are read (or if that failed). */
  readonly methodOptions?: readonly PaymentMethodOption[];
  /**
   * Back from a payment page or the wallet's bridge: the order is being read, not trusted from the way back
   * ("Checking your payment…", with "Check again").
   */
  readonly checking: boolean;
  /** The traveller asked to copy this page's link (to open it in the browser): `copied`, or `failed` (shown to select). */
  readonly pageLink?: 'copied' | 'failed';
}

/** The element the checkout runs in; it fires `esim-renewal-success` and `esim-renewal-error` there. */
export interface CheckoutHost extends ReactiveControllerHost, EventTarget {
  readonly store: RenewalStore | undefined;
  /** How card payments open: a popup window (falls back to redirect when blocked) or a full-page redirect. */
  readonly paymentMode: 'popup' | 'redirect';
  /** Where the hosted card page sends the traveller back to in redirect mode. */
  readonly returnUrl?: string;
  /** After this many milliseconds without a final answer the traveller is told it is slow (we keep checking). */
  readonly slowAfter: number;
  /** Where the page runs, as the partner set it (`payment-env`); undefined: the client's option, else detected. */
  readonly paymentEnv?: PaymentEnv;
}

/** What the payment steps need of the flow: its state, the one way to change it, and the way back to the start. */
export interface PaymentFlow {
  readonly host: CheckoutHost;
  readonly state: CheckoutState;
  set(patch: Partial<CheckoutState>): void;
  fail(error: unknown): void;
  start(plan: Plan): Promise<void>;
  reset(): void;
}

/** The payment steps (./payment.ts), once their module is here. */
export interface PaymentSteps {
  createOrder(quote: Quote, key: string, popup: Window | null | undefined): Promise<void>;
  resume(orderId: string, pending: PendingAttempt | undefined): Promise<boolean>;
  refreshPayment(): Promise<void>;
  reopenPayment(): void;
  cancel(): Promise<void>;
  stop(): void;
  closeWindow(): void;
  /** Reads the order now ("Check again"), and keeps waiting. */
  checkAgain(): void;
  /** Copies this page's address, to open it in the browser. */
  copyPageLink(): Promise<void>;
  /** The views of these steps, for the dialog to render (they load with the steps). */
  readonly views: PaymentViews;
}

export interface PaymentViews {
  paying(ctx: ViewContext): TemplateResult;
  success(ctx: ViewContext): TemplateResult;
  handoffLink(ctx: ViewContext): TemplateResult;
  /** The methods that do not work here, each with why and what to do. */
  unavailable(ctx: ViewContext): TemplateResult | typeof nothing;
}

/** "Continue on another device": whether it is offered here, the link made, and why the last one failed. */
export interface HandoffState {
  readonly available: boolean;
  readonly link?: Handoff & { readonly copied: boolean };
  readonly error?: RenewalError;
}

/** Everything a view may do; the views call nothing else. */
export interface CheckoutActions {
  close(): void;
  choose(method: PaymentMethod): void;
  /** Re-quotes with a promo code, or without one (undefined). */
  applyPromo(code: string | undefined): void;
  pay(): void;
  retry(): void;
  /** Gives up on the attempt being paid: cancels its unpaid order. */
  cancel(): void;
  /** A fresh code for a wallet payment whose code expired. */
  refreshPayment(): void;
  /** Opens the card payment page again. */
  reopenPayment(): void;
  /** Shows the wallet's QR code rather than the "open the wallet" button. */
  showQr(): void;
  /** Makes a hand-off link. */
  handoff(): void;
  copyHandoff(): void;
  /** Reads the order again now, after a return from a payment page or wallet. */
  checkAgain(): void;
  /** Copies this page's link, to open it in the browser. */
  copyPageLink(): void;
}

/** What the views are given: what to show, read only, and what they may do. */
export interface ViewContext {
  readonly msg: Messages;
  readonly locale: string;
  readonly checkout: CheckoutState;
  readonly methods: readonly PaymentMethod[];
  /** The methods the element would offer that do not work where the page runs (see `checkout.methodOptions`). */
  readonly unavailableMethods: readonly PaymentMethod[];
  readonly support: SupportContact;
  /** The masked card number the store has, for the support links of the error view. */
  readonly maskedIccid?: string;
  /** Seconds left on a wallet code, or undefined when there is none. */
  readonly secondsLeft?: number;
  /** Show the "open the wallet app" button rather than the QR code (phones). */
  readonly preferApp: boolean;
  readonly handoff: HandoffState;
  /** The views of the payment steps, once they are loaded. */
  readonly payment?: PaymentViews;
  readonly on: CheckoutActions;
}
