// A partner's backend in plain Node (no framework): it keeps the secret key, mints a short-lived session token for
// the signed-in traveller's card and renders the "My eSIM" page with the script tag and that token.
// `/api/esim-session` hands the page a fresh token when the session expires mid-checkout.
//
//   ESIM_API=http://localhost:8787 ESIM_SECRET_KEY=sk_test_demo node partner-server.mjs
import { createServer } from 'node:http';
import { createPartnerClient } from '@esim-renewal/widgets/server';

const API = process.env.ESIM_API ?? 'http://localhost:8787';
const SDK = process.env.ESIM_SDK ?? 'https://unpkg.com/@esim-renewal/widgets@0.1.0/dist/esim-renewal.js';
const partner = createPartnerClient({ baseUrl: API, secretKey: process.env.ESIM_SECRET_KEY ?? 'sk_test_demo' });

/** Your own sign-in says whose card this is; here, a sandbox demo card. */
const iccidOf = (_request) => '89860000000000000029';

const escape = (value) => String(value).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

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
  <esim-renewal id="renewal" api-base="${escape(API)}" session-token="${escape(token)}" locale="en">
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

const server = createServer(async (request, response) => {
  try {
    const session = await partner.createSession({ iccid: iccidOf(request), locale: 'en' });
    if (request.url === '/api/esim-session' && request.method === 'POST') {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      return response.end(JSON.stringify({ token: session.token, expiresAt: session.expiresAt }));
    }
    if (request.url !== '/') return response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(page(session.token));
  } catch (error) {
    // A RenewalError from the API (e.g. `not_found` for an unknown card): never show the page a secret.
    console.error(error);
    response.writeHead(502).end('The renewal service is unavailable.');
  }
});

server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`Partner page: http://127.0.0.1:${server.address().port}/`);
});
