// Where the page runs, as the payment steps tell the API (`paymentEnv` of an order and of the methods list). Loaded
// with the payment steps: a page that never pays never runs it.
import type { PaymentEnv } from '../../client/schemas.js';

/** What detection reads; the browser's own values unless a test passes others. */
export interface BrowserTraits {
  readonly userAgent: string;
  /** `window.__wxjs_environment`: WeChat sets it to `miniprogram` in a mini program's web-view. */
  readonly wxjsEnvironment?: unknown;
  /** Whether the main pointer is coarse (a finger). */
  readonly coarsePointer: boolean;
}

function browserTraits(): BrowserTraits {
  const scope = globalThis as { navigator?: Navigator; __wxjs_environment?: unknown; matchMedia?: typeof matchMedia };
  return {
    userAgent: scope.navigator?.userAgent ?? '',
    wxjsEnvironment: scope.__wxjs_environment,
    coarsePointer: scope.matchMedia?.('(pointer: coarse)').matches ?? false,
  };
}

/**
 * The environment the browser looks like: a WeChat mini program's web-view (`miniProgram` beside `MicroMessenger` in
 * the user agent, or `__wxjs_environment`), WeChat's browser (`MicroMessenger`), the Alipay app's (`AlipayClient`, its
 * own mini programs' web-views included: their user agents say `MiniProgram` too, and they are not WeChat), a phone's
 * browser (a mobile user agent or a finger for a pointer), else a desktop. The in-app browsers are checked first:
 * their user agents are mobile ones too.
 */
export function detectPaymentEnv(traits: BrowserTraits = browserTraits()): PaymentEnv {
  const ua = traits.userAgent;
  const inWeChat = /MicroMessenger/i.test(ua);
  if ((inWeChat && /miniProgram/i.test(ua)) || traits.wxjsEnvironment === 'miniprogram') return 'wechat_miniprogram';
  if (inWeChat) return 'wechat';
  if (/AlipayClient/i.test(ua)) return 'alipay';
  if (/Mobi|Android|iPhone|iPad|iPod/i.test(ua) || traits.coarsePointer) return 'mobile_browser';
  return 'desktop';
}
