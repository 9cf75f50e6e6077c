import type { Period, Plan } from '../../client/schemas.js';
import { compareText } from '../../i18n/format.js';

/**
 * How many plans are rendered at first, and added by each "show more" (or by ArrowDown past the last one shown).
 *
 * Rendering every plan does not scale: 600 plan cards (a 2,000-plan catalogue, one period, every region) took
 * 140–170 ms to render and lay out, on every re-filter. A windowed list would render only what is on screen, but
 * `@lit-labs/virtualizer` 2.1.1 costs 7.4 kB min+brotli (8.7 kB with its grid layout, which this grid needs) with Lit
 * left out, more than Lit itself (5.1 kB), on the critical path whose whole budget is 32 kB. Rendering a page of plans
 * and a "show more" costs 0.39 kB and keeps the group an ordinary radio group. A page is 12 plans, three screens of a
 * phone: with 2,000 plans at 1× CPU, 24 took 11–15 ms to first render and 4–8 ms to re-filter, 12 take 8–11 ms and
 * 3–4 ms (bench/compare-scale.mjs, three rounds in turns).
 */
export const PAGE = 12;

/** Regions present in the plans, for the filter: `[code, display name]`, sorted by name in the locale. */
export function regionsOf(plans: readonly Plan[], locale: string): [string, string][] {
  const regions = new Map<string, string>();
  for (const plan of plans) regions.set(plan.region, plan.regionName);
  return [...regions].sort((a, b) => compareText(a[1], b[1], locale));
}

/** Plans of a period, in a region (its code, or a country it covers); `region` empty means all. */
export function filterPlans(plans: readonly Plan[], period: Period, region: string): Plan[] {
  const code = region.toUpperCase();
  return plans.filter(
    (plan) => plan.period === period && (!code || plan.region.toUpperCase() === code || plan.coverage.includes(code)),
  );
}

/**
 * `filterPlans` for one picker, remembering its last answer: every update of the picker reads the matching plans, and
 * most (a selection, a new card, "show more", a keypress) change none of the plans, the period and the region. With
 * 2,000 plans each reading was a scan of them all.
 */
export function rememberingFilter(): (plans: readonly Plan[], period: Period, region: string) => Plan[] {
  let last: { plans: readonly Plan[]; period: Period; region: string; matching: Plan[] } | undefined;
  return (plans, period, region) => {
    if (last?.plans !== plans || last.period !== period || last.region !== region) {
      last = { plans, period, region, matching: filterPlans(plans, period, region) };
    }
    return last.matching;
  };
}
