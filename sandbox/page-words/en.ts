/**
 * English for the sandbox's hosted pages (card checkout with 3-D Secure, QR wallet, WeChat Pay JSAPI and H5, Alipay
 * WAP, result and status pages): the shape every other language's file has (`PageWords`). Money, dates and times
 * arrive formatted in the page's language (`index.ts`).
 */
export const en = {
  sandboxBadge: 'Sandbox — no real money moves',
  summary: { merchant: 'Merchant', plan: 'Plan', amount: 'Amount', order: 'Order' },
  /** What each test card does, in the order of `TEST_CARD_NUMBERS` (`../pages.ts`). */
  testCards: [
    'pays at once (no 3-D Secure challenge)',
    'asks for 3-D Secure: pass or fail the challenge',
    'is declined (card_declined)',
    'is declined for insufficient funds (insufficient_funds)',
  ],
  wallets: { alipay: 'Alipay', wechat_pay: 'WeChat Pay', card: 'Card' },
  statuses: {
    requires_payment: 'awaiting payment',
    processing: 'processing',
    succeeded: 'succeeded',
    failed: 'failed',
    canceled: 'canceled',
  },
  card: {
    title: (merchant: string) => `Pay ${merchant}`,
    number: 'Card number',
    expiry: 'Expiry',
    cvc: 'CVC',
    pay: (total: string) => `Pay ${total}`,
    express: 'Express checkout',
    walletHint: 'Or pay with a wallet of this browser (simulated in the sandbox):',
    walletOutcome: "Sandbox: the wallet sheet's answer",
    approve: 'Approve',
    decline: 'Decline',
    testCards: 'Test cards (any expiry and CVC):',
    useTestCard: (cards: string) => `Use a test card: ${cards}.`,
  },
  challenge: {
    title: 'Confirm it is you',
    body: 'Your bank asks you to confirm this payment (3-D Secure).',
    pass: 'Complete authentication',
    fail: 'Fail authentication',
    hint: 'Sandbox: no code is asked for; choose how the challenge ends.',
  },
  qr: {
    expired: (time: string) => `This QR code expired at ${time}.`,
    validUntil: (time: string) => `This QR code is valid until ${time}.`,
    pay: (total: string) => `Pay ${total}`,
    decline: 'Decline',
    indexTitle: 'Sandbox wallet',
    indexBody: 'Scan the QR code the shop shows, or open the link it encodes:',
  },
  redirect: {
    controls: (wallet: string) => `Sandbox: what ${wallet} does`,
    expired: 'This payment window has expired; paying now fails the order.',
    payBeforeSettled: 'Pay, and return before the payment settles',
    payAfterSettled: 'Pay, and return after it settles',
    leave: 'Return without paying (the return arrives first)',
    decline: 'Decline',
    wechatH5: 'A phone browser opens WeChat to pay; WeChat then sends you back here, sometimes before the payment has gone through.',
    alipayWap: "A phone browser opens the Alipay app (or Alipay's web checkout) to pay, then comes back here, sometimes before the payment has gone through.",
    jsapiWaiting: 'Waiting for WeChat to open its payment sheet…',
    jsapiHint: "This page pays through WeChat's own bridge, so it only works inside WeChat.",
    jsapiOpening: 'Opening WeChat Pay…',
    jsapiChecking: 'Checking your payment…',
  },
  /** The hosted result page a wallet ends on when the shop gave no return URL: title and message per order status. */
  result: {
    requires_payment: ['Not paid yet', 'We have not received this payment. If you paid, it may take a moment: this page shows the order as the shop sees it.'],
    processing: ['Payment received', 'The payment is being confirmed. Return to the shop to see your renewal.'],
    succeeded: ['Paid', 'The payment went through and the card is renewed. Return to the shop.'],
    failed: ['Payment failed', 'The payment did not go through. Return to the shop to try again.'],
    canceled: ['Order canceled', 'This order was canceled. Return to the shop to start again.'],
  },
  /** Why an order can no longer be paid on a payment page: title and message per order status. */
  status: {
    requires_payment: ['Awaiting payment', 'This order is waiting for payment.'],
    processing: ['Already paid', 'This order has been paid and is being processed. Return to the shop.'],
    succeeded: ['Already paid', 'This order has been paid and the card renewed. Return to the shop.'],
    failed: ['Payment failed', (reason: string) => `This order failed (${reason}). Return to the shop to try again.`],
    canceled: ['Order canceled', 'This order was canceled. Return to the shop to start again.'],
  },
  unknownReason: 'unknown reason',
  orderIs: (orderId: string, status: string) => `Order ${orderId} is ${status}.`,
  orderIsWithCode: (orderId: string, status: string, code: string) => `Order ${orderId} is ${status} (${code}).`,
  messages: {
    notFound: ['Order not found', 'There is no order at this address.'],
    wrongPage: 'Wrong payment page',
    paidWith: (wallet: string) => `This order is paid with ${wallet}.`,
    paidByCard: 'This order is paid by card on the checkout page.',
    notPaidHere: 'This order is not paid on this page.',
    submitted: ['Payment submitted', 'You can close this window and return to the shop.'],
    cardDeclined: ['Card declined', 'Your card was declined. Return to the shop to try another way to pay.'],
    insufficientFunds: ['Insufficient funds', 'Your card has insufficient funds. Nothing was charged; return to the shop to try another card or way to pay.'],
    walletDeclined: ['Payment declined', 'The wallet declined the payment. Return to the shop to try another way to pay.'],
    authenticationFailed: ['Authentication failed', 'Your bank could not confirm it was you, so nothing was charged. Return to the shop to try again.'],
    unknownAction: 'Unknown action',
    choosePayOrDecline: 'Choose Pay or Decline.',
    chooseControl: 'Choose one of the sandbox controls.',
    qrExpired: ['QR code expired', 'This QR code has expired and the order has failed. Return to the shop for a new code.'],
    youDeclined: ['Payment declined', 'You declined the payment. Return to the shop.'],
  },
} as const;

/** What every language of the hosted pages gives: English's shape (key for key, tuple for tuple), its own words. */
export type PageWords = Widen<typeof en>;

/** A message set's type with its string literals widened, so another language can say the same thing its own way. */
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widen<T[K]> };
