// A partner's webhook endpoint, for real: a local HTTP server that verifies each delivery with `constructEvent` (the
// SDK a partner uses), processes each event id once and answers as the test tells it to — fail, hang, or accept.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constructEvent, isWebhookVerificationError, type WebhookEvent } from '../../src/server/index.ts';

/**
 * How to answer one delivery of a new event: a status (2xx processes it), `hang` (never answer; the sandbox times
 * out), or `process-then-hang` (processed, but the answer is lost: the sandbox will deliver it again).
 */
export type Answer = number | 'hang' | 'process-then-hang';

export interface Delivery {
  eventId: string;
  /** The signed time (seconds) and when it arrived (ms, real time). */
  signedAt: number;
  arrivedAt: number;
  status: Answer | 'duplicate' | 'refused';
}

export interface Receiver {
  url: string;
  /** Set once the endpoint is created: the secret deliveries are verified with. */
  secret: string;
  /** Events processed, once per id, in order. */
  processed: WebhookEvent[];
  /** Every request that arrived, repeats and failures included. */
  deliveries: Delivery[];
  /** Decides the answer to each delivery of an event not processed yet; 200 (process it) by default. */
  answer: (event: WebhookEvent, attempt: number) => Answer;
  /** `now` for `constructEvent` (a test's manual clock), real time by default. */
  now?: () => number;
  close(): Promise<void>;
}

export async function startReceiver(path = '/esim-webhooks'): Promise<Receiver> {
  const hanging = new Set<import('node:http').ServerResponse>();
  const attempts = new Map<string, number>();
  const receiver = {
    secret: '',
    processed: [] as WebhookEvent[],
    deliveries: [] as Delivery[],
    answer: (() => 200) as Receiver['answer'],
  } as Receiver;

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const header = request.headers['esim-signature'] as string | undefined;
      const delivery: Delivery = {
        eventId: String(request.headers['esim-event-id']),
        signedAt: Number(/t=(\d+)/.exec(header ?? '')?.[1]),
        arrivedAt: Date.now(),
        status: 'refused',
      };
      receiver.deliveries.push(delivery);
      let event: WebhookEvent;
      try {
        event = constructEvent(raw, header, receiver.secret, { now: receiver.now?.() });
      } catch (error) {
        if (!isWebhookVerificationError(error)) throw error;
        return void response.writeHead(400).end(error.code);
      }
      // At least once: an event already processed is acknowledged and skipped.
      if (receiver.processed.some((done) => done.id === event.id)) {
        delivery.status = 'duplicate';
        return void response.writeHead(200).end();
      }
      const attempt = (attempts.get(event.id) ?? 0) + 1;
      attempts.set(event.id, attempt);
      const answer = receiver.answer(event, attempt);
      delivery.status = answer;
      if (answer === 'process-then-hang') receiver.processed.push(event);
      if (answer === 'hang' || answer === 'process-then-hang') {
        hanging.add(response);
        return;
      }
      if (answer >= 200 && answer < 300) receiver.processed.push(event);
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  receiver.close = () =>
    new Promise<void>((done) => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      server.close(() => done());
    });
  return receiver;
}
