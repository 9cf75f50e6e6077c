/**
 * The demo partner's reminders, as its backend would do them: subscribe to the card events, verify every delivery
 * with `constructEvent`, turn each reminder into a renewal link for the traveller, and list what arrived on the page.
 * Plus the sandbox-only "jump ahead 10 days" that makes reminders arrive now.
 *
 * The signing secret is shown only when an endpoint is created, and this server keeps it in memory: on its first
 * page view (per sandbox origin) it replaces any endpoint it made before a restart with a new one.
 */
import type { Context, Hono } from 'hono';
import { constructEvent, isWebhookVerificationError, type WebhookEvent } from '../src/server/index.ts';
import type { PartnerClient } from '../src/server/partner.ts';

export interface Reminder {
  id: string;
  type: 'card.expiring' | 'card.data_low' | 'card.expired';
  createdAt: string;
  iccid: string;
  label: string;
  /** Days before expiry, or per cent of data used. */
  threshold: number | null;
  /** The renewal link the partner would send the traveller. */
  link: string;
}

const KEEP = 20;
const WANTED = ['card.expiring', 'card.data_low', 'card.expired'] as const;
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

interface Subscription {
  /** The origin the page is seen on: the sandbox's API base, and where renewal links go. */
  origin: string;
  secret: string;
  reminders: Reminder[];
}

/** Where the sandbox posts: this server itself, on loopback when it is reached over plain http from elsewhere. */
function webhookUrl(origin: string): string {
  const url = new URL(origin);
  const self = url.protocol === 'https:' || LOOPBACK.includes(url.hostname) ? origin : `http://127.0.0.1:${url.port || '80'}`;
  return `${self}/demo/webhooks`;
}

export function mountReminders(app: Hono, partnerFor: (origin: string) => PartnerClient, secretKey: string): {
  subscribe(origin: string): Promise<Subscription>;
} {
  /** By the URL deliveries come to. */
  const subscriptions = new Map<string, Promise<Subscription>>();

  function subscribe(origin: string): Promise<Subscription> {
    const url = webhookUrl(origin);
    let subscription = subscriptions.get(url);
    if (!subscription) {
      subscription = (async () => {
        const partner = partnerFor(origin);
        for (const old of await partner.listWebhookEndpoints()) if (old.url === url) await partner.deleteWebhookEndpoint(old.id);
        const { secret } = await partner.createWebhookEndpoint({ url, events: [...WANTED], description: 'demo page' });
        return { origin, secret, reminders: [] };
      })();
      subscription.catch(() => subscriptions.delete(url));
      subscriptions.set(url, subscription);
    }
    return subscription;
  }

  const originOf = (c: Context) => new URL(c.req.url).origin;

  app.post('/demo/webhooks', async (c) => {
    const subscription = subscriptions.get(`${originOf(c)}/demo/webhooks`);
    if (!subscription) return c.text('Not subscribed', 404);
    const { origin, secret, reminders } = await subscription;
    let event: WebhookEvent;
    try {
      event = constructEvent(await c.req.text(), c.req.header('esim-signature'), secret);
    } catch (error) {
      if (isWebhookVerificationError(error)) return c.text(error.code, 400);
      throw error;
    }
    // Deliveries are at least once: a repeat is acknowledged and skipped.
    if (reminders.some((r) => r.id === event.id) || !(WANTED as readonly string[]).includes(event.type)) return c.body(null, 204);
    const card = event.data.card;
    // The message the traveller would get opens this page on the card, signed in, ready to renew.
    const { url } = await partnerFor(origin).createRenewalLink({ iccid: card.iccid, url: `${origin}/demo?card=${card.iccid}` });
    const threshold = event.type === 'card.expiring' ? event.data.daysBefore : event.type === 'card.data_low' ? event.data.usedPercent : null;
    reminders.unshift({
      id: event.id, type: event.type as Reminder['type'], createdAt: event.createdAt, iccid: card.iccid, label: card.label, threshold, link: url,
    });
    reminders.length = Math.min(reminders.length, KEEP);
    console.log(`[demo] ${event.type} for ${card.label} (${card.iccid}): would send ${url}`);
    return c.body(null, 204);
  });

  app.get('/demo/reminders', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ reminders: (await subscribe(originOf(c))).reminders });
  });

  // Sandbox only: the partner's time jumps ahead 10 days (or back to today), and the reminders it crosses arrive.
  app.post('/demo/clock', async (c) => {
    // Only this page's own form moves the clock: a form on another site posting here is refused.
    const from = c.req.header('origin');
    if (from !== undefined && from !== originOf(c)) return c.text('Forbidden', 403);
    const form = await c.req.parseBody();
    await subscribe(originOf(c));
    const body = form.action === 'reset' ? { reset: true } : { advance: { days: 10 } };
    const moved = await fetch(`${originOf(c)}/sandbox/clock`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!moved.ok) return c.text('The sandbox clock did not move.', 502);
    const back = new URLSearchParams({ card: String(form.card ?? ''), lang: String(form.lang ?? '') });
    return c.redirect(`/demo?${back}`, 303);
  });

  return { subscribe };
}
