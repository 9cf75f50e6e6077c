import type { Period, Plan } from '../../client/schemas.js';
import { compareText } from '../../i18n/format.js';

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
