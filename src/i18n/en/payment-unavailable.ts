import type { METHOD_UNAVAILABLE_REASONS } from '../../client/constants.js';

type MethodUnavailableReason = (typeof METHOD_UNAVAILABLE_REASONS)[number];

/**
 * Why a payment method is not offered where the widget runs (`PaymentMethodOption.reason`, and `details.reason` of
 * a `method_unavailable_in_env` error); `other` for a reason this version does not know.
 *
 * English for the checkout's payment steps, loaded with them (see `addEnglish` in ../index.ts).
 */
export const enPaymentUnavailable = {
  blocked_in_wechat: 'Alipay does not open inside WeChat. Open this page in your browser to pay with Alipay.',
  blocked_in_alipay: 'WeChat Pay does not open inside the Alipay app. Open this page in your browser or in WeChat to pay with WeChat Pay.',
  miniprogram_webview: 'Wallet payments cannot start from this mini program page. Pay by card, or continue on another device.',
  other: 'This payment method is not available here.',
} satisfies Record<MethodUnavailableReason | 'other', string>;
