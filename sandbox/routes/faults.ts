/** Arming and clearing injected faults for one session token. */
import type { Hono } from 'hono';
import { guards } from '../auth.ts';
import { sessionTokenHash } from '../credentials.ts';
import type { Deps } from '../deps.ts';
import { json } from '../http.ts';
import { operation } from '../openapi.ts';
import { Fault, FaultInput } from '../sandbox-schemas.ts';

export function faultRoutes(app: Hono, deps: Deps): void {
  const { session } = guards(deps);

  const arm = operation({
    tag: 'Sandbox', summary: "Arm a fault for this session's requests",
    ok: { status: 201, schema: Fault, description: 'Armed fault' }, errors: [400, 401, 403, 413],
  });
  app.post('/sandbox/faults', arm, session, json(FaultInput), (c) =>
    arm.send(c, deps.faults.arm(sessionTokenHash(c)!, c.req.valid('json'))));

  const clear = operation({
    tag: 'Sandbox', summary: "Clear this session's faults",
    ok: { status: 204, description: 'Cleared' }, errors: [401, 403],
  });
  app.delete('/sandbox/faults', clear, session, (c) => {
    deps.faults.clear(sessionTokenHash(c)!);
    return clear.send(c, undefined);
  });
}
