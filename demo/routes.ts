/**
 * The demo partner page that `npm start` serves at /demo: a travel agency's "My eSIM" page.
 *
 * It plays the partner's backend the way a real one would: the secret key stays on this server, which mints a
 * short-lived session token for the traveller's card (over HTTP, with the SDK's server client) and renders it into
 * the page; the page's script asks `/demo/session` for a fresh one when it expires.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { createPartnerClient } from '../src/server/partner.ts';
import { DEMO_LOCALES, renderDemoPage, type DemoCard, type DemoLocale } from './page.ts';
import { mountReminders } from './reminders.ts';

const SECRET_KEY = process.env.DEMO_SECRET_KEY ?? 'sk_test_demo';
const DEFAULT_ICCID = '89860000000000000029';
const files = {
  '/demo/demo.css': ['assets/demo.css', 'text/css; charset=utf-8'],
  '/demo/demo.js': ['assets/demo.js', 'text/javascript; charset=utf-8'],
  '/sdk/esim-renewal.js': ['../dist/esim-renewal.js', 'text/javascript; charset=utf-8'],
  '/sdk/esim-renewal.js.map': ['../dist/esim-renewal.js.map', 'application/json'],
} as const;

/** The widget's language the page asks for (`?lang=`): one of the ten, or `auto`; Simplified Chinese by default. */
const demoLocale = (lang: string | undefined): DemoLocale =>
  lang === 'auto' || (lang !== undefined && lang in DEMO_LOCALES) ? (lang as DemoLocale) : 'zh-CN';

/** The locale a session is minted with: none for `auto`, where the widget tells the API its language itself. */
const sessionLocale = (locale: DemoLocale) => (locale === 'auto' ? undefined : locale);

/** The script-tag file's chunks (dist/esim-renewal/*.js), which it loads on demand from beside itself. */
const CHUNK = /^\/sdk\/esim-renewal\/([\w-]+\.js(?:\.map)?)$/;

/** A strict policy: no inline script or style, no eval, Trusted Types required — the SDK works under all of it. */
function contentSecurityPolicy(apiOrigin: string): string {
  return [
    "default-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "require-trusted-types-for 'script'",
  ].join('; ');
}

export function mountDemo(app: Hono): void {
  const partnerFor = (origin: string) => createPartnerClient({ baseUrl: origin, secretKey: SECRET_KEY });
  const reminders = mountReminders(app, partnerFor, SECRET_KEY);

  app.get('/', (c) => c.redirect('/demo'));

  app.get('/demo', async (c) => {
    const origin = new URL(c.req.url).origin;
    const partner = partnerFor(origin);
    const cards: DemoCard[] = await partner.listCards();
    const iccid = cards.some((card) => card.iccid === c.req.query('card')) ? c.req.query('card')! : DEFAULT_ICCID;
    const locale = demoLocale(c.req.query('lang'));
    // Opened from a "continue on another device" link, this device has no login of its own: the widget exchanges
    // the link's single-use code for a session instead.
    const token = c.req.query('esim_handoff') ? undefined : (await partner.createSession({ iccid, locale: sessionLocale(locale) })).token;
    const paymentMode = c.req.query('pay') === 'redirect' ? 'redirect' : 'popup';
    // The agency's webhook endpoint (subscribed on the first view) and the sandbox time it lives in.
    const received = await reminders.subscribe(origin).then((s) => s.reminders, () => []);
    const clock = await fetch(`${origin}/sandbox/clock`, { headers: { Authorization: `Bearer ${SECRET_KEY}` } });
    const sandboxNow = clock.ok ? ((await clock.json()) as { now: string }).now : undefined;
    c.header('Content-Security-Policy', contentSecurityPolicy(origin));
    // It shows hand-off and installation QR codes and starts payments: never inside another site's frame.
    c.header('X-Frame-Options', 'DENY');
    c.header('Cache-Control', 'no-store');
    return c.html(renderDemoPage({ apiBase: origin, token, cards, iccid, locale, paymentMode, sandboxNow, reminders: received }));
  });

  // The page's script calls this when the widget's session expires: same card, fresh token.
  app.get('/demo/session', async (c) => {
    const iccid = c.req.query('card') ?? DEFAULT_ICCID;
    const session = await partnerFor(new URL(c.req.url).origin).createSession({ iccid, locale: sessionLocale(demoLocale(c.req.query('lang'))) });
    c.header('Cache-Control', 'no-store');
    return c.json({ token: session.token, expiresAt: session.expiresAt });
  });

  app.get('/sdk/esim-renewal/:file', async (c) => {
    const name = CHUNK.exec(new URL(c.req.url).pathname)?.[1];
    if (!name) return c.notFound();
    try {
      const body = await readFile(fileURLToPath(new URL(`../dist/esim-renewal/${name}`, import.meta.url)));
      const type = name.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8';
      return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
    } catch {
      return c.notFound();
    }
  });

  for (const [path, [file, type]] of Object.entries(files)) {
    app.get(path, async (c) => {
      try {
        const body = await readFile(fileURLToPath(new URL(file, import.meta.url)));
        return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
      } catch {
        return c.text('Not built yet: run `npm run build` (or `npm start`, which builds first).', 503);
      }
    });
  }
}
