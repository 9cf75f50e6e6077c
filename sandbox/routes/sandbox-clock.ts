/**
 * Sandbox only: moving a partner's time (`POST /sandbox/clock`, read by settlement and the reminder scheduler, see
 * `clock.ts`) and using a card's data, so that expiry and low-data reminders can be seen without waiting for them.
 */
import type { Hono } from 'hono';
import { PartnerCard } from '../../src/client/schemas.ts';
import { requirePartner } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import { readJson, sendJson } from '../http.ts';
import { MAX_CLOCK_STEP_DAYS, MoveClockInput, SandboxClock, UseDataInput } from '../sandbox-schemas.ts';
import { DAY_MS, iso } from '../util.ts';
import { toPartnerCard } from '../views.ts';

const durationMs = ({ days = 0, hours = 0, minutes = 0, seconds = 0 }: NonNullable<MoveClockInput['advance']>) =>
  days * DAY_MS + ((hours * 60 + minutes) * 60 + seconds) * 1000;

export function sandboxClockRoutes(app: Hono, deps: Deps): void {
  const useData = deps.db.prepare<[number, string], void>(
    'UPDATE cards SET remaining_bytes = MAX(0, remaining_bytes - ?) WHERE id = ? AND remaining_bytes IS NOT NULL');

  const clockOf = (partnerId: string) =>
    ({ now: iso(deps.clock.nowFor(partnerId)), offsetSeconds: Math.floor(deps.clock.offsetOf(partnerId) / 1000) });

  app.get('/sandbox/clock', (c) => sendJson(c, SandboxClock, clockOf(requirePartner(c, deps).id)));

  app.post('/sandbox/clock', async (c) => {
    const partner = requirePartner(c, deps);
    const input = await readJson(c, MoveClockInput);
    const real = deps.clock.base();
    const target = input.reset ? real : input.set ? Date.parse(input.set) : deps.clock.nowFor(partner.id) + durationMs(input.advance!);
    if (target < real || target > real + MAX_CLOCK_STEP_DAYS * DAY_MS) {
      const message = `The partner's time must stay between real time and ${MAX_CLOCK_STEP_DAYS} days ahead of it`;
      throw new ApiError('validation_failed', message, { issues: [{ path: [input.set ? 'set' : 'advance'], message }] });
    }
    deps.clock.set(partner.id, target);
    deps.clock.actFor(partner.id);
    // What fell due meanwhile happens now, before the answer: orders settle, refunds are decided, reminders recorded
    // (their deliveries start at once, in the background).
    deps.settleDue();
    deps.reminders.forPartner(partner.id, deps.now());
    return sendJson(c, SandboxClock, clockOf(partner.id));
  });

  // The traveller used `bytes` of data (never below zero); unlimited cards have nothing to use up.
  app.post('/sandbox/cards/:iccid/use-data', async (c) => {
    const partner = requirePartner(c, deps);
    const input = await readJson(c, UseDataInput);
    const card = deps.store.cardByIccid(c.req.param('iccid'));
    if (!card || card.partner_id !== partner.id) throw notFound('Card');
    if (card.remaining_bytes === null) throw new ApiError('invalid_state', 'This card has unlimited data');
    useData.run(input.bytes, card.id);
    deps.reminders.forPartner(partner.id, deps.now());
    return sendJson(c, PartnerCard, toPartnerCard(deps.store.card(card.id)!, deps.now()));
  });
}
