/** Arming and clearing injected faults for one session token. */
import type { Hono } from 'hono';
import { requireSession, sessionTokenHash } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { readJson, sendJson } from '../http.ts';
import { Fault, FaultInput } from '../sandbox-schemas.ts';

export function faultRoutes(app: Hono, deps: Deps): void {
  app.post('/sandbox/faults', async (c) => {
    requireSession(c, deps);
    const input = await readJson(c, FaultInput);
    return sendJson(c, Fault, deps.faults.arm(sessionTokenHash(c)!, input), 201);
  });

  app.delete('/sandbox/faults', (c) => {
    requireSession(c, deps);
    deps.faults.clear(sessionTokenHash(c)!);
    return c.body(null, 204);
  });
}
