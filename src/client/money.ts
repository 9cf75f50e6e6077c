/**
 * Minor units: every amount in the contract is a whole number of its currency's smallest unit, 10^exponent of which
 * make one major unit. Most currencies have two decimals (1500 CNY minor units = ¥15.00); JPY and KRW have none
 * (¥1,200 is `1200`); a few have three.
 *
 * The exponents are ISO 4217's (the List One "minor unit" column), not CLDR's display digits that
 * `Intl.NumberFormat#resolvedOptions().maximumFractionDigits` reports: the two differ for a few currencies (CLDR
 * displays IDR without decimals, where ISO 4217 gives it two) and an amount's meaning must not depend on how a
 * browser displays it. Pure and dependency-free: the sandbox, the client and the elements' formatting share it.
 */

/** ISO 4217 currencies whose minor unit is not 2 (every other code has 2). */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0,
  XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** How many decimals the currency's minor unit is: 2 for CNY and USD, 0 for JPY and KRW. */
export function minorUnitExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

/** An amount in minor units as a number of major units: `(1500, 'CNY')` → 15, `(1200, 'JPY')` → 1200. */
export function toMajorUnits(amount: number, currency: string): number {
  return amount / 10 ** minorUnitExponent(currency);
}

/** A number of major units in minor units, rounded to the nearest one: `(15, 'CNY')` → 1500, `(1200, 'JPY')` → 1200. */
export function toMinorUnits(major: number, currency: string): number {
  return Math.round(major * 10 ** minorUnitExponent(currency));
}
