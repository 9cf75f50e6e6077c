// The goals each bench part reports (issue 15's list): one row per goal and CPU rate, with ours, the floor and the
// peer where they apply, the target and whether it is met. Reported, never asserted: `npm run bench` prints them
// side by side; nothing fails when one is not met.
import { ms } from './table.mjs';

const cell = (value, format = ms) => (typeof value === 'number' ? format(value) : 'n/a');

/** `value` and, when both are numbers, its ratio to `floor`: `120 ms (1.72×)`. */
const withRatio = (value, floor) =>
  typeof value === 'number' && typeof floor === 'number' && floor > 0 ? `${ms(value)} (${(value / floor).toFixed(2)}×)` : cell(value);

/**
 * A goal relative to the floor: `ours ≤ ratioMax × floor`. `floorCard`, where measured, is the floor that reads the
 * card (bench/fixtures/floor-card.ts), shown with its own ratio to the floor: the part of the ratio no widget avoids.
 * @returns {{ goal: string, at: string, ours: string, floor: string, floorCard: string, peer: string, target: string, met: boolean | undefined }}
 */
export function ratioGoal({ goal, at = '', ours, floor, floorCard, peer, ratioMax }) {
  const both = typeof ours === 'number' && typeof floor === 'number' && floor > 0;
  return {
    goal,
    at,
    ours: withRatio(ours, floor),
    floor: cell(floor),
    floorCard: withRatio(floorCard, floor),
    peer: cell(peer),
    target: `≤ ${ratioMax}× floor`,
    met: both ? ours <= ratioMax * floor : undefined,
  };
}

/** A goal in absolute time: `ours ≤ maxMs`; without `maxMs` the figure is only reported. */
export function timeGoal({ goal, at = '', ours, floor, peer, maxMs }) {
  return {
    goal,
    at,
    ours: cell(ours),
    floor: cell(floor),
    peer: cell(peer),
    target: maxMs === undefined ? 'reported' : `≤ ${maxMs} ms`,
    met: maxMs === undefined || typeof ours !== 'number' ? undefined : ours <= maxMs,
  };
}

/** A goal of any other kind, already worded: `met` is true, false, or undefined when only reported. */
export function otherGoal({ goal, at = '', ours, floor = '', peer = '', target, met }) {
  return { goal, at, ours, floor, peer, target, met };
}

/** The goals as table rows, each with its mark. */
export function goalRows(goals) {
  const mark = (met) => (met === undefined ? '—' : met ? '✓ met' : '✗ not met');
  return [
    ['goal', 'CPU', 'ours', 'floor (Lit hello world)', 'floor reading the card', 'peer (Buy Button)', 'target', 'met?'],
    ...goals.map((g) => [g.goal, g.at, g.ours, g.floor || '', g.floorCard || '', g.peer || '', g.target, mark(g.met)]),
  ];
}
