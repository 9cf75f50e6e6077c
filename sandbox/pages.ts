/**
 * Server-rendered HTML for the simulated payment pages, with Hono's `html` tag: every interpolated value is escaped
 * unless it is itself `html` (or the page's own style, marked `raw`). There is no script at all, and the pages are
 * sent with a Content-Security-Policy that allows only their inline style.
 */
import { html, raw } from 'hono/html';

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

export function formatMoney(amount: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

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
`;

export function layout(title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${raw(STYLE)}</style>
</head>
<body><main>
<span class="badge">Sandbox — no real money moves</span>
${body}
</main></body>
</html>`;
}

export interface OrderSummary {
  orderId: string;
  merchant: string;
  planName: string;
  quantity: number;
  total: string;
}

const summary = (s: OrderSummary) => html`<dl>
<dt>Merchant</dt><dd>${s.merchant}</dd>
<dt>Plan</dt><dd>${s.planName}${s.quantity > 1 ? ` × ${s.quantity}` : ''}</dd>
<dt>Amount</dt><dd>${s.total}</dd>
<dt>Order</dt><dd>${s.orderId}</dd>
</dl>`;

export function checkoutPage(s: OrderSummary, error?: string): Html {
  return layout(`Pay ${s.merchant}`, html`<h1>Pay ${s.merchant}</h1>
${summary(s)}
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post">
<label for="number">Card number</label>
<input id="number" name="number" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" required>
<div class="row">
<div><label for="expiry">Expiry</label><input id="expiry" name="expiry" autocomplete="cc-exp" placeholder="MM / YY"></div>
<div><label for="cvc">CVC</label><input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123"></div>
</div>
<button type="submit">Pay ${s.total}</button>
</form>
<p class="hint">Test cards: 4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined. Any expiry and CVC.</p>`);
}

export function walletPage(s: OrderSummary, wallet: string, validUntil: string, expired: boolean): Html {
  return layout(`${wallet} — ${s.merchant}`, html`<h1>${wallet}</h1>
${summary(s)}
${expired
    ? html`<p class="error" role="alert">This QR code expired at ${validUntil}.</p>`
    : html`<p class="hint">This QR code is valid until ${validUntil}.</p>`}
<form method="post">
<input type="hidden" name="action" value="pay"><button type="submit">Pay ${s.total}</button>
</form>
<form method="post">
<input type="hidden" name="action" value="decline"><button type="submit" class="secondary">Decline</button>
</form>`);
}

export function walletIndexPage(): Html {
  return layout('Sandbox wallet', html`<h1>Sandbox wallet</h1>
<p>Scan the QR code the shop shows, or open the link it encodes: <code>/sandbox/wallet/&lt;order id&gt;</code>.</p>`);
}

export function messagePage(title: string, message: string, detail?: string): Html {
  return layout(title, html`<h1>${title}</h1><p>${message}</p>${detail ? html`<p class="hint">${detail}</p>` : ''}`);
}
