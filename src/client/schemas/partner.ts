/**
 * Sessions and the partner's back office: the secret-key API, server to server. The partner server client
 * (`src/server/partner.ts`) and the sandbox use these; no browser client parses them.
 */
import * as z from 'zod/mini';
import { CardStatus, DataBalance, Timestamp } from './core.js';

/** ICCIDs are 18 to 22 digits (ITU-T E.118), the last one a check digit. */
export const Iccid = z.string().check(z.regex(/^\d{18,22}$/));

/** A BCP 47 language tag the widget should speak, e.g. `zh-CN` or `en`. */
export const Locale = z.string().check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/));

export const CreateSessionInput = z.strictObject({
  iccid: Iccid,
  locale: z.optional(Locale),
  /** Lifetime in seconds; 30 minutes when left out. */
  ttlSeconds: z.optional(z.int().check(z.minimum(60), z.maximum(86_400))),
});

export const Session = z.object({
  token: z.string().check(z.startsWith('rs_')),
  expiresAt: Timestamp,
  cardId: z.string(),
});

export const PartnerCard = z.object({
  id: z.string(),
  iccid: Iccid,
  status: CardStatus,
  label: z.string(),
  expiresAt: Timestamp,
  data: DataBalance,
});

export const PartnerCardList = z.object({ cards: z.array(PartnerCard) });

export type CreateSessionInput = z.infer<typeof CreateSessionInput>;
export type Session = z.infer<typeof Session>;
export type PartnerCard = z.infer<typeof PartnerCard>;
export type PartnerCardList = z.infer<typeof PartnerCardList>;
