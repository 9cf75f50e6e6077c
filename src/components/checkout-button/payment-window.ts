/** Opens the card payment page in a window of its own; null when the browser blocks it. */
export function openPaymentWindow(url: string): Window | null {
  return globalThis.open?.(url, 'esim-payment', 'popup,width=480,height=720') ?? null;
}
