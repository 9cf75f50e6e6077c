/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the client parses with and the sandbox validates
 * with. Each operation below is one line of routing facts; the schemas come from the contract.
 */
import * as z from 'zod/mini';
import * as api from '../src/client/schemas.ts';
import * as server from '../src/server/schemas.ts';
import * as sandbox from './sandbox-schemas.ts';
import { WEBHOOK_COMPONENTS, webhooksSection } from './webhooks/openapi.ts';

const COMPONENTS = {
  Timestamp: api.Timestamp, Money: api.Money, ErrorBody: api.ErrorBody, QrCode: api.QrCode,
  CreateSessionInput: api.CreateSessionInput, Session: api.Session, CardStatus: api.CardStatus,
  DataBalance: api.DataBalance, PartnerCard: api.PartnerCard, PartnerCardList: api.PartnerCardList,
  Period: api.Period, CardPlan: api.CardPlan, AutoRenew: api.AutoRenew, Card: api.Card, Plan: api.Plan,
  PlanList: api.PlanList, CreateQuoteInput: api.CreateQuoteInput, Discount: api.Discount, Quote: api.Quote,
  PaymentMethod: api.PaymentMethod, CreateOrderInput: api.CreateOrderInput, PaymentAction: api.PaymentAction,
  OrderStatus: api.OrderStatus, Order: api.Order, Usage: api.Usage, SetAutoRenewInput: api.SetAutoRenewInput,
  CreateHandoffInput: api.CreateHandoffInput, Handoff: api.Handoff, ClaimHandoffInput: api.ClaimHandoffInput,
  HandoffSession: api.HandoffSession,
  OrderList: api.OrderList, RefundQuote: api.RefundQuote, CreateRefundInput: api.CreateRefundInput, Refund: api.Refund,
  Device: api.Device, DeviceList: api.DeviceList, StartTransferInput: api.StartTransferInput, Transfer: api.Transfer,
  VerifyTransferInput: api.VerifyTransferInput, Activation: api.Activation, TransferResult: api.TransferResult,
  TransferOtp: sandbox.TransferOtp, InstallActivationInput: sandbox.InstallActivationInput,
  ActivationInstalled: sandbox.ActivationInstalled, CardActivation: sandbox.CardActivation,
  SimulateInput: api.SimulateInput, CreateSandboxCardInput: sandbox.CreateSandboxCardInput,
  FaultInput: sandbox.FaultInput, Fault: sandbox.Fault, Health: sandbox.Health,
  MoveClockInput: sandbox.MoveClockInput, SandboxClock: sandbox.SandboxClock, UseDataInput: sandbox.UseDataInput,
  ...WEBHOOK_COMPONENTS,
} satisfies Record<string, z.ZodMiniType>;

type SchemaName = keyof typeof COMPONENTS;
type Security = 'secretKey' | 'sessionToken' | 'either' | 'none';

interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  tag: 'Partner' | 'Card' | 'Orders' | 'Hand-off' | 'Webhooks' | 'Sandbox' | 'Meta';
  summary: string;
  /** The rules a client needs beyond the schemas (CommonMark). */
  description?: string;
  security: Security;
  body?: SchemaName | 'checkoutForm' | 'walletForm';
  query?: z.ZodMiniObject;
  idempotencyKey?: boolean;
  ok: { status: number; schema?: SchemaName; html?: boolean; description: string };
  errors: number[];
}

const AUTH = [400, 401, 403];

const PAGE_RULE = 'https (http only on a loopback host: localhost, 127.0.0.1, [::1]), without a user name or password, '
  + 'and on an origin the card\'s partner registered (the sandbox\'s demo partner: the sandbox\'s own origin and '
  + 'loopback on any port, plus `SANDBOX_DEMO_ORIGINS`). Anything else is `400 validation_failed`, its message naming the broken rule.';

