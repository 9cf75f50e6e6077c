/**
 * Sandbox only: moving a partner's time (`POST /sandbox/clock`, read by settlement and the reminder scheduler, see
 * `clock.ts`) and using a card's data, so that expiry and low-data reminders can be seen without waiting for them.
 */
import type { Hono } from 'hono';
import { PartnerCard } from '../../src/client/schemas.ts';
import { guards } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { json } from '../http.ts';
import { DESCRIPTIONS, operation } from '../openapi.ts';
import { cardOfPartner } from '../ownership.ts';
import { MAX_CLOCK_STEP_DAYS, MoveClockInput, SandboxClock, UseDataInput } from '../sandbox-schemas.ts';
import { toPartnerCard } from '../serialize.ts';
import { DAY_MS, iso } from '../units.ts';

const durationMs = ({ days = 0, hours = 0, minutes = 0, seconds = 0 }: NonNullable<MoveClockInput['advance']>) =>
  days * DAY_MS + ((hours * 60 + minutes) * 60 + seconds) * 1000;

export function sandboxClockRoutes(app: Hono, deps: Deps): void {
  const { partner } = guards(deps);

  const clockOf = (partnerId: string) =>
    ({ now: iso(deps.clock.nowFor(partnerId)), offsetSeconds: Math.floor(deps.clock.offsetOf(partnerId) / 1000) });

  const readClock = operation({
    tag: 'Sandbox', summary: "The partner's sandbox time",
    ok: { status: 200, schema: SandboxClock, description: 'Its time and how far ahead of real time' }, errors: [401, 403],
  });
  app.get('/sandbox/clock', readClock, partner, (c) => readClock.send(c, clockOf(c.var.partner.id)));

  const moveClock = operation({
    tag: 'Sandbox', summary: "Move the partner's sandbox time", description: DESCRIPTIONS.clock,
    ok: { status: 200, schema: SandboxClock, description: 'The new time' }, errors: [400, 401, 403, 413],
  });
  app.post('/sandbox/clock', moveClock, partner, json(MoveClockInput), (c) => {
    const partnerId = c.var.partner.id;
    const input = c.req.valid('json');
    const real = deps.clock.base();
    const target = input.reset ? real : input.set ? Date.parse(input.set) : deps.clock.nowFor(partnerId) + durationMs(input.advance!);
    if (target < real || target > real + MAX_CLOCK_STEP_DAYS * DAY_MS) {
      const message = `The partner's time must stay between real time and ${MAX_CLOCK_STEP_DAYS} days ahead of it`;
      throw new ApiError('validation_failed', message, { issues: [{ path: [input.set ? 'set' : 'advance'], message }] });
    }
    deps.clock.set(partnerId, target);
    deps.clock.actFor(partnerId);
    // What fell due meanwhile happens now, before the answer: orders settle, refunds are decided, reminders recorded
    // (their deliveries start at once, in the background).
    deps.settleDue();
    deps.reminders.forPartner(partnerId, deps.now());
    return moveClock.send(c, clockOf(partnerId));
  });

  // The traveller used `bytes` of data (never below zero); unlimited cards have nothing to use up.
  const useData = operation({
    tag: 'Sandbox', summary: "Use some of a card's data, as the traveller would",
    ok: { status: 200, schema: PartnerCard, description: 'The card after it' }, errors: [400, 401, 403, 404, 409, 413],
  });
  app.post('/sandbox/cards/:iccid/use-data', useData, partner, json(UseDataInput), (c) => {
    const partnerId = c.var.partner.id;
    const input = c.req.valid('json');
    const card = cardOfPartner(deps, partnerId, c.req.param('iccid') ?? '');
    if (card.remaining_bytes === null) throw new ApiError('invalid_state', 'This card has unlimited data');
    deps.cards.useData(card.id, input.bytes);
    deps.reminders.forPartner(partnerId, deps.now());
    return useData.send(c, toPartnerCard(deps.cards.card(card.id)!, deps.now()));
  });
}
