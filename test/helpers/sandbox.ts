// Browser-side helpers for tests that talk to the real sandbox. Sessions are minted by the test server playing the
// partner's backend (see test/harness/sandbox-plugin.mjs); the secret key never reaches the page.
import type { Order } from '../../src/client/schemas.js';

export type CardTemplate =
  | 'active'
  | 'expiring'
  | 'expired'
  | 'low_data'
  | 'suspended'
  | 'never_renewed'
  | 'unlimited'
  | 'japan_only'
  | 'refund_full'
  | 'refund_credit'
  | 'refund_rejected'
  | 'history';

export interface TestSession {
  baseUrl: string;
  token: string;
  expiresAt: string;
  cardId: string;
  /** The card's full ICCID, as the partner knows it. */
  iccid: string;
}

export interface SessionRequest {
  /** A fresh card built from this template; every test gets its own card. */
  template?: CardTemplate;
  /** Or a seeded demo card by ICCID (read-only tests only: other tests may renew it). */
  iccid?: string;
  /** The currency the card is sold in: CNY, USD, HKD, TWD, JPY, KRW, THB or SGD (the template's when left out). */
  currency?: string;
  locale?: string;
  ttlSeconds?: number;
}

export async function sandboxUrl(): Promise<string> {
  const response = await fetch('/__partner/config');
  return ((await response.json()) as { baseUrl: string }).baseUrl;
}

export async function newSession(request: SessionRequest = {}): Promise<TestSession> {
  const response = await fetch('/__partner/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ template: 'active', ...request }),
  });
  if (!response.ok) throw new Error(`Could not mint a test session: ${await response.text()}`);
  return (await response.json()) as TestSession;
}

async function sandboxCall(session: TestSession, method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${session.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} failed: ${response.status} ${await response.text()}`);
  return response;
}

/** Pays or declines an order the way the sandbox's wallet would. */
export async function simulatePayment(session: TestSession, orderId: string, outcome: 'succeed' | 'fail') {
  await sandboxCall(session, 'POST', `/sandbox/orders/${orderId}/simulate`, { outcome });
}

/**
 * The wallet's notification of a payment the traveller makes now, whatever the checkout did meanwhile (a QR code
 * still on their phone after Cancel): whether the provider took the money, and the order's status after it.
 */
export async function deliverLatePayment(
  session: TestSession,
  orderId: string,
  settle: 'now' | 'later' = 'now',
): Promise<{ charged: boolean; refused: string | null; status: string }> {
  return (await sandboxCall(session, 'POST', `/sandbox/orders/${orderId}/payment-notification`, { settle })).json();
}

/** The card's current activation code (what the partner's back office knows), and whether it still works. */
export async function currentActivation(session: TestSession): Promise<{ activationCode: string; state: string }> {
  const response = await fetch(`/__partner/activation?iccid=${session.iccid}`);
  if (!response.ok) throw new Error(`Could not read the activation: ${await response.text()}`);
  return response.json();
}

/** What a phone does with an activation code: install the profile. The status, and why it was refused. */
export async function installActivation(
  session: TestSession,
  activationCode: string,
): Promise<{ status: number; reason?: string }> {
  const response = await fetch(`${session.baseUrl}/sandbox/activations/install`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ activationCode }),
  });
  const body = (await response.json()) as { error?: { details?: { reason?: string } } };
  return { status: response.status, reason: body.error?.details?.reason };
}

/** The one-time code the sandbox "sent" for a transfer. */
export async function transferCode(session: TestSession, transferId: string): Promise<string> {
  const response = await sandboxCall(session, 'GET', `/sandbox/transfers/${transferId}/otp`);
  return ((await response.json()) as { code: string }).code;
}

/** Makes an unpaid wallet order's QR code expire now, as if the traveller had waited too long. */
export async function expirePaymentCode(session: TestSession, orderId: string) {
  await sandboxCall(session, 'POST', `/sandbox/orders/${orderId}/expire-code`);
}

/** Submits the sandbox's hosted card page with a test card number. */
export async function payByCard(session: TestSession, orderId: string, cardNumber = '4242 4242 4242 4242') {
  await fetch(`${session.baseUrl}/sandbox/checkout/${orderId}`, {
    method: 'POST',
    body: new URLSearchParams({ number: cardNumber, expiry: '12/34', cvc: '123' }),
    // The page answers with a redirect back to the shop; a browser form would follow it, fetch need not.
    redirect: 'manual',
  });
}

/** Ends the session now, as if its 30 minutes had passed. */
export async function expireSession(session: TestSession) {
  await sandboxCall(session, 'POST', '/sandbox/sessions/expire');
}

export interface Fault {
  method?: string;
  path: string;
  kind: 'status' | 'malformed_json' | 'wrong_shape' | 'delay' | 'drop';
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  times?: number;
  phase?: 'before' | 'after';
}

/** Arms a fault in the sandbox for requests carrying this session's token. */
export async function injectFault(session: TestSession, fault: Fault) {
  await sandboxCall(session, 'POST', '/sandbox/faults', fault);
}

/** A call with the session's token, as another tab of the same traveller would make it; the status and JSON body. */
export async function callAs(
  session: TestSession,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${session.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** The card's orders as its traveller's session lists them, newest first. */
export async function ordersOf(session: TestSession): Promise<Order[]> {
  const { status, body } = await callAs(session, 'GET', '/v1/orders');
  if (status !== 200) throw new Error(`GET /v1/orders failed: ${status} ${JSON.stringify(body)}`);
  return body.orders as Order[];
}

/** The card's newest order: the one its checkout made last (every test has a card of its own). */
export async function latestOrder(session: TestSession): Promise<Order> {
  const [order] = await ordersOf(session);
  if (!order) throw new Error('the card has no order');
  return order;
}

/**
 * Gives a `refund_credit` card its store credit the way a traveller gets it: its partly used renewal refunded as
 * credit, decided after the sandbox's delay. Returns the credit in minor units.
 */
export async function grantStoreCredit(session: TestSession): Promise<number> {
  const [paid] = (await callAs(session, 'GET', '/v1/orders')).body.orders as Array<{ id: string }>;
  const refund = await callAs(session, 'POST', `/v1/orders/${paid!.id}/refunds`, {}, { 'Idempotency-Key': crypto.randomUUID() });
  if (refund.body?.outcome !== 'credit') throw new Error(`no credit refund: ${JSON.stringify(refund.body)}`);
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
    const credit = (await callAs(session, 'GET', '/v1/card')).body.credit?.amount ?? 0;
    if (credit > 0) return credit;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the credit was never granted');
}
