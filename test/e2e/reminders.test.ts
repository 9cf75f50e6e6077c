// Reminders that reach the traveller, end to end in Debian's Chromium against the real sandbox: a partner's server
// subscribes, receives a signed card.expiring when the sandbox clock crosses 14 days before expiry, verifies it with
// the SDK, mints a renewal link, and the traveller opening that link renews the card — the link works once and
// expires. And the demo page's "jump ahead 10 days" shows a reminder arriving at the agency's server.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mountDemo } from '../../demo/routes.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { constructEvent, createPartnerClient, type PartnerClient, type WebhookEvent } from '../../src/server/index.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../harness/chromium.ts';
import { DEMO_KEY, call, waitFor } from '../sandbox/helpers.ts';

const PLAN = 'global-month-10gb';

/** The sandbox serving the demo partner page, and Chromium. */
function useSandboxAndBrowser() {
  const world = {} as { sandbox: RunningSandbox; browser: Browser };
  before(async () => {
    assert.ok(existsSync('dist/esim-renewal.js'), 'dist/esim-renewal.js is missing: run `npm run build` first');
    world.sandbox = await startSandbox({ port: 0, settleDelayMs: 300, staticRoutes: mountDemo, webhooks: { sweepIntervalMs: 50 } });
    world.browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  });
  after(async () => {
    await world.browser?.close();
    await world.sandbox?.close();
  });
  return world;
}

