import { css } from 'lit';

/**
 * The rules of the dialog's views (summary, promo code, payment methods, outcome, wallet code, hand-off link): they
 * load with the views (./checkout-views.ts), and the element adds them to its own (./checkout-button.styles.ts) then.
 */
export const viewStyles = css`
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
`;
