/**
 * Serialisers: rows in, the contract's response objects out. Pure, so that the Storybook fixtures answer with the
 * same objects the sandbox does.
 */
import type { Card, Order, PartnerCard, Plan, Quote, Refund, Transfer } from '../src/client/schemas.ts';
import { composePlanName, DISCOUNT_LABELS, regionName } from './catalogue-words.ts';
import type { Lang } from './locale.ts';
import { DEFAULT_ENV, paymentRoute } from './payment-envs.ts';
import { encodeQrRemembered } from './qr.ts';
import type { WebhookEndpoint } from '../src/server/schemas.ts';
import type { CardRow, OrderRow, PlanRow, RefundRow, TransferRow } from './rows.ts';
import { DAY_MS, iso } from './units.ts';
import type { Endpoint } from './webhooks/repository.ts';

const EXPIRING_WITHIN_MS = 7 * DAY_MS;

export function cardStatus(card: CardRow, now: number): Card['status'] {
  if (card.suspended) return 'suspended';
  if (card.expires_at <= now) return 'expired';
  if (card.expires_at - now <= EXPIRING_WITHIN_MS) return 'expiring';
  return 'active';
}

/** `•••• 1234`: the traveller recognises the card, nobody learns the ICCID. */
export const maskIccid = (iccid: string): string => `•••• ${iccid.slice(-4)}`;

/** A plan's name in `lang`, composed from its region's name and its data and period (`catalogue-words.ts`). */
export const planName = (plan: PlanRow, lang: Lang): string =>
  composePlanName(plan.region, { period: plan.period, durationDays: plan.duration_days, dataBytes: plan.data_bytes }, lang);

/** The name of the region a plan covers, in `lang`: `Japan`, `Europe (33 countries)`. */
export const planRegionName = (plan: PlanRow, lang: Lang, coverage: readonly string[] = JSON.parse(plan.coverage) as string[]): string =>
  regionName(plan.region, coverage.length, lang);

/** The plan's price in `currency`, in its minor units; an error for a currency the catalogue is not priced in. */
function planPrice(plan: PlanRow, currency: string): { price: number; compareAt: number | null } {
  const price = (JSON.parse(plan.prices) as Record<string, number>)[currency];
  if (price === undefined) throw new Error(`Plan ${plan.id} has no price in ${currency}`);
  const compareAt = plan.compare_prices === null ? undefined : (JSON.parse(plan.compare_prices) as Record<string, number>)[currency];
  return { price, compareAt: compareAt ?? null };
}

export function toPlan(plan: PlanRow, currency: string, lang: Lang): Plan {
  const { price, compareAt } = planPrice(plan, currency);
  const coverage = JSON.parse(plan.coverage) as string[];
  return {
    id: plan.id,
    name: planName(plan, lang),
    period: plan.period,
    durationDays: plan.duration_days,
    dataBytes: plan.data_bytes,
    coverage,
    region: plan.region,
    regionName: planRegionName(plan, lang, coverage),
    price: { amount: price, currency },
    ...(compareAt === null ? {} : { compareAtPrice: { amount: compareAt, currency } }),
    tags: JSON.parse(plan.tags) as string[],
  };
}

export function toCard(card: CardRow, plan: PlanRow, lang: Lang, now: number): Card {
  return {
    id: card.id,
    iccid: maskIccid(card.iccid),
    status: cardStatus(card, now),
    plan: { id: plan.id, name: planName(plan, lang), period: plan.period },
    data: { remainingBytes: card.remaining_bytes, totalBytes: card.total_bytes },
    validFrom: iso(card.valid_from),
    expiresAt: iso(card.expires_at),
    coverage: JSON.parse(card.coverage) as string[],
    autoRenew: { enabled: card.auto_renew === 1, planId: card.auto_renew_plan_id },
    renewalCount: card.renewal_count,
    currency: card.currency,
    asOf: iso(now),
    credit: { amount: card.credit_amount ?? 0, currency: card.currency },
    device: card.device_brand && card.device_model ? { brand: card.device_brand, model: card.device_model } : null,
  };
}

export function toPartnerCard(card: CardRow, now: number): PartnerCard {
  return {
    id: card.id,
    iccid: card.iccid,
    status: cardStatus(card, now),
    label: card.label,
    expiresAt: iso(card.expires_at),
    data: { remainingBytes: card.remaining_bytes, totalBytes: card.total_bytes },
  };
}

