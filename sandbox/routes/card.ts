/** The card a session is for: balance, renewal plans, usage history, auto-renew. */
import type { Hono } from 'hono';
import {
  AutoRenew, Card, PlansQuery, SetAutoRenewInput, Usage, UsageQuery,
} from '../../src/client/schemas.ts';
import { requireSession } from '../auth.ts';
import type { CardRow } from '../db.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { intParam, readJson, sendJson, validate } from '../http.ts';
import { requestLang } from '../locale.ts';
import { PlanCatalogue } from '../catalogue.ts';
import { canRenew } from '../pricing.ts';
import { DAY_MS, MB, sha256 } from '../util.ts';
import { toCard } from '../views.ts';

export function cardRoutes(app: Hono, deps: Deps): void {
  app.get('/v1/card', (c) => {
    const { session, card } = requireSession(c, deps);
    return sendJson(c, Card, toCard(card, deps.store.plan(card.plan_id)!, requestLang(c, session.locale), deps.now()));
  });

  // Read once: the catalogue changes only when the database is seeded, which happens before the routes exist.
  const catalogue = new PlanCatalogue(deps.store.plans());
  app.get('/v1/plans', (c) => {
    const { session, card } = requireSession(c, deps);
    const query = validate(PlansQuery, { region: c.req.query('region'), period: c.req.query('period') }, 'Query');
    return catalogue.respond(c, card, requestLang(c, session.locale), query);
  });

  app.get('/v1/card/usage', (c) => {
    const { card } = requireSession(c, deps);
    const query = validate(UsageQuery, { days: intParam(c.req.query('days')) }, 'Query');
    return sendJson(c, Usage, { days: usageHistory(card, query.days ?? 30, deps.now()) });
  });

  app.put('/v1/card/auto-renew', async (c) => {
    const { card } = requireSession(c, deps);
    const input = await readJson(c, SetAutoRenewInput);
    const planId = input.planId ?? card.auto_renew_plan_id;
    if (input.enabled && !planId) {
      throw new ApiError('validation_failed', 'Choose a plan to renew with', {
        issues: [{ path: ['planId'], message: 'Required when enabling auto-renew' }],
      });
    }
    if (planId && (input.enabled || input.planId)) {
      const plan = deps.store.plan(planId);
      if (!plan || !canRenew(card, plan)) {
        throw new ApiError('plan_unavailable', `Plan ${planId} cannot renew this card`, { planId });
      }
    }
    deps.store.setAutoRenew(card.id, input.enabled, planId ?? null);
    return sendJson(c, AutoRenew, { enabled: input.enabled, planId: planId ?? null });
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
