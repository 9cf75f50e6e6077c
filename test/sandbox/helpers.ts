/** Shared set-up for the sandbox tests: a real sandbox on an in-memory database, and terse request helpers. */
import { createSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/app.ts';
import jsQR from 'jsqr';

export const DEMO_KEY = 'sk_test_demo';
export const OTHER_KEY = 'sk_test_other';

export const ICCID = {
  active: '89860000000000000011',
  expiring: '89860000000000000029',
  expired: '89860000000000000037',
  lowData: '89860000000000000045',
  suspended: '89860000000000000052',
  neverRenewed: '89860000000000000060',
  unlimited: '89860000000000000078',
  japanOnly: '89860000000000000086',
  other: '89860000000000000094',
  // Sold in the markets' own currencies (sandbox/seed/cards.ts).
  jpy: '89860000000000000100',
  krw: '89860000000000000118',
  hkd: '89860000000000000126',
  twd: '89860000000000000134',
  thb: '89860000000000000142',
  sgd: '89860000000000000159',
} as const;

export type Template =
  | 'active' | 'expiring' | 'expired' | 'low_data' | 'suspended' | 'never_renewed' | 'unlimited' | 'japan_only'
  | 'refund_full' | 'refund_credit' | 'refund_rejected' | 'history';

/** A clock tests can move. */
export function manualClock(start = Date.now()) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

export function testSandbox(options: Partial<SandboxOptions> = {}): Sandbox {
  return createSandbox({ dbPath: ':memory:', settleDelayMs: 50, sweepIntervalMs: 20, ...options });
}

export interface Reply {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One request to the app (or, with a base URL, over HTTP); JSON in, JSON (when it is JSON) out. */
export async function call(
  target: Sandbox | string,
  method: string,
  path: string,
  { token, body, headers = {} }: CallOptions = {},
): Promise<Reply> {
  const init: RequestInit = { method, headers: { ...headers } };
  const h = init.headers as Record<string, string>;
  if (token) h.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    h['Content-Type'] ??= 'application/json';
  }
  const res = typeof target === 'string'
    ? await fetch(target + path, init)
    : await target.app.request(path, init);
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

/** Mints a session token for a card of the demo partner (or of the partner whose secret key is given). */
export async function sessionFor(sandbox: Sandbox, iccid: string, extra: Record<string, unknown> = {}, key = DEMO_KEY): Promise<string> {
  const reply = await call(sandbox, 'POST', '/v1/sessions', { token: key, body: { iccid, ...extra } });
  if (reply.status !== 201) throw new Error(`session for ${iccid}: ${reply.status} ${reply.text}`);
  return reply.body.token;
}

/** A brand-new card from a template, and a session for it: each test gets its own card. */
export async function freshCard(sandbox: Sandbox, template: Template, currency?: string) {
  const reply = await call(sandbox, 'POST', '/sandbox/cards', { token: DEMO_KEY, body: { template, currency } });
  if (reply.status !== 201) throw new Error(`card ${template}: ${reply.status} ${reply.text}`);
  return { card: reply.body as { id: string; iccid: string }, token: await sessionFor(sandbox, reply.body.iccid) };
}

export async function quote(sandbox: Sandbox, token: string, body: Record<string, unknown> = { planId: 'jp-month-10gb' }) {
  const reply = await call(sandbox, 'POST', '/v1/quotes', { token, body });
  if (reply.status !== 201) throw new Error(`quote: ${reply.status} ${reply.text}`);
  return reply.body;
}

export async function order(sandbox: Sandbox, token: string, body: Record<string, unknown>, key: string = crypto.randomUUID()) {
  return call(sandbox, 'POST', '/v1/orders', { token, body, headers: { 'Idempotency-Key': key } });
}

type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

/** Polls until `check` returns a truthy value (never a fixed sleep). */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 3000): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Truthy<T>;
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Submits a hosted page's form. */
export function postForm(sandbox: Sandbox, path: string, fields: Record<string, string>) {
  return sandbox.app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

/**
 * Reads a QR code of an API answer (`QrCode`: size and base64 modules) as a camera would: drawn with its quiet zone
 * at 4 pixels a module and decoded by jsQR. Undefined when it does not scan.
 */
export function scanQr({ size, modules }: { size: number; modules: string }): string | undefined {
  const bits = Buffer.from(modules, 'base64');
  const scale = 4;
  const side = (size + 8) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const bit = y * size + x;
      if (!((bits[bit >> 3]! >> (7 - (bit & 7))) & 1)) continue;
      for (let dy = 0; dy < scale; dy += 1) {
        const row = ((y + 4) * scale + dy) * side;
        pixels.fill(0, (row + (x + 4) * scale) * 4, (row + (x + 5) * scale) * 4);
      }
    }
  }
  // The alpha channel was filled with 0 along with the colour; jsQR reads only RGB.
  return jsQR(pixels, side, side)?.data;
}
