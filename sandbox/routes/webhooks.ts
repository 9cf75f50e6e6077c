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
import { guards } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import { json, query } from '../http.ts';
import { DESCRIPTIONS, operation } from '../openapi.ts';
import { toWebhookEndpoint } from '../serialize.ts';
import { partnerUrlProblem } from '../url-rules.ts';
import { randomId } from '../util.ts';
import { webhookRepository } from '../webhooks/repository.ts';

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
  const { partner: partnerKey } = guards(deps);
  const repository = webhookRepository(deps.db);

  const createEndpoint = operation({
    tag: 'Webhooks', summary: 'Subscribe a URL of your server to events', description: DESCRIPTIONS.endpoint,
    ok: { status: 201, schema: CreatedWebhookEndpoint, description: 'The endpoint and its signing secret (shown once)' },
    errors: [400, 401, 403, 409, 413],
  });
  app.post('/v1/webhook-endpoints', createEndpoint, partnerKey, json(CreateWebhookEndpointInput), (c) => {
    const { partner } = c.var;
    const input = c.req.valid('json');
    requireEndpointUrl(input.url);
    if (repository.endpointsOf(partner.id).length >= MAX_ENDPOINTS) {
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
    repository.insertEndpoint(partner.id, endpoint, at);
    // The only time the secret is shown: the partner keeps it to verify signatures.
    return createEndpoint.send(c, { ...toWebhookEndpoint({ ...endpoint, createdAt: at }), secret: endpoint.secret });
  });

  const listEndpoints = operation({
    tag: 'Webhooks', summary: 'Your webhook endpoints',
    ok: { status: 200, schema: WebhookEndpointList, description: 'Endpoints, oldest first (no secrets)' }, errors: [401, 403],
  });
  app.get('/v1/webhook-endpoints', listEndpoints, partnerKey, (c) =>
    listEndpoints.send(c, { endpoints: repository.endpointsOf(c.var.partner.id).map(toWebhookEndpoint) }));

  const deleteEndpoint = operation({
    tag: 'Webhooks', summary: 'Delete an endpoint; its pending deliveries stop',
    ok: { status: 200, schema: DeletedWebhookEndpoint, description: 'Deleted' }, errors: [401, 403, 404],
  });
  app.delete('/v1/webhook-endpoints/:id', deleteEndpoint, partnerKey, (c) => {
    const { partner } = c.var;
    const id = c.req.param('id') ?? '';
    // Another partner's endpoint is indistinguishable from none.
    const deleted = deps.db.transaction(() => repository.deleteEndpoint(partner.id, id, deps.now())).immediate();
    if (!deleted) throw notFound('Webhook endpoint');
    return deleteEndpoint.send(c, { id, deleted: true });
  });

  const listEvents = operation({
    tag: 'Webhooks', summary: 'Your events, newest first, a page at a time (to replay)',
    ok: { status: 200, schema: EventList, description: 'A page of events; nextCursor is null on the last page' },
    errors: [400, 401, 403],
  });
  app.get('/v1/events', listEvents, partnerKey, query(EventsQuery), (c) => {
    const { partner } = c.var;
    const input = c.req.valid('query');
    if (input.cursor !== undefined && !/^\d{1,15}$/.test(input.cursor)) {
      throw new ApiError('validation_failed', 'Query is invalid: cursor is not one this API gave', {
        issues: [{ path: ['cursor'], message: 'Unknown cursor' }],
      });
    }
    const limit = input.limit ?? DEFAULT_EVENT_PAGE;
    const before = input.cursor === undefined ? Number.MAX_SAFE_INTEGER : Number(input.cursor);
    // One more than asked: whether there is a next page.
    const rows = repository.events(partner.id, input.type ?? null, before, limit + 1);
    const page = rows.slice(0, limit);
    return listEvents.send(c, {
      events: page.map((row) => JSON.parse(row.body) as WebhookEvent),
      nextCursor: rows.length > limit ? String(page.at(-1)!.seq) : null,
    });
  });
}
