import type { METHOD_UNAVAILABLE_REASONS } from '../client/constants.js';
import type { RenewalErrorCode } from '../client/errors.js';

type MethodUnavailableReason = (typeof METHOD_UNAVAILABLE_REASONS)[number];

/** English has two plural forms; `Intl.PluralRules` picks (a language with more, or none, writes its own messages). */
const englishPlurals = new Intl.PluralRules('en');
const plural = (count: number, one: string, other: string) => (englishPlurals.select(count) === 'one' ? one : other);

/** What the usage meter reports, as one message per language: the period's use, then what the remaining data means. */
export interface UsageReport {
  /** How many days the report covers. */
  days: number;
  /** The data used over them, formatted (`1.2 GB`); undefined when none was. */
  used?: string;
  /** The average a day, formatted. */
  perDay: string;
  /** How long the remaining data lasts at that average; undefined when there is nothing to project. */
  outlook?:
    | { kind: 'unlimited' }
    | { kind: 'none-left' }
    /** `left`: the remaining data, formatted; `daysLeft`: whole days it lasts (0: under a day); the card expires in `expiryDays`. */
    | { kind: 'limited'; left: string; daysLeft: number; expiryDays: number };
}

/** English; the reference every other locale file follows (`Messages` is its type). */
export const en = {
  badge: {
    label: 'eSIM balance',
    loading: 'Loading your eSIM balance…',
    dataLeft: (amount: string) => `${amount} left`,
    dataOf: (left: string, total: string) => `${left} of ${total} left`,
    unlimited: 'Unlimited data',
    daysLeft: (days: number) => plural(days, '1 day left', `${days} days left`),
    expiresToday: 'Expires today',
    expiresOn: (date: string) => `Expires ${date}`,
    expiredOn: (date: string) => `Expired ${date}`,
    asOf: (time: string) => `As of ${time}`,
    credit: (amount: string) => `Credit: ${amount}, used at your next renewal`,
    meterLabel: 'Data left',
    status: {
      active: 'Active',
      expiring: 'Expiring soon',
      lowData: 'Running low on data',
      expired: 'Expired',
      suspended: 'Suspended',
    },
    suspendedHint: 'This card is suspended. Please contact support.',
    expiredHint: 'Renew to get connected again.',
    error: 'Could not load your eSIM balance.',
    renewed: 'Balance updated after renewal.',
  },
  picker: {
    label: 'Choose a renewal plan',
    period: 'Plan period',
    periods: { day: 'Daily', month: 'Monthly', year: 'Yearly' },
    region: 'Region',
    allRegions: 'All regions',
    loading: 'Loading plans…',
    empty: 'No plans match these filters.',
    noPlans: 'No renewal plans are available for this card.',
    error: 'Could not load the plans.',
    unlimited: 'Unlimited',
    duration: (days: number) => plural(days, '1 day', `${days} days`),
    coverage: (count: number) => plural(count, '1 country', `${count} countries`),
    wasPrice: (price: string) => `was ${price}`,
    tags: { popular: 'Popular', best_value: 'Best value', discount: 'Discount', unlimited: 'Unlimited', new: 'New' },
    selected: (name: string) => `${name} selected`,
    count: (count: number) => plural(count, '1 plan', `${count} plans`),
    shown: (shown: number, total: number) => `Showing ${shown} of ${total} plans`,
    showMore: (count: number) => plural(count, 'Show 1 more plan', `Show ${count} more plans`),
  },
  checkout: {
    button: 'Renew now',
    buttonWithPrice: (price: string) => `Renew now · ${price}`,
    choosePlanFirst: 'Choose a plan to renew',
    quoting: 'Preparing your order…',
    dialogTitle: 'Renew your eSIM',
    paymentTitle: 'Payment',
    summaryTitle: 'Review your renewal',
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
    close: 'Close',
    back: 'Back',
    creatingOrder: 'Creating your order…',
    payInWindow: 'Complete the payment in the window that opened.',
    reopenPayment: 'Open the payment page again',
    scanToPay: (method: string) => `Scan with ${method} to pay`,
    waiting: 'Waiting for the payment to be confirmed…',
    slow: 'This is taking longer than usual. We are still checking; you can keep this window open.',
    confirming: 'Payment received. Confirming the renewal with the network…',
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
    eligibility: {
      suspended: 'This card is suspended, so it cannot be renewed.',
      noPlans: 'No renewal plan fits this card.',
      buyNew: 'Buy a new eSIM',
    },
    returning: {
      payInAlipay: 'Complete the payment in Alipay.',
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
  },
  errors: {
    unauthorized: 'Your session is not valid. Please reload the page.',
    session_expired: 'Your session has expired. Please reload the page to continue.',
    forbidden: 'This card cannot be renewed here.',
    not_found: 'We could not find what you asked for.',
    validation_failed: 'Some details were not accepted. Please check and try again.',
    plan_unavailable: 'This plan is no longer available for your card. Please choose another.',
    quote_expired: 'The price has expired. Please try again to get a new one.',
    promo_invalid: 'This promo code is not valid.',
    idempotency_conflict: 'This payment attempt changed midway. Please start again.',
    invalid_state: 'This order has already moved on. Please reload to see its status.',
    payment_failed: 'The payment was not completed. No money was taken.',
    rate_limited: 'Too many attempts. Please wait a moment and try again.',
    payload_too_large: 'The request was too large.',
    device_incompatible: 'This phone cannot use an eSIM.',
    otp_invalid: 'That code is not right. Please check it and try again.',
    otp_locked: 'Too many wrong codes. For your safety this change is locked; please contact support.',
    method_unavailable_in_env: 'This payment method does not work here. Please choose another, or open this page in your browser.',
    internal: 'Something went wrong on our side. Please try again.',
    invalid_response: 'We received an unexpected answer. Please try again.',
    timeout: 'The connection timed out. Please check your network and try again.',
    network: 'You appear to be offline. Please check your connection and try again.',
    aborted: 'The request was cancelled.',
    unknown: 'Something went wrong. Please try again.',
    handoff_used: 'This link has already been used. Each link works once: on the device where you started, choose “Continue on another device” again to get a new one.',
  } satisfies Record<RenewalErrorCode, string>,
  paymentFailures: {
    card_declined: 'Your card was declined. No money was taken; try another card or method.',
    payment_declined: 'The payment was declined. No money was taken.',
    payment_expired: 'The payment code expired before it was paid.',
    order_expired: 'This order waited too long for payment and was closed. Nothing was charged.',
    insufficient_funds: 'Your card does not have enough funds. No money was taken; try another card or method.',
    authentication_failed: 'Your bank could not confirm it was you, so the card was not charged. Try again or use another method.',
  } as Record<string, string>,
  /**
   * Why a payment method is not offered where the widget runs (`PaymentMethodOption.reason`, and `details.reason` of
   * a `method_unavailable_in_env` error); `other` for a reason this version does not know.
   */
  paymentUnavailable: {
    blocked_in_wechat: 'Alipay does not open inside WeChat. Open this page in your browser to pay with Alipay.',
    blocked_in_alipay: 'WeChat Pay does not open inside the Alipay app. Open this page in your browser or in WeChat to pay with WeChat Pay.',
    miniprogram_webview: 'Wallet payments cannot start from this mini program page. Pay by card, or continue on another device.',
    other: 'This payment method is not available here.',
  } satisfies Record<MethodUnavailableReason | 'other', string>,
  usage: {
    label: 'Data use',
    loading: 'Loading your data use…',
    chartLabel: (days: number) => plural(days, 'Data used today', `Data used per day, last ${days} days`),
    report: ({ days, used, perDay, outlook }: UsageReport) => {
      const period = plural(days, 'day', `${days} days`);
      const past = used ? `Used ${used} in the last ${period}, about ${perDay} a day.` : `No data used in the last ${period}.`;
      if (!outlook) return past;
      if (outlook.kind === 'unlimited') return `${past} Your data is unlimited, so there is no need to project when it runs out.`;
      if (outlook.kind === 'none-left') return `${past} You have no data left. Renew to get connected again.`;
      const { left, daysLeft, expiryDays } = outlook;
      const lasts =
        daysLeft < 1
          ? `At this rate your ${left} lasts less than a day`
          : `At this rate your ${left} lasts about ${plural(daysLeft, '1 day', `${daysLeft} days`)}`;
      const expiry = plural(expiryDays, '1 day', `${expiryDays} days`);
      return daysLeft < expiryDays
        ? `${past} ${lasts}. That is before your card expires in ${expiry}: renew before you run out.`
        : `${past} ${lasts}. Your card expires first, in ${expiry}.`;
    },
    date: 'Date',
    used: 'Data used',
    showTable: 'Show as table',
    error: 'Could not load your data use.',
  },
  autoRenew: {
    label: 'Auto-renew',
    loading: 'Loading auto-renew…',
    on: 'On',
    off: 'Off',
    onWith: (plan: string) => `Renews with ${plan} each time your card is about to expire.`,
    onHint: 'Renews each time your card is about to expire.',
    offHint: 'Your card will not renew by itself.',
    suspended: 'Auto-renew is unavailable while this card is suspended.',
    plan: 'Plan to renew with',
    loadingPlans: 'Loading plans…',
    noPlans: 'No plan can renew this card automatically.',
    confirmOn: (plan: string, price: string) =>
      `Renew automatically with ${plan} for ${price} each time your card is about to expire?`,
    confirmOff: 'Turn off auto-renew? Your card will then expire unless you renew it yourself.',
    confirm: 'Confirm',
    cancel: 'Cancel',
    saving: 'Saving…',
    turnedOn: (plan: string) => `Auto-renew is on, with ${plan}.`,
    turnedOnNoPlan: 'Auto-renew is on.',
    turnedOff: 'Auto-renew is off.',
    error: 'Could not change auto-renew.',
    loadError: 'Could not load your auto-renew setting.',
  },
  flow: {
    label: 'Renew your eSIM',
    steps: { card: 'Your card', plan: 'Choose a plan', pay: 'Review and pay', done: 'Done' },
    stepHeading: (n: number, total: number, name: string) => `Step ${n} of ${total}: ${name}`,
    next: 'Choose a plan',
    review: 'Review',
    back: 'Back',
    payHint: 'Check the order summary, choose how to pay and confirm. Nothing is charged before you confirm.',
    chosen: (name: string, price: string) => `${name} · ${price}`,
    again: 'Renew again',
  },
  history: {
    label: 'Renewal history',
    loading: 'Loading your renewals…',
    empty: 'No renewals yet.',
    error: 'Could not load your renewals.',
    more: 'Show more',
    shown: (count: number) => plural(count, 'Showing 1 renewal', `Showing ${count} renewals`),
    columns: { date: 'Date', plan: 'Plan', amount: 'Amount', method: 'Paid with', status: 'Status', until: 'Valid until' },
    statuses: {
      requires_payment: 'Awaiting payment',
      processing: 'Processing',
      succeeded: 'Renewed',
      failed: 'Failed',
      canceled: 'Canceled',
    } as Record<string, string>,
    receipt: 'Receipt',
    receiptFor: (id: string) => `Receipt for order ${id}`,
    print: 'Print',
    close: 'Close',
    card: 'eSIM card',
    orderId: 'Order',
    paidOn: 'Paid on',
    refund: {
      statusLabel: 'Refund status',
      request: 'Request a refund',
      title: 'Request a refund',
      checking: 'Checking what the refund policy allows…',
      outcomes: {
        full: (amount: string, method: string) => `You will get ${amount} back to ${method}.`,
        credit: (amount: string) => `You will get ${amount} as credit for your next renewal.`,
        rejected: 'This renewal cannot be refunded.',
      },
      reasons: {
        not_started: 'The renewal has not started yet and none of its data was used.',
        partly_used: 'Part of the renewal was used, so the unused share is offered as credit.',
        period_mostly_used: 'Most of the renewal period has passed.',
        data_mostly_used: 'Most of the renewal’s data has been used.',
        not_paid: 'Only a paid renewal can be refunded.',
        already_requested: 'A refund was already requested for this renewal.',
      } as Record<string, string>,
      note: 'Tell us why (optional)',
      confirm: 'Request refund',
      cancel: 'Cancel',
      sent: 'Refund requested. We will update its status here.',
      statuses: {
        requested: 'Refund requested',
        approved: 'Refund approved',
        rejected: 'Refund declined',
      } as Record<string, string>,
      approvedFull: (amount: string) => `Refunded ${amount}`,
      approvedCredit: (amount: string) => `${amount} credit`,
    },
  },
  device: {
    label: 'Move your eSIM to a new phone',
    steps: { check: 'Check the phone', verify: 'Verify it is you', install: 'Install' },
    searchLabel: 'Your new phone (brand and model)',
    searchPlaceholder: 'e.g. iPhone 15',
    searching: 'Searching…',
    noMatch: 'No phone matches. Check the spelling, or contact support.',
    compatible: 'Works with eSIM',
    incompatible: 'No eSIM',
    incompatibleTitle: (name: string) => `${name} cannot use an eSIM`,
    sendCode: 'Send me a code',
    codeSent: (destination: string) => `We sent a 6-digit code to ${destination}.`,
    codeLabel: 'Code',
    verify: 'Verify',
    attemptsLeft: (n: number) => (n === 1 ? '1 try left' : `${n} tries left`),
    locked: 'Too many wrong codes: this move is locked for your safety. Contact support to continue.',
    installTitle: 'Install the eSIM on your new phone',
    qrLabel: 'Installation QR code for your eSIM',
    installHere: 'Install on this phone',
    installElsewhere: 'Or scan the QR code from another device to install it there.',
    manual: 'Or enter it by hand',
    smdp: 'SM-DP+ address',
    activationCode: 'Activation code',
    expires: (time: string) => `This code works once, until ${time}.`,
    keeps: 'Your data and validity stay with the card. The eSIM on your old phone stops working.',
    ios: {
      title: 'iPhone',
      steps: [
        'Settings → Mobile Service → Add eSIM.',
        'Choose “Use QR Code” and scan the code above (or “Enter Details Manually”).',
        'Turn on the new line and Data Roaming when you travel.',
      ],
    },
    android: {
      title: 'Android',
      steps: [
        'Settings → Connections (or Network & internet) → SIM manager → Add eSIM.',
        'Scan the QR code above, or enter the SM-DP+ address and activation code.',
        'Turn on the new SIM and Data Roaming when you travel.',
      ],
    },
    copy: 'Copy',
    copied: 'Copied.',
    back: 'Back',
  },
  common: {
    loading: 'Loading…',
    retry: 'Retry',
    failure: (what: string, why: string) => `${what} ${why}`,
    errorCode: (code: string) => `Error code: ${code}`,
  },
};

export type Messages = typeof en;