const DESCRIPTIONS = {
  quote: 'Store credit is offered as the last discount, up to what no live order (awaiting payment or processing) '
    + 'of the card holds. A promo code with a usage limit is `promo_invalid` (`reason: exhausted`) once its uses are '
    + 'spent or held by live orders.',
  order: 'The order holds the store credit and the limited promo code use its quote shows while it is live; they '
    + 'are spent, exactly as quoted, when it succeeds, and free again when it fails, is canceled or is closed unpaid. '
    + 'If other orders took them since the quote was made, the answer is `410 quote_expired` with '
    + '`details.reason` `credit_changed` or `promo_exhausted`: ask for a new quote, whose price the traveller sees '
    + `before paying. \`returnUrl\` (where the hosted card page sends the traveller after paying) must be ${PAGE_RULE}`,
  handoff: `\`url\` must be ${PAGE_RULE} Codes made before the card moves to another phone stop working.`,
  renewalLink: `A single-use link (24 hours unless \`expiresIn\` says otherwise) that opens the partner's renewal page `
    + 'with the widget signed in to the card and `planId` preselected: `<esim-renewal>` claims its `esim_handoff` code. '
    + `\`url\` defaults to the partner's registered renewal page, and must be ${PAGE_RULE} At most 600 links a minute `
    + 'per partner.',
  endpoint: '`url`: https (http and https on a loopback host too, in the sandbox only), no user name or password. '
    + '`events`: the types wanted, every type by default. `expiringDays`: when to send `card.expiring`, 14, 7, 3 and '
    + '1 days before expiry by default. The answer holds the signing secret, shown this once. At most 16 endpoints.',
  clock: 'Moves the calling partner\'s sandbox time: `advance` by days, hours, minutes and seconds, `set` to a time '
    + '(not before real time, at most ten years ahead), or `reset` to real time. Settlement, refund decisions, card '
    + 'states and the reminder scheduler read it; what fell due happens before the answer. Webhook signatures keep '
    + 'real time.',
  transfer: 'Completing the move ends every earlier session of the card except the one that made this call, and '
    + 'every hand-off code not yet claimed: they answer `401 session_expired` with `details.reason: card_transferred`; '
    + 'the partner\'s backend mints new sessions (the widget asks its `getSessionToken`).',
};
const OPERATIONS: Operation[] = [
  { method: 'get', path: '/healthz', tag: 'Meta', summary: 'Liveness check', security: 'none', ok: { status: 200, schema: 'Health', description: 'Alive' }, errors: [] },
  { method: 'get', path: '/openapi.json', tag: 'Meta', summary: 'This document', security: 'none', ok: { status: 200, description: 'OpenAPI 3.1 document' }, errors: [] },
  { method: 'post', path: '/v1/sessions', tag: 'Partner', summary: 'Mint a session token for one card', security: 'secretKey', body: 'CreateSessionInput', ok: { status: 201, schema: 'Session', description: 'Session created' }, errors: [...AUTH, 404, 413, 429] },
  { method: 'get', path: '/v1/cards', tag: 'Partner', summary: "List the partner's cards", security: 'secretKey', ok: { status: 200, schema: 'PartnerCardList', description: 'Cards' }, errors: [401, 403] },
  { method: 'get', path: '/v1/card', tag: 'Card', summary: "The session's card", security: 'sessionToken', ok: { status: 200, schema: 'Card', description: 'The card' }, errors: [401, 403] },
  { method: 'get', path: '/v1/plans', tag: 'Card', summary: 'Plans that can renew this card', security: 'sessionToken', query: api.PlansQuery, ok: { status: 200, schema: 'PlanList', description: 'Plans' }, errors: AUTH },
  { method: 'get', path: '/v1/card/usage', tag: 'Card', summary: 'Daily data usage, oldest first', security: 'sessionToken', query: api.UsageQuery, ok: { status: 200, schema: 'Usage', description: 'Usage' }, errors: AUTH },
  { method: 'put', path: '/v1/card/auto-renew', tag: 'Card', summary: 'Turn auto-renew on or off', security: 'sessionToken', body: 'SetAutoRenewInput', ok: { status: 200, schema: 'AutoRenew', description: 'Auto-renew settings' }, errors: [...AUTH, 409, 413] },
  { method: 'post', path: '/v1/quotes', tag: 'Orders', summary: 'Price a renewal', description: DESCRIPTIONS.quote, security: 'sessionToken', body: 'CreateQuoteInput', ok: { status: 201, schema: 'Quote', description: 'Quote' }, errors: [...AUTH, 409, 413, 422, 429] },
  { method: 'post', path: '/v1/orders', tag: 'Orders', summary: 'Order a quote (idempotent)', description: DESCRIPTIONS.order, security: 'sessionToken', body: 'CreateOrderInput', idempotencyKey: true, ok: { status: 201, schema: 'Order', description: 'Order created, or replayed (Idempotent-Replayed: true)' }, errors: [...AUTH, 404, 409, 410, 413, 429] },
  { method: 'get', path: '/v1/orders/{id}', tag: 'Orders', summary: 'Read an order', security: 'sessionToken', ok: { status: 200, schema: 'Order', description: 'The order' }, errors: [401, 403, 404] },
  { method: 'post', path: '/v1/orders/{id}/refresh-payment', tag: 'Orders', summary: 'Give an unpaid wallet order a fresh QR code', security: 'sessionToken', ok: { status: 200, schema: 'Order', description: 'The order with a new payment code' }, errors: [401, 403, 404, 409] },
  { method: 'post', path: '/v1/handoffs', tag: 'Hand-off', summary: 'Mint a single-use code to continue this renewal on another device', description: DESCRIPTIONS.handoff, security: 'sessionToken', body: 'CreateHandoffInput', ok: { status: 201, schema: 'Handoff', description: 'The link, its code and QR code, valid 10 minutes' }, errors: [400, 401, 409, 429] },
  { method: 'post', path: '/v1/handoffs/claim', tag: 'Hand-off', summary: 'Exchange a hand-off code for a session on the same card', security: 'none', body: 'ClaimHandoffInput', ok: { status: 201, schema: 'HandoffSession', description: 'A new session, with the plan to preselect' }, errors: [400, 401, 404, 409, 429] },
  { method: 'post', path: '/v1/orders/{id}/cancel', tag: 'Orders', summary: 'Cancel an order awaiting payment', security: 'sessionToken', ok: { status: 200, schema: 'Order', description: 'The canceled order' }, errors: [401, 403, 404, 409] },
  { method: 'get', path: '/v1/orders', tag: 'Orders', summary: "The card's orders, newest first, a page at a time", security: 'sessionToken', query: api.OrdersQuery, ok: { status: 200, schema: 'OrderList', description: 'A page of orders; nextCursor is null on the last page' }, errors: AUTH },
  { method: 'get', path: '/v1/orders/{id}/refund-quote', tag: 'Orders', summary: 'What a refund of this order would give now', security: 'sessionToken', ok: { status: 200, schema: 'RefundQuote', description: 'The policy outcome, amount and reason' }, errors: [401, 403, 404] },
  { method: 'post', path: '/v1/orders/{id}/refunds', tag: 'Orders', summary: 'Request a refund (idempotent; one per order; decided after a short delay)', security: 'sessionToken', body: 'CreateRefundInput', idempotencyKey: true, ok: { status: 201, schema: 'Refund', description: 'The request, its outcome frozen now, or replayed (Idempotent-Replayed: true)' }, errors: [...AUTH, 404, 409, 413] },
  { method: 'get', path: '/v1/devices', tag: 'Card', summary: 'Phones the card can move to (search by words)', security: 'sessionToken', query: api.DevicesQuery, ok: { status: 200, schema: 'DeviceList', description: 'Matching phones, by brand then model' }, errors: AUTH },
  { method: 'post', path: '/v1/card/transfer', tag: 'Card', summary: 'Start moving the card to a new phone: a one-time code is sent', security: 'sessionToken', body: 'StartTransferInput', ok: { status: 201, schema: 'Transfer', description: 'The move, awaiting the code' }, errors: [...AUTH, 409, 413, 422] },
  { method: 'post', path: '/v1/card/transfer/{id}/verify', tag: 'Card', summary: 'Confirm the move with the one-time code; get the new activation', description: DESCRIPTIONS.transfer, security: 'sessionToken', body: 'VerifyTransferInput', ok: { status: 200, schema: 'TransferResult', description: 'Moved: the new activation (single-use, 30 minutes) and the card' }, errors: [...AUTH, 404, 409, 413, 422, 423] },
  { method: 'get', path: '/sandbox/transfers/{id}/otp', tag: 'Sandbox', summary: 'The one-time code a transfer sent', security: 'sessionToken', ok: { status: 200, schema: 'TransferOtp', description: 'The code' }, errors: [401, 403, 404] },
  { method: 'post', path: '/sandbox/activations/install', tag: 'Sandbox', summary: 'Install an activation code as a phone would (once)', security: 'none', body: 'InstallActivationInput', ok: { status: 200, schema: 'ActivationInstalled', description: 'Installed' }, errors: [400, 404, 409, 413] },
  { method: 'get', path: '/sandbox/cards/{iccid}/activation', tag: 'Sandbox', summary: "A card's current activation code and its state", security: 'secretKey', ok: { status: 200, schema: 'CardActivation', description: 'The code' }, errors: [401, 403, 404] },
  { method: 'get', path: '/sandbox/checkout/{orderId}', tag: 'Sandbox', summary: 'Hosted card checkout page', security: 'none', ok: { status: 200, html: true, description: 'Checkout page' }, errors: [404, 409] },
  { method: 'post', path: '/sandbox/checkout/{orderId}', tag: 'Sandbox', summary: 'Pay with a test card', security: 'none', body: 'checkoutForm', ok: { status: 200, html: true, description: 'Payment submitted page, or 303 to the return URL' }, errors: [404, 409, 413, 422] },
  { method: 'get', path: '/sandbox/wallet/{orderId}', tag: 'Sandbox', summary: 'Simulated Alipay / WeChat Pay wallet', security: 'none', ok: { status: 200, html: true, description: 'Wallet page' }, errors: [404, 409] },
  { method: 'post', path: '/sandbox/wallet/{orderId}', tag: 'Sandbox', summary: 'Pay or decline in the wallet', security: 'none', body: 'walletForm', ok: { status: 200, html: true, description: 'Result page' }, errors: [400, 404, 409, 410, 413] },
  { method: 'post', path: '/sandbox/orders/{id}/simulate', tag: 'Sandbox', summary: 'Simulate a payment outcome', security: 'either', body: 'SimulateInput', ok: { status: 200, schema: 'Order', description: 'The order' }, errors: [...AUTH, 404, 409, 413] },
  { method: 'post', path: '/sandbox/orders/{id}/expire-code', tag: 'Sandbox', summary: "Make an unpaid wallet order's QR code expire now", security: 'sessionToken', ok: { status: 200, schema: 'Order', description: 'The order, its code expired' }, errors: [...AUTH, 404, 409] },
  { method: 'post', path: '/sandbox/cards', tag: 'Sandbox', summary: 'Create a fresh card from a template', security: 'secretKey', body: 'CreateSandboxCardInput', ok: { status: 201, schema: 'PartnerCard', description: 'The new card' }, errors: [...AUTH, 413] },
  { method: 'post', path: '/sandbox/sessions/expire', tag: 'Sandbox', summary: 'Expire the calling session now', security: 'sessionToken', ok: { status: 204, description: 'Expired' }, errors: [401] },
  { method: 'post', path: '/sandbox/faults', tag: 'Sandbox', summary: "Arm a fault for this session's requests", security: 'sessionToken', body: 'FaultInput', ok: { status: 201, schema: 'Fault', description: 'Armed fault' }, errors: [...AUTH, 413] },
  { method: 'post', path: '/v1/renewal-links', tag: 'Partner', summary: 'Mint a renewal link for a traveller (and its QR code)', description: DESCRIPTIONS.renewalLink, security: 'secretKey', body: 'CreateRenewalLinkInput', ok: { status: 201, schema: 'RenewalLink', description: 'The link, its QR code and when it expires' }, errors: [...AUTH, 404, 409, 413, 429] },
  { method: 'post', path: '/v1/webhook-endpoints', tag: 'Webhooks', summary: 'Subscribe a URL of your server to events', description: DESCRIPTIONS.endpoint, security: 'secretKey', body: 'CreateWebhookEndpointInput', ok: { status: 201, schema: 'CreatedWebhookEndpoint', description: 'The endpoint and its signing secret (shown once)' }, errors: [...AUTH, 409, 413] },
  { method: 'get', path: '/v1/webhook-endpoints', tag: 'Webhooks', summary: 'Your webhook endpoints', security: 'secretKey', ok: { status: 200, schema: 'WebhookEndpointList', description: 'Endpoints, oldest first (no secrets)' }, errors: [401, 403] },
  { method: 'delete', path: '/v1/webhook-endpoints/{id}', tag: 'Webhooks', summary: 'Delete an endpoint; its pending deliveries stop', security: 'secretKey', ok: { status: 200, schema: 'DeletedWebhookEndpoint', description: 'Deleted' }, errors: [401, 403, 404] },
  { method: 'get', path: '/v1/events', tag: 'Webhooks', summary: 'Your events, newest first, a page at a time (to replay)', security: 'secretKey', query: server.EventsQuery, ok: { status: 200, schema: 'EventList', description: 'A page of events; nextCursor is null on the last page' }, errors: AUTH },
  { method: 'get', path: '/sandbox/clock', tag: 'Sandbox', summary: "The partner's sandbox time", security: 'secretKey', ok: { status: 200, schema: 'SandboxClock', description: 'Its time and how far ahead of real time' }, errors: [401, 403] },
  { method: 'post', path: '/sandbox/clock', tag: 'Sandbox', summary: "Move the partner's sandbox time", description: DESCRIPTIONS.clock, security: 'secretKey', body: 'MoveClockInput', ok: { status: 200, schema: 'SandboxClock', description: 'The new time' }, errors: [...AUTH, 413] },
  { method: 'post', path: '/sandbox/cards/{iccid}/use-data', tag: 'Sandbox', summary: 'Use some of a card\'s data, as the traveller would', security: 'secretKey', body: 'UseDataInput', ok: { status: 200, schema: 'PartnerCard', description: 'The card after it' }, errors: [...AUTH, 404, 409, 413] },
  { method: 'delete', path: '/sandbox/faults', tag: 'Sandbox', summary: "Clear this session's faults", security: 'sessionToken', ok: { status: 204, description: 'Cleared' }, errors: [401, 403] },
];

