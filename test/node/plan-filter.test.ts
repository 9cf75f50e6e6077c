// The picker's filter: which plans match a period and a region, and the remembering filter each picker keeps, which
// works the matching plans out again only when the plans, the period or the region change.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Plan } from '../../src/client/schemas.ts';
import { filterPlans, rememberingFilter } from '../../src/components/plan-picker/plan-filter.ts';

const plan = (id: string, period: Plan['period'], region: string, coverage: string[]) =>
  ({ id, period, region, coverage }) as unknown as Plan;
const plans = [
  plan('jp-month', 'month', 'JP', ['JP']),
  plan('jp-day', 'day', 'JP', ['JP']),
  plan('asia-month', 'month', 'ASIA', ['JP', 'KR', 'TH']),
  plan('eu-month', 'month', 'EU', ['FR', 'DE']),
];
const ids = (list: Plan[]) => list.map((p) => p.id);

describe('the plan filter', () => {
  it('matches a period, and a region by its code or by a country it covers', () => {
    assert.deepEqual(ids(filterPlans(plans, 'month', '')), ['jp-month', 'asia-month', 'eu-month']);
    assert.deepEqual(ids(filterPlans(plans, 'month', 'jp')), ['jp-month', 'asia-month']);
    assert.deepEqual(ids(filterPlans(plans, 'day', 'EU')), []);
  });

  it('remembers its last answer until the plans, the period or the region change', () => {
    const filter = rememberingFilter();
    const first = filter(plans, 'month', 'JP');
    assert.equal(filter(plans, 'month', 'JP'), first, 'the same inputs give the very same list, not a new scan');
    assert.deepEqual(ids(filter(plans, 'day', 'JP')), ['jp-day']);
    assert.deepEqual(ids(filter(plans, 'day', '')), ['jp-day']);
    assert.deepEqual(ids(filter(plans, 'month', '')), ['jp-month', 'asia-month', 'eu-month']);
    const fewer = plans.slice(2);
    assert.deepEqual(ids(filter(fewer, 'month', '')), ['asia-month', 'eu-month'], 'new plans are filtered again');
    assert.notEqual(filter(plans, 'month', 'JP'), first, 'an answer is remembered only until the next question');
  });
});
