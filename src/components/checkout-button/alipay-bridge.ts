// The Alipay app's JavaScript bridge, which only exists inside the Alipay app (`AlipayClient` in the user agent).
// Loaded with the payment steps. Its answer is no proof of anything: the caller reads the order afterwards,
// whatever the result code (9000 success, 8000 processing, 4000 failed, 6001 cancelled, 6002 network, 6004 unknown).

interface AlipayJSBridge {
  call(name: 'tradePay', params: { tradeNO: string }, callback: (result: { resultCode?: string }) => void): void;
}

/** How long to wait for the bridge to say it is ready before giving up on it. */
const READY_TIMEOUT = 10_000;

function bridge(): AlipayJSBridge | undefined {
  return (globalThis as { AlipayJSBridge?: AlipayJSBridge }).AlipayJSBridge;
}

/** The bridge, once the app has injected it (`AlipayJSBridgeReady`); undefined if it never comes. */
function whenReady(): Promise<AlipayJSBridge | undefined> {
  const ready = bridge();
  if (ready || !globalThis.document) return Promise.resolve(ready);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      document.removeEventListener('AlipayJSBridgeReady', done);
      resolve(bridge());
    };
    const timer = setTimeout(done, READY_TIMEOUT);
    document.addEventListener('AlipayJSBridgeReady', done);
  });
}

/**
 * Opens Alipay's payment sheet for `tradeNo` and resolves with the app's result code when the traveller leaves it
 * (`unavailable` when there is no bridge: not inside the Alipay app after all).
 */
export async function alipayTradePay(tradeNo: string): Promise<string> {
  const alipay = await whenReady();
  if (!alipay) return 'unavailable';
  return new Promise((resolve) => alipay.call('tradePay', { tradeNO: tradeNo }, (result) => resolve(String(result?.resultCode ?? ''))));
}
