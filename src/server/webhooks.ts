/**
 * Webhook signatures: how the Renewal API signs each delivery, and `constructEvent`, which a partner's server calls
 * on every one before trusting it. The scheme is Stripe's: the `Esim-Signature` header holds `t=<unix seconds>` and
 * one or more `v1=<hex HMAC-SHA256>` over `<t>.<raw body>`, keyed with the endpoint's signing secret (`whsec_…`).
 * Signing the time with the body lets the receiver refuse a delivery replayed later.
 */
// Node's crypto (HMAC, constant-time compare): this module is for the partner's server, like the partner client.
/// <reference types="node" />
import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookEvent } from './schemas.js';

/** What went wrong, stable across versions: branch on it. */
export type WebhookVerificationErrorCode =
  /** The header is missing or malformed, or no `v1` signature matches the body with this secret. */
  | 'signature_invalid'
  /** The signed time is further from now than `tolerance`: a replay, or a clock that is badly off. */
  | 'timestamp_outside_tolerance'
  /** The body is signed correctly but is not JSON, or not an event this SDK knows (see `issues`). */
  | 'payload_invalid';

/** Why `constructEvent` refused a delivery. Answer it with a 400; the API retries what was not acknowledged. */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';

  constructor(
    /**
     * `signature_invalid` (no valid header, or no `v1` that matches the body with this secret),
     * `timestamp_outside_tolerance` (a replay, or a clock far off) or `payload_invalid` (not an event this SDK knows).
     */
    readonly code: WebhookVerificationErrorCode,
    message: string,
    /** For `payload_invalid`: where the body breaks the event schema. */
    readonly issues: readonly { path: readonly PropertyKey[]; message: string }[] = [],
  ) {
    super(message);
  }
}

/** Checks `name` as well as `instanceof`, so an error from another copy of the SDK is recognised too. */
export function isWebhookVerificationError(error: unknown): error is WebhookVerificationError {
  return error instanceof WebhookVerificationError || (error instanceof Error && error.name === 'WebhookVerificationError');
}

export interface ConstructEventOptions {
  /** How old (or how far ahead) the signed time may be, in seconds; 300 by default. */
  tolerance?: number;
  /** The time to compare with, in epoch milliseconds; `Date.now()` by default (tests may fix it). */
  now?: number;
}

const DEFAULT_TOLERANCE_S = 300;

function refuseBrowser(what: string): void {
  if ('document' in globalThis) {
    throw new Error(`${what} runs on your server only; a signing secret must never be in a page`);
  }
}

const hmac = (secret: string, timestamp: number, payload: string | Uint8Array): Buffer =>
  createHmac('sha256', secret).update(`${timestamp}.`).update(payload).digest();

/**
 * The `Esim-Signature` value for `payload` at `timestamp` (unix seconds): what the API sends, and what your own tests
 * can use to sign a made-up delivery.
 */
export function webhookSignatureHeader(payload: string | Uint8Array, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  refuseBrowser('webhookSignatureHeader');
  return `t=${timestamp},v1=${hmac(secret, timestamp, payload).toString('hex')}`;
}

function parseHeader(header: string): { timestamp: number; signatures: Buffer[] } | undefined {
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2) as [string, string?];
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    // Other schemes (a future v2) are skipped, as Stripe's are.
    if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

/**
 * Verifies a delivery and returns its event, typed by `type`. Give it the body exactly as it arrived (the raw
 * bytes or text, before any JSON parsing: a re-serialised body does not verify), the `Esim-Signature` header and
 * the endpoint's signing secret. Throws a `WebhookVerificationError` for a bad signature, a signed time outside
 * `tolerance`, or a body that is not an event. Runs on your server only: it refuses to run in a browser.
 *
 * Deliveries are at least once: keep the event ids you have handled and skip a repeat.
 */
export function constructEvent(
  rawBody: string | Uint8Array,
  signatureHeader: string | null | undefined,
  secret: string,
  { tolerance = DEFAULT_TOLERANCE_S, now = Date.now() }: ConstructEventOptions = {},
): WebhookEvent {
  refuseBrowser('constructEvent');
  if (!secret.startsWith('whsec_')) throw new TypeError('constructEvent needs the endpoint\'s signing secret (whsec_…)');
  const parsed = parseHeader(signatureHeader ?? '');
  if (!parsed) {
    throw new WebhookVerificationError('signature_invalid', 'No valid Esim-Signature header: expected t=<unix seconds>,v1=<hex>');
  }
  const expected = hmac(secret, parsed.timestamp, rawBody);
  // Constant time, so the answer's timing does not tell an attacker how much of a guess was right.
  if (!parsed.signatures.some((signature) => timingSafeEqual(signature, expected))) {
    throw new WebhookVerificationError('signature_invalid', 'The signature does not match the body with this secret');
  }
  const age = Math.floor(now / 1000) - parsed.timestamp;
  if (Math.abs(age) > tolerance) {
    throw new WebhookVerificationError(
      'timestamp_outside_tolerance',
      `The signature was made ${age} s ${age > 0 ? 'ago' : 'in the future'}, outside the tolerance of ${tolerance} s`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8'));
  } catch {
    throw new WebhookVerificationError('payload_invalid', 'The body is not JSON');
  }
  const result = WebhookEvent.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
    const where = issues[0] ? ` at ${issues[0].path.join('.') || '(root)'}` : '';
    throw new WebhookVerificationError('payload_invalid', `The body is not an event this SDK knows${where}`, issues);
  }
  return result.data;
}
