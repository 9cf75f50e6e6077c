// A pseudo-locale for layout tests and Storybook, never shipped in the script-tag file (no entry imports it). Every
// message is English with its letters accented (marks above and below the line show clipped ascenders and
// descenders, as Thai and Vietnamese would), made about 40 % longer with (accented) filler words (a German-length string must
// still fit and wrap) and wrapped in brackets (a clipped end or a string built outside the message set shows at once):
// "Renew now" → "[Ŕéñéŵ ñöŵ öñé]". A function message accents only its own words: the arguments it was given
// (a formatted price, a plan name) appear as they were, so a test can still find them.
import { en, type Messages } from './en.js';

/** The tag to register it under (`registerLocale(PSEUDO_LOCALE, pseudoLocalize())`): CLDR's accented pseudo-locale. */
export const PSEUDO_LOCALE = 'en-XA';

/** How much longer each message gets, at least. */
export const PSEUDO_EXPANSION = 1.4;

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
// One UTF-16 unit each, so lengths compare with English.
const ACCENTED = 'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ';
const FILLER = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

const accent = (text: string) => text.replace(/[a-z]/gi, (letter) => ACCENTED[PLAIN.indexOf(letter)]!);

/** Filler words (the minimal count) adding at least `length` characters, each after a space. */
function filler(length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += ` ${FILLER[i % FILLER.length]}`;
  return out;
}

/** `text` accented except where it shows one of `kept` (a message's arguments), lengthened and bracketed. */
function pseudoText(text: string, kept: readonly string[] = []): string {
  const literal = kept
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = literal.length ? text.split(new RegExp(`(${literal.join('|')})`)) : [text];
  // split() with one capture group alternates: text, argument, text, argument…
  const body = parts.map((part, i) => (i % 2 ? part : accent(part))).join('');
  return `[${body}${accent(filler(Math.ceil(text.length * (PSEUDO_EXPANSION - 1))))}]`;
}

/** The strings an argument shows as: itself, a number's digits, each entry of an array or field of an object. */
const shown = (arg: unknown): string[] =>
  Array.isArray(arg) ? arg.flatMap(shown) : arg && typeof arg === 'object' ? Object.values(arg).flatMap(shown) : [String(arg)];

function pseudoValue(value: unknown): unknown {
  if (typeof value === 'string') return pseudoText(value);
  if (Array.isArray(value)) return value.map(pseudoValue);
  if (typeof value === 'function') {
    const message = value as (...args: unknown[]) => string;
    const wrapped = (...args: unknown[]) => pseudoText(message(...args), args.flatMap(shown));
    // Same arity as the original, so shape checks that compare `length` hold.
    return Object.defineProperty(wrapped, 'length', { value: message.length });
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, pseudoValue(child)]));
  }
  return value;
}

/** The pseudo-locale of a message set (English by default): same keys, same kinds, every string bracketed and longer. */
export function pseudoLocalize(messages: Messages = en): Messages {
  return pseudoValue(messages) as Messages;
}
