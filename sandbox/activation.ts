/**
 * eSIM activation codes and one-time codes: how they are made, and how a contact is shown without giving it away.
 */
import { randomInt } from 'node:crypto';

/** The sandbox's SM-DP+ server: where a phone downloads the card's profile. */
export const SMDP_ADDRESS = 'smdp.sandbox.esim-renewal.dev';

/** A new activation lasts 30 minutes; the code works once. */
export const ACTIVATION_TTL_MS = 30 * 60_000;

// No 0/O or 1/I: the code may be typed from a screen.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** `ESIM-7K2Q-M9XD-4HPA`: 60 random bits, crypto-random. */
export function newActivationCode(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `ESIM-${group()}-${group()}-${group()}`;
}

/** The content of the installation QR code (GSMA SGP.22 activation code format). */
export const lpaFor = (code: string): string => `LPA:1$${SMDP_ADDRESS}$${code}`;

/** A 6-digit one-time code, crypto-random, leading zeros kept. */
export const newOtp = (): string => String(randomInt(1_000_000)).padStart(6, '0');

/**
 * Where a code goes, masked: `+86 13812345678` → `+86 138****5678`; `traveller@example.com` → `t***@example.com`.
 * Phone numbers keep the country code, the first 3 and the last 4 digits.
 */
export function maskContact(contact: string): { channel: 'sms' | 'email'; destination: string } {
  const at = contact.indexOf('@');
  if (at > 0) return { channel: 'email', destination: `${contact[0]}***${contact.slice(at)}` };
  const match = /^(\+\d{1,3})\s*(.*)$/.exec(contact.trim());
  const prefix = match ? `${match[1]} ` : '';
  const digits = (match ? match[2]! : contact).replace(/\D/g, '');
  const hidden = Math.max(1, digits.length - 7);
  return { channel: 'sms', destination: `${prefix}${digits.slice(0, 3)}${'*'.repeat(hidden)}${digits.slice(3 + hidden)}` };
}
