// Main-thread time from a Chromium trace: how long the page's renderer main thread was busy between the page's
// navigation start and a `performance.mark` the page set (e.g. `ready`: the data is on screen). Busy means inside a
// top-level task (script, parsing, style, layout, paint and the handling of network answers alike), which is what a
// user waits for; idle gaps (waiting for the network) are not counted.

/** The categories a trace needs for `mainThreadBusy`. */
export const TRACE_CATEGORIES = [
  'toplevel',
  'blink.user_timing',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
];

/** The names Chromium gives a top-level task of a thread (older builds: `RunTask`; newer: both). */
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * Milliseconds the main thread of the renderer that set `mark` was busy from its navigation start to the mark.
 * `markStartTime` is the mark's `startTime` as the page saw it (ms from its time origin, i.e. navigation start),
 * which places navigation start on the trace's clock.
 */
export function mainThreadBusy(traceJson, mark, markStartTime) {
  const events = JSON.parse(traceJson).traceEvents ?? [];
  const markEvent = userMark(events, mark);
  if (!markEvent) return undefined;
  return busyMs(events, markEvent, markEvent.ts - markStartTime * 1000, markEvent.ts);
}

/** The last `performance.mark` named `name` in a trace's events (it gives its page's renderer thread and a time). */
export function userMark(events, name) {
  return events.filter((e) => e.name === name && String(e.cat).includes('blink.user_timing')).at(-1);
}

/** Milliseconds the thread `{ pid, tid }` spent in top-level tasks between `start` and `end` (trace µs). */
export function busyMs(events, { pid, tid }, start, end) {
  const intervals = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && TASKS.has(e.name) && e.ts < end && e.ts + (e.dur ?? 0) > start)
    .map((e) => [Math.max(start, e.ts), Math.min(end, e.ts + (e.dur ?? 0))])
    .sort((a, b) => a[0] - b[0]);
  // Nested and duplicate task events (both names for one task) overlap: count each instant once.
  let busy = 0;
  let until = -Infinity;
  for (const [from, to] of intervals) {
    if (to <= until) continue;
    busy += to - Math.max(from, until);
    until = to;
  }
  return busy / 1000;
}
