// The checkout's dialog as the element draws it: its frame (title, close button) and, until a checkout session is
// here (./checkout-session.ts, loaded on demand with the views and the flow), the progress of its loading or why it
// failed. So "Renew" opens the dialog at once, whether that module is here, on its way or cannot be loaded.
import { html, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/index.js';
import type { RenewalError } from '../../client/errors.js';

export function progress(text: string): TemplateResult {
  return html`<div class="progress" role="status">
    <span class="spinner" aria-hidden="true"></span><span>${text}</span>
  </div>`;
}

/** The dialog with its title and body. `onClose` runs when it closes (button, Escape); `close` closes it. */
export function renderDialog(msg: Messages, [title, body]: [string, unknown], onClose: () => void, close: () => void) {
  return html`<dialog part="dialog" aria-labelledby="title" @close=${onClose}>
    <header>
      <h2 id="title">${title}</h2>
      <button class="close" aria-label=${msg.checkout.close} @click=${close}><span aria-hidden="true">×</span></button>
    </header>
    <div class="body">${body}</div>
  </dialog>`;
}

/**
 * The dialog before its session is here: preparing the order while the module loads; if it could not be loaded
 * (offline, a blocked or tampered file), what happened in the words every page has (the API's errors, "Retry") and a
 * retry that loads it again.
 */
export function renderLoading(msg: Messages, failure: RenewalError | undefined, retry: () => void): [string, unknown] {
  if (!failure) return [msg.checkout.summaryTitle, progress(msg.checkout.quoting)];
  return [
    msg.checkout.dialogTitle,
    html`<div class="result error" part="result" role="alert">
      <p>${msg.errors[failure.code]}</p>
      <div class="actions"><button class="button" part="retry" @click=${retry}>${msg.common.retry}</button></div>
    </div>`,
  ];
}
