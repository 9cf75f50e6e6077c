/**
 * English for `<esim-checkout-button>` itself, in the element's module: the button, why a card cannot be renewed, and
 * the dialog's frame (titles, close, the progress of each step). The rest of the checkout's English comes with the
 * dialog's views (./checkout.ts, where the whole group is assembled in the locale files' order).
 */
export const enCheckoutButton = {
  button: 'Renew now',
  buttonWithPrice: (price: string) => `Renew now · ${price}`,
  choosePlanFirst: 'Choose a plan to renew',
  quoting: 'Preparing your order…',
  dialogTitle: 'Renew your eSIM',
  paymentTitle: 'Payment',
  summaryTitle: 'Review your renewal',
  close: 'Close',
  creatingOrder: 'Creating your order…',
  waiting: 'Waiting for the payment to be confirmed…',
  slow: 'This is taking longer than usual. We are still checking; you can keep this window open.',
  confirming: 'Payment received. Confirming the renewal with the network…',
  eligibility: {
    suspended: 'This card is suspended, so it cannot be renewed.',
    noPlans: 'No renewal plan fits this card.',
    buyNew: 'Buy a new eSIM',
  },
};
