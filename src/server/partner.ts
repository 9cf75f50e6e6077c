import { RenewalError } from '../client/errors.js';
import type { CreateSessionInput, PartnerCard, Session } from '../client/schemas.js';
import { createTransport } from '../client/transport.js';
import * as S from '../client/schemas.js';
import * as W from './schemas.js';
import type {
  CreatedWebhookEndpoint, CreateRenewalLinkInput, CreateWebhookEndpointInput, EventList, EventsQuery, RenewalLink,
  WebhookEndpoint,
} from './schemas.js';

export interface PartnerClientOptions {
  /** The Renewal API's base URL. */
  baseUrl: string;
  /** Your secret key (`sk_test_…` / `sk_live_…`). Keep it on your server; the API refuses it from browsers. */
  secretKey: string;
  fetch?: typeof fetch;
  timeout?: number;
  retry?: number;
}

/**
 * What a partner's backend calls: mint session tokens for its travellers, list its cards, subscribe to events and
 * turn a reminder into a renewal link.
 */
export interface PartnerClient {
  /** Mints a short-lived session token scoped to one card; hand it to the widget. */
  createSession(input: CreateSessionInput, options?: { signal?: AbortSignal }): Promise<Session>;
  listCards(options?: { signal?: AbortSignal }): Promise<PartnerCard[]>;
  /**
   * A single-use, short-lived link (and its QR code) that opens your renewal page with the widget signed in to the
   * card and the plan preselected: what a reminder sends the traveller.
   */
  createRenewalLink(input: CreateRenewalLinkInput, options?: { signal?: AbortSignal }): Promise<RenewalLink>;
  /** Subscribes a URL of your server to events; the answer holds the signing secret, shown this once. */
  createWebhookEndpoint(input: CreateWebhookEndpointInput, options?: { signal?: AbortSignal }): Promise<CreatedWebhookEndpoint>;
  listWebhookEndpoints(options?: { signal?: AbortSignal }): Promise<WebhookEndpoint[]>;
  /** Stops deliveries to the endpoint, those still being retried included. */
  deleteWebhookEndpoint(id: string, options?: { signal?: AbortSignal }): Promise<void>;
  /** Your events, newest first, a page at a time (`nextCursor`): to replay what an outage made you miss. */
  listEvents(query?: EventsQuery, options?: { signal?: AbortSignal }): Promise<EventList>;
}

/**
 * The server-side client. It refuses to run in a browser page, so a secret key cannot be shipped to one by mistake.
 */
export function createPartnerClient(options: PartnerClientOptions): PartnerClient {
  if ('document' in globalThis) {
    throw new RenewalError(
      'forbidden',
      'createPartnerClient runs on your server only; never put a secret key in a page',
    );
  }
  if (!options.secretKey.startsWith('sk_')) {
    throw new RenewalError('validation_failed', 'createPartnerClient needs a secret key (sk_…)');
  }
  const call = createTransport({ ...options, canRefresh: false, credential: () => options.secretKey });
  return {
    createSession: (input, { signal } = {}) =>
      call(S.Session, 'POST', '/v1/sessions', { signal, json: input, idempotent: false }),
    listCards: async ({ signal } = {}) => (await call(S.PartnerCardList, 'GET', '/v1/cards', { signal })).cards,
    createRenewalLink: (input, { signal } = {}) =>
      call(W.RenewalLink, 'POST', '/v1/renewal-links', { signal, json: input, idempotent: false }),
    createWebhookEndpoint: (input, { signal } = {}) =>
      call(W.CreatedWebhookEndpoint, 'POST', '/v1/webhook-endpoints', { signal, json: input, idempotent: false }),
    listWebhookEndpoints: async ({ signal } = {}) =>
      (await call(W.WebhookEndpointList, 'GET', '/v1/webhook-endpoints', { signal })).endpoints,
    deleteWebhookEndpoint: async (id, { signal } = {}) => {
      await call(W.DeletedWebhookEndpoint, 'DELETE', `/v1/webhook-endpoints/${encodeURIComponent(id)}`, { signal });
    },
    listEvents: (query = {}, { signal } = {}) =>
      call(W.EventList, 'GET', '/v1/events', { signal, searchParams: { ...query } }),
  };
}
