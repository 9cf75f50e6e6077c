import { css } from 'lit';

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
  dl {
    grid-template-columns: 1fr auto;
    gap: 6px var(--_space);
  }
  dd {
    text-align: end;
    font-weight: 600;
  }
  dd.discount {
    color: var(--_success);
  }
  .total {
    padding-top: 6px;
    border-top: 1px solid var(--_border);
    font-size: 1.1em;
  }
  .terms,
  .notice {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .notice {
    color: var(--_warning);
  }
  fieldset {
    display: grid;
    gap: 6px;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    margin-bottom: 6px;
    font-weight: 600;
  }
  .method {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-height: 44px;
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-s);
    cursor: pointer;
  }
  .method:has(input:checked) {
    border-color: var(--_primary);
    box-shadow: inset 0 0 0 1px var(--_primary);
  }
  .method input {
    width: 1.1em;
    height: 1.1em;
    margin: 0;
    accent-color: var(--_primary);
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
  .reference {
    color: var(--_muted);
    font-size: 0.85em;
  }
  a {
    color: var(--_primary);
  }
  .wallet {
    display: grid;
    gap: var(--_space);
    justify-items: center;
    text-align: center;
  }
  .wallet p {
    margin: 0;
  }
  .amount {
    font-size: 1.2em;
    font-weight: 700;
  }
  .qr {
    display: block;
    width: min(220px, 70vw);
    height: auto;
    border-radius: var(--_radius-s);
  }
  .countdown {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .promo {
    display: grid;
    gap: 4px;
  }
  .promo label {
    font-weight: 600;
  }
  .promo-row {
    display: flex;
    gap: var(--_space);
  }
  .promo input {
    flex: 1;
    min-width: 0;
    min-height: 44px;
    padding: 0 var(--_space);
    text-transform: uppercase;
  }
  .promo input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .promo p {
    min-height: 1.2em;
    margin: 0;
    font-size: 0.9em;
  }
  .promo-error {
    color: var(--_danger);
  }
  .promo-ok {
    color: var(--_success);
  }
  .link {
    min-height: 44px;
  }
  .handoff {
    display: grid;
    gap: var(--_space);
    justify-items: center;
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
    text-align: center;
  }
  .handoff p,
  .handoff h3 {
    margin: 0;
  }
  .handoff-link {
    max-width: 100%;
    overflow-wrap: anywhere;
    font-size: 0.85em;
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
