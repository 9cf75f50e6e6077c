/**
 * Card care: daily usage, moving the card to a new phone, and hand-offs to another device. The client imports this
 * module the first time it calls one of those operations, so a page that shows none of them never loads it.
 * (Auto-renew answers with `AutoRenew`, which the card holds: it is in core.ts.)
 */
import * as z from 'zod/mini';
import { TRANSFER_STATUSES } from '../constants.js';
import { Bytes, Card, Timestamp } from './core.js';
import { QrCode } from './plans.js';

// ---------------------------------------------------------------------------------------------------------------
// Usage

export const Usage = z.object({
  days: z.array(z.object({ date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), usedBytes: Bytes })),
});

// ---------------------------------------------------------------------------------------------------------------
// Moving the card to a new phone

/** A phone model and whether it takes eSIMs (some regional variants do not). */
export const Device = z.object({
  brand: z.string(),
  model: z.string(),
  esim: z.boolean(),
  /** E.g. "Not the mainland China model (dual physical SIM)". */
  note: z.optional(z.string()),
});

export const DeviceList = z.object({ devices: z.array(Device) });

/** A move in progress: a one-time code went to the traveller's contact; 5 wrong codes lock it. */
export const Transfer = z.object({
  id: z.string(),
  status: z.enum(TRANSFER_STATUSES),
  channel: z.enum(['sms', 'email']),
  /** Where the code went, masked: `+86 138****5678`, `t***@example.com`. */
  destination: z.string(),
  attemptsLeft: z.int().check(z.minimum(0)),
  expiresAt: Timestamp,
});

/** How to install the card on the new phone: scan `lpa` as a QR code, or type the SM-DP+ address and code. */
export const Activation = z.object({
  /** `LPA:1$<SM-DP+ address>$<activation code>` — the content of the installation QR code. */
  lpa: z.string().check(z.startsWith('LPA:1$')),
  /** `lpa` as a QR code, for the new phone's camera. */
  qr: QrCode,
  smdpAddress: z.string(),
  activationCode: z.string(),
  /** Single-use, and only until then. */
  expiresAt: Timestamp,
});

export const TransferResult = z.object({
  transfer: Transfer,
  activation: Activation,
  card: Card,
});

// ---------------------------------------------------------------------------------------------------------------
// Hand-off: continue the same renewal on another device

/** A single-use code (10 minutes) that another device exchanges for a session of its own on the same card. */
export const Handoff = z.object({
  code: z.string(),
  /** The link to open on the other device: the `url` asked for, with the code. */
  url: z.string().check(z.regex(/^https?:\/\//i)),
  /** `url` as a QR code. */
  qr: QrCode,
  expiresAt: Timestamp,
});

export const HandoffSession = z.object({
  token: z.string().check(z.startsWith('rs_')),
  expiresAt: Timestamp,
  cardId: z.string(),
  planId: z.nullable(z.string()),
  locale: z.nullable(z.string()),
});

export type Usage = z.infer<typeof Usage>;
export type Device = z.infer<typeof Device>;
export type DeviceList = z.infer<typeof DeviceList>;
export type Transfer = z.infer<typeof Transfer>;
export type Activation = z.infer<typeof Activation>;
export type TransferResult = z.infer<typeof TransferResult>;
export type Handoff = z.infer<typeof Handoff>;
export type HandoffSession = z.infer<typeof HandoffSession>;
