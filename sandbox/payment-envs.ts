/**
 * Which payment methods work where the widget runs, and how each is paid there: the one table the order route, the
 * methods list and the serialiser read. Pure, like the pricing rules.
 *
 * | env                  | card              | alipay                       | wechat_pay                     |
 * |----------------------|-------------------|------------------------------|--------------------------------|
 * | `desktop`            | redirect (card)   | qr                           | qr                             |
 * | `mobile_browser`     | redirect (card)   | redirect (alipay_wap)        | redirect (wechat_h5)           |
 * | `wechat`             | redirect (card)   | — `blocked_in_wechat`        | redirect (wechat_jsapi)        |
 * | `alipay`             | redirect (card)   | app_bridge (tradePay)        | — `blocked_in_alipay`          |
 * | `wechat_miniprogram` | redirect (card)   | — `blocked_in_wechat`        | — `miniprogram_webview`        |
 */
import type { METHOD_UNAVAILABLE_REASONS, REDIRECT_FLOWS } from '../src/client/constants.ts';
import type { PaymentEnv, PaymentMethod, PaymentMethodOption } from '../src/client/schemas.ts';

type UnavailableReason = (typeof METHOD_UNAVAILABLE_REASONS)[number];

/** How an order of a method is paid in an environment, or why it cannot be. */
export type PaymentRoute =
  | { action: 'qr' }
  | { action: 'redirect'; flow: (typeof REDIRECT_FLOWS)[number] }
  | { action: 'app_bridge' }
  | { action: null; reason: UnavailableReason };

const CARD: PaymentRoute = { action: 'redirect', flow: 'card' };

const ROUTES: Record<PaymentEnv, Record<PaymentMethod, PaymentRoute>> = {
  desktop: { card: CARD, alipay: { action: 'qr' }, wechat_pay: { action: 'qr' } },
  mobile_browser: {
    card: CARD,
    alipay: { action: 'redirect', flow: 'alipay_wap' },
    wechat_pay: { action: 'redirect', flow: 'wechat_h5' },
  },
  wechat: {
    card: CARD,
    alipay: { action: null, reason: 'blocked_in_wechat' },
    wechat_pay: { action: 'redirect', flow: 'wechat_jsapi' },
  },
  alipay: {
    card: CARD,
    alipay: { action: 'app_bridge' },
    wechat_pay: { action: null, reason: 'blocked_in_alipay' },
  },
  wechat_miniprogram: {
    card: CARD,
    alipay: { action: null, reason: 'blocked_in_wechat' },
    wechat_pay: { action: null, reason: 'miniprogram_webview' },
  },
};

/** What the traveller sees first in each environment: the wallet that opens there, then the others, card last. */
const ORDER: Record<PaymentEnv, readonly PaymentMethod[]> = {
  desktop: ['card', 'alipay', 'wechat_pay'],
  mobile_browser: ['alipay', 'wechat_pay', 'card'],
  wechat: ['wechat_pay', 'card', 'alipay'],
  alipay: ['alipay', 'card', 'wechat_pay'],
  wechat_miniprogram: ['card', 'wechat_pay', 'alipay'],
};

/** The environment of an order made before environments existed, or without naming one. */
export const DEFAULT_ENV: PaymentEnv = 'desktop';

export const paymentRoute = (method: PaymentMethod, env: PaymentEnv | null): PaymentRoute => ROUTES[env ?? DEFAULT_ENV][method];

/** The methods of `env` as the API lists them. */
export function paymentMethodOptions(env: PaymentEnv): PaymentMethodOption[] {
  return ORDER[env].map((method) => {
    const route = ROUTES[env][method];
    return route.action === null
      ? { method, available: false, reason: route.reason }
      : { method, available: true, action: route.action };
  });
}
