/**
 * The reminder scheduler: looks at each partner's cards at the partner's sandbox time and records `card.expiring`,
 * `card.data_low` and `card.expired` as their thresholds are crossed. Each is recorded once per card, expiry and
 * threshold (`onceKey`), so looking again — every sweep, after a restart, from a second process — records nothing new.
 *
 * When time jumps past several thresholds at once (a clock moved by days, a card made two days before its expiry),
 * only the nearest one crossed is recorded: the traveller gets one reminder that says how things stand, not three.
 */
import { DATA_LOW_PERCENTS, DEFAULT_EXPIRING_DAYS } from '../../src/server/schemas.ts';
import type { SandboxClock } from '../clock.ts';
import type { Db } from '../db.ts';
import type { CardRow } from '../rows.ts';
import { toPartnerCard } from '../serialize.ts';
import { DAY_MS } from '../units.ts';
import type { EventRecorder } from './events.ts';
import { webhookRepository } from './repository.ts';

/** A card that expired longer ago than this gets no `card.expired` any more (a bound on what each sweep reads). */
const EXPIRED_LOOKBACK_MS = 90 * DAY_MS;

/** The nearest of `days` (before expiry) already crossed with `leftMs` to go, if any. */
export function nearestDaysCrossed(days: readonly number[], leftMs: number): number | undefined {
  const crossed = days.filter((d) => d * DAY_MS >= leftMs);
  return crossed.length ? Math.min(...crossed) : undefined;
}

/** The highest of the data thresholds (per cent used) the card has reached, if any. */
export function dataPercentCrossed(card: Pick<CardRow, 'remaining_bytes' | 'total_bytes'>): number | undefined {
  if (card.remaining_bytes === null || !card.total_bytes) return undefined;
  const used = ((card.total_bytes - card.remaining_bytes) / card.total_bytes) * 100;
  const crossed = DATA_LOW_PERCENTS.filter((p) => used >= p);
  return crossed.length ? Math.max(...crossed) : undefined;
}

export interface Reminders {
  /** Records what is due for one partner at its time `at`; returns how many events are new. */
  forPartner(partnerId: string, at: number): number;
  /** The same for every partner, each at its own time. */
  all(): number;
}

export function createReminders(db: Db, clock: SandboxClock, events: EventRecorder): Reminders {
  const repository = webhookRepository(db);
  const cards = {
    /** Cards (not suspended: nothing a traveller can do) whose expiry is in (from, to]. */
    expiringBetween: db.prepare<[string, number, number], CardRow>(
      'SELECT * FROM cards WHERE partner_id = ? AND suspended = 0 AND expires_at > ? AND expires_at <= ?'),
    lowOnData: db.prepare<[string, number], CardRow>(
      `SELECT * FROM cards WHERE partner_id = ? AND suspended = 0 AND expires_at > ? AND remaining_bytes IS NOT NULL
       AND total_bytes > 0 AND remaining_bytes * 100 <= total_bytes * (100 - ${Math.min(...DATA_LOW_PERCENTS)})`),
  };

  function forPartner(partnerId: string, at: number): number {
    let recorded = 0;
    const count = (isNew: boolean) => (recorded += isNew ? 1 : 0);

    // Each endpoint that wants card.expiring chose its days; with none, the defaults (for GET /v1/events).
    const endpoints = repository.endpointsOf(partnerId).filter((e) => e.events.includes('card.expiring'));
    const daySets = endpoints.length ? endpoints.map((e) => e.expiringDays) : [[...DEFAULT_EXPIRING_DAYS]];
    const furthest = Math.max(...daySets.flat());
    for (const card of cards.expiringBetween.all(partnerId, at, at + furthest * DAY_MS)) {
      const left = card.expires_at - at;
      const due = new Set(daySets.map((days) => nearestDaysCrossed(days, left)).filter((d) => d !== undefined));
      for (const daysBefore of due) {
        count(events.record({
          partnerId, type: 'card.expiring', onceKey: `card.expiring:${card.id}:${card.expires_at}:${daysBefore}`, at,
          data: { card: toPartnerCard(card, at), daysBefore },
          // An endpoint gets the reminder of its own nearest threshold, not another endpoint's.
          wants: (endpoint) => nearestDaysCrossed(endpoint.expiringDays, left) === daysBefore,
        }));
      }
    }

    for (const card of cards.lowOnData.all(partnerId, at)) {
      const usedPercent = dataPercentCrossed(card);
      if (usedPercent === undefined) continue;
      count(events.record({
        partnerId, type: 'card.data_low', onceKey: `card.data_low:${card.id}:${card.expires_at}:${usedPercent}`, at,
        data: { card: toPartnerCard(card, at), usedPercent },
      }));
    }

    for (const card of cards.expiringBetween.all(partnerId, at - EXPIRED_LOOKBACK_MS, at)) {
      count(events.record({
        partnerId, type: 'card.expired', onceKey: `card.expired:${card.id}:${card.expires_at}`, at,
        data: { card: toPartnerCard(card, at) },
      }));
    }
    return recorded;
  }

  return {
    forPartner,
    all: () => clock.partners().reduce((sum, partner) => sum + forPartner(partner.id, partner.now), 0),
  };
}
