/**
 * Moving the card to a new phone: find the phone in the catalogue, confirm with a one-time code sent to the
 * traveller's contact (5 attempts, 10 minutes), and get a new single-use activation for the new phone; the old
 * activation code stops working. Data, expiry and everything else stay with the card.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import {
  DeviceList, DevicesQuery, StartTransferInput, Transfer, TransferResult, VerifyTransferInput,
} from '../../src/client/schemas.ts';
import { ACTIVATION_TTL_MS, lpaFor, maskContact, newActivationCode, newOtp, SMDP_ADDRESS } from '../activation.ts';
import { guards } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { findDevice, searchDevices } from '../devices.ts';
import { ApiError } from '../errors.ts';
import { json, query } from '../http.ts';
import { requestLang } from '../locale.ts';
import { DESCRIPTIONS, operation } from '../openapi.ts';
import { transferOfCard } from '../ownership.ts';
import { encodeQr } from '../qr.ts';
import type { CardRow, TransferRow } from '../rows.ts';
import { toCard, toTransfer } from '../serialize.ts';
import { iso } from '../units.ts';
import { randomId, sha256 } from '../util.ts';
import { refuseSuspended } from './shared.ts';

export const TRANSFER_TTL_MS = 10 * 60_000;
export const TRANSFER_ATTEMPTS = 5;

/** Salted with the transfer id, so equal codes of two transfers do not hash alike. */
const codeHash = (transferId: string, code: string) => sha256(`${transferId}:${code}`);

/** At most this many one-time codes per card in a window: 5 codes × 5 guesses bounds guessing per hour. */
const CODES_PER_WINDOW = 5;
const CODE_WINDOW_MS = 60 * 60_000;

const MOVE = 'cannot move to another phone';

type Verification =
  | { kind: 'wrong'; attemptsLeft: number }
  | { kind: 'locked' }
  | { kind: 'done'; transfer: TransferRow; activationCode: string; expiresAt: number };

