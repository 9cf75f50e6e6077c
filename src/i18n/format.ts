import { minorUnitExponent, toMajorUnits } from '../client/money.js';
import type { Money } from '../client/schemas.js';
import { whenIdle } from '../internal/idle.js';

type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.Collator;

/** Formatters are costly to build and pure: keep one per locale and options. */
const cache = new Map<string, Formatter>();

function memo<T extends Formatter>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) cache.set(key, (value = make()));
  return value;
}

/**
 * Money in minor units, in its own currency, with exactly the decimals its minor unit has (ISO 4217, see
 * `client/money.ts`): `{ amount: 1500, currency: 'CNY' }` → `¥15.00`, `{ amount: 1200, currency: 'JPY' }` → `¥1,200`.
 */
export function formatMoney(money: Money, locale: string): string {
  const format = memo(`money|${locale}|${money.currency}`, () => {
    const digits = minorUnitExponent(money.currency);
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  });
  return format.format(toMajorUnits(money.amount, money.currency));
}

/** The same money taken off, for discount lines: the minus sign where the locale puts it (`-¥300`, `-NT$30`). */
export function formatDiscount(money: Money, locale: string): string {
  return formatMoney({ ...money, amount: -money.amount }, locale);
}

const UNITS = [
  ['terabyte', 1024 ** 4],
  ['gigabyte', 1024 ** 3],
  ['megabyte', 1024 ** 2],
  ['kilobyte', 1024],
] as const;

/**
 * Bytes for people: `3.2 GB`, `300 MB`; binary multiples, labelled as operators and phones label them. Less than a
 * kilobyte (a day with no data used) is shown in megabytes, `0 MB`, as data plans count it — never `0 byte`.
 */
export function formatBytes(bytes: number, locale: string): string {
  const [unit, size] = UNITS.find(([, size]) => bytes >= size) ?? UNITS[2];
  const value = bytes / size;
  const format = memo(`bytes|${locale}|${unit}|${value < 10 ? 1 : 0}`, () =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }),
  );
  return format.format(value);
}

/** An amount of data: formatted bytes, or the given word for unlimited (`null`). */
export function formatData(bytes: number | null, locale: string, unlimited: string): string {
  return bytes === null ? unlimited : formatBytes(bytes, locale);
}

/** Orders text as readers of `locale` expect (pinyin order for zh-CN, for one). */
export function compareText(a: string, b: string, locale: string): number {
  return memo(`collator|${locale}`, () => new Intl.Collator(locale)).compare(a, b);
}

export function formatDate(iso: string, locale: string): string {
  return memo(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(new Date(iso));
}

/** A calendar day as the API writes it (`2026-11-25`, no time zone): `Nov 25` when `short`, else `Nov 25, 2026`. */
export function formatDay(day: string, locale: string, short = false): string {
  const options: Intl.DateTimeFormatOptions = short ? { month: 'short', day: 'numeric' } : { dateStyle: 'medium' };
  return memo(`day|${locale}|${short}`, () => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })).format(
    new Date(`${day}T00:00:00Z`),
  );
}

export function formatTime(iso: string, locale: string): string {
  return memo(`time|${locale}`, () => new Intl.DateTimeFormat(locale, { timeStyle: 'short' })).format(new Date(iso));
}

/** `in 5 days`, `tomorrow`, `3 days ago` in the traveller's language. */
export function formatRelativeDays(days: number, locale: string): string {
  return memo(`rel|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(days, 'day');
}

/**
 * Builds, through the same memo, the formatters a first render asks for: data amounts (the badge's and the plans'),
 * the expiry date and the "as of" time. The first use of `Intl` on a page loads the locale's data
 * (in Chromium 40–80 ms of main thread, about 360 ms at 4× CPU throttling); warmed while the first requests are in
 * flight, that time is spent waiting for the network instead of inside the first render. Prices are left out: their
 * currency comes with the answers, and once the locale is loaded a currency formatter costs well under a
 * millisecond. The region order's collator is left out too, though the page's first one is not cheap (5–16 ms at
 * 1×): the picker needs it only once the page is idle or the traveller reaches the region list (see its
 * `RegionOptions`), never on the way to the data. Formatters already built cost nothing.
 */
export function warmFormatters(locale: string): void {
  formatBytes(1.5 * 1024 ** 3, locale);
  formatBytes(20 * 1024 ** 3, locale);
  const now = new Date().toISOString();
  formatDate(now, locale);
  formatTime(now, locale);
}

const warming = new Set<string>();

/**
 * Warms `locale`'s formatters once per page, in an idle moment after the current task: called by an element that
 * has just started its first requests, so the warm-up runs while the answers travel. The idle callback lets the
 * loading state paint first; its timeout keeps a busy page from putting the warm-up off past the answers' arrival
 * (it would then only cost what the render would have paid anyway).
 */
export function warmFormattersSoon(locale: string): void {
  if (warming.has(locale)) return;
  warming.add(locale);
  whenIdle(() => warmFormatters(locale), 50, 0);
}

const DAY = 86_400_000;

/** Whole days from `now` until `iso`, rounded up (a card expiring in 3 hours has 1 day left); negative if past. */
export function daysUntil(iso: string, now = Date.now()): number {
  const ms = Date.parse(iso) - now;
  return ms >= 0 ? Math.ceil(ms / DAY) : -Math.ceil(-ms / DAY);
}
