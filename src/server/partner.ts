import { RenewalError } from '../client/errors.js';
import type { CreateSessionInput, PartnerCard, Session } from '../client/schemas.js';
import { createTransport } from '../client/transport.js';
import * as S from '../client/schemas.js';

export interface PartnerClientOptions {
  /** The Renewal API's base URL. */
  baseUrl: string;
  /** Your secret key (`sk_test_…` / `sk_live_…`). Keep it on your server; the API refuses it from browsers. */
  secretKey: string;
  fetch?: typeof fetch;
  timeout?: number;
  retry?: number;
}

/** What a partner's backend calls: mint session tokens for its travellers, list its cards. */
export interface PartnerClient {
  /** Mints a short-lived session token scoped to one card; hand it to the widget. */
  createSession(input: CreateSessionInput, options?: { signal?: AbortSignal }): Promise<Session>;
  listCards(options?: { signal?: AbortSignal }): Promise<PartnerCard[]>;
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
  };
}
