// Walking message sets (src/i18n/<tag>.ts) as trees, for the locale tests: their leaves, how one's shape differs from
// en's, and sample arguments for every function message.
import { en } from '../../src/i18n/en.ts';

export type Tree = Record<string, unknown>;
export type Message = (...args: unknown[]) => string;

export const isTree = (value: unknown): value is Tree =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/** Every leaf of a message set, depth first: `[path, value]` for each string, function and array. */
export function leaves(tree: unknown, path = ''): [string, unknown][] {
  if (!isTree(tree)) return [[path, tree]];
  return Object.entries(tree).flatMap(([key, value]) => leaves(value, join(path, key)));
}

const kind = (value: unknown) =>
  isTree(value)
    ? 'an object'
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'function'
        ? 'a function'
        : `a ${typeof value}`;

/**
 * How `actual` differs in shape from `reference` (en), one line per difference naming the key: a key missing or not
 * in en, a different kind (string, function, array, object), an array of another length, a function of another
 * arity. Empty when the shapes are the same.
 */
export function shapeDifferences(actual: unknown, reference: unknown = en, path = ''): string[] {
  const where = path || 'the top level';
  if (kind(actual) !== kind(reference)) return [`${where} is ${kind(actual)}, en has ${kind(reference)}`];
  if (isTree(reference) && isTree(actual)) {
    return [
      ...Object.keys(reference)
        .filter((key) => !(key in actual))
        .map((key) => `missing: ${join(path, key)}`),
      ...Object.keys(actual)
        .filter((key) => !(key in reference))
        .map((key) => `not in en: ${join(path, key)}`),
      ...Object.keys(reference)
        .filter((key) => key in actual)
        .flatMap((key) => shapeDifferences(actual[key], reference[key], join(path, key))),
    ];
  }
  if (Array.isArray(reference) && Array.isArray(actual)) {
    if (actual.length !== reference.length)
      return [`${where} has ${actual.length} entries, en has ${reference.length}`];
    return reference.flatMap((entry, i) => shapeDifferences(actual[i], entry, join(path, i)));
  }
  if (typeof reference === 'function' && typeof actual === 'function' && actual.length !== reference.length) {
    return [`${where} takes ${actual.length} arguments, en's takes ${reference.length}`];
  }
  return [];
}

/** A formatted value as a caller passes it, marked so a test can find it in the message. */
const arg = (text: string) => `‹${text}›`;

/**
 * Arguments for each function message, as the elements pass them: data, money, dates and times already formatted
 * through Intl (src/i18n/format.ts), counts as numbers. Numbers are 2 or more and distinct, so each must show.
 */
export const SAMPLE_ARGS: Readonly<Record<string, readonly unknown[]>> = {
  'badge.dataLeft': [arg('3.2 GB')],
  'badge.dataOf': [arg('1.5 GB'), arg('5 GB')],
  'badge.daysLeft': [17],
  'badge.expiresOn': [arg('Dec 2, 2026')],
  'badge.expiredOn': [arg('Nov 2, 2026')],
  'badge.asOf': [arg('10:30')],
  'badge.credit': [arg('¥12.00')],
  'picker.duration': [30],
  'picker.coverage': [23],
  'picker.facts': [arg('10 GB'), arg('30 days'), arg('23 countries')],
  'picker.wasPrice': [arg('¥99.00')],
  'picker.selected': [arg('Asia 10 GB')],
  'picker.count': [14],
  'history.shown': [12],
  'picker.shown': [24, 96],
  'picker.showMore': [24],
  'checkout.buttonWithPrice': [arg('HK$88.00')],
  'checkout.pay': [arg('NT$350')],
  'checkout.scanToPay': [arg('Alipay')],
  'checkout.successBody': [arg('Jan 5, 2027')],
  'checkout.successData': [arg('10 GB')],
  'checkout.orderRef': [arg('ord_7Hq2')],
  'checkout.returning.cardRef': [arg('•••• 3139')],
  'checkout.promo.applied': [arg('WELCOME10')],
  'checkout.qr.amount': [arg('¥1,200')],
  'checkout.qr.expiresIn': [arg('4:59')],
  'checkout.qr.openWallet': [arg('WeChat Pay')],
  'checkout.qr.label': [arg('Alipay'), arg('₩15,000')],
  'checkout.support.subject': [arg('ord_9Xk1')],
  'checkout.support.body': [arg('8986 •••• 0029'), arg('ord_9Xk1')],
  'checkout.handoff.expires': [arg('14:10')],
  'usage.chartLabel': [7],
  'usage.report': [
    {
      days: 7,
      used: arg('700 MB'),
      perDay: arg('100 MB'),
      outlook: { kind: 'limited', left: arg('2.4 GB'), daysLeft: 12, expiryDays: 29 },
    },
  ],
  'autoRenew.onWith': [arg('Japan 5 GB')],
  'autoRenew.confirmOn': [arg('Japan 5 GB'), arg('฿350.00')],
  'autoRenew.turnedOn': [arg('Japan 5 GB')],
  'flow.stepHeading': [2, 4, arg('Choose a plan')],
  'flow.chosen': [arg('Asia 10 GB'), arg('RM45.00')],
  'history.receiptFor': [arg('ord_3Jd8')],
  'history.refund.outcomes.full': [arg('Rp150.000'), arg('Card')],
  'history.refund.outcomes.credit': [arg('₫250.000')],
  'history.refund.approvedFull': [arg('S$20.00')],
  'history.refund.approvedCredit': [arg('$8.00')],
  'device.incompatibleTitle': [arg('Galaxy A14')],
  'device.codeSent': [arg('+852 •••• 1234')],
  'device.attemptsLeft': [3],
  'device.expires': [arg('18:45')],
  'common.errorCode': [arg('payment_failed')],
  'common.failure': [arg('Could not load the plans.'), arg('You appear to be offline.')],
};

/**
 * What each argument shows as in the message: a string itself, a number its digits, an array each entry, an object
 * (the usage report's) each formatted value in it (its counts decide which sentence it says: its own test checks them).
 */
export const shown = (args: readonly unknown[]): string[] =>
  args.flatMap((value) =>
    Array.isArray(value)
      ? shown(value)
      : isTree(value)
        ? Object.entries(value).flatMap(([key, v]) => (key === 'kind' || typeof v === 'number' ? [] : shown([v])))
        : [String(value)],
  );

/** The same arguments with every number (also inside an object) replaced by `n` (for the one and zero cases). */
export const withNumbers = (args: readonly unknown[], n: number): unknown[] =>
  args.map((value) =>
    typeof value === 'number'
      ? n
      : isTree(value)
        ? Object.fromEntries(Object.entries(value).map(([key, v]) => [key, withNumbers([v], n)[0]]))
        : value,
  );

/** A leaf as text to compare or inspect: a string itself, an array's entries, a function called with its samples. */
export function rendered(path: string, value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'function') return [(value as Message)(...(SAMPLE_ARGS[path] ?? []))];
  return [String(value)];
}
