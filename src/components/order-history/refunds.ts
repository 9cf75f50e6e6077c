import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isRenewalError, type RenewalError } from '../../client/errors.js';
import { newIdempotencyKey, sleep } from '../../client/index.js';
import type { Order, Refund, RefundQuote } from '../../client/schemas.js';
import type { RenewalStore } from '../../context/store.js';
import { failureOf } from '../../internal/task-failure.js';

/** How often a pending refund request is checked; it grows by half up to 10 s. */
const REFUND_POLL_MS = 1_000;

/** A refund request being prepared in the dialog: its order, and the Idempotency-Key every send of it carries. */
export interface RefundDraft {
  readonly order: Order;
  readonly key: string;
}

/** The order history, as the refunds see it. */
export interface RefundHost extends ReactiveControllerHost {
  readonly store: RenewalStore | undefined;
}

/** What the order history does when a refund request is sent, and when the operator decides on one. */
export interface RefundOutcomes {
  /** The request was sent: the order now carries it. */
  requested(order: Order, refund: Refund): void;
  /** The operator decided: the order as it is now. */
  decided(order: Order): void;
}

/**
 * The refund requests of the order history, apart from their looks: the draft in the dialog, the outcome a refund
 * would have (asked before sending), the request itself, and the polling for the operator's decision. Every request
 * stops when the element goes away.
 */
export class Refunds implements ReactiveController {
  /** The refund being prepared in the dialog, if any. */
  draft?: RefundDraft;

  /** The draft the last request was sent for: its failure shows while that draft is in the dialog. */
  private sentFor?: RefundDraft;
  /** Ends the polling for decisions when the element goes away. */
  private following = new AbortController();

  /** What a refund of the draft's order would give: full, credit or rejected, and why. */
  private readonly quoteTask: Task<[RenewalStore, Order], RefundQuote>;

  /** The request sent for a draft; pressing twice sends one request (the draft's one Idempotency-Key). */
  private readonly request: Task<[RenewalStore, RefundDraft, string], Refund>;

  constructor(
    private readonly host: RefundHost,
    private readonly outcomes: RefundOutcomes,
  ) {
    host.addController(this);
    this.quoteTask = new Task(host, {
      autoRun: false,
      task: ([store, order], { signal }) => store.client.getRefundQuote(order.id, { signal }),
    });
    this.request = new Task(host, {
      autoRun: false,
      task: ([store, draft, note], { signal }) =>
        store.client.requestRefund(draft.order.id, note ? { note } : {}, { idempotencyKey: draft.key, signal }),
      onComplete: (refund) => {
        const order = this.sentFor!.order;
        this.outcomes.requested(order, refund);
        void this.follow(order.id);
      },
    });
  }

  hostDisconnected(): void {
    this.quoteTask.abort();
    this.request.abort();
    this.following.abort();
    this.following = new AbortController();
  }

  /** The draft's outcome, once known. */
  get quote(): RefundQuote | undefined {
    return this.quoteTask.status === TaskStatus.COMPLETE ? this.quoteTask.value : undefined;
  }

  /** Why the draft's outcome could not be known, or its request failed. */
  get error(): RenewalError | undefined {
    return (this.sentFor === this.draft ? failureOf(this.request) : undefined) ?? failureOf(this.quoteTask);
  }

  get sending(): boolean {
    return this.request.status === TaskStatus.PENDING;
  }

  /** A new draft for `order`; its outcome is asked at once. */
  open(order: Order): void {
    const store = this.host.store;
    this.draft = store ? { order, key: newIdempotencyKey() } : undefined;
    if (store) void this.quoteTask.run([store, order]);
    this.host.requestUpdate();
  }

  close(): void {
    this.draft = undefined;
    this.host.requestUpdate();
  }

  /** Sends the draft's request, once however often it is pressed. */
  send(note: string): void {
    const { draft } = this;
    const store = this.host.store;
    if (!draft || !store || this.sending) return;
    this.sentFor = draft;
    void this.request.run([store, draft, note]);
  }

  /** Waits for the operator's decision on a refund, then hands the order over (and reads the card again). */
  async follow(orderId: string): Promise<void> {
    const store = this.host.store;
    // Taken once: after removal `this.following` is a fresh, unaborted one, and the loop would never end.
    const signal = this.following.signal;
    let delay = REFUND_POLL_MS;
    while (store) {
      try {
        await sleep(delay, signal); // rejects as `aborted` (not retryable) when the element goes away
        const order = await store.client.getOrder(orderId, { signal });
        if (order.refund?.status !== 'requested') {
          this.outcomes.decided(order);
          void store.loadCard({ force: true });
          return;
        }
      } catch (error) {
        if (!(isRenewalError(error) && error.retryable)) return;
      }
      delay = Math.min(10_000, Math.round(delay * 1.5));
    }
  }
}
