import type { Card, Plan } from '../../client/schemas.js';

/** Plans grouped by region name, in the order the API lists them, for the `<select>`'s `<optgroup>`s. */
export function byRegion(plans: readonly Plan[]): [string, Plan[]][] {
  const groups = new Map<string, Plan[]>();
  for (const plan of plans) groups.set(plan.regionName, [...(groups.get(plan.regionName) ?? []), plan]);
  return [...groups];
}

/** The name of the plan the card auto-renews with: from the plans when loaded, else the card's own plan's. */
export function planNameOf(card: Card, plans: readonly Plan[] | undefined): string | undefined {
  const id = card.autoRenew.planId;
  return plans?.find((plan) => plan.id === id)?.name ?? (card.plan.id === id ? card.plan.name : undefined);
}
