import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import type { Order, OrderList } from '../../client/schemas.js';
import type { RenewalStore } from '../../context/store.js';
import { EsimRefundRequestEvent } from '../../events/refund-request.js';
import { formatDate, formatMoney } from '../../i18n/format.js';
import { EsimElement } from '../../internal/esim-element.js';
import { failureOf } from '../../internal/task-failure.js';
import { tokens } from '../../internal/theme.js';
import { styles } from './order-history.styles.js';
import { printReceipt, receiptRows } from './receipt.js';
import { Refunds, type RefundDraft } from './refunds.js';
import { enHistory } from '../../i18n/en/history.js';
import { enCheckout } from '../../i18n/en/checkout.js';
import { enOperationErrors } from '../../i18n/en/operation-errors.js';
import { addEnglish } from '../../i18n/index.js';

// English for the history and its receipts (and the checkout's payment methods) comes in this module's chunk: it joins
// the English catalogue as this module is evaluated, so before the element can render (see `addEnglish`). Pages without
// it never download these messages.
addEnglish({ history: enHistory, checkout: enCheckout, errors: enOperationErrors });

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
    receipt: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** Renewals per page. */
  pageSize = 10;

  private orders: Order[] = [];
  private nextCursor: string | null = null;
  private receipt?: Order;
  private announcement = '';

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog');
  }

  private loadedFor?: RenewalStore;

  /** A page of renewals: the first, or the one after `cursor`. */
  private readonly pages = new Task(this, {
    autoRun: false,
    task: async ([store, cursor]: [RenewalStore, string | undefined], { signal }) => ({
      first: cursor === undefined,
      page: await store.client.listOrders({ limit: this.pageSize, cursor }, { signal }),
    }),
    onComplete: ({ first, page }) => this.show(page, first),
  });

  private readonly refunds = new Refunds(this, {
    // A refund was requested from the dialog: the renewal shows it, and the page hears of it.
    requested: (order, refund) => {
      this.replace({ ...order, refund });
      this.announcement = this.msg.history.refund.sent;
      this.emit(new EsimRefundRequestEvent(refund));
      this.dialog?.close();
    },
    // The operator decided: the renewal shows the decision.
    decided: (order) => {
      this.replace(order);
      this.announcement = this.msg.history.refund.statuses[order.refund?.status ?? ''] ?? '';
    },
  });

  override storeConnected(store: RenewalStore): void {
    void store.loadCard();
    if (this.loadedFor !== store) {
      this.loadedFor = store;
      this.orders = [];
      this.nextCursor = null;
      void this.pages.run([store, undefined]);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pages.abort();
    this.loadedFor = undefined;
  }

  private get loading(): boolean {
    return this.pages.status === TaskStatus.PENDING;
  }

  /** Loads the next page (or the first). */
  async loadPage(): Promise<void> {
    const store = this.store;
    if (!store || this.loading) return;
    await this.pages.run([store, this.nextCursor ?? undefined]);
  }

  private show(page: OrderList, first: boolean): void {
    this.orders = first ? page.orders : [...this.orders, ...page.orders];
    this.nextCursor = page.nextCursor;
    if (!first) this.announcement = this.msg.history.shown(this.orders.length);
    for (const order of page.orders) if (order.refund?.status === 'requested') void this.refunds.follow(order.id);
  }

  private replace(order: Order): void {
    this.orders = this.orders.map((existing) => (existing.id === order.id ? order : existing));
  }

  private openReceipt(order: Order): void {
    this.refunds.close();
    this.receipt = order;
    void this.updateComplete.then(() => this.dialog?.showModal());
  }

  private async openRefund(order: Order): Promise<void> {
    if (!this.store) return;
    this.receipt = undefined;
    this.refunds.open(order);
    await this.updateComplete;
    this.dialog?.showModal();
  }

  private submitRefund(event: SubmitEvent): void {
    event.preventDefault();
    this.refunds.send(((event.target as HTMLFormElement).elements.namedItem('note') as HTMLTextAreaElement).value.trim());
  }

  protected override render() {
    const h = this.msg.history;
    const error = failureOf(this.pages);
    return html`<section aria-labelledby="title" aria-busy=${this.loading ? 'true' : 'false'}>
        <h2 id="title">${h.label}</h2>
        ${error && !this.orders.length
          ? html`<div class="message error" role="alert">
              <p>${h.error} ${this.msg.errors[error.code]}</p>
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
      <dialog part="dialog" aria-labelledby="dialog-title" @close=${() => ((this.receipt = undefined), this.refunds.close())}>
        ${this.receipt ? this.renderReceipt(this.receipt) : this.refunds.draft ? this.renderRefund(this.refunds.draft) : nothing}
      </dialog>`;
  }

  private renderOrder(order: Order) {
    const h = this.msg.history;
    const locale = this.resolvedLocale;
    const refund = order.refund;
    const canRefund = order.status === 'succeeded' && !refund;
    return html`<li class="order" part="order">
      <div class="head">
        <span class="plan" id=${`plan-${order.id}`}>${order.quote.plan.name}</span>
        <span class="status ${order.status}" part="status">${h.statuses[order.status] ?? order.status}</span>
      </div>
      <dl>
        <dt>${h.columns.date}</dt>
        <dd id=${`date-${order.id}`}>${formatDate(order.createdAt, locale)}</dd>
        <dt>${h.columns.amount}</dt>
        <dd>${formatMoney(order.quote.total, locale)}</dd>
        <dt>${h.columns.method}</dt>
        <dd>${this.msg.checkout.methods[order.paymentMethod]}</dd>
        ${order.renewedUntil
          ? html`<dt>${h.columns.until}</dt>
              <dd>${formatDate(order.renewedUntil, locale)}</dd>`
          : nothing}
        ${refund
          ? html`<dt>${h.refund.statusLabel}</dt>
              <dd class="refund ${refund.status}">${this.refundText(order)}</dd>`
          : nothing}
      </dl>
      <div class="actions">
        <!-- Named by their own words first (as voice control users say them), then the renewal's plan and date. -->
        <button class="button secondary" part="receipt-button" @click=${() => this.openReceipt(order)}
          id=${`receipt-${order.id}`} aria-labelledby=${`receipt-${order.id} plan-${order.id} date-${order.id}`}>${h.receipt}</button>
        ${canRefund
          ? html`<button class="button secondary" part="refund-button" @click=${() => this.openRefund(order)}
              id=${`refund-${order.id}`} aria-labelledby=${`refund-${order.id} plan-${order.id} date-${order.id}`}>
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
    const { quote, error, sending } = this.refunds;
    const amount = quote ? formatMoney(quote.amount, this.resolvedLocale) : '';
    const method = this.msg.checkout.methods[draft.order.paymentMethod];
    return html`<header><h2 id="dialog-title">${r.title}</h2></header>
      <p class="plan">${draft.order.quote.plan.name} · ${formatMoney(draft.order.quote.total, this.resolvedLocale)}</p>
      ${error
        ? html`<p class="error" role="alert">${this.msg.errors[error.code]}</p>`
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
            ? html`<button class="button" type="submit" ?disabled=${sending}>${r.confirm}</button>`
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