export function transferRoutes(app: Hono, deps: Deps): void {
  const { session } = guards(deps);
  const { transfers } = deps;

  const listDevices = operation({
    tag: 'Card', summary: 'Phones the card can move to (search by words)',
    ok: { status: 200, schema: DeviceList, description: 'Matching phones, by brand then model' }, errors: [400, 401, 403],
  });
  app.get('/v1/devices', listDevices, session, query(DevicesQuery), (c) =>
    listDevices.send(c, { devices: searchDevices(c.req.valid('query').q) }));

  const start = deps.db.transaction((card: CardRow, brand: string, model: string, contact: string) => {
    const now = deps.now();
    transfers.supersedeTransfers(card.id, now);
    const id = randomId('trf');
    const code = newOtp();
    const { channel, destination } = maskContact(contact);
    transfers.insertTransfer({
      id, card_id: card.id, brand, model, channel, destination, code_hash: codeHash(id, code), code_plain: code,
      attempts_left: TRANSFER_ATTEMPTS, expires_at: now + TRANSFER_TTL_MS, created_at: now,
    });
    return transfers.transfer(id)!;
  });

  // Each code allows 5 guesses; without a cap on new codes, starting again would allow endless guessing.
  const refuseTooManyCodes = (cardId: string) => {
    const since = deps.now() - CODE_WINDOW_MS;
    const { n, first } = transfers.startsSince(cardId, since);
    if (n < CODES_PER_WINDOW) return;
    const retryAfter = Math.max(1, Math.ceil(((first ?? since) + CODE_WINDOW_MS - deps.now()) / 1000));
    throw new ApiError('rate_limited', `Too many codes sent for this card; retry in ${retryAfter} s`, { retryAfter }, {
      'Retry-After': String(retryAfter),
    });
  };

  const startTransfer = operation({
    tag: 'Card', summary: 'Start moving the card to a new phone: a one-time code is sent',
    ok: { status: 201, schema: Transfer, description: 'The move, awaiting the code' }, errors: [400, 401, 403, 409, 413, 422],
  });
  app.post('/v1/card/transfer', startTransfer, session, json(StartTransferInput), (c) => {
    const { card } = c.var;
    const input = c.req.valid('json');
    refuseSuspended(card, MOVE);
    const device = findDevice(input.brand, input.model);
    if (!device || !device.esim) {
      const message = device
        ? `${device.brand} ${device.model} cannot take an eSIM`
        : `${input.brand} ${input.model} is not a phone we know takes an eSIM`;
      throw new ApiError('device_incompatible', message, {
        brand: input.brand,
        model: input.model,
        ...(device?.note ? { note: device.note } : {}),
      });
    }
    if (!card.contact) throw new ApiError('invalid_state', 'No contact is on file for this card to send a code to; contact the shop');
    refuseTooManyCodes(card.id);
    const transfer = start.immediate(card, device.brand, device.model, card.contact);
    return startTransfer.send(c, toTransfer(transfer, deps.now()));
  });

  /** One IMMEDIATE transaction per guess: concurrent guesses each take an attempt, and only one can complete. */
  const verify = deps.db.transaction((card: CardRow, sessionId: string, transferId: string, code: string): Verification => {
    const now = deps.now();
    const transfer = transferOfCard(deps, card, transferId);
    if (transfer.status === 'locked') return { kind: 'locked' };
    if (transfer.status === 'completed') {
      throw new ApiError('invalid_state', 'This move is already complete', { status: 'completed' });
    }
    if (transfer.expires_at <= now) {
      throw new ApiError('invalid_state', 'This code has expired; start the move again for a new one', { status: 'expired' });
    }
    const right = timingSafeEqual(Buffer.from(codeHash(transfer.id, code)), Buffer.from(transfer.code_hash));
    if (!right) {
      transfers.wrongGuess(transfer.id);
      const after = transfers.transfer(transfer.id)!;
      return after.status === 'locked' ? { kind: 'locked' } : { kind: 'wrong', attemptsLeft: after.attempts_left };
    }
    transfers.completeTransfer(transfer.id, now);
    // The profile moves: every earlier activation code of the card stops working, a new one is issued.
    transfers.retireActivations(card.id);
    const activationCode = newActivationCode();
    transfers.insertActivation(activationCode, card.id, now + ACTIVATION_TTL_MS, now);
    transfers.setDevice(card.id, transfer.brand, transfer.model);
    // A session on the old phone (or a stolen one) must not keep the moved card; the one that moved it just proved
    // the one-time code and carries on. The partner's backend mints new ones (the widget asks with getSessionToken).
    deps.credentials.endCredentialsBefore(card.id, sessionId, now);
    deps.events.cardTransferred(transfer.id, now);
    return { kind: 'done', transfer: transfers.transfer(transfer.id)!, activationCode, expiresAt: now + ACTIVATION_TTL_MS };
  });

  const verifyTransfer = operation({
    tag: 'Card', summary: 'Confirm the move with the one-time code; get the new activation', description: DESCRIPTIONS.transfer,
    ok: { status: 200, schema: TransferResult, description: 'Moved: the new activation (single-use, 30 minutes) and the card' },
    errors: [400, 401, 403, 404, 409, 413, 422, 423],
  });
  app.post('/v1/card/transfer/:id/verify', verifyTransfer, session, json(VerifyTransferInput), (c) => {
    const { card } = c.var;
    const input = c.req.valid('json');
    refuseSuspended(card, MOVE);
    // Thrown after the transaction, so the attempt it took is committed.
    const result = verify.immediate(card, c.var.session.id, c.req.param('id') ?? '', input.code);
    if (result.kind === 'locked') {
      throw new ApiError('otp_locked', 'Too many wrong codes: this move is locked; start again for a new code', { attemptsLeft: 0 });
    }
    if (result.kind === 'wrong') {
      throw new ApiError('otp_invalid', 'That code is not right', { attemptsLeft: result.attemptsLeft });
    }
    const now = deps.now();
    const row = deps.cards.card(card.id)!;
    const lpa = lpaFor(result.activationCode);
    return verifyTransfer.send(c, {
      transfer: toTransfer(result.transfer, now),
      activation: {
        lpa,
        qr: encodeQr(lpa),
        smdpAddress: SMDP_ADDRESS,
        activationCode: result.activationCode,
        expiresAt: iso(result.expiresAt),
      },
      card: toCard(row, deps.cards.plan(row.plan_id)!, requestLang(c, c.var.session.locale), now),
    });
  });
}
