import { html, nothing } from 'lit';
import { asRenewalError, isRenewalError, type RenewalError } from '../../client/errors.js';
import type { Order, RefundQuote } from '../../client/schemas.js';
import { newIdempotencyKey, sleep } from '../../client/transport.js';
import type { RenewalStore } from '../../context/store.js';
import { EsimRefundRequestEvent } from '../../events/refund-request.js';
import { formatDate, formatMoney } from '../../i18n/format.js';
import { EsimElement } from '../../internal/esim-element.js';
import { tokens } from '../../internal/theme.js';
import { styles } from './order-history.styles.js';
import { printReceipt, receiptRows } from './receipt.js';

/** How often a pending refund request is checked; it grows by half up to 10 s. */
const REFUND_POLL_MS = 1_000;

interface RefundDraft {
  order: Order;
  quote?: RefundQuote;
  error?: RenewalError;
  key: string;
  sending?: Promise<void>;
}

/**
 * The card's past renewals — date, plan, amount, payment method, status, new expiry — with a printable receipt
 * for each and, where the operator's policy allows, a refund request that shows its outcome before it is sent.
 *
 * @summary Renewal history, receipts and refund requests.
 * @tagname esim-order-history
 * @fires {EsimRefundRequestEvent} esim-refund-request - A refund was requested; `detail.refund` is the request.
 * @fires {EsimRenewalErrorEvent} esim-renewal-error - Loading or a request failed.
 * @csspart list - The list of renewals.
 * @csspart order - One renewal.
 * @csspart status - A renewal's status.
 * @csspart receipt-button - Opens a renewal's receipt.
 * @csspart refund-button - Starts a refund request.
 * @csspart more - Loads the next page.
 * @csspart dialog - The receipt and refund dialog.
 * @cssprop --esim-history-radius - Corner radius of each renewal (default `--esim-radius-m`).
 */
export class EsimOrderHistory extends EsimElement {
  static override styles = [tokens, styles];

  static override properties = {
    pageSize: { type: Number, attribute: 'page-size' },
    orders: { state: true, attribute: false },
    nextCursor: { state: true, attribute: false },
    loading: { state: true, attribute: false },
    error: { state: true, attribute: false },
    receipt: { state: true, attribute: false },
    refund: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** Renewals per page. */
  pageSize = 10;

  private orders: Order[] = [];
  private nextCursor: string | null = null;
  private loading = false;
  private error?: RenewalError;
  private receipt?: Order;
  private refund?: RefundDraft;
  private announcement = '';

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog');
  }

  private abort?: AbortController;
  private loadedFor?: RenewalStore;

