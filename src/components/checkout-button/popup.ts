// The card payment's popup, opened by the checkout on the traveller's click (in the file the page loads first, so the
// browser sees the click and does not block it) and again by the payment steps; its own module so that neither
// imports the other.
/** Opens the card payment page in a window of its own; null when the browser blocks it. */
export function openPaymentWindow(url: string): Window | null {
  return globalThis.open?.(url, 'esim-payment', 'popup,width=480,height=720') ?? null;
}
