import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_history-radius: var(--esim-history-radius, var(--_radius-m));
  }
  section {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  ul.orders {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .order {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_history-radius);
    background: var(--_surface);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
    font-weight: 600;
  }
  .status {
    padding: 0 0.6em;
    border-radius: 999px;
    background: var(--_surface-2);
    font-size: 0.85em;
  }
  .status.succeeded {
    color: var(--_success);
  }
  .status.failed,
  .status.canceled {
    color: var(--_danger);
  }
  dl {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 9rem), 1fr));
    gap: 4px var(--_space);
  }
  dt {
    font-size: 0.8em;
  }
  dl > dd {
    margin: 0 0 4px;
  }
  .order dl {
    grid-template-columns: max-content 1fr;
  }
  .refund.approved {
    color: var(--_success);
  }
  .refund.rejected {
    color: var(--_danger);
  }
  .actions {
    justify-content: flex-end;
  }
  .button {
    min-height: 40px;
  }
  .more {
    justify-self: center;
  }
  .message {
    margin: 0;
    padding: calc(var(--_space) * 2);
    border: 1px dashed var(--_border);
    border-radius: var(--_history-radius);
    color: var(--_muted);
    text-align: center;
  }
  .message.error,
  .error {
    color: var(--_danger);
  }
  dialog {
    width: min(26rem, calc(100vw - 16px));
    padding: calc(var(--_space) * 2);
    border-radius: var(--_history-radius);
  }
  dialog header h2 {
    margin-bottom: var(--_space);
  }
  dialog .receipt {
    grid-template-columns: max-content 1fr;
    margin-bottom: calc(var(--_space) * 2);
  }
  dialog form {
    display: grid;
    gap: var(--_space);
  }
  textarea {
    width: 100%;
    padding: var(--_space);
  }
  .outcome p {
    margin: 0 0 4px;
  }
  .outcome.full strong,
  .outcome.credit strong {
    color: var(--_success);
  }
`;
