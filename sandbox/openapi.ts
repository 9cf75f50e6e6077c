/**
 * The OpenAPI 3.1 document, made by hono-openapi from the routes themselves: each route declares its operation
 * (`operation()`: summary, tag, answer and errors) beside its guard (which documents the security scheme it
 * enforces, `auth.ts`) and its validators (which document the body and query they check, `http.ts`), and answers
 * through the operation, checked against the schema it documents. The schemas are the contract's zod/mini schemas,
 * named as components from one registry.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { describeRoute, generateSpecs, resolver, uniqueSymbol, type DescribeRouteOptions } from 'hono-openapi';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod/mini';
import * as api from '../src/client/schemas.ts';
import * as sandbox from './sandbox-schemas.ts';
import { WEBHOOK_COMPONENTS, webhooksSection } from './webhooks/openapi.ts';

const COMPONENTS = {
  Timestamp: api.Timestamp, Money: api.Money, ErrorBody: api.ErrorBody, QrCode: api.QrCode,
  CreateSessionInput: api.CreateSessionInput, Session: api.Session, CardStatus: api.CardStatus,
  DataBalance: api.DataBalance, PartnerCard: api.PartnerCard, PartnerCardList: api.PartnerCardList,
  Period: api.Period, CardPlan: api.CardPlan, AutoRenew: api.AutoRenew, Card: api.Card, Plan: api.Plan,
  PlanList: api.PlanList, CreateQuoteInput: api.CreateQuoteInput, Discount: api.Discount, Quote: api.Quote,
  PaymentMethod: api.PaymentMethod, PaymentEnv: api.PaymentEnv, PaymentMethodOption: api.PaymentMethodOption,
  PaymentMethodList: api.PaymentMethodList, CreateOrderInput: api.CreateOrderInput, PaymentAction: api.PaymentAction,
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

/**
 * Every named schema gets its component name in zod's global registry, beside the descriptions and formats the
 * contract gives there: a schema met anywhere in the document becomes a `$ref` to its component.
 */
for (const [id, schema] of Object.entries(COMPONENTS)) z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id });

/**
 * How a schema becomes JSON Schema (zod's `toJSONSchema` options, passed through hono-openapi): named schemas by
 * reference, and objects as the sandbox reads and writes them (`additionalProperties: false` where the schema is
 * strict, and on every answer).
 */
export const SCHEMA_OPTIONS = { io: 'output', unrepresentable: 'any' } as const;

/** The same for query parameters, each written out in full (a parameter is not a component). */
export const PARAMETER_OPTIONS = { ...SCHEMA_OPTIONS, metadata: z.registry() } as const;

const PAGE_RULE = 'https (http only on a loopback host: localhost, 127.0.0.1, [::1]), without a user name or password, '
  + 'and on an origin the card\'s partner registered (the sandbox\'s demo partner: the sandbox\'s own origin and '
  + 'loopback on any port, plus `SANDBOX_DEMO_ORIGINS`). Anything else is `400 validation_failed`, its message naming the broken rule.';

