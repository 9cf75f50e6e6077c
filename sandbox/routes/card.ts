/** The card a session is for: balance, renewal plans, usage history, auto-renew. */
import type { Hono } from 'hono';
import { AutoRenew, Card, PlanList, PlansQuery, SetAutoRenewInput, Usage, UsageQuery } from '../../src/client/schemas.ts';
import { guards } from '../auth.ts';
import { PlanCatalogue } from '../catalogue.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { json, query } from '../http.ts';
import { requestLang } from '../locale.ts';
import { operation } from '../openapi.ts';
import { canRenew } from '../pricing.ts';
import type { CardRow } from '../rows.ts';
import { toCard } from '../serialize.ts';
import { DAY_MS, MB } from '../units.ts';
import { sha256 } from '../util.ts';

export function cardRoutes(app: Hono, deps: Deps): void {
  const { session } = guards(deps);

  const readCard = operation({
    tag: 'Card', summary: "The session's card",
    ok: { status: 200, schema: Card, description: 'The card' }, errors: [401, 403],
  });
  app.get('/v1/card', readCard, session, (c) => {
    const { card } = c.var;
    return readCard.send(c, toCard(card, deps.cards.plan(card.plan_id)!, requestLang(c, c.var.session.locale), deps.now()));
  });

  // Read once: the catalogue changes only when the database is seeded, which happens before the routes exist.
  const catalogue = new PlanCatalogue(deps.cards.plans());
  const listPlans = operation({
    tag: 'Card', summary: 'Plans that can renew this card',
    ok: { status: 200, schema: PlanList, description: 'Plans' }, errors: [400, 401, 403],
  });
  app.get('/v1/plans', listPlans, session, query(PlansQuery), (c) =>
    catalogue.respond(c, c.var.card, requestLang(c, c.var.session.locale), c.req.valid('query')));

  const readUsage = operation({
    tag: 'Card', summary: 'Daily data usage, oldest first',
    ok: { status: 200, schema: Usage, description: 'Usage' }, errors: [400, 401, 403],
  });
  app.get('/v1/card/usage', readUsage, session, query(UsageQuery), (c) =>
    readUsage.send(c, { days: usageHistory(c.var.card, c.req.valid('query').days ?? 30, deps.now()) }));

  const setAutoRenew = operation({
    tag: 'Card', summary: 'Turn auto-renew on or off',
    ok: { status: 200, schema: AutoRenew, description: 'Auto-renew settings' }, errors: [400, 401, 403, 409, 413],
  });
  app.put('/v1/card/auto-renew', setAutoRenew, session, json(SetAutoRenewInput), (c) => {
    const { card } = c.var;
    const input = c.req.valid('json');
    const planId = input.planId ?? card.auto_renew_plan_id;
    if (input.enabled && !planId) {
      throw new ApiError('validation_failed', 'Choose a plan to renew with', {
        issues: [{ path: ['planId'], message: 'Required when enabling auto-renew' }],
      });
    }
    if (planId && (input.enabled || input.planId)) {
      const plan = deps.cards.plan(planId);
      if (!plan || !canRenew(card, plan)) {
        throw new ApiError('plan_unavailable', `Plan ${planId} cannot renew this card`, { planId });
      }
    }
    deps.cards.setAutoRenew(card.id, input.enabled, planId ?? null);
    return setAutoRenew.send(c, { enabled: input.enabled, planId: planId ?? null });
  });
}

/**
 * Daily usage, oldest first. Deterministic per card and date (a hash, not randomness) so screenshots and tests are
 * stable; nothing is used outside the card's validity.
 */
function usageHistory(card: CardRow, days: number, now: number) {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const cap = card.remaining_bytes === null ? 3 * 1024 * MB : 900 * MB;
  const history: Array<{ date: string; usedBytes: number }> = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = today - i * DAY_MS;
    const date = new Date(day).toISOString().slice(0, 10);
    const active = day + DAY_MS > card.valid_from && day < card.expires_at;
    const fraction = parseInt(sha256(`${card.id}:${date}`).slice(0, 8), 16) / 0xffffffff;
    history.push({ date, usedBytes: active ? Math.floor(fraction * cap) : 0 });
  }
  return history;
}
