import { RenewalError } from './errors.js';
import type {
  AutoRenew,
  Card,
  CreateHandoffInput,
  CreateOrderInput,
  CreateQuoteInput,
  CreateRefundInput,
  Device,
  DevicesQuery,
  OrdersQuery,
  PaymentEnv,
  PaymentMethodList,
  PaymentMethodsQuery,
  Plan,
  PlansQuery,
  SetAutoRenewInput,
  StartTransferInput,
  UsageQuery,
  Handoff,
  HandoffSession,
  Order,
  OrderList,
  Quote,
  Refund,
  RefundQuote,
  Transfer,
  TransferResult,
  Usage,
} from './schemas.js';
import { createTransport, newIdempotencyKey } from './transport.js';
import type { WaitForOrderOptions } from './wait-for-order.js';
import * as core from './schemas/core.js';

export { isFinalOrder } from './constants.js';
export type { WaitForOrderOptions };

/**
 * The parts of the contract a page may never use, imported the first time one of their operations is called: a
 * chunk of its own in the script-tag file, a module that bundlers split off from an npm entry. A page that shows
 * only the card loads none (its schema is in `schemas/core.ts`, imported above); one that shows plans or a quote
 * loads `plans` (the script-tag file holds it: the usual page shows plans at once); one that pays, or shows its
 * history, loads `orders`; one that shows usage, moves the card or hands off to another device loads `care`.
 * The transport loads a part alongside the call's request and parses the answer once both are in.
 */
const plans = () => import('./schemas/plans.js');
const orders = () => import('./schemas/orders.js');
const care = () => import('./schemas/care.js');
const waiting = () => import('./wait-for-order.js');

/** The schema `name` of a part of the contract imported on demand, for the transport to await. */
const schema = <Part, Name extends keyof Part>(part: () => Promise<Part>, name: Name): Promise<Part[Name]> =>
  part().then((module) => module[name]);

/**
 * Loads every part of the contract now, and the order-polling loop (below): for `EsimRenewal.loadAll()`, which
 * promises no request later.
 */
export const loadContract = (): Promise<void> => Promise.all([plans(), orders(), care(), waiting()]).then(() => undefined);