export const DESCRIPTIONS = {
  quote: 'Store credit is offered as the last discount, up to what no live order (awaiting payment or processing) '
    + 'of the card holds. A promo code with a usage limit is `promo_invalid` (`reason: exhausted`) once its uses are '
    + 'spent or held by live orders.',
  order: 'The order holds the store credit and the limited promo code use its quote shows while it is live; they '
    + 'are spent, exactly as quoted, when it succeeds, and free again when it fails, is canceled or is closed unpaid. '
    + 'If other orders took them since the quote was made, the answer is `410 quote_expired` with '
    + '`details.reason` `credit_changed` or `promo_exhausted`: ask for a new quote, whose price the traveller sees '
    + 'before paying. `paymentEnv` says where the widget runs (`desktop` when left out) and decides the '
    + '`paymentAction`: `qr` on a desktop, `redirect` to a page on the operator\'s domain (card; WeChat Pay JSAPI inside '
    + 'WeChat, H5 on a phone\'s browser; Alipay WAP on a phone\'s browser), `app_bridge` (Alipay `tradePay`) inside '
    + 'the Alipay app; a method that cannot work there is `422 method_unavailable_in_env` (see GET /v1/payment-methods). '
    + 'A return from a redirect or a bridge\'s result code proves nothing: read the order. `returnUrl` (where the '
    + `hosted pages send the traveller after paying, with \`esim_order\`) must be \${PAGE_RULE}`,
  paymentMethods: 'Every payment method in the environment `env` names (`desktop` when left out), in the order to '
    + 'offer them: an available one with the `PaymentAction` type its orders get there, an unavailable one with a '
    + '`reason` the widget can explain: `blocked_in_wechat` (Alipay does not open inside WeChat: open the page in the '
    + 'browser), `blocked_in_alipay` (WeChat Pay does not open in the Alipay app), `miniprogram_webview` (a mini '
    + 'program\'s web-view cannot start a wallet payment). Ordering an unavailable method there is refused with '
    + '`422 method_unavailable_in_env` and the same `details.reason`.',
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
const ERROR_RESPONSES: Record<number, [string, string]> = {
  400: ['BadRequest', 'validation_failed: the request is malformed or breaks the schema (a field the schema does not have included); the message names the first problem'],
  401: ['Unauthorized', 'unauthorized or session_expired (also `details.reason: card_transferred`: the card moved to another phone after the session was minted)'],
  403: ['Forbidden', 'forbidden: wrong kind of credential, secret key from a browser, or a suspended card'],
  404: ['NotFound', 'not_found'],
  409: ['Conflict', 'plan_unavailable, invalid_state or idempotency_conflict'],
  410: ['Gone', 'quote_expired: the quote is over 15 minutes old, or its store credit or limited promo code is no longer free (`details.reason` `credit_changed` or `promo_exhausted`); ask for a new quote'],
  413: ['PayloadTooLarge', 'payload_too_large: bodies are limited to 64 KB'],
  422: ['Unprocessable', 'promo_invalid, device_incompatible, otp_invalid, or method_unavailable_in_env (the payment method cannot work in the `paymentEnv` named; `details`: `paymentMethod`, `paymentEnv`, `reason`)'],
  423: ['Locked', 'otp_locked: too many wrong one-time codes'],
  429: ['TooManyRequests', 'rate_limited; see Retry-After'],
  500: ['Internal', 'internal'],
};

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });
const REQUEST_ID = { 'X-Request-Id': ref('headers', 'XRequestId') };

/** The `responses` entries of these error statuses, and 500, each a reference to the shared error response. */
const errorResponses = (statuses: readonly number[]) =>
  Object.fromEntries([...statuses, 500].map((status) => [status, ref('responses', ERROR_RESPONSES[status]![0])]));

/** Marks a middleware as contributing `spec` to the operation of every route it is in (as `describeRoute` does). */
export function documented<M extends MiddlewareHandler>(middleware: M, spec: DescribeRouteOptions): M {
  return Object.assign(middleware, { [uniqueSymbol]: { spec } });
}

export type Tag = 'Partner' | 'Card' | 'Orders' | 'Hand-off' | 'Webhooks' | 'Sandbox' | 'Meta';

export interface OperationSpec<S extends z.ZodMiniType | undefined> {
  tag: Tag;
  summary: string;
  /** The rules a client needs beyond the schemas (CommonMark). */
  description?: string;
  /** The successful answer: its status, its schema (JSON), `html` or `script` (JavaScript), and what it means. */
  ok: { status: ContentfulStatusCode | 204; schema?: S; html?: boolean; script?: boolean; description: string };
  /** The error statuses the operation answers (500 is added); each is the shared error response of its status. */
  errors: readonly number[];
  /** A request body that is not JSON (the hosted pages' forms), documented from its schema. */
  form?: z.ZodMiniObject;
  /** Answers may be replays of an earlier one (`Idempotent-Replayed: true`). */
  replays?: boolean;
  /**
   * Only for a route that checks its credential itself: `none`, or the scheme it checks. A route behind a guard
   * (`auth.ts`) leaves this out: the guard documents the scheme it enforces.
   */
  security?: 'none' | 'sessionToken';
}

