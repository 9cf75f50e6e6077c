// The demo page's own script (no inline script: the page runs under a strict Content-Security-Policy).
const renewal = document.getElementById('renewal');
const card = document.getElementById('card');
const lang = document.getElementById('lang');

// Switching card or language reloads the page, whose server mints a session for that card.
for (const select of [card, lang]) select?.addEventListener('change', () => select.form.submit());

// When the session expires mid-checkout, the widget asks for a fresh token once; the partner backend mints it.
renewal.getSessionToken = async () => {
  const query = new URLSearchParams({ card: renewal.dataset.card, lang: renewal.getAttribute('locale') });
  const response = await fetch(`/demo/session?${query}`);
  return (await response.json()).token;
};

// What a partner might do with the events: here, log them.
for (const type of ['esim-plan-change', 'esim-checkout-start', 'esim-renewal-success', 'esim-renewal-error']) {
  renewal.addEventListener(type, (event) => console.info(`[demo] ${type}`, event.detail));
}
