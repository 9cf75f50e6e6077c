import type { SupportContact } from '../context/settings.js';
import type { Messages } from '../i18n/index.js';

export interface SupportLink {
  href: string;
  label: string;
}

/** What a support request may carry: the masked ICCID the API shows (never the full one) and the order id. */
export interface SupportContext {
  maskedIccid?: string;
  orderId?: string;
}

function withParams(url: string, context: SupportContext): string {
  try {
    const target = new URL(url, globalThis.location?.href);
    if (context.maskedIccid) target.searchParams.set('esim_card', context.maskedIccid);
    if (context.orderId) target.searchParams.set('esim_order', context.orderId);
    return target.href;
  } catch {
    return url;
  }
}

/**
 * Links to the partner's support, prefilled so the traveller need not explain: the masked card number and the
 * order id go in the URL's query or the e-mail's subject and body. Never the full ICCID, never the session token.
 */
export function supportLinks(contact: SupportContact, context: SupportContext, msg: Messages['checkout']): SupportLink[] {
  const links: SupportLink[] = [];
  const order = context.orderId ?? '';
  if (contact.url) links.push({ href: withParams(contact.url, context), label: msg.support.web });
  if (contact.chat) links.push({ href: withParams(contact.chat, context), label: msg.support.chat });
  if (contact.email) {
    const query = new URLSearchParams({
      subject: msg.support.subject(order),
      body: msg.support.body(context.maskedIccid ?? '', order),
    });
    // URLSearchParams writes spaces as '+', which mail clients show literally; mailto wants %20.
    links.push({ href: `mailto:${contact.email}?${query.toString().replace(/\+/g, '%20')}`, label: msg.support.email });
  }
  if (contact.phone) links.push({ href: `tel:${contact.phone.replace(/[^\d+]/g, '')}`, label: msg.support.phone });
  return links;
}