export interface RenewalClientOptions {
  /** The Renewal API's base URL, e.g. `https://renew.example.com` or the sandbox's `http://localhost:8787`. */
  baseUrl: string;
  /** A short-lived session token (`rs_…`) minted by the partner's backend. Never a secret key. */
  sessionToken?: string;
  /**
   * Asks the partner's backend for a session token. Called when no `sessionToken` is given, and once more when the
   * server says the session expired, so a long checkout survives the token's lifetime.
   */
  getSessionToken?: () => string | Promise<string>;
  /**
   * The traveller's locale (a BCP 47 tag, e.g. `ja` or `zh-TW`), sent as the `Esim-Locale` header on every request:
   * the API answers plan, region and discount names and error messages in it (negotiated against the locales it
   * speaks, English when none fits). Change it later with `setLocale`. Left out, the session's locale decides, then
   * the browser's `Accept-Language`.
   */
  locale?: string;
  /**
   * Where the page runs (`desktop`, `mobile_browser`, `wechat`, `alipay`, `wechat_miniprogram`): sent with every
   * order and methods list that does not name its own, so that each payment fits it (a QR code on a computer, a
   * redirect on a phone, WeChat Pay's JSAPI inside WeChat, Alipay's `tradePay` inside the Alipay app). Left out, the
   * API pays as on a desktop.
   */
  paymentEnv?: PaymentEnv;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
  /** Per-attempt timeout in milliseconds. Default 10 000. */
  timeout?: number;
  /**
   * How many times a safe or idempotent request is retried on timeouts, network errors and the statuses 408, 429,
   * 500, 502, 503 and 504. Default 2.
   */
  retry?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface CreateOrderOptions extends RequestOptions {
  /**
   * Identifies one purchase attempt. Reuse it to repeat the same attempt safely (a double click, a retry after a
   * dropped answer): the server returns the same order. Generated when left out, and reused across retries.
   */
  idempotencyKey?: string;
}

export interface RequestRefundOptions extends RequestOptions {
  /** Identifies one refund request; reuse it to repeat the same request safely. Generated when left out. */
  idempotencyKey?: string;
}

/** The Renewal API as the browser sees it, with a session token scoped to one card. */
export interface RenewalClient {
  /** The API's base URL this client talks to. */
  readonly baseUrl: string;
  /** The locale sent as `Esim-Locale` with each request; undefined when none is. */
  readonly locale: string | undefined;
  /**
   * Changes the locale later requests are sent with (when the page's or element's language changes); requests
   * already sent keep theirs. `undefined` stops sending one.
   */
  setLocale(locale: string | undefined): void;
  /**
   * A client of the same session that asks the API in `locale` (its own, unaffected by `setLocale` here): for an
   * element that speaks another language than its neighbours. It shares this client's session token and its
   * refreshes. Clients made by `createRenewalClient` have it; a hand-made client may leave it out.
   */
  withLocale?(locale: string): RenewalClient;
  /** The `paymentEnv` option it was made with, if any: the environment it sends with orders. */
  readonly paymentEnv?: PaymentEnv;
  /** The session's card: masked ICCID, status, data left (as of now), expiry, coverage, auto-renew, credit. */
  getCard(options?: RequestOptions): Promise<Card>;
  /** Plans that can renew this card, optionally filtered by region (or a country it covers) and period. */
  listPlans(query?: PlansQuery, options?: RequestOptions): Promise<Plan[]>;
  /** Prices a renewal: discounts, total, new expiry and data after renewal; the quote holds for 15 minutes. */
  createQuote(input: CreateQuoteInput, options?: RequestOptions): Promise<Quote>;
  /**
   * The payment methods where the page runs (`query.env`, else the client's `paymentEnv`), each available with the
   * action its orders get, or not with a `reason` (`METHOD_UNAVAILABLE_REASONS`) to show.
   */
  listPaymentMethods(query?: PaymentMethodsQuery, options?: RequestOptions): Promise<PaymentMethodList>;
  /**
   * Orders a quote with a payment method; idempotent per `idempotencyKey` (one is made if not given). The order is
   * for `input.paymentEnv`, else the client's `paymentEnv`; a method that cannot work there fails with
   * `method_unavailable_in_env` (`details.reason` says why).
   */
  createOrder(input: CreateOrderInput, options?: CreateOrderOptions): Promise<Order>;
  /** Reads an order of this card; once `succeeded` it embeds the renewed card. */
  getOrder(id: string, options?: RequestOptions): Promise<Order>;
  /** Cancels an order still awaiting payment (`invalid_state` otherwise). Not retried. */
  cancelOrder(id: string, options?: RequestOptions): Promise<Order>;
  /** Gives an unpaid Alipay / WeChat Pay order a fresh QR code (they expire after a few minutes). */
  refreshPayment(id: string, options?: RequestOptions): Promise<Order>;
  /** A single-use link (and its QR code) to continue this renewal on another device: same card, same plan. */
  createHandoff(input: CreateHandoffInput, options?: RequestOptions): Promise<Handoff>;
  /** Polls the order with backoff until it is `succeeded`, `failed` or `canceled`, and returns it. */
  waitForOrder(id: string, options?: WaitForOrderOptions): Promise<Order>;
  /** Daily data used over the last `days` days (default 30), oldest first. */
  getUsage(query?: UsageQuery, options?: RequestOptions): Promise<Usage>;
  /** Turns auto-renew on (with a plan that can renew this card) or off. */
  setAutoRenew(input: SetAutoRenewInput, options?: RequestOptions): Promise<AutoRenew>;
  /** The card's orders, newest first; pass the page's `nextCursor` as `cursor` for the next one. */
  listOrders(query?: OrdersQuery, options?: RequestOptions): Promise<OrderList>;
  /** What a refund of this order would give now (full, credit or rejected, and why), before asking for it. */
  getRefundQuote(orderId: string, options?: RequestOptions): Promise<RefundQuote>;
  /** Asks for a refund (one per order); it is `requested` until the operator decides. Idempotent, like createOrder. */
  requestRefund(orderId: string, input?: CreateRefundInput, options?: RequestRefundOptions): Promise<Refund>;
  /** Phones the card can move to, matching every word of `q`. */
  listDevices(query?: DevicesQuery, options?: RequestOptions): Promise<Device[]>;
  /** Starts moving the card to a new phone: a one-time code goes to the traveller's contact. Not retried. */
  startTransfer(input: StartTransferInput, options?: RequestOptions): Promise<Transfer>;
  /** Confirms the move with the one-time code; returns the new phone's activation. Not retried (attempts count). */
  verifyTransfer(transferId: string, code: string, options?: RequestOptions): Promise<TransferResult>;
}

export function createRenewalClient(options: RenewalClientOptions): RenewalClient {
  return clientOf(options);
}

/** The session token, read (or fetched anew with `refresh`) as each request leaves: shared by a client's `withLocale`s. */
type Credential = (refresh: boolean) => string | Promise<string>;

function clientOf(options: RenewalClientOptions, sharedCredential?: Credential): RenewalClient {
  const { sessionToken, getSessionToken } = options;
  if (!options.baseUrl) throw new RenewalError('validation_failed', 'createRenewalClient needs a baseUrl');
  if (!sessionToken && !getSessionToken) {
    throw new RenewalError('validation_failed', 'createRenewalClient needs a sessionToken or getSessionToken');
  }
  if (sessionToken?.startsWith('sk_')) {
    throw new RenewalError('forbidden', 'A secret key was given as sessionToken; mint a session on your server');
  }
  let token = sessionToken;
  let locale = options.locale || undefined;
  const credential: Credential =
    sharedCredential ??
    (async (refresh) => {
      if (!token || refresh) token = await getSessionToken!();
      return token;
    });
  const call = createTransport({
    ...options,
    locale: () => locale,
    canRefresh: Boolean(getSessionToken),
    credential,
  });
  const id = (value: string) => encodeURIComponent(value);

  const client: RenewalClient = {
    baseUrl: options.baseUrl,
    get locale() {
      return locale;
    },
    setLocale(next) {
      locale = next || undefined;
    },
    withLocale: (other) => clientOf({ ...options, locale: other }, credential),
    paymentEnv: options.paymentEnv,
    getCard: ({ signal } = {}) => call(core.Card, 'GET', '/v1/card', { signal }),
    listPlans: async (query = {}, { signal } = {}) =>
      (await call(schema(plans, 'PlanList'), 'GET', '/v1/plans', { signal, searchParams: query })).plans,
    createQuote: (input, { signal } = {}) =>
      call(schema(plans, 'Quote'), 'POST', '/v1/quotes', { signal, json: input }),
    listPaymentMethods: ({ env = options.paymentEnv } = {}, { signal } = {}) =>
      call(schema(orders, 'PaymentMethodList'), 'GET', '/v1/payment-methods', { signal, searchParams: env ? { env } : {} }),
    createOrder: (input, { signal, idempotencyKey = newIdempotencyKey() } = {}) =>
      call(schema(orders, 'Order'), 'POST', '/v1/orders', {
        signal,
        json: options.paymentEnv && !input.paymentEnv ? { ...input, paymentEnv: options.paymentEnv } : input,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    getOrder: (orderId, { signal } = {}) =>
      call(schema(orders, 'Order'), 'GET', `/v1/orders/${id(orderId)}`, { signal }),
    cancelOrder: (orderId, { signal } = {}) =>
      call(schema(orders, 'Order'), 'POST', `/v1/orders/${id(orderId)}/cancel`, { signal, idempotent: false }),
    refreshPayment: (orderId, { signal } = {}) =>
      call(schema(orders, 'Order'), 'POST', `/v1/orders/${id(orderId)}/refresh-payment`, { signal, idempotent: false }),
    createHandoff: (input, { signal } = {}) =>
      call(schema(care, 'Handoff'), 'POST', '/v1/handoffs', { signal, json: input, idempotent: false }),
    getUsage: (query = {}, { signal } = {}) =>
      call(schema(care, 'Usage'), 'GET', '/v1/card/usage', { signal, searchParams: query }),
    setAutoRenew: (input, { signal } = {}) =>
      call(core.AutoRenew, 'PUT', '/v1/card/auto-renew', { signal, json: input }),
    listOrders: (query = {}, { signal } = {}) =>
      call(schema(orders, 'OrderList'), 'GET', '/v1/orders', { signal, searchParams: query }),
    getRefundQuote: (orderId, { signal } = {}) =>
      call(schema(orders, 'RefundQuote'), 'GET', `/v1/orders/${id(orderId)}/refund-quote`, { signal }),
    requestRefund: (orderId, input = {}, { signal, idempotencyKey = newIdempotencyKey() } = {}) =>
      call(schema(orders, 'Refund'), 'POST', `/v1/orders/${id(orderId)}/refunds`, {
        signal,
        json: input,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    listDevices: async (query = {}, { signal } = {}) =>
      (await call(schema(care, 'DeviceList'), 'GET', '/v1/devices', { signal, searchParams: query })).devices,
    startTransfer: (input, { signal } = {}) =>
      call(schema(care, 'Transfer'), 'POST', '/v1/card/transfer', { signal, json: input, idempotent: false }),
    verifyTransfer: (transferId, code, { signal } = {}) =>
      call(schema(care, 'TransferResult'), 'POST', `/v1/card/transfer/${id(transferId)}/verify`, {
        signal,
        json: { code },
        idempotent: false,
      }),

    // The polling loop is loaded with the first wait (a page that never pays never downloads it); its first read
    // of the order loads the orders part of the contract anyway.
    waitForOrder: (orderId, options) =>
      waiting().then(
        (module) => module.waitForOrder((id, read) => client.getOrder(id, read), orderId, options),
        (error: unknown) => {
          throw new RenewalError('network', `Could not load the wait for order ${orderId}`, { cause: error });
        },
      ),
  };
  return client;
}

/**
 * Exchanges a hand-off code (from a link opened on this device) for a session of this device's own, on the same
 * card. The code is the credential: it works once, for ten minutes.
 */
export async function claimHandoff(
  options: Pick<RenewalClientOptions, 'baseUrl' | 'fetch' | 'timeout' | 'locale'>,
  code: string,
  { signal }: RequestOptions = {},
): Promise<HandoffSession> {
  const call = createTransport({ ...options, locale: () => options.locale, retry: 0, canRefresh: false, credential: () => '' });
  try {
    return await call(schema(care, 'HandoffSession'), 'POST', '/v1/handoffs/claim', {
      signal,
      json: { code },
      idempotent: false,
    });
  } catch (error) {
    // The code exists but was claimed before: the link was used, which the traveller can fix (a new link).
    if (error instanceof RenewalError && error.code === 'invalid_state') {
      throw new RenewalError('handoff_used', `This hand-off link was already used: ${error.message}`, {
        status: error.status,
        requestId: error.requestId,
        cause: error,
      });
    }
    throw error;
  }
}