describe('a reminder becomes a renewal', () => {
  const world = useSandboxAndBrowser();
  let server: Server;
  let partner: PartnerClient;
  let secret = '';
  /** What the partner's server did: the events it verified (once each), and the link it would send per card. */
  const verified: WebhookEvent[] = [];
  const links = new Map<string, string>();

  before(async () => {
    partner = createPartnerClient({ baseUrl: world.sandbox.url, secretKey: DEMO_KEY });
    // The partner's backend: verify, skip repeats, and turn an expiry reminder into a renewal link.
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk));
      request.on('end', async () => {
        let event: WebhookEvent;
        try {
          event = constructEvent(body, request.headers['esim-signature'] as string, secret);
        } catch {
          return void response.writeHead(400).end();
        }
        if (!verified.some((e) => e.id === event.id)) {
          verified.push(event);
          if (event.type === 'card.expiring') {
            const { iccid } = event.data.card;
            // Its usual plan, or no preselection where that plan cannot renew the card (a Japan-only profile).
            const link = await partner.createRenewalLink({ iccid, planId: PLAN }).catch(() => partner.createRenewalLink({ iccid }));
            links.set(iccid, link.url);
          }
        }
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  });
  after(() => new Promise<void>((done) => server.close(() => done())));

  const moveClock = async (advance: Record<string, number>) =>
    assert.equal((await call(world.sandbox.url, 'POST', '/sandbox/clock', { token: DEMO_KEY, body: { advance } })).status, 200);
  const cardRow = (iccid: string) =>
    world.sandbox.sandbox.db.prepare<[string], { renewal_count: number; expires_at: number }>(
      'SELECT renewal_count, expires_at FROM cards WHERE iccid = ?').get(iccid)!;

  /**
   * Opens a renewal link as the traveller would, on a device of its own; returns the page, the card it opened and
   * the status of the claim of its code.
   */
  async function open(link: string): Promise<{ page: Page; cardId: Promise<string>; claim: Promise<number> }> {
    const page = await (await world.browser.newContext()).newPage();
    const cardId = page
      .waitForResponse((r) => new URL(r.url()).pathname === '/v1/card' && r.status() === 200, { timeout: 15_000 })
      .then(async (r) => ((await r.json()) as { id: string }).id);
    const claim = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/handoffs/claim').then((r) => r.status());
    cardId.catch(() => undefined);
    await page.goto(link);
    return { page, cardId, claim };
  }

  it('subscribes, gets a signed card.expiring at 14 days, mints a link, and the traveller renews with it — once', async () => {
    const endpoint = await partner.createWebhookEndpoint({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/esim`, events: ['card.expiring'] });
    secret = endpoint.secret;
    const card = (await call(world.sandbox.url, 'POST', '/sandbox/cards', { token: DEMO_KEY, body: { template: 'active' } })).body;
    const before = cardRow(card.iccid);
    const aboutCard = () => verified.filter((e) => e.type === 'card.expiring' && e.data.card.id === card.id);

    await moveClock({ days: 15 }); // 15 days left: no reminder yet
    await world.sandbox.sandbox.deliverWebhooks();
    assert.deepEqual(aboutCard(), []);
    await moveClock({ days: 1 }); // 14 days left
    const link = await waitFor(() => links.get(card.iccid), 10_000);
    const [reminder] = aboutCard();
    assert.equal(reminder?.type === 'card.expiring' && reminder.data.daysBefore, 14);

    const { page, cardId, claim } = await open(link);
    assert.equal(await claim, 201);
    assert.equal(await cardId, card.id, 'the link opened the reminded card');
    await page.locator('esim-balance-badge [part=data]').waitFor();
    assert.ok(!page.url().includes('esim_handoff'), 'the single-use code leaves the address bar');
    const picked = page.locator('esim-plan-picker [role=radio][aria-checked=true]');
    await picked.waitFor();
    const planName = (await (await fetch(`${world.sandbox.url}/v1/plans`, {
      headers: { Authorization: `Bearer ${(await partner.createSession({ iccid: card.iccid })).token}`, 'Accept-Language': 'zh-CN' },
    })).json() as { plans: Array<{ id: string; name: string }> }).plans.find((p) => p.id === PLAN)!.name;
    assert.match(await picked.innerText(), new RegExp(planName), 'the plan from the link is preselected');

    await page.locator('esim-checkout-button [part=button]').click();
    await page.getByRole('radio', { name: '支付宝' }).check();
    const created = page.waitForResponse((r) => r.url().endsWith('/v1/orders') && r.request().method() === 'POST');
    await page.locator('esim-checkout-button [part=pay]').click();
    const order = (await (await created).json()) as { id: string; quote: { plan: { id: string } } };
    assert.equal(order.quote.plan.id, PLAN);
    await page.locator('esim-checkout-button [part=wallet]').waitFor();
    const wallet = await page.context().newPage();
    await wallet.goto(`${world.sandbox.url}/sandbox/wallet/${order.id}`);
    await wallet.locator('button[type=submit]').first().click();
    await page.getByText('续费成功').first().waitFor({ timeout: 15_000 });
    const after = cardRow(card.iccid);
    assert.equal(after.renewal_count, before.renewal_count + 1);
    assert.ok(after.expires_at > before.expires_at, 'the card was renewed');
    await page.context().close();

    // The same link a second time: nothing opens.
    const again = await open(link);
    assert.equal(await again.claim, 409);
    await again.page.locator('esim-balance-badge[state=error]').waitFor();
    await again.page.context().close();
  });

  it('a renewal link expires', async () => {
    const link = await partner.createRenewalLink({ iccid: '89860000000000000060', planId: PLAN, expiresIn: 60 });
    await moveClock({ minutes: 2 });
    const { page, claim } = await open(link.url);
    assert.equal(await claim, 401, 'session_expired: the link is past its two minutes');
    await page.locator('esim-balance-badge[state=error]').waitFor();
    await page.context().close();
  });
});

describe('the demo page: jump ahead 10 days', () => {
  const world = useSandboxAndBrowser();

  it('shows the reminders the agency received, each with a renewal link that opens the card', async () => {
    const page = await world.browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(`${world.sandbox.url}/demo?lang=en`);
    await page.getByText('No reminders yet').waitFor();
    const before = await page.locator('#sandbox-date').innerText();
    // Another site's form cannot move the demo's clock.
    const forged = await fetch(`${world.sandbox.url}/demo/clock`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'action=jump',
    });
    assert.equal(forged.status, 403);
    assert.equal((await call(world.sandbox.url, 'GET', '/sandbox/clock', { token: DEMO_KEY })).body.offsetSeconds, 0);
    await page.getByRole('button', { name: 'Jump ahead 10 days' }).click();
    await page.waitForURL((url) => url.pathname === '/demo');
    assert.notEqual(await page.locator('#sandbox-date').innerText(), before, 'the sandbox date moved');
    // The demo card expired 5 days into the jump: its reminder arrives by webhook and the list shows it.
    const expired = page.locator('#reminders li', { hasText: '••0029' }).filter({ hasText: 'Expired' });
    await expired.waitFor({ timeout: 15_000 });
    assert.ok(await page.locator('#reminders li', { hasText: 'Expires within 14 days' }).count() >= 1);
    const link = await expired.getByRole('link', { name: 'Open renewal link' }).getAttribute('href');
    assert.match(link!, /\/demo\?card=89860000000000000029&esim_handoff=/);
    assert.deepEqual(problems, []);

    const traveller = await (await world.browser.newContext()).newPage();
    await traveller.goto(link!);
    await traveller.locator('esim-balance-badge [part=data]').waitFor();
    assert.ok(!traveller.url().includes('esim_handoff'));
    await traveller.context().close();
    // Back to today, for whoever looks next.
    await page.getByRole('button', { name: 'Back to today' }).click();
    await page.waitForURL((url) => url.pathname === '/demo');
    await page.close();
  });
});
