/**
 * The sandbox's partners and promo codes: fixed data, and the rows they make. Pure (no storage), so that the seeding
 * (`sandbox/seeding.ts`) and the Storybook fixtures use the same.
 */
import type { PromoRow } from '../rows.ts';
import type { PriceList } from './prices.ts';

export interface PartnerSeed {
  id: string;
  name: string;
  secretKey: string;
  /**
   * Where the partner's pages are (`sandbox/url-rules.ts`): return URLs and hand-off pages must be on one of these.
   * An origin, one with any port (`http://localhost:*`), or `'self'` (the sandbox's own origin, where the demo page is).
   */
  origins: string[];
  /** The page renewal links open: a URL on one of `origins`, or a path on the sandbox's own origin (`'self'`). */
  renewalPage: string;
}

export const DEMO_PARTNER_ID = 'partner_demo';

export const PARTNERS: PartnerSeed[] = [
  {
    id: DEMO_PARTNER_ID,
    name: 'Demo Travel',
    secretKey: 'sk_test_demo',
    origins: ["'self'", 'http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'],
    renewalPage: '/demo',
  },
  {
    id: 'partner_other',
    name: 'Other Agency',
    secretKey: 'sk_test_other',
    origins: ['https://other-agency.example'],
    renewalPage: 'https://other-agency.example/esim/renew',
  },
];

export interface PromoSeed {
  code: string;
  percentOff: number;
  startsAt: string;
  endsAt: string;
  maxUses: number | null;
  uses: number;
  /** A fixed amount off instead (`percentOff` 0), in minor units of every priced currency. */
  amountsOff?: PriceList;
}

export const PROMO_CODES: PromoSeed[] = [
  { code: 'TRAVEL20', percentOff: 20, startsAt: '2024-01-01T00:00:00.000Z', endsAt: '2099-12-31T23:59:59.000Z', maxUses: null, uses: 0 },
  { code: 'SUMMER2025', percentOff: 15, startsAt: '2025-06-01T00:00:00.000Z', endsAt: '2025-09-01T00:00:00.000Z', maxUses: null, uses: 0 },
  { code: 'SOON', percentOff: 10, startsAt: '2099-01-01T00:00:00.000Z', endsAt: '2099-12-31T23:59:59.000Z', maxUses: null, uses: 0 },
  { code: 'ONCE', percentOff: 50, startsAt: '2024-01-01T00:00:00.000Z', endsAt: '2099-12-31T23:59:59.000Z', maxUses: 1, uses: 1 },
  // Limited and not used up: each order awaiting payment holds one of its uses, each succeeded order spends one.
  { code: 'LIMITED', percentOff: 15, startsAt: '2024-01-01T00:00:00.000Z', endsAt: '2099-12-31T23:59:59.000Z', maxUses: 3, uses: 0 },
  // A fixed amount off, about US$3 in each market: ¥20, US$3, HK$25, NT$100, ¥500, ₩4,000, ฿100, S$4.
  {
    code: 'WELCOME', percentOff: 0, startsAt: '2024-01-01T00:00:00.000Z', endsAt: '2099-12-31T23:59:59.000Z', maxUses: null, uses: 0,
    amountsOff: { CNY: 2000, USD: 300, HKD: 2500, TWD: 10000, JPY: 500, KRW: 4000, THB: 10000, SGD: 400 },
  },
];

/** A promo code as its row holds it. */
export const promoRow = (p: PromoSeed): PromoRow => ({
  code: p.code, percent_off: p.percentOff, starts_at: Date.parse(p.startsAt), ends_at: Date.parse(p.endsAt),
  max_uses: p.maxUses, uses: p.uses, amounts_off: p.amountsOff ? JSON.stringify(p.amountsOff) : null,
});
