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

// Reminders arrive at this page's server by webhook, a moment after the clock jumps: keep the list current.
const list = document.getElementById('reminders');
const none = document.getElementById('no-reminders');
if (list) {
  const words = { 'card.expiring': list.dataset.expiring, 'card.data_low': list.dataset.dataLow, 'card.expired': list.dataset.expired };
  const date = new Intl.DateTimeFormat(list.dataset.lang, { dateStyle: 'medium' });
  const item = (reminder) => {
    const li = document.createElement('li');
    li.dataset.id = reminder.id;
    const text = document.createElement('span');
    const what = words[reminder.type].replace('{n}', String(reminder.threshold));
    text.textContent = `${date.format(new Date(reminder.createdAt))} · ${reminder.label} ••${reminder.iccid.slice(-4)} · ${what}`;
    const link = document.createElement('a');
    link.href = reminder.link;
    link.textContent = list.dataset.open;
    li.append(text, ' ', link);
    return li;
  };
  const refresh = async () => {
    const response = await fetch('/demo/reminders', { cache: 'no-store' });
    if (!response.ok) return;
    const { reminders } = await response.json();
    const shown = [...list.children].map((li) => li.dataset.id).join();
    if (reminders.map((r) => r.id).join() === shown) return;
    list.replaceChildren(...reminders.map(item));
    none.hidden = reminders.length > 0;
  };
  setInterval(() => void refresh().catch(() => undefined), 2000);
}
