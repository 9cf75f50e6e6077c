/**
 * Test support for card care (sandbox only): the one-time code a transfer "sent", a phone installing an activation
 * code, and a card's current activation code (as the partner's back office would see it).
 */
import type { Hono } from 'hono';
import { requirePartner, requireSession } from '../auth.ts';
import { careStore } from '../care-store.ts';
import type { ActivationRow } from '../db.ts';
import type { Deps } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import { readJson, sendJson } from '../http.ts';
import {
  ACTIVATION_STATES, ActivationInstalled, CardActivation, InstallActivationInput, TransferOtp,
} from '../sandbox-schemas.ts';

function activationState(row: ActivationRow, now: number): (typeof ACTIVATION_STATES)[number] {
  return row.state === 'ready' && row.expires_at !== null && row.expires_at <= now ? 'expired' : row.state;
}

export function sandboxCareRoutes(app: Hono, deps: Deps): void {
  const care = careStore(deps.db);

  // The SMS the traveller would get, for tests and the demo page.
  app.get('/sandbox/transfers/:id/otp', (c) => {
    const { card } = requireSession(c, deps);
    const transfer = care.transfer(c.req.param('id'));
    if (!transfer || transfer.card_id !== card.id) throw notFound('Transfer');
    return sendJson(c, TransferOtp, { code: transfer.code_plain });
  });

  // What the phone does with the code: no credential, the code is the credential, and it works once.
  app.post('/sandbox/activations/install', async (c) => {
    const { activationCode } = await readJson(c, InstallActivationInput);
    const activation = care.activation(activationCode);
    if (!activation) throw notFound('Activation code');
    deps.clock.actFor(deps.store.card(activation.card_id)!.partner_id);
    if (!care.install(activationCode, deps.now())) {
      const row = care.activation(activationCode)!;
      const reason = row.state === 'transferred' ? 'transferred' : row.state === 'installed' ? 'used' : 'expired';
      const message = {
        transferred: 'This code no longer works: the card moved to another phone',
        used: 'This code was already used',
        expired: 'This code has expired',
      }[reason];
      throw new ApiError('invalid_state', message, { reason });
    }
    const card = deps.store.card(care.activation(activationCode)!.card_id)!;
    return sendJson(c, ActivationInstalled, { installed: true, iccidLast4: card.iccid.slice(-4) });
  });

  app.get('/sandbox/cards/:iccid/activation', (c) => {
    const partner = requirePartner(c, deps);
    const card = deps.store.cardByIccid(c.req.param('iccid'));
    if (!card || card.partner_id !== partner.id) throw notFound('Card');
    const row = care.currentActivation(card.id);
    if (!row) throw notFound('Activation');
    return sendJson(c, CardActivation, { activationCode: row.code, state: activationState(row, deps.now()) });
  });
}
