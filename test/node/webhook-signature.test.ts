// `constructEvent` from `@esim-renewal/widgets/server`, as a partner's server calls it on every delivery: a good
// signature gives the typed event; a tampered body, a wrong secret, an old or future timestamp, a broken header and
// a body that is no event are each refused with their own code. The signatures are made here with node:crypto
// directly (the scheme as documented), and one comes from a real delivery of the sandbox.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { startSandbox } from '../../sandbox/server.ts';
import { waitFor } from '../sandbox/helpers.ts';
import {
  constructEvent, createPartnerClient, isWebhookVerificationError, webhookSignatureHeader, type WebhookEvent,
} from '../../src/server/index.ts';

const SECRET = 'whsec_test_0123456789abcdef';
const NOW = Date.UTC(2026, 10, 25, 8, 0, 0);
const t = Math.floor(NOW / 1000);

const event: WebhookEvent = {
  id: 'evt_0123456789abcdef',
  type: 'card.expiring',
  createdAt: '2026-11-25T08:00:00.000Z',
  data: {
    card: {
      id: 'card_1', iccid: '89860000000000000011', status: 'active', label: 'Round-the-world',
      expiresAt: '2026-12-09T08:00:00.000Z', data: { remainingBytes: 1024, totalBytes: 4096 },
    },
    daysBefore: 14,
  },
};
const body = JSON.stringify(event);

/** The documented scheme, written out: HMAC-SHA256 over `<t>.<body>` with the whole secret as the key. */
const sign = (payload: string, secret = SECRET, at = t) =>
  `t=${at},v1=${createHmac('sha256', secret).update(`${at}.${payload}`).digest('hex')}`;

const refusedWith = (code: string) => (error: unknown) => {
  assert.ok(isWebhookVerificationError(error), String(error));
  assert.equal(error.code, code, error.message);
  return true;
};

