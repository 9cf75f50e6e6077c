import { enCheckoutButton as button } from './checkout-button.js';

/**
 * English for `<esim-checkout-button>`'s dialog, whole: the button's own words (./checkout-button.ts, in the element's
 * module) and the summary's, the payment steps' and the outcome's, which load with the dialog's views
 * (../../components/checkout-button/checkout-views.ts) — a page that never opens the dialog never downloads them (see
 * `addEnglish` in ../index.ts). The order history, the device change and the flow show some of it too (payment
 * methods, support, success) and add it as well. In the order the locale files follow.
 */
export const enCheckout = {
  button: button.button,
  buttonWithPrice: button.buttonWithPrice,
  choosePlanFirst: button.choosePlanFirst,
  quoting: button.quoting,
  dialogTitle: button.dialogTitle,
  paymentTitle: button.paymentTitle,
  summaryTitle: button.summaryTitle,
  plan: 'Plan',
  quantity: 'Quantity',
  newExpiry: 'New expiry date',
  dataAfter: 'Data after renewal',
  carriedOver: 'Your remaining data is kept and added to.',
  takesEffect: 'The renewal takes effect as soon as the payment is confirmed.',
  subtotal: 'Subtotal',
  discounts: { first_topup: 'First top-up discount', loyalty: 'Loyalty discount', promo: 'Promo code', credit: 'Store credit' },
  total: 'Total',
  paymentMethod: 'Payment method',
  methods: { card: 'Card', alipay: 'Alipay', wechat_pay: 'WeChat Pay' },
  pay: (price: string) => `Pay ${price}`,
  cancel: 'Cancel',
  close: button.close,
  back: 'Back',
  creatingOrder: button.creatingOrder,
  payInWindow: 'Complete the payment in the window that opened.',
  reopenPayment: 'Open the payment page again',
  scanToPay: (method: string) => `Scan with ${method} to pay`,
  waiting: button.waiting,
  slow: button.slow,
  confirming: button.confirming,
  successTitle: 'Your eSIM is renewed',
  successBody: (date: string) => `Your card is now valid until ${date}.`,
  successData: (amount: string) => `Data available: ${amount}.`,
  done: 'Done',
  errorTitle: 'The renewal did not go through',
  retry: 'Try again',
  contactSupport: 'Contact support',
  quoteExpired: 'The price has expired. Please review the new one.',
  orderRef: (id: string) => `Order reference: ${id}`,
  promo: {
    label: 'Promo code',
    apply: 'Apply',
    remove: 'Remove',
    applied: (code: string) => `Promo code ${code} applied.`,
    reasons: {
      unknown: 'This promo code does not exist. Check the spelling.',
      expired: 'This promo code has expired.',
      not_started: 'This promo code is not valid yet.',
      exhausted: 'This promo code has been used up.',
    } as Record<string, string>,
  },
  qr: {
    amount: (price: string) => `Amount: ${price}`,
    expiresIn: (time: string) => `Code expires in ${time}`,
    expired: 'This payment code has expired. Nothing was charged.',
    refresh: 'Get a new code',
    openWallet: (method: string) => `Open ${method}`,
    showQr: 'Show the QR code instead',
    label: (method: string, price: string) => `QR code to pay ${price} with ${method}`,
  },
  airplaneTip: 'If your data does not come back within a few minutes, turn airplane mode on and off again.',
  support: {
    web: 'Support page',
    email: 'Email support',
    phone: 'Call support',
    chat: 'Chat with support',
    subject: (order: string) => `eSIM renewal ${order}`,
    body: (card: string, order: string) => `Card: ${card}\nOrder: ${order}\n\n`,
  },
  eligibility: button.eligibility,
  returning: {
    payInAlipay: 'Complete the payment in Alipay.',
    reopenAlipay: 'Open Alipay again',
    checking: 'Checking your payment…',
    checkAgain: 'Check again',
    stillProcessing: 'Your payment is still processing. We will keep checking; if it does not settle soon, contact support with the details below.',
    cardRef: (iccid: string) => `Card: ${iccid}`,
  },
  pageLink: {
    copy: 'Copy link to open in your browser',
    copied: 'Link copied. Paste it into your browser to continue.',
    selectToCopy: 'Copy this link and open it in your browser:',
  },
  handoff: {
    button: 'Continue on another device',
    title: 'Continue on another device',
    hint: 'Scan this code or open the link on another phone or computer to pay there. The link works once, for 10 minutes.',
    expires: (time: string) => `Link valid until ${time}`,
    copy: 'Copy link',
    copied: 'Link copied.',
    label: 'QR code of the link to continue on another device',
  },
};

/** Why a payment failed (`details.failureCode` of a `payment_failed` error), shown by the checkout dialog. */
export const enPaymentFailures = {
  card_declined: 'Your card was declined. No money was taken; try another card or method.',
  payment_declined: 'The payment was declined. No money was taken.',
  payment_expired: 'The payment code expired before it was paid.',
  order_expired: 'This order waited too long for payment and was closed. Nothing was charged.',
  insufficient_funds: 'Your card does not have enough funds. No money was taken; try another card or method.',
  authentication_failed: 'Your bank could not confirm it was you, so the card was not charged. Try again or use another method.',
} as Record<string, string>;
