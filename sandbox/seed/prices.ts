/**
 * The currencies the catalogue is priced in, and how a plan's price in each is set. Pure (the Storybook fixtures
 * price the same plans).
 *
 * A card is priced in the currency it was sold in (`cards.currency`, set when the partner issues the card: its
 * market's currency). Every plan has a price in every currency here, set the way a shop sets a price list: CNY and
 * USD from the catalogue's own base prices, the others from the US price at a fixed rate, rounded to a price step
 * that reads naturally in that market (whole ¥10, ₩100, NT$5, ฿5, HK$1, S$0.10). All amounts are minor units of
 * the currency (`src/client/money.ts`): JPY and KRW have none, so ¥380 is `380`.
 */
import { toMinorUnits } from '../../src/client/money.ts';

export const CURRENCIES = ['CNY', 'USD', 'HKD', 'TWD', 'JPY', 'KRW', 'THB', 'SGD'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** A price in every currency, in minor units. */
export type PriceList = Record<Currency, number>;

/** Japan's price in fen and cents, the base every region's price is a factor of. */
export interface BasePrice {
  CNY: number;
  USD: number;
}

/** Units of the currency per US dollar, and the price step in major units. */
const MARKETS: Record<Exclude<Currency, 'CNY' | 'USD'>, { perUsd: number; step: number }> = {
  HKD: { perUsd: 7.8, step: 1 },
  TWD: { perUsd: 32, step: 5 },
  JPY: { perUsd: 150, step: 10 },
  KRW: { perUsd: 1350, step: 100 },
  THB: { perUsd: 35, step: 5 },
  SGD: { perUsd: 1.35, step: 0.1 },
};

/** Whole yuan; US prices in steps of 50 cents (Japan 1 GB daily: ¥15 / $2.50); the others from the dollar price. */
export function priceList(base: BasePrice, factor: number): PriceList {
  const usdMajor = (base.USD * factor) / 100;
  const market = (currency: keyof typeof MARKETS) => {
    const { perUsd, step } = MARKETS[currency];
    return toMinorUnits(Math.round((usdMajor * perUsd) / step) * step, currency);
  };
  return {
    CNY: Math.round((base.CNY * factor) / 100) * 100,
    USD: Math.round((base.USD * factor) / 50) * 50,
    HKD: market('HKD'),
    TWD: market('TWD'),
    JPY: market('JPY'),
    KRW: market('KRW'),
    THB: market('THB'),
    SGD: market('SGD'),
  };
}
