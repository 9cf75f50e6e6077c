/**
 * Reading and validating requests: the body limit, the validators and the error their hook throws. Bodies and query
 * strings go through hono-openapi's `validator` (Standard Schema, which zod/mini implements), so the schema that
 * checks a request is the one its OpenAPI operation shows; a failure becomes the API's `validation_failed` body.
 */
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { Context, MiddlewareHandler } from 'hono';
import { uniqueSymbol, validator } from 'hono-openapi';
import * as z from 'zod/mini';
import { ApiError } from './errors.ts';
import { PARAMETER_OPTIONS, SCHEMA_OPTIONS } from './openapi.ts';

// zod/mini ships without messages; the sandbox explains validation failures in English.
z.config(z.locales.en());

export const MAX_BODY_BYTES = 64 * 1024;

export const tooLarge = () => new ApiError('payload_too_large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes`);

type Issue = Pick<StandardSchemaV1.Issue, 'message' | 'path'>;

function validationError(issues: readonly Issue[], where = 'Request body'): ApiError {
  const listed = issues.map((issue) => ({
    path: (issue.path ?? []).map((segment) => {
      const key = typeof segment === 'object' ? segment.key : segment;
      return typeof key === 'symbol' ? String(key) : key;
    }),
    message: issue.message,
  }));
  // The first issue in the message itself, so that a client learns what to fix from the message alone.
  const [first] = listed;
  const what = first ? `: ${first.path.length ? `${first.path.join('.')} ` : ''}${first.message}` : '';
  return new ApiError('validation_failed', `${where} is invalid${what}`, { issues: listed });
}

const JSON_TYPE = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

/** The validator hook: a failure is thrown as `validation_failed`, which `app.onError` answers. */
const failed = (where: string) => (result: { success: boolean; error?: readonly Issue[] }, c: Context) => {
  if (result.success) return;
  if (where === 'Request body' && !JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    // Hono reads a JSON body only when it is labelled as one; an unlabelled one would be reported as empty.
    throw new ApiError('validation_failed', 'Send the request body as JSON, with Content-Type: application/json');
  }
  throw validationError(result.error ?? [], where);
};

/**
 * The whole body, read once (Hono caches it for the validator). `bodyLimit` (app.ts) has refused a declared
 * Content-Length over the limit before anything read the body, and counted a chunked one as it arrived; it trusts a
 * declared length, as Node's HTTP parser holds a connection to it. A request handed to the app in process has
 * nothing behind its header, so the text is measured here too.
 */
async function readWithinLimit(c: Context): Promise<void> {
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    throw new ApiError('validation_failed', 'The request body could not be read');
  }
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge();
}

/** Validates the JSON body with a contract schema (`c.req.valid('json')`), and documents it as the request body. */
export function json<S extends z.ZodMiniType>(schema: S) {
  const validated = validator('json', schema, failed('Request body'), { options: SCHEMA_OPTIONS });
  const middleware: MiddlewareHandler = async (c, next) => {
    await readWithinLimit(c);
    return validated(c, next);
  };
  const documentation = (validated as unknown as Record<symbol, unknown>)[uniqueSymbol];
  return Object.assign(middleware, { [uniqueSymbol]: documentation }) as unknown as typeof validated;
}

/**
 * Validates the query string with a contract schema (`c.req.valid('query')`), and documents its parameters. A query
 * string is text; the parameters the contract types as integers (`days`, `limit`) are read as numbers when they are
 * written as one, and anything else is left for the schema to refuse.
 */
export function query<S extends z.ZodMiniObject>(schema: S) {
  const shape = z.toJSONSchema(schema, { io: 'input' }) as { properties?: Record<string, { type?: string }> };
  const integers = Object.entries(shape.properties ?? {}).filter(([, p]) => p.type === 'integer').map(([key]) => key);
  const read = (params: Record<string, unknown>) => {
    const out = { ...params };
    for (const key of integers) {
      const value = out[key];
      if (typeof value === 'string' && /^-?\d{1,9}$/.test(value)) out[key] = Number(value);
    }
    return out;
  };
  const parsed = z.pipe(z.transform((value: Record<string, unknown>) => read(value)), schema);
  return validator('query', parsed, failed('Query'), { options: PARAMETER_OPTIONS });
}

/**
 * The address a request came from, for limits on requests that carry no credential: the socket's peer under
 * @hono/node-server. Undefined when there is none (a request handed to the app in process): no shared bucket that
 * one client could empty for everyone. Behind a reverse proxy every request has the proxy's address; trusting its
 * forwarded header would be an explicit setting, which the sandbox does not have.
 */
export function clientAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}
