// A partner's backend in plain Node (no framework): it keeps the secret key, mints a short-lived session token for
// the signed-in traveller's card and renders the "My eSIM" page with the script tag and that token.
// `/api/esim-session` hands the page a fresh token when the session expires mid-checkout.
//
// Reminders: `/esim/webhooks` receives the API's events, verifies each with `constructEvent` (the raw body, the
// `Esim-Signature` header, the endpoint's signing secret) and turns a reminder into a renewal link it would send the
// traveller — here it logs it. Set ESIM_WEBHOOK_SECRET to the secret of the endpoint you registered; without it,
// this server registers itself at start (the sandbox can post to loopback).
//
//   ESIM_API=http://localhost:8787 ESIM_SECRET_KEY=sk_test_demo node partner-server.mjs
import { createServer } from 'node:http';
import { constructEvent, createPartnerClient, isWebhookVerificationError } from '@esim-renewal/widgets/server';

const API = process.env.ESIM_API ?? 'http://localhost:8787';
const SDK = process.env.ESIM_SDK ?? 'https://unpkg.com/@esim-renewal/widgets@0.1.0/dist/esim-renewal.js';
const partner = createPartnerClient({ baseUrl: API, secretKey: process.env.ESIM_SECRET_KEY ?? 'sk_test_demo' });
let webhookSecret = process.env.ESIM_WEBHOOK_SECRET ?? '';

/** Your own sign-in says whose card this is; here, a sandbox demo card. */
const iccidOf = (_request) => '89860000000000000029';

/** Event ids already handled. Deliveries are at least once: in production, a table with a unique key. */
const handled = new Set();

const escape = (value) => String(value).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

// No session token when the page was opened from a renewal link: the widget exchanges the link's code for one.
const page = (token) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>My eSIM</title>
  <link rel="icon" href="data:,">
  <script src="${escape(SDK)}" defer></script>
</head>
<body>
  <esim-renewal id="renewal" api-base="${escape(API)}"${token ? ` session-token="${escape(token)}"` : ''} locale="en">
    <esim-balance-badge></esim-balance-badge>
    <esim-plan-picker></esim-plan-picker>
    <esim-checkout-button></esim-checkout-button>
  </esim-renewal>
  <script type="module">
    // Asked once when the session expires: same card, fresh token, from this server.
    document.getElementById('renewal').getSessionToken = async () =>
      (await (await fetch('/api/esim-session', { method: 'POST' })).json()).token;
  </script>
</body>
</html>`;

const readBody = async (request) => {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks);
};

/** What a reminder becomes: a link that opens this page signed in to the card, ready to renew. */
async function remind(event, pageUrl) {
  const { card } = event.data;
  const link = await partner.createRenewalLink({ iccid: card.iccid, url: pageUrl });
  // Send it by SMS, e-mail or your app (with `link.qr` for a printed letter); here it is logged.
  console.log(`Renewal link for ${card.iccid} (${event.type}): ${link.url}`);
}

async function onWebhook(request, response, pageUrl) {
  let event;
  try {
    // The raw bytes, before any JSON parsing: the signature is over them.
    event = constructEvent(await readBody(request), request.headers['esim-signature'], webhookSecret);
  } catch (error) {
    if (!isWebhookVerificationError(error)) throw error;
    console.warn(`Refused a webhook: ${error.code}`);
    return response.writeHead(400).end();
  }
  if (!handled.has(event.id)) {
    if (['card.expiring', 'card.data_low', 'card.expired'].includes(event.type)) await remind(event, pageUrl);
    else console.log(`${event.type} ${event.id}`);
    handled.add(event.id);
  }
  response.writeHead(204).end();
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  try {
    if (url.pathname === '/esim/webhooks' && request.method === 'POST') return await onWebhook(request, response, pageUrl);
    if (url.pathname === '/api/esim-session' && request.method === 'POST') {
      const session = await partner.createSession({ iccid: iccidOf(request), locale: 'en' });
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      return response.end(JSON.stringify({ token: session.token, expiresAt: session.expiresAt }));
    }
    if (url.pathname !== '/') return response.writeHead(404).end();
    const token = url.searchParams.has('esim_handoff') ? undefined : (await partner.createSession({ iccid: iccidOf(request), locale: 'en' })).token;
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(page(token));
  } catch (error) {
    // A RenewalError from the API (e.g. `not_found` for an unknown card): never show the page a secret.
    console.error(error);
    response.writeHead(502).end('The renewal service is unavailable.');
  }
});

let pageUrl = '';
server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', async () => {
  pageUrl = `http://127.0.0.1:${server.address().port}/`;
  console.log(`Partner page: ${pageUrl}`);
  if (!webhookSecret) {
    // Sandbox convenience: (re)register this server for the reminders. In production, register once and keep the
    // secret in your configuration.
    const hooks = new URL('esim/webhooks', pageUrl).href;
    for (const old of await partner.listWebhookEndpoints()) if (old.url === hooks) await partner.deleteWebhookEndpoint(old.id);
    const endpoint = await partner.createWebhookEndpoint({ url: hooks, events: ['card.expiring', 'card.data_low', 'card.expired'] });
    webhookSecret = endpoint.secret;
    console.log(`Webhooks: ${hooks}`);
  }
});