const ERROR_RESPONSES: Record<number, [string, string]> = {
  400: ['BadRequest', 'validation_failed: the request is malformed or breaks the schema (a field the schema does not have included); the message names the first problem'],
  401: ['Unauthorized', 'unauthorized or session_expired (also `details.reason: card_transferred`: the card moved to another phone after the session was minted)'],
  403: ['Forbidden', 'forbidden: wrong kind of credential, secret key from a browser, or a suspended card'],
  404: ['NotFound', 'not_found'],
  409: ['Conflict', 'plan_unavailable, invalid_state or idempotency_conflict'],
  410: ['Gone', 'quote_expired: the quote is over 15 minutes old, or its store credit or limited promo code is no longer free (`details.reason` `credit_changed` or `promo_exhausted`); ask for a new quote'],
  413: ['PayloadTooLarge', 'payload_too_large: bodies are limited to 64 KB'],
  422: ['Unprocessable', 'promo_invalid, device_incompatible or otp_invalid'],
  423: ['Locked', 'otp_locked: too many wrong one-time codes'],
  429: ['TooManyRequests', 'rate_limited; see Retry-After'],
  500: ['Internal', 'internal'],
};

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });
const REQUEST_ID = { 'X-Request-Id': ref('headers', 'XRequestId') };

const FORMS = {
  checkoutForm: { type: 'object', required: ['number'], properties: { number: { type: 'string', examples: ['4242 4242 4242 4242'] }, expiry: { type: 'string' }, cvc: { type: 'string' } } },
  walletForm: { type: 'object', required: ['action'], properties: { action: { type: 'string', enum: ['pay', 'decline'] } } },
};

