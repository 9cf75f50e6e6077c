/**
 * Fault injection for client tests: faults are armed per session token and hit only requests carrying it.
 * `ArmedFaults` holds them, in memory (a restart disarms them all).
 */
import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import { sessionTokenHash } from './credentials.ts';
import { ApiError, codeForStatus, errorResponse } from './errors.ts';
import type { Fault, FaultInput } from './sandbox-schemas.ts';
import { randomId } from './util.ts';

const MAX_FAULTS_PER_TOKEN = 50;

export class ArmedFaults {
  readonly #byToken = new Map<string, Fault[]>();

  arm(tokenHash: string, input: FaultInput): Fault {
    const fault: Fault = {
      id: randomId('flt', 8),
      method: input.method?.toUpperCase() ?? null,
      path: input.path,
      kind: input.kind,
      status: input.kind === 'status' ? (input.status ?? 500) : null,
      retryAfter: input.kind === 'status' ? (input.retryAfter ?? null) : null,
      delayMs: input.kind === 'delay' ? (input.delayMs ?? 1000) : null,
      remaining: input.times ?? 1,
      phase: input.phase ?? 'before',
    };
    const list = this.#byToken.get(tokenHash) ?? [];
    if (list.length >= MAX_FAULTS_PER_TOKEN) {
      throw new ApiError('validation_failed', `At most ${MAX_FAULTS_PER_TOKEN} faults can be armed per session`);
    }
    list.push(fault);
    this.#byToken.set(tokenHash, list);
    return fault;
  }

  clear(tokenHash: string): void {
    this.#byToken.delete(tokenHash);
  }

  has(tokenHash: string): boolean {
    return this.#byToken.has(tokenHash);
  }

  /** Uses up one hit of the first armed fault matching the request, if any. */
  take(tokenHash: string, method: string, path: string, phase: Fault['phase']): Fault | undefined {
    const list = this.#byToken.get(tokenHash);
    const fault = list?.find((f) => f.phase === phase && (f.method === null || f.method === method) && pathMatches(f.path, path));
    if (!list || !fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) list.splice(list.indexOf(fault), 1);
    if (list.length === 0) this.#byToken.delete(tokenHash);
    return fault;
  }
}

const pathMatches = (pattern: string, path: string) =>
  pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The response a fault gives, or undefined when the request should go on (a delay). */
async function applyFault(c: Context, fault: Fault): Promise<Response | undefined> {
  switch (fault.kind) {
    case 'delay':
      await sleep(fault.delayMs ?? 0);
      return undefined;
    case 'status': {
      const status = fault.status ?? 500;
      const headers: Record<string, string> = status === 429 ? { 'Retry-After': String(fault.retryAfter ?? 1) } : {};
      return errorResponse(c, new ApiError(codeForStatus(status), `Injected fault: ${status}`, undefined, headers, status));
    }
    case 'malformed_json':
      return c.body('{"card": ', 200, { 'Content-Type': 'application/json' });
    case 'wrong_shape':
      return c.json({ unexpected: true }, 200);
    case 'drop': {
      const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
      if (incoming?.socket) {
        incoming.socket.destroy();
        return new Response(null, { status: 502 });
      }
      // Outside Node (app.request in tests) there is no socket to drop.
      return errorResponse(c, new ApiError('internal', 'Injected fault: connection dropped', undefined, {}, 502));
    }
  }
}

export function faultMiddleware(faults: ArmedFaults): MiddlewareHandler {
  return async (c, next) => {
    const hash = sessionTokenHash(c);
    if (!hash || !faults.has(hash) || c.req.path === '/sandbox/faults') return next();
    const before = faults.take(hash, c.req.method, c.req.path, 'before');
    if (before) {
      const answer = await applyFault(c, before);
      if (answer) return answer;
    }
    await next();
    const after = faults.take(hash, c.req.method, c.req.path, 'after');
    if (after) {
      const answer = await applyFault(c, after);
      if (answer) {
        c.res = answer;
        // Hono carries the real answer's headers over to the one replacing it; its body's encoding (a gzipped plan
        // list) is not this body's.
        c.res.headers.delete('Content-Encoding');
      }
    }
  };
}
