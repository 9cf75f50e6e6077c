// Waiting for an order to be final: a module of its own, loaded by the client on the first `waitForOrder` (only a
// page that pays waits), so that a page showing the card never downloads the polling loop.
import { isFinalOrder } from './constants.js';
import { RenewalError } from './errors.js';
import type { Order } from './schemas/orders.js';
import { sleep } from './transport.js';

export interface WaitForOrderOptions {
  signal?: AbortSignal;
  /** First delay between polls in milliseconds. Default 1 000; it grows by half each time. */
  interval?: number;
  /** The longest delay between polls. Default 5 000. */
  maxInterval?: number;
  /** For this many milliseconds the delay stays at `interval`, then it grows. Default 0. */
  steadyFor?: number;
  /** How much the delay grows each time once it does. Default 1.5. */
  backoff?: number;
  /** Called with every order read, final or not. */
  onUpdate?: (order: Order) => void;
}

/** Polls the order with backoff until it is final (see `RenewalClient.waitForOrder`), reading it with `getOrder`. */
export async function waitForOrder(
  getOrder: (id: string, options: { signal?: AbortSignal }) => Promise<Order>,
  orderId: string,
  { signal, interval = 1_000, maxInterval = 5_000, steadyFor = 0, backoff = 1.5, onUpdate }: WaitForOrderOptions = {},
): Promise<Order> {
  let delay = interval;
  const steadyUntil = Date.now() + steadyFor;
  for (;;) {
    let order: Order | undefined;
    try {
      order = await getOrder(orderId, { signal });
    } catch (error) {
      // A flaky network while waiting is normal abroad: keep waiting unless the error is final. A garbled
      // answer (a proxy, a cut-off body) says nothing about the order: reading it again is safe, and giving up
      // here would leave a traveller who has paid looking at an error, one "try again" from paying twice.
      if (!(error instanceof RenewalError && (error.retryable || error.code === 'invalid_response'))) throw error;
    }
    if (order) {
      onUpdate?.(order);
      if (isFinalOrder(order)) return order;
    }
    await sleep(delay, signal);
    if (Date.now() >= steadyUntil) delay = Math.min(maxInterval, Math.round(delay * backoff));
  }
}
