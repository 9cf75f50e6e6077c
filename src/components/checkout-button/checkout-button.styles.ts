import { css } from 'lit';

/**
 * The button, the ineligible notice and the dialog's frame (header, body, the progress of each step, the error shown
 * when its views cannot be loaded). The views' own rules (summary, promo code, payment methods, wallet, hand-off)
 * come with them: ./checkout-views.styles.ts.
 */
export const styles = css`
  :host {
    display: inline-block;
    --_checkout-radius: var(--esim-checkout-radius, var(--_radius-m));
    --_dialog-width: var(--esim-checkout-dialog-width, 28rem);
  }
  .trigger {
    width: 100%;
  }
  .hint {
    margin: 4px 0 0;
    color: var(--_muted);
    font-size: 0.85em;
  }
  dialog {
    width: min(var(--_dialog-width), calc(100vw - 16px));
    max-height: calc(100dvh - 16px);
    padding: 0;
    border-radius: var(--_checkout-radius);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.25);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border-bottom: 1px solid var(--_border);
  }
  .close {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 44px;
    height: 44px;
    border: 0;
    border-radius: var(--_radius-s);
    background: transparent;
    cursor: pointer;
    font-size: 1.4em;
    line-height: 1;
  }
  .body {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
  }
  .actions {
    flex-wrap: wrap-reverse;
    justify-content: flex-end;
  }
  .progress {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 1.5);
    min-height: 4rem;
  }
  .spinner {
    flex: none;
    width: 1.75em;
    height: 1.75em;
    border: 3px solid var(--_surface-2);
    border-top-color: var(--_primary);
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
  .result {
    display: grid;
    gap: var(--_space);
    justify-items: start;
  }
  .result p {
    margin: 0;
  }
  .result.success h3 {
    color: var(--_success);
  }
  .result.error h3 {
    color: var(--_danger);
  }
  h3 {
    font-size: 1.1em;
  }
  .ineligible {
    display: grid;
    gap: var(--_space);
    justify-items: start;
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_checkout-radius);
    background: var(--_surface);
  }
  .ineligible p {
    margin: 0;
  }
  a.button {
    text-decoration: none;
  }
`;
