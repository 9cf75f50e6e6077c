import { plural } from './plural.js';

/** English for `<esim-balance-badge>`, loaded with it (see `addEnglish` in ../index.ts). */
export const enBadge = {
  label: 'eSIM balance',
  loading: 'Loading your eSIM balance…',
  dataLeft: (amount: string) => `${amount} left`,
  dataOf: (left: string, total: string) => `${left} of ${total} left`,
  unlimited: 'Unlimited data',
  daysLeft: (days: number) => plural(days, '1 day left', `${days} days left`),
  expiresToday: 'Expires today',
  expiresOn: (date: string) => `Expires ${date}`,
  expiredOn: (date: string) => `Expired ${date}`,
  asOf: (time: string) => `As of ${time}`,
  credit: (amount: string) => `Credit: ${amount}, used at your next renewal`,
  meterLabel: 'Data left',
  status: {
    active: 'Active',
    expiring: 'Expiring soon',
    lowData: 'Running low on data',
    expired: 'Expired',
    suspended: 'Suspended',
  },
  suspendedHint: 'This card is suspended. Please contact support.',
  expiredHint: 'Renew to get connected again.',
  error: 'Could not load your eSIM balance.',
  renewed: 'Balance updated after renewal.',
};
