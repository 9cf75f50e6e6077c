import type { Card, Order } from '../../client/schemas.js';
import { formatDate, formatDiscount, formatMoney } from '../../i18n/format.js';
import type { Messages } from '../../i18n/index.js';

/** The receipt window's styles, written compactly: this string ships as is (the build minifies only `css` blocks). */
const RECEIPT_CSS =
  "body{font:14px/1.5 system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#111;margin:32px}" +
  'h1{font-size:20px;margin:0 0 16px}' +
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 24px;margin:0 0 16px}' +
  'dt{color:#555}' +
  'dd{margin:0}' +
  '.total{font-weight:700;font-size:16px}' +
  '@media print{body{margin:0}}';

/** The rows of a receipt: label and value, all plain text. */
export function receiptRows(order: Order, card: Card | undefined, msg: Messages, locale: string): [string, string][] {
  const h = msg.history;
  const c = msg.checkout;
  const rows: [string, string][] = [
    [h.orderId, order.id],
    [h.paidOn, formatDate(order.createdAt, locale)],
  ];
  if (card) rows.push([h.card, card.iccid]);
  rows.push([c.plan, order.quote.plan.name]);
  if (order.quote.quantity > 1) rows.push([c.quantity, String(order.quote.quantity)]);
  rows.push([c.subtotal, formatMoney(order.quote.subtotal, locale)]);
  for (const discount of order.quote.discounts) {
    rows.push([discount.label || c.discounts[discount.kind], formatDiscount(discount.amount, locale)]);
  }
  rows.push([c.total, formatMoney(order.quote.total, locale)]);
  rows.push([h.columns.method, c.methods[order.paymentMethod]]);
  rows.push([h.columns.status, h.statuses[order.status] ?? order.status]);
  if (order.renewedUntil) rows.push([h.columns.until, formatDate(order.renewedUntil, locale)]);
  return rows;
}

/**
 * Opens the receipt in a window of its own and prints it, so only the receipt is printed, not the partner's page.
 * Built with DOM calls and text only (no HTML strings with server data), styled through the CSSOM, so it works
 * under a strict Content-Security-Policy. Returns false when the window could not open (popup blocked).
 */
export function printReceipt(order: Order, card: Card | undefined, msg: Messages, locale: string): boolean {
  const win = globalThis.open('', '_blank', 'popup,width=560,height=720');
  if (!win) return false;
  const doc = win.document;
  doc.title = msg.history.receiptFor(order.id);
  doc.documentElement.lang = locale;
  const sheet = new (win as Window & typeof globalThis).CSSStyleSheet();
  sheet.replaceSync(RECEIPT_CSS);
  doc.adoptedStyleSheets = [sheet];
  const title = doc.createElement('h1');
  title.textContent = msg.history.receiptFor(order.id);
  const list = doc.createElement('dl');
  for (const [label, value] of receiptRows(order, card, msg, locale)) {
    const dt = doc.createElement('dt');
    dt.textContent = label;
    const dd = doc.createElement('dd');
    dd.textContent = value;
    if (label === msg.checkout.total) dd.className = 'total';
    list.append(dt, dd);
  }
  doc.body.replaceChildren(title, list);
  win.focus();
  win.print();
  return true;
}
