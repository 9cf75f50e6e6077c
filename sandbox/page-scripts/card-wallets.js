// The hosted card page's script (sandbox/pages.ts): shows its Apple Pay / Google Pay buttons only in a browser with
// the Payment Request API. They are offered here, on the operator's page, and never inside the partner's page:
// wallets are bound to registered domains and disabled in cross-origin frames. In the sandbox the wallet sheet is
// simulated: the button posts the form, and the answer chosen beside it decides.
(() => {
  if (typeof window.PaymentRequest !== 'function') return;
  document.getElementById('wallets')?.removeAttribute('hidden');
})();
