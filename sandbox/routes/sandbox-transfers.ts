/**
 * Test support for moving a card to another phone (sandbox only): the one-time code a transfer "sent", a phone
 * installing an activation code, and a card's current activation code (as the partner's back office would see it).
 */
import type { Hono } from 'hono';
import { guards } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import { json } from '../http.ts';
import { operation } from '../openapi.ts';
import { cardOfPartner, transferOfCard } from '../ownership.ts';
import type { ActivationRow } from '../rows.ts';
import {
  ACTIVATION_STATES, ActivationInstalled, CardActivation, InstallActivationInput, TransferOtp,
} from '../sandbox-schemas.ts';

function activationState(row: ActivationRow, now: number): (typeof ACTIVATION_STATES)[number] {
  return row.state === 'ready' && row.expires_at !== null && row.expires_at <= now ? 'expired' : row.state;
}

export function sandboxTransferRoutes(app: Hono, deps: Deps): void {
  const { session, partner } = guards(deps);
  const { transfers } = deps;

  // The SMS the traveller would get, for tests and the demo page.
  const readOtp = operation({
    tag: 'Sandbox', summary: 'The one-time code a transfer sent',
    ok: { status: 200, schema: TransferOtp, description: 'The code' }, errors: [401, 403, 404],
  });
  app.get('/sandbox/transfers/:id/otp', readOtp, session, (c) =>
    readOtp.send(c, { code: transferOfCard(deps, c.var.card, c.req.param('id') ?? '').code_plain }));

  // What the phone does with the code: no credential, the code is the credential, and it works once.
  const install = operation({
    tag: 'Sandbox', summary: 'Install an activation code as a phone would (once)', security: 'none',
    ok: { status: 200, schema: ActivationInstalled, description: 'Installed' }, errors: [400, 404, 409, 413],
  });
  app.post('/sandbox/activations/install', install, json(InstallActivationInput), (c) => {
    const { activationCode } = c.req.valid('json');
    const activation = transfers.activation(activationCode);
    if (!activation) throw notFound('Activation code');
    deps.clock.actFor(deps.cards.card(activation.card_id)!.partner_id);
    if (!transfers.install(activationCode, deps.now())) {
      const row = transfers.activation(activationCode)!;
      const reason = row.state === 'transferred' ? 'transferred' : row.state === 'installed' ? 'used' : 'expired';
      const message = {
        transferred: 'This code no longer works: the card moved to another phone',
        used: 'This code was already used',
        expired: 'This code has expired',
      }[reason];
      throw new ApiError('invalid_state', message, { reason });
    }
    const card = deps.cards.card(activation.card_id)!;
    return install.send(c, { installed: true, iccidLast4: card.iccid.slice(-4) });
  });

  const readActivation = operation({
    tag: 'Sandbox', summary: "A card's current activation code and its state",
    ok: { status: 200, schema: CardActivation, description: 'The code' }, errors: [401, 403, 404],
  });
  app.get('/sandbox/cards/:iccid/activation', readActivation, partner, (c) => {
    const card = cardOfPartner(deps, c.var.partner.id, c.req.param('iccid') ?? '');
    const row = transfers.currentActivation(card.id);
    if (!row) throw notFound('Activation');
    return readActivation.send(c, { activationCode: row.code, state: activationState(row, deps.now()) });
  });
}
