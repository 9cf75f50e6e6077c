// The Alipay app's JavaScript bridge is the app's, not ours, and only the Alipay app injects it: tests use this stand-in.

/**
 * A stand-in for the Alipay app's JavaScript bridge, which only the Alipay app injects: each `tradePay` does in the
 * sandbox what the traveller did in the app (through the sandbox's Alipay side, never through the page), then
 * answers the page with the given result code.
 */
export function standInAlipayBridge(sandbox: string, app: { outcome?: 'succeed' | 'fail'; settle?: 'now' | 'later'; code: string }) {
  const calls: Array<{ name: string; tradeNO: string }> = [];
  (window as { AlipayJSBridge?: unknown }).AlipayJSBridge = {
    call(name: string, params: { tradeNO: string }, callback: (result: { resultCode: string }) => void) {
      calls.push({ name, tradeNO: params.tradeNO });
      const acted = app.outcome
        ? fetch(`${sandbox}/sandbox/alipay/trades/${params.tradeNO}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ outcome: app.outcome, settle: app.settle ?? 'now' }),
          })
        : Promise.resolve();
      void acted.then(() => setTimeout(() => callback({ resultCode: app.code }), 50));
    },
  };
  return calls;
}