export interface Operation<S extends z.ZodMiniType | undefined> extends MiddlewareHandler {
  /** Answers the operation's success: its status, with `value` checked against its schema (none for a 204). */
  send(c: Context, value: S extends z.ZodMiniType ? z.output<S> : undefined, headers?: Record<string, string>): Response;
}

/** The `operationId` the document has always had: method and path in camel case (`getV1OrdersId`). */
const operationId = (route: { method: string; path: string }) =>
  `${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ?? '').toUpperCase())}`;

/** Declares a route's OpenAPI operation: a middleware that documents it, with `send` for its answer. */
export function operation<S extends z.ZodMiniType | undefined = undefined>(spec: OperationSpec<S>): Operation<S> {
  const { ok } = spec;
  const json = ok.schema ? resolver(ok.schema, { options: SCHEMA_OPTIONS }) : { type: 'object' };
  const content = ok.html
    ? { 'text/html': { schema: { type: 'string' } } }
    : ok.script ? { 'text/javascript': { schema: { type: 'string' } } }
    : ok.status === 204 ? undefined : { 'application/json': { schema: json } };
  const headers = spec.replays ? { ...REQUEST_ID, 'Idempotent-Replayed': ref('headers', 'IdempotentReplayed') } : REQUEST_ID;
  const described = describeRoute({
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    operationId,
    ...(spec.security ? { security: spec.security === 'none' ? [] : [{ [spec.security]: [] }] } : {}),
    ...(spec.form ? { requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: formSchema(spec.form) } } } } : {}),
    responses: { [ok.status]: { description: ok.description, headers, ...(content ? { content } : {}) }, ...errorResponses(spec.errors) },
  } as DescribeRouteOptions);
  const send = (c: Context, value: unknown, extra?: Record<string, string>): Response => {
    if (ok.status === 204) return c.body(null, 204, extra);
    return c.json(checkedAnswer(c, ok.schema!, value as never) as never, ok.status as ContentfulStatusCode, extra);
  };
  return Object.assign(described, { send }) as Operation<S>;
}

/** A form body's schema: its fields, inline (forms are not components). */
function formSchema(form: z.ZodMiniObject): Record<string, unknown> {
  const { $schema: _, ...schema } = z.toJSONSchema(form, { ...SCHEMA_OPTIONS, io: 'input' }) as Record<string, unknown>;
  return schema;
}

/** `value` as the contract's schema outputs it; one that breaks the contract is a sandbox bug, a 500 `internal`. */
export function checkedAnswer<S extends z.ZodMiniType>(c: Context, schema: S, value: z.output<S>): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Error(`Response for ${c.req.method} ${c.req.path} breaks the contract: ${JSON.stringify(result.error.issues)}`);
  }
  return result.data;
}

function componentSchemas(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' });
  // OpenAPI components are not standalone documents: drop the per-schema $schema / $id.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

/** The document of an app whose routes declare their operations. */
export async function openApiDocument(app: Hono<any, any, any>): Promise<Record<string, unknown>> {
  const responses = Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([status, [name, description]]) => [name, {
      description,
      headers: status === '429' ? { ...REQUEST_ID, 'Retry-After': ref('headers', 'RetryAfter') } : REQUEST_ID,
      content: { 'application/json': { schema: ref('schemas', 'ErrorBody') } },
    }]),
  );
  return generateSpecs(app, {
    excludeStaticFile: false,
    defaultValidationErrorResponse: false,
    documentation: {
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
    },
  } as never) as Promise<Record<string, unknown>>;
}