/** The hosted page (on the operator's domain, `public_base`) each redirect flow opens. */
export const REDIRECT_PATHS = {
  card: 'checkout',
  wechat_jsapi: 'pay/wechat-jsapi',
  wechat_h5: 'pay/wechat-h5',
  alipay_wap: 'pay/alipay-wap',
} as const;

/**
 * How the order is paid, fitting the environment it was made for (`payment-envs.ts`). An order without an
 * environment is paid as on a desktop, as before environments existed; its card redirect keeps the answer it always
 * had (no `flow`), so older callers see the same order. A redirect's page is in `lang` (`?lang=`), when given.
 */
export function paymentAction(order: OrderRow, lang?: Lang): Order['paymentAction'] {
  if (order.status !== 'requires_payment') return null;
  const route = paymentRoute(order.payment_method, order.payment_env);
  const expiresAt = iso(order.action_expires_at ?? order.created_at);
  switch (route.action) {
    case 'redirect': {
      // The page opens in the language the order was answered in (the widget's), whatever the browser's.
      const url = `${order.public_base}/sandbox/${REDIRECT_PATHS[route.flow]}/${order.id}${lang ? `?lang=${lang}` : ''}`;
      if (route.flow === 'card') return order.payment_env === null ? { type: 'redirect', url } : { type: 'redirect', url, flow: 'card' };
      return { type: 'redirect', url, flow: route.flow, expiresAt };
    }
    case 'app_bridge':
      return { type: 'app_bridge', bridge: 'alipay_trade_pay', tradeNo: order.provider_ref!, expiresAt };
    case 'qr': {
      const data = `${order.public_base}/sandbox/wallet/${order.id}`;
      return { type: 'qr', data, qr: encodeQrRemembered(data), expiresAt };
    }
    default:
      // An order is only made where its method works (the order route checks); nothing to do if the table changed.
      return null;
  }
}

/**
 * A stored quote in the reader's language: prices and amounts stay as quoted, names and labels follow `lang`
 * (a renewal bought in Chinese reads in English on an English page).
 */
export function localizeQuote(quote: Quote, plan: PlanRow | undefined, promoCode: string | null, lang: Lang): Quote {
  const labels = (discount: Quote['discounts'][number]): string => {
    if (discount.kind === 'promo') return promoCode ? DISCOUNT_LABELS[lang].promo(promoCode) : discount.label;
    return DISCOUNT_LABELS[lang][discount.kind];
  };
  return {
    ...quote,
    plan: plan ? { ...quote.plan, name: planName(plan, lang), regionName: planRegionName(plan, lang) } : quote.plan,
    discounts: quote.discounts.map((discount) => ({ ...discount, label: labels(discount) })),
  };
}

/**
 * `card` is the renewed card, given only for a succeeded order; `refund` the order's refund request, if any; `lang`
 * the answer's language, which the payment page opens in.
 */
export function toOrder(order: OrderRow, quote: Quote, card?: Card, refund: Refund | null = null, lang?: Lang): Order {
  return {
    id: order.id,
    status: order.status,
    paymentMethod: order.payment_method,
    paymentEnv: order.payment_env ?? DEFAULT_ENV,
    quote,
    paymentAction: paymentAction(order, lang),
    failureCode: order.failure_code,
    createdAt: iso(order.created_at),
    updatedAt: iso(order.updated_at),
    ...(order.status === 'succeeded' && card ? { card } : {}),
    renewedUntil: order.status === 'succeeded' && order.renewed_until !== null ? iso(order.renewed_until) : null,
    refund,
  };
}

export function toRefund(row: RefundRow): Refund {
  return {
    id: row.id,
    orderId: row.order_id,
    status: row.status,
    outcome: row.outcome,
    amount: { amount: row.amount, currency: row.currency },
    reason: row.reason,
    createdAt: iso(row.created_at),
    decidedAt: row.decided_at === null ? null : iso(row.decided_at),
  };
}

/** A move to another phone; an open one past its time reads `expired`. */
export function toTransfer(row: TransferRow, now: number): Transfer {
  return {
    id: row.id,
    status: row.status === 'verifying' && row.expires_at <= now ? 'expired' : row.status,
    channel: row.channel,
    destination: row.destination,
    attemptsLeft: row.attempts_left,
    expiresAt: iso(row.expires_at),
  };
}

/** A webhook endpoint as the API shows it: never its secret. */
export const toWebhookEndpoint = (e: Endpoint): WebhookEndpoint => ({
  id: e.id, url: e.url, events: e.events, expiringDays: e.expiringDays, description: e.description, createdAt: iso(e.createdAt),
});
