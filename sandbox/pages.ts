/**
 * Server-rendered HTML for the simulated payment pages, with Hono's `html` tag: every interpolated value is escaped
 * unless it is itself `html` (or the page's own style, marked `raw`). No page has an inline script: the few that need
 * one (the WeChat Pay JSAPI page, the card page's Apple Pay / Google Pay buttons) load a file of the sandbox's own
 * (`/sandbox/assets/…`, `page-scripts/`), and are sent with `SCRIPTED_PAGE_HEADERS`, whose policy allows scripts from
 * the page's origin only, under Trusted Types; every other page with `PAGE_HEADERS`, which allows no script at all.
 * Every page is in one of the API's ten languages (`<html lang>` says which; words in `page-words/`), its money with
 * the currency's ISO 4217 decimals.
 */
import { html, raw } from 'hono/html';
import type { Lang } from './locale.ts';
import { PAGE_WORDS, type PageWords } from './page-words/index.ts';

/** A page or a piece of one, as Hono's `html` tag makes it. */
export type Html = ReturnType<typeof html>;

/**
 * Sent with every hosted page. No site may show one in a frame (`frame-ancestors 'none'`, and `X-Frame-Options` for
 * older browsers): a pay button under someone else's page could be clickjacked.
 */
export const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; base-uri 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/** `PAGE_HEADERS` for a page that loads one of the sandbox's own scripts: from its origin only, no inline script. */
export const SCRIPTED_PAGE_HEADERS = {
  ...PAGE_HEADERS,
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; form-action 'self' http: https:; base-uri 'none'; "
    + "frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'",
};

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1b1f24; }
main { max-width: 26rem; margin: 2rem auto; background: #fff; border-radius: 12px; padding: 1.5rem;
  box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
h1 { font-size: 1.25rem; margin: 0 0 1rem; }
.badge { display: inline-block; font-size: 0.75rem; background: #fff3cd; color: #664d03; border-radius: 4px;
  padding: 0.1rem 0.4rem; margin-bottom: 1rem; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; margin: 0 0 1.25rem; }
dt { color: #5b6470; } dd { margin: 0; text-align: right; font-weight: 600; }
label { display: block; font-size: 0.875rem; margin: 0.75rem 0 0.25rem; }
input { width: 100%; box-sizing: border-box; font: inherit; padding: 0.5rem; border: 1px solid #c4c9d0; border-radius: 6px; }
.row { display: flex; gap: 0.75rem; } .row > div { flex: 1; }
button { font: inherit; width: 100%; margin-top: 1rem; padding: 0.65rem; border: 0; border-radius: 6px;
  background: #1a56db; color: #fff; cursor: pointer; }
button.secondary { background: #e5e7eb; color: #1b1f24; }
.error { color: #b42318; background: #fef3f2; border-radius: 6px; padding: 0.5rem 0.75rem; }
.hint { color: #5b6470; font-size: 0.8125rem; }
.sandbox { margin-top: 1.5rem; border-top: 1px dashed #c4c9d0; padding-top: 0.75rem; }
.sandbox h2 { font-size: 0.875rem; margin: 0; color: #664d03; }
ul.cards { padding-left: 1.25rem; margin: 0.5rem 0 0; }
`;

/** A page in `lang`; `script` is the path of one of the sandbox's own scripts to run after it is parsed. */
export function layout(lang: Lang, title: string, body: Html, script?: string): Html {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${raw(STYLE)}</style>
${script ? html`<script src="${script}" defer></script>` : ''}
</head>
<body><main>
<span class="badge">${PAGE_WORDS[lang].sandboxBadge}</span>
${body}
</main></body>
</html>`;
}

export interface OrderSummary {
  /** The page's language: the order's facts and everything around them are shown in it. */
  lang: Lang;
  orderId: string;
  merchant: string;
  /** In `lang`. */
  planName: string;
  quantity: number;
  /** Formatted in `lang`, with the currency's ISO 4217 decimals. */
  total: string;
}

/** The order's facts, as every hosted page shows them. */
export function summary(s: OrderSummary): Html {
  const words = PAGE_WORDS[s.lang].summary;
  return html`<dl>
<dt>${words.merchant}</dt><dd>${s.merchant}</dd>
<dt>${words.plan}</dt><dd>${s.planName}${s.quantity > 1 ? ` × ${s.quantity}` : ''}</dd>
<dt>${words.amount}</dt><dd>${s.total}</dd>
<dt>${words.order}</dt><dd>${s.orderId}</dd>
</dl>`;
}

/** The test cards of the hosted card page, in the order `PageWords.testCards` says what each does (README.md lists them too). */
export const TEST_CARD_NUMBERS = ['4242 4242 4242 4242', '4000 0000 0000 3220', '4000 0000 0000 0002', '4000 0000 0000 9995'] as const;

/** Each test card with what it does, in `words`' language. */
export const testCards = (words: PageWords) => TEST_CARD_NUMBERS.map((number, index) => [number, words.testCards[index]!] as const);

export function checkoutPage(s: OrderSummary, error?: string): Html {
  const words = PAGE_WORDS[s.lang];
  const w = words.card;
  return layout(s.lang, w.title(s.merchant), html`<h1>${w.title(s.merchant)}</h1>
${summary(s)}
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post">
<label for="number">${w.number}</label>
<input id="number" name="number" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" required>
<div class="row">
<div><label for="expiry">${w.expiry}</label><input id="expiry" name="expiry" autocomplete="cc-exp" placeholder="MM / YY"></div>
<div><label for="cvc">${w.cvc}</label><input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123"></div>
</div>
<button type="submit">${w.pay(s.total)}</button>
</form>
<form method="post" id="wallets" hidden aria-label="${w.express}">
<p class="hint">${w.walletHint}</p>
<label for="wallet-outcome">${w.walletOutcome}</label>
<select id="wallet-outcome" name="outcome"><option value="succeed">${w.approve}</option><option value="fail">${w.decline}</option></select>
<button type="submit" name="wallet" value="apple_pay">Apple Pay</button>
<button type="submit" name="wallet" value="google_pay">Google Pay</button>
</form>
<p class="hint">${w.testCards}</p>
<ul class="cards hint">${testCards(words).map(([number, does]) => html`<li>${number} ${does}</li>`)}</ul>`, '/sandbox/assets/card-wallets.js');
}

/** The issuer's 3-D Secure step: the traveller passes or fails it (a real one asks for a code or an app's approval). */
export function challengePage(s: OrderSummary, number: string): Html {
  const w = PAGE_WORDS[s.lang].challenge;
  return layout(s.lang, `${w.title} — ${s.merchant}`, html`<h1>${w.title}</h1>
${summary(s)}
<p>${w.body}</p>
<form method="post">
<input type="hidden" name="number" value="${number}">
<button type="submit" name="challenge" value="pass">${w.pass}</button>
<button type="submit" name="challenge" value="fail" class="secondary">${w.fail}</button>
</form>
<p class="hint">${w.hint}</p>`);
}

/** The QR wallet's page; `validUntil` already formatted in the page's language. */
export function walletPage(s: OrderSummary, wallet: string, validUntil: string, expired: boolean): Html {
  const w = PAGE_WORDS[s.lang].qr;
  return layout(s.lang, `${wallet} — ${s.merchant}`, html`<h1>${wallet}</h1>
${summary(s)}
${expired
    ? html`<p class="error" role="alert">${w.expired(validUntil)}</p>`
    : html`<p class="hint">${w.validUntil(validUntil)}</p>`}
<form method="post">
<input type="hidden" name="action" value="pay"><button type="submit">${w.pay(s.total)}</button>
</form>
<form method="post">
<input type="hidden" name="action" value="decline"><button type="submit" class="secondary">${w.decline}</button>
</form>`);
}

export function walletIndexPage(lang: Lang): Html {
  const w = PAGE_WORDS[lang].qr;
  return layout(lang, w.indexTitle, html`<h1>${w.indexTitle}</h1>
<p>${w.indexBody} <code>/sandbox/wallet/&lt;order id&gt;</code></p>`);
}

/** A page that says one thing: a title, a message and an optional detail, all already in `lang`. */
export function messagePage(lang: Lang, [title, message]: readonly [string, string], detail?: string): Html {
  return layout(lang, title, html`<h1>${title}</h1><p>${message}</p>${detail ? html`<p class="hint">${detail}</p>` : ''}`);
}