  override storeConnected(store: RenewalStore): void {
    void store.loadCard();
    if (this.loadedFor !== store) {
      this.loadedFor = store;
      this.orders = [];
      this.nextCursor = null;
      void this.loadPage();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.abort = undefined;
    this.loadedFor = undefined;
  }

  private get signal(): AbortSignal {
    this.abort ??= new AbortController();
    return this.abort.signal;
  }

  /** Loads the next page (or the first). */
  async loadPage(): Promise<void> {
    const store = this.store;
    if (!store || this.loading) return;
    this.loading = true;
    this.error = undefined;
    try {
      const page = await store.client.listOrders(
        { limit: this.pageSize, cursor: this.nextCursor ?? undefined },
        { signal: this.signal },
      );
      this.orders = [...this.orders, ...page.orders];
      this.nextCursor = page.nextCursor;
      if (this.orders.length > page.orders.length) this.announcement = this.msg.picker.count(this.orders.length);
      for (const order of page.orders) if (order.refund?.status === 'requested') void this.followRefund(order.id);
    } catch (error) {
      if (isRenewalError(error) && error.code === 'aborted') return;
      this.error = asRenewalError(error);
    } finally {
      this.loading = false;
    }
  }

  private replace(order: Order): void {
    this.orders = this.orders.map((existing) => (existing.id === order.id ? order : existing));
  }

  /** Waits for the operator's decision on a refund, then shows it (and the card's new balance or credit). */
  private async followRefund(orderId: string): Promise<void> {
    const store = this.store;
    // Taken once: after removal `this.signal` would hand out a fresh, unaborted one and the loop would never end.
    const signal = this.signal;
    let delay = REFUND_POLL_MS;
    while (store) {
      try {
        await sleep(delay, signal); // rejects as `aborted` (not retryable) when the element goes away
        const order = await store.client.getOrder(orderId, { signal });
        if (order.refund?.status !== 'requested') {
          this.replace(order);
          this.announcement = this.msg.history.refund.statuses[order.refund?.status ?? ''] ?? '';
          void store.loadCard({ force: true });
          return;
        }
      } catch (error) {
        if (!(isRenewalError(error) && error.retryable)) return;
      }
      delay = Math.min(10_000, Math.round(delay * 1.5));
    }
  }

  private openReceipt(order: Order): void {
    this.refund = undefined;
    this.receipt = order;
    void this.updateComplete.then(() => this.dialog?.showModal());
  }

  private async openRefund(order: Order): Promise<void> {
    const store = this.store;
    if (!store) return;
    this.receipt = undefined;
    const draft: RefundDraft = { order, key: newIdempotencyKey() };
    this.refund = draft;
    await this.updateComplete;
    this.dialog?.showModal();
    try {
      draft.quote = await store.client.getRefundQuote(order.id, { signal: this.signal });
    } catch (error) {
      draft.error = asRenewalError(error);
    }
    if (this.refund === draft) this.refund = { ...draft };
  }

  /** Sends the refund request; pressing twice sends one request (same promise, same Idempotency-Key). */
  private submitRefund(event: SubmitEvent): void {
    event.preventDefault();
    const draft = this.refund;
    const store = this.store;
    if (!draft || !store || draft.sending) return;
    const note = ((event.target as HTMLFormElement).elements.namedItem('note') as HTMLTextAreaElement).value.trim();
    draft.sending = (async () => {
      try {
        const refund = await store.client.requestRefund(
          draft.order.id,
          note ? { note } : {},
          { idempotencyKey: draft.key, signal: this.signal },
        );
        this.replace({ ...draft.order, refund });
        this.announcement = this.msg.history.refund.sent;
        this.emit(new EsimRefundRequestEvent(refund));
        this.dialog?.close();
        void this.followRefund(draft.order.id);
      } catch (error) {
        this.refund = { ...draft, sending: undefined, error: asRenewalError(error) };
      }
    })();
    this.refund = { ...draft };
  }

  protected override render() {
    const h = this.msg.history;
    return html`<section aria-labelledby="title" aria-busy=${this.loading ? 'true' : 'false'}>
        <h2 id="title">${h.label}</h2>
        ${this.error && !this.orders.length
          ? html`<div class="message error" role="alert">
              <p>${h.error} ${this.msg.errors[this.error.code]}</p>
              <button class="button secondary" @click=${() => this.loadPage()}>${this.msg.common.retry}</button>
            </div>`
          : !this.orders.length
            ? html`<p class="message">${this.loading ? h.loading : h.empty}</p>`
            : html`<ul class="orders" part="list">${this.orders.map((order) => this.renderOrder(order))}</ul>`}
        ${this.nextCursor
          ? html`<button class="button secondary more" part="more" ?disabled=${this.loading} @click=${() => this.loadPage()}>
              ${h.more}
            </button>`
          : nothing}
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </section>
      <dialog part="dialog" aria-labelledby="dialog-title" @close=${() => ((this.receipt = undefined), (this.refund = undefined))}>
        ${this.receipt ? this.renderReceipt(this.receipt) : this.refund ? this.renderRefund(this.refund) : nothing}
      </dialog>`;
  }

  private renderOrder(order: Order) {
    const h = this.msg.history;
    const locale = this.resolvedLocale;
    const refund = order.refund;
    const canRefund = order.status === 'succeeded' && !refund;
    return html`<li class="order" part="order">
      <div class="head">
        <span class="plan">${order.quote.plan.name}</span>
        <span class="status ${order.status}" part="status">${h.statuses[order.status] ?? order.status}</span>
      </div>
      <dl>
        <dt>${h.columns.date}</dt>
        <dd>${formatDate(order.createdAt, locale)}</dd>
        <dt>${h.columns.amount}</dt>
        <dd>${formatMoney(order.quote.total, locale)}</dd>
        <dt>${h.columns.method}</dt>
        <dd>${this.msg.checkout.methods[order.paymentMethod]}</dd>
        ${order.renewedUntil
          ? html`<dt>${h.columns.until}</dt>
              <dd>${formatDate(order.renewedUntil, locale)}</dd>`
          : nothing}
        ${refund
          ? html`<dt>${h.refund.title}</dt>
              <dd class="refund ${refund.status}">${this.refundText(order)}</dd>`
          : nothing}
      </dl>
      <div class="actions">
        <button class="button secondary" part="receipt-button" @click=${() => this.openReceipt(order)}
          aria-label=${h.receiptFor(order.id)}>${h.receipt}</button>
        ${canRefund
          ? html`<button class="button secondary" part="refund-button" @click=${() => this.openRefund(order)}>
              ${h.refund.request}
            </button>`
          : nothing}
      </div>
    </li>`;
  }

  private refundText(order: Order): string {
    const r = this.msg.history.refund;
    const refund = order.refund!;
    const amount = formatMoney(refund.amount, this.resolvedLocale);
    if (refund.status === 'approved') return refund.outcome === 'credit' ? r.approvedCredit(amount) : r.approvedFull(amount);
    return r.statuses[refund.status] ?? refund.status;
  }

  private renderReceipt(order: Order) {
    const h = this.msg.history;
    const card = this.renewal.card.value;
    return html`<header>
        <h2 id="dialog-title">${h.receiptFor(order.id)}</h2>
      </header>
      <dl class="receipt">
        ${receiptRows(order, card, this.msg, this.resolvedLocale).map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}
      </dl>
      <div class="actions">
        <button class="button secondary" @click=${() => this.dialog?.close()}>${h.close}</button>
        <button class="button" @click=${() => printReceipt(order, card, this.msg, this.resolvedLocale)}>${h.print}</button>
      </div>`;
  }

  private renderRefund(draft: RefundDraft) {
    const r = this.msg.history.refund;
    const quote = draft.quote;
    const amount = quote ? formatMoney(quote.amount, this.resolvedLocale) : '';
    const method = this.msg.checkout.methods[draft.order.paymentMethod];
    return html`<header><h2 id="dialog-title">${r.title}</h2></header>
      <p class="plan">${draft.order.quote.plan.name} · ${formatMoney(draft.order.quote.total, this.resolvedLocale)}</p>
      ${draft.error
        ? html`<p class="error" role="alert">${this.msg.errors[draft.error.code]}</p>`
        : !quote
          ? html`<p role="status">${r.checking}</p>`
          : html`<div class="outcome ${quote.outcome}" role="status">
              <p><strong>${quote.outcome === 'full' ? r.outcomes.full(amount, method) : quote.outcome === 'credit' ? r.outcomes.credit(amount) : r.outcomes.rejected}</strong></p>
              <p>${r.reasons[quote.reason] ?? ''}</p>
            </div>`}
      <form @submit=${this.submitRefund}>
        ${quote && quote.outcome !== 'rejected'
          ? html`<label for="note">${r.note}</label>
              <textarea id="note" name="note" maxlength="500" rows="2"></textarea>`
          : nothing}
        <div class="actions">
          <button class="button secondary" type="button" @click=${() => this.dialog?.close()}>${r.cancel}</button>
          ${quote && quote.outcome !== 'rejected'
            ? html`<button class="button" type="submit" ?disabled=${Boolean(draft.sending)}>${r.confirm}</button>`
            : nothing}
        </div>
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'esim-order-history': EsimOrderHistory;
  }
}
