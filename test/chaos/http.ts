// Terse helpers for chaos tests that talk to a sandbox over HTTP (a child process or a server in this process).
import Database from 'better-sqlite3';
import { call, DEMO_KEY, type Reply } from '../sandbox/helpers.ts';

export { call, DEMO_KEY, type Reply };

export interface CardSession {
  card: { id: string; iccid: string };
  token: string;
}

/** A brand-new card of the demo partner and a session for it, as the partner's backend would mint it. */
export async function newCardSession(base: string, template = 'active'): Promise<CardSession> {
  const card = await call(base, 'POST', '/sandbox/cards', { token: DEMO_KEY, body: { template } });
  if (card.status !== 201) throw new Error(`card: ${card.status} ${card.text}`);
  return { card: card.body, token: await mintSession(base, card.body.iccid) };
}

export async function mintSession(base: string, iccid: string): Promise<string> {
  const session = await call(base, 'POST', '/v1/sessions', { token: DEMO_KEY, body: { iccid } });
  if (session.status !== 201) throw new Error(`session: ${session.status} ${session.text}`);
  return session.body.token;
}

export async function newQuote(base: string, token: string, planId = 'global-month-10gb') {
  const reply = await call(base, 'POST', '/v1/quotes', { token, body: { planId } });
  if (reply.status !== 201) throw new Error(`quote: ${reply.status} ${reply.text}`);
  return reply.body as { id: string; newExpiresAt: string; plan: { id: string } };
}

export function createOrder(base: string, token: string, body: Record<string, unknown>, key: string) {
  return call(base, 'POST', '/v1/orders', { token, body, headers: { 'Idempotency-Key': key } });
}

/** Pays on the hosted card page as the traveller's browser would (the answer is a page or a redirect). */
export async function payOnHostedPage(base: string, orderId: string, number = '4242 4242 4242 4242') {
  const res = await fetch(`${base}/sandbox/checkout/${orderId}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ number, expiry: '12/34', cvc: '123' }).toString(),
    redirect: 'manual',
  });
  await res.arrayBuffer();
  return res.status;
}

/**
 * A burst this big can have a connection reset under it; a client repeats the very same request (same key, same
 * payment form), as the widget's client does, and the repeat is counted.
 */
export async function repeatOnReset<T>(request: () => Promise<T>, counter: { resets: number }): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await request();
    } catch (error) {
      if (attempt >= 4) throw error;
      counter.resets += 1;
    }
  }
}

/** A read-only view of a sandbox database file (another process may be writing it). */
export function openReadOnly(dbPath: string) {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}