function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' });
  // OpenAPI components are not standalone documents: drop the per-schema $schema / $id.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

function queryParameters(query: z.ZodMiniObject) {
  const json = z.toJSONSchema(query) as { properties: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties).map(([name, schema]) => ({
    name, in: 'query', required: json.required?.includes(name) ?? false, schema,
  }));
}

function operation(op: Operation) {
  const parameters: unknown[] = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name, in: 'path', required: true, schema: { type: 'string' },
  }));
  if (op.query) parameters.push(...queryParameters(op.query));
  if (op.idempotencyKey) {
    parameters.push({ name: 'Idempotency-Key', in: 'header', required: true, description: 'Same key and body replay the first answer; 1–255 printable characters.', schema: { type: 'string', minLength: 1, maxLength: 255 } });
  }
  if (op.security === 'sessionToken') {
    parameters.push({ name: 'Accept-Language', in: 'header', required: false, description: 'zh* answers in zh-CN, anything else in English; defaults to the session locale.', schema: { type: 'string' } });
  }
  const okContent = op.ok.html
    ? { 'text/html': { schema: { type: 'string' } } }
    : op.ok.schema ? { 'application/json': { schema: ref('schemas', op.ok.schema) } } : op.ok.status === 200 ? { 'application/json': { schema: { type: 'object' } } } : undefined;
  const okHeaders = op.idempotencyKey ? { ...REQUEST_ID, 'Idempotent-Replayed': ref('headers', 'IdempotentReplayed') } : REQUEST_ID;
  const responses: Record<string, unknown> = {
    [op.ok.status]: { description: op.ok.description, headers: okHeaders, ...(okContent ? { content: okContent } : {}) },
  };
  for (const status of [...op.errors, 500]) responses[status] = ref('responses', ERROR_RESPONSES[status]![0]);
  const security = { secretKey: [{ secretKey: [] }], sessionToken: [{ sessionToken: [] }], either: [{ sessionToken: [] }, { secretKey: [] }], none: [] }[op.security];
  let requestBody;
  if (op.body === 'checkoutForm' || op.body === 'walletForm') {
    requestBody = { required: true, content: { 'application/x-www-form-urlencoded': { schema: FORMS[op.body] } } };
  } else if (op.body) {
    requestBody = { required: true, content: { 'application/json': { schema: ref('schemas', op.body) } } };
  }
  return {
    tags: [op.tag], summary: op.summary, ...(op.description ? { description: op.description } : {}), operationId: `${op.method}${op.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
    security, ...(parameters.length ? { parameters } : {}), ...(requestBody ? { requestBody } : {}), responses,
  };
}

export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
  const responses = Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([status, [name, description]]) => [name, {
      description,
      headers: status === '429' ? { ...REQUEST_ID, 'Retry-After': ref('headers', 'RetryAfter') } : REQUEST_ID,
      content: { 'application/json': { schema: ref('schemas', 'ErrorBody') } },
    }]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'eSIM Renewal API',
      version: '1.0.0',
      description: 'Renewal API v1 as implemented by the sandbox. Errors are always { error: { code, message, details? } } with '
        + 'an X-Request-Id header. Request bodies take exactly the fields their schema lists (`additionalProperties: false`): '
        + 'any other field is refused with `400 validation_failed`. Hosted pages send `frame-ancestors \'none\'` and '
        + '`X-Frame-Options: DENY`.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'Partner', description: 'Server to server, with a secret key (sk_test_…)' },
      { name: 'Card', description: 'From the browser, with a session token (rs_…)' },
      { name: 'Orders', description: 'Quotes and orders, with a session token' },
      { name: 'Hand-off', description: 'Continue a renewal on another device with a single-use code' },
      { name: 'Webhooks', description: 'Events sent to your server, signed (see the `webhooks` section), and the event log' },
      { name: 'Sandbox', description: 'Sandbox only: simulated payments and test support' },
      { name: 'Meta', description: 'Health and this document' },
    ],
    paths,
    webhooks: webhooksSection(ref),
    components: {
      schemas: componentSchemas(),
      responses,
      headers: {
        XRequestId: { description: 'Id of this request, for support', schema: { type: 'string' } },
        RetryAfter: { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } },
        IdempotentReplayed: { description: '`true` when an earlier answer (order, refund) was replayed', schema: { type: 'string', enum: ['true'] } },
      },
      securitySchemes: {
        secretKey: { type: 'http', scheme: 'bearer', description: 'Partner secret key, sk_test_…; server to server only (refused with an Origin header).' },
        sessionToken: { type: 'http', scheme: 'bearer', description: 'Session token rs_… minted by POST /v1/sessions; scoped to one card.' },
      },
    },
  };
}
