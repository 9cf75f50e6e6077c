import { plural } from './plural.js';

/** English for `<esim-plan-picker>`, loaded with it (see `addEnglish` in ../index.ts). */
export const enPicker = {
  label: 'Choose a renewal plan',
  period: 'Plan period',
  periods: { day: 'Daily', month: 'Monthly', year: 'Yearly' },
  region: 'Region',
  allRegions: 'All regions',
  loading: 'Loading plans…',
  empty: 'No plans match these filters.',
  noPlans: 'No renewal plans are available for this card.',
  error: 'Could not load the plans.',
  unlimited: 'Unlimited',
  duration: (days: number) => plural(days, '1 day', `${days} days`),
  coverage: (count: number) => plural(count, '1 country', `${count} countries`),
  /**
   * A plan's facts in one line, as each language lists them: `10 GB · 30 days · 1 country`; Chinese with the
   * enumeration comma (`10 GB、30 天、1 个国家/地区`), Japanese with a full-width slash, its `・` being already inside
   * `1か国・地域`.
   */
  facts: (data: string, duration: string, coverage: string) => `${data} · ${duration} · ${coverage}`,
  wasPrice: (price: string) => `was ${price}`,
  tags: { popular: 'Popular', best_value: 'Best value', discount: 'Discount', unlimited: 'Unlimited', new: 'New' },
  selected: (name: string) => `${name} selected`,
  count: (count: number) => plural(count, '1 plan', `${count} plans`),
  shown: (shown: number, total: number) => `Showing ${shown} of ${total} plans`,
  showMore: (count: number) => plural(count, 'Show 1 more plan', `Show ${count} more plans`),
};
