// The hosted WeChat Pay JSAPI page's script (sandbox/wallet-redirect-pages.ts): inside WeChat, wait for WeChat's
// bridge, ask it for the payment sheet, then go on to the page the server named (the shop's return URL, or the hosted
// result page). What the bridge answers — `get_brand_wcpay_request:ok`, `:cancel` or `:fail` — is not proof of
// payment (WeChat says so): the page never shows it as a result, and never tells the server; the shop reads the
// order, which only WeChat's notification to the operator's server moves. Its words come from the page, in the page's
// language (data-opening, data-checking).
(() => {
  const root = document.getElementById('jsapi');
  const status = document.getElementById('jsapi-status');
  if (!root || !status) return;
  const params = JSON.parse(root.dataset.params ?? '{}');
  const next = root.dataset.next ?? '';
  let asked = false;

  function pay() {
    if (asked || !window.WeixinJSBridge) return;
    asked = true;
    status.textContent = root.dataset.opening ?? '';
    window.WeixinJSBridge.invoke('getBrandWCPayRequest', params, () => {
      status.textContent = root.dataset.checking ?? '';
      window.location.replace(next);
    });
  }

  if (window.WeixinJSBridge) pay();
  else document.addEventListener('WeixinJSBridgeReady', pay, { once: true });
})();
