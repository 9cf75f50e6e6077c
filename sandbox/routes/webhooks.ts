/**
 * Webhooks, with the partner's secret key: endpoints to subscribe (`/v1/webhook-endpoints`) and the event log to
 * replay from (`GET /v1/events`). Recording and sending events is in `sandbox/webhooks/`.
 */
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import {
  CreatedWebhookEndpoint, CreateWebhookEndpointInput, DEFAULT_EXPIRING_DAYS, DeletedWebhookEndpoint, EventList,
  EventsQuery, WEBHOOK_EVENT_TYPES, type WebhookEvent, WebhookEndpointList,
} from '../../src/server/schemas.ts';
import { requirePartner } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import { intParam, readJson, sendJson, validate } from '../http.ts';
import { partnerUrlProblem } from '../url-rules.ts';
import { randomId } from '../util.ts';
import { endpointView, webhookStore } from '../webhooks/store.ts';

/** Enough for staging, production and a few tools; past this, a partner is likely leaking endpoints. */
const MAX_ENDPOINTS = 16;
const DEFAULT_EVENT_PAGE = 20;

/**
 * Where events may go: https anywhere, http only on a loopback host (a partner's own machine; the sandbox only —
 * a live API would refuse loopback altogether), no user name or password. The rules of `url-rules.ts`, without
 * the registered origins: an endpoint is a server, not a page a traveller is sent to.
 */
function requireEndpointUrl(url: string): void {
  const problem = partnerUrlProblem(url);
  if (!problem) return;
  const message = `url ${problem.message}`;
  throw new ApiError('validation_failed', message, { rule: problem.rule, issues: [{ path: ['url'], message }] });
}

export function webhookRoutes(app: Hono, deps: Deps): void {
  const store = webhookStore(deps.db);

  app.post('/v1/webhook-endpoints', async (c) => {
    const partner = requirePartner(c, deps);
    const input = await readJson(c, CreateWebhookEndpointInput);
    requireEndpointUrl(input.url);
    if (store.endpointsOf(partner.id).length >= MAX_ENDPOINTS) {
      throw new ApiError('invalid_state', `A partner may have ${MAX_ENDPOINTS} webhook endpoints; delete one first`);
    }
    const endpoint = {
      id: randomId('we'),
      url: input.url,
      secret: `whsec_${randomBytes(24).toString('base64url')}`,
      events: WEBHOOK_EVENT_TYPES.filter((type) => input.events?.includes(type) ?? true),
      expiringDays: [...new Set(input.expiringDays ?? DEFAULT_EXPIRING_DAYS)].sort((a, b) => b - a),
      description: input.description ?? null,
    };
    const at = deps.now();
    store.insertEndpoint(partner.id, endpoint, at);
    // The only time the secret is shown: the partner keeps it to verify signatures.
    return sendJson(c, CreatedWebhookEndpoint, { ...endpointView({ ...endpoint, createdAt: at }), secret: endpoint.secret }, 201);
  });

  app.get('/v1/webhook-endpoints', (c) => {
    const partner = requirePartner(c, deps);
    return sendJson(c, WebhookEndpointList, { endpoints: store.endpointsOf(partner.id).map(endpointView) });
  });

  app.delete('/v1/webhook-endpoints/:id', (c) => {
    const partner = requirePartner(c, deps);
    const id = c.req.param('id');
    // Another partner's endpoint is indistinguishable from none.
    if (!deps.db.transaction(() => store.deleteEndpoint(partner.id, id, deps.now())).immediate()) throw notFound('Webhook endpoint');
    return sendJson(c, DeletedWebhookEndpoint, { id, deleted: true });
  });

  app.get('/v1/events', (c) => {
    const partner = requirePartner(c, deps);
    const query = validate(
      EventsQuery,
      { type: c.req.query('type'), limit: intParam(c.req.query('limit')), cursor: c.req.query('cursor') },
      'Query',
    );
    if (query.cursor !== undefined && !/^\d{1,15}$/.test(query.cursor)) {
      throw new ApiError('validation_failed', 'Query is invalid: cursor is not one this API gave', {
        issues: [{ path: ['cursor'], message: 'Unknown cursor' }],
      });
    }
    const limit = query.limit ?? DEFAULT_EVENT_PAGE;
    const before = query.cursor === undefined ? Number.MAX_SAFE_INTEGER : Number(query.cursor);
    // One more than asked: whether there is a next page.
    const rows = store.events(partner.id, query.type ?? null, before, limit + 1);
    const page = rows.slice(0, limit);
    return sendJson(c, EventList, {
      events: page.map((row) => JSON.parse(row.body) as WebhookEvent),
      nextCursor: rows.length > limit ? String(page.at(-1)!.seq) : null,
    });
  });
}
