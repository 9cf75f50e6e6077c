import { plural } from './plural.js';

/** What the usage meter reports, as one message per language: the period's use, then what the remaining data means. */
export interface UsageReport {
  /** How many days the report covers. */
  days: number;
  /** The data used over them, formatted (`1.2 GB`); undefined when none was. */
  used?: string;
  /** The average a day, formatted. */
  perDay: string;
  /** How long the remaining data lasts at that average; undefined when there is nothing to project. */
  outlook?:
    | { kind: 'unlimited' }
    | { kind: 'none-left' }
    /** `left`: the remaining data, formatted; `daysLeft`: whole days it lasts (0: under a day); the card expires in `expiryDays`. */
    | { kind: 'limited'; left: string; daysLeft: number; expiryDays: number };
}

/** English for `<esim-usage-meter>`, loaded with it (see `addEnglish` in ../index.ts). */
export const enUsage = {
  label: 'Data use',
  loading: 'Loading your data use…',
  chartLabel: (days: number) => plural(days, 'Data used today', `Data used per day, last ${days} days`),
  report: ({ days, used, perDay, outlook }: UsageReport) => {
    const period = plural(days, 'day', `${days} days`);
    const past = used ? `Used ${used} in the last ${period}, about ${perDay} a day.` : `No data used in the last ${period}.`;
    if (!outlook) return past;
    if (outlook.kind === 'unlimited') return `${past} Your data is unlimited, so there is no need to project when it runs out.`;
    if (outlook.kind === 'none-left') return `${past} You have no data left. Renew to get connected again.`;
    const { left, daysLeft, expiryDays } = outlook;
    const lasts =
      daysLeft < 1
        ? `At this rate your ${left} lasts less than a day`
        : `At this rate your ${left} lasts about ${plural(daysLeft, '1 day', `${daysLeft} days`)}`;
    const expiry = plural(expiryDays, '1 day', `${expiryDays} days`);
    return daysLeft < expiryDays
      ? `${past} ${lasts}. That is before your card expires in ${expiry}: renew before you run out.`
      : `${past} ${lasts}. Your card expires first, in ${expiry}.`;
  },
  date: 'Date',
  used: 'Data used',
  showTable: 'Show as table',
  error: 'Could not load your data use.',
};