describe('constructEvent: verifying a webhook delivery', () => {
  it('returns the typed event for a good signature, from a string or the raw bytes', () => {
    const verified = constructEvent(body, sign(body), SECRET, { now: NOW });
    assert.deepEqual(verified, event);
    assert.equal(verified.type === 'card.expiring' && verified.data.daysBefore, 14);
    assert.deepEqual(constructEvent(Buffer.from(body), sign(body), SECRET, { now: NOW }), event);
    // The SDK's own signer makes the same header (a partner's tests can use it).
    assert.equal(webhookSignatureHeader(body, SECRET, t), sign(body));
  });

  it('accepts any of several v1 signatures (a secret being rotated) and skips schemes it does not know', () => {
    const header = `t=${t},v1=${'0'.repeat(64)},v2=whatever,${sign(body).split(',')[1]}`;
    assert.equal(constructEvent(body, header, SECRET, { now: NOW }).id, event.id);
  });

  it('refuses a tampered body', () => {
    const tampered = body.replace('"daysBefore":14', '"daysBefore":1');
    assert.throws(() => constructEvent(tampered, sign(body), SECRET, { now: NOW }), refusedWith('signature_invalid'));
    // Even re-serialised with the same meaning: the signature is over the bytes.
    const reformatted = JSON.stringify(event, null, 2);
    assert.throws(() => constructEvent(reformatted, sign(body), SECRET, { now: NOW }), refusedWith('signature_invalid'));
  });

  it('refuses the signature of another secret', () => {
    const other = sign(body, 'whsec_someone_else');
    assert.throws(() => constructEvent(body, other, SECRET, { now: NOW }), refusedWith('signature_invalid'));
  });

  it('refuses an old timestamp (a replay) and one too far ahead, within the tolerance it accepts', () => {
    const old = sign(body, SECRET, t - 301);
    assert.throws(() => constructEvent(body, old, SECRET, { now: NOW }), refusedWith('timestamp_outside_tolerance'));
    assert.equal(constructEvent(body, sign(body, SECRET, t - 299), SECRET, { now: NOW }).id, event.id);
    assert.equal(constructEvent(body, old, SECRET, { now: NOW, tolerance: 600 }).id, event.id);
    assert.throws(() => constructEvent(body, sign(body, SECRET, t + 400), SECRET, { now: NOW }), refusedWith('timestamp_outside_tolerance'));
    // A replayed timestamp cannot be freshened: changing `t` breaks the signature.
    const [, v1] = old.split(',');
    assert.throws(() => constructEvent(body, `t=${t},${v1}`, SECRET, { now: NOW }), refusedWith('signature_invalid'));
  });

  it('refuses a missing or malformed header', () => {
    for (const header of [undefined, null, '', 't=abc,v1=zz', `v1=${'a'.repeat(64)}`, `t=${t}`, `t=${t},v1=${'a'.repeat(63)}`]) {
      assert.throws(() => constructEvent(body, header, SECRET, { now: NOW }), refusedWith('signature_invalid'), String(header));
    }
  });

  it('refuses a correctly signed body that is not JSON, or not an event it knows, saying where', () => {
    assert.throws(() => constructEvent('not json', sign('not json'), SECRET, { now: NOW }), refusedWith('payload_invalid'));
    const unknown = JSON.stringify({ ...event, type: 'card.exploded' });
    assert.throws(() => constructEvent(unknown, sign(unknown), SECRET, { now: NOW }), refusedWith('payload_invalid'));
    const broken = JSON.stringify({ ...event, data: { ...event.data, card: { id: 'card_1' } } });
    assert.throws(() => constructEvent(broken, sign(broken), SECRET, { now: NOW }), (error: unknown) => {
      refusedWith('payload_invalid')(error);
      assert.ok(isWebhookVerificationError(error) && error.issues.some((issue) => issue.path.includes('card')));
      return true;
    });
  });

  it('refuses to run in a browser page, like the partner client', () => {
    const global = globalThis as { document?: unknown };
    global.document = {};
    try {
      assert.throws(() => constructEvent(body, sign(body), SECRET, { now: NOW }), /server only/);
      assert.throws(() => createPartnerClient({ baseUrl: 'http://x', secretKey: 'sk_test_demo' }), /server only/);
    } finally {
      delete global.document;
    }
  });

  it('verifies a real delivery from the sandbox, signed as documented', async () => {
    const deliveries: Array<{ body: string; header: string; eventId: string }> = [];
    const server = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk));
      request.on('end', () => {
        deliveries.push({ body: raw, header: String(request.headers['esim-signature']), eventId: String(request.headers['esim-event-id']) });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const sandbox = await startSandbox({ webhooks: { sweepIntervalMs: 20 } });
    try {
      const partner = createPartnerClient({ baseUrl: sandbox.url, secretKey: 'sk_test_demo' });
      const { port } = server.address() as AddressInfo;
      const endpoint = await partner.createWebhookEndpoint({ url: `http://127.0.0.1:${port}/hooks`, events: ['card.expired'] });
      const clock = await fetch(`${sandbox.url}/sandbox/clock`, {
        method: 'POST',
        headers: { Authorization: 'Bearer sk_test_demo', 'Content-Type': 'application/json' },
        body: JSON.stringify({ advance: { days: 6 } }), // the demo card 89860000000000000029 expires in 5 days
      });
      assert.equal(clock.status, 200);
      const delivery = await waitFor(() => deliveries[0], 5_000);
      const [, at] = /^t=(\d+),/.exec(delivery.header)!;
      assert.equal(delivery.header, sign(delivery.body, endpoint.secret, Number(at)));
      const verified = constructEvent(delivery.body, delivery.header, endpoint.secret);
      assert.equal(verified.type, 'card.expired');
      assert.equal(verified.id, delivery.eventId);
    } finally {
      await sandbox.close();
      server.close();
    }
  });
});
