/** Reading and validating requests, and writing responses that are checked against the contract. */
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod/mini';
import { ApiError } from './errors.ts';

// zod/mini ships without messages; the sandbox explains validation failures in English.
z.config(z.locales.en());

export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = () => new ApiError('payload_too_large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes`);

/** Rejects a declared oversize body before anything reads it. */
export const contentLengthLimit: MiddlewareHandler = async (c, next) => {
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
  await next();
};

/** Reads the body as text, stopping as soon as it grows past the limit (Content-Length may be absent or lie). */
export async function readBodyText(c: Context): Promise<string> {
  const body = c.req.raw.body;
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('validation_failed', 'The request body could not be read');
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function validationError(error: z.core.$ZodError, where = 'Request body'): ApiError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
  }));
  // The first issue in the message itself, so that a client learns what to fix from the message alone.
  const [first] = issues;
  const what = first ? `: ${first.path.length ? `${first.path.join('.')} ` : ''}${first.message}` : '';
  return new ApiError('validation_failed', `${where} is invalid${what}`, { issues });
}

export function validate<S extends z.ZodMiniType>(schema: S, value: unknown, where?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

/** Parses a JSON body and validates it with a contract schema. */
export async function readJson<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await readBodyText(c);
  let value: unknown;
  try {
    value = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    throw new ApiError('validation_failed', 'The request body is not valid JSON');
  }
  if (value === undefined) throw new ApiError('validation_failed', 'A JSON request body is required');
  return validate(schema, value);
}

/** Reads an `application/x-www-form-urlencoded` body (the hosted pages' forms). */
export async function readForm(c: Context): Promise<URLSearchParams> {
  return new URLSearchParams(await readBodyText(c));
}

/**
 * Answers JSON after checking it against the contract: a response that does not match its schema is a sandbox bug
 * and becomes a 500 `internal` instead of silently teaching clients the wrong shape.
 */
export function sendJson<S extends z.ZodMiniType>(
  c: Context,
  schema: S,
  value: z.output<S>,
  status: ContentfulStatusCode = 200,
  headers?: Record<string, string>,
): Response {
  return c.json(checkedAnswer(c, schema, value) as never, status, headers);
}

/** `value` as the contract's schema outputs it, or the sandbox-bug error `sendJson` throws. */
export function checkedAnswer<S extends z.ZodMiniType>(c: Context, schema: S, value: z.output<S>): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Error(`Response for ${c.req.method} ${c.req.path} breaks the contract: ${JSON.stringify(result.error.issues)}`);
  }
  return result.data;
}

/** A query parameter as a number when it looks like an integer, otherwise as given (so zod reports it). */
export function intParam(value: string | undefined): number | string | undefined {
  return value !== undefined && /^-?\d{1,9}$/.test(value) ? Number(value) : value;
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
