// Where the page runs, as the payment steps tell the API (`paymentEnv` of an order and of the methods list). Loaded
// with the payment steps: a page that never pays never runs it.
import { PAYMENT_ENVS } from '../../client/constants.js';
import type { PaymentEnv } from '../../client/schemas.js';
import { isIPad } from '../../internal/ipad.js';

/** What detection reads; the browser's own values unless a test passes others. */
export interface BrowserTraits {
  readonly userAgent: string;
  /** `window.__wxjs_environment`: WeChat sets it to `miniprogram` in a mini program's web-view. */
  readonly wxjsEnvironment?: unknown;
  /** Whether the main pointer is coarse (a finger). */
  readonly coarsePointer: boolean;
  /** `navigator.maxTouchPoints`: more than 1 on an iPad whose Safari (iPadOS 13+) says it is a Mac. */
  readonly maxTouchPoints?: number;
}

function browserTraits(): BrowserTraits {
  const scope = globalThis as { navigator?: Navigator; __wxjs_environment?: unknown; matchMedia?: typeof matchMedia };
  return {
    userAgent: scope.navigator?.userAgent ?? '',
    wxjsEnvironment: scope.__wxjs_environment,
    coarsePointer: scope.matchMedia?.('(pointer: coarse)').matches ?? false,
    maxTouchPoints: scope.navigator?.maxTouchPoints ?? 0,
  };
}

/**
 * The environment the browser looks like: a WeChat mini program's web-view (`miniProgram` beside `MicroMessenger` in
 * the user agent, or `__wxjs_environment`), WeChat's browser (`MicroMessenger`), the Alipay app's (`AlipayClient`, its
 * own mini programs' web-views included: their user agents say `MiniProgram` too, and they are not WeChat), a phone's
 * or tablet's browser (a mobile user agent, an iPad saying it is a Mac, or a finger for a pointer), else a desktop. The in-app browsers are checked first:
 * their user agents are mobile ones too.
 */
export function detectPaymentEnv(traits: BrowserTraits = browserTraits()): PaymentEnv {
  const ua = traits.userAgent;
  const inWeChat = /MicroMessenger/i.test(ua);
  if ((inWeChat && /miniProgram/i.test(ua)) || traits.wxjsEnvironment === 'miniprogram') return 'wechat_miniprogram';
  if (inWeChat) return 'wechat';
  if (/AlipayClient/i.test(ua)) return 'alipay';
  if (/Mobi|Android|iPhone|iPad|iPod/i.test(ua) || isIPad(ua, traits.maxTouchPoints) || traits.coarsePointer) {
    return 'mobile_browser';
  }
  return 'desktop';
}

/** Values of `payment-env` already warned about: a page warns once per value, not on every checkout. */
const warned = new Set<string>();

/**
 * The partner's `payment-env` when it names an environment (`PAYMENT_ENVS`); unset, or an unknown value (a typo
 * such as `wechat-browser`), gives undefined — detection decides — and an unknown one a console warning naming the
 * values that work.
 */
export function requestedPaymentEnv(value: string | undefined): PaymentEnv | undefined {
  if (!value) return undefined;
  if ((PAYMENT_ENVS as readonly string[]).includes(value)) return value as PaymentEnv;
  if (!warned.has(value)) {
    warned.add(value);
    console.warn(
      `esim-renewal: payment-env="${value}" is not one of ${PAYMENT_ENVS.join(', ')}; it is ignored and the environment is detected from the browser.`,
    );
  }
  return undefined;
}
