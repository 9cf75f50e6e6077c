import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_flow-radius: var(--esim-flow-radius, var(--_radius-m));
    max-width: var(--esim-flow-max-width, 44rem);
  }
  .flow {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_flow-radius);
    background: var(--_surface);
  }
  ol.steps {
    display: grid;
    grid-template-columns: repeat(4, 1fr);
    gap: 4px;
    margin: 0;
    padding: 0;
    list-style: none;
    counter-reset: step;
  }
  ol.steps li {
    display: grid;
    gap: 4px;
    justify-items: center;
    color: var(--_muted);
    font-size: 0.8em;
    text-align: center;
    counter-increment: step;
  }
  ol.steps li::before {
    content: counter(step);
    display: grid;
    place-items: center;
    width: 1.9em;
    height: 1.9em;
    border: 2px solid var(--_border);
    border-radius: 50%;
    font-weight: 700;
  }
  ol.steps li.complete::before {
    border-color: var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
  }
  ol.steps li[aria-current='step'] {
    color: var(--_text);
    font-weight: 700;
  }
  ol.steps li[aria-current='step']::before {
    border-color: var(--_primary);
    color: var(--_primary);
  }
  section {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  h2 {
    font-size: 1.2em;
  }
  h2:focus {
    outline: none;
  }
  .actions {
    justify-content: space-between;
  }
  .actions .button:only-child {
    margin-left: auto;
  }
  .chosen {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius-s);
    background: var(--_surface-2);
    font-weight: 600;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
  }
  esim-balance-badge,
  esim-checkout-button {
    width: 100%;
  }
  .done p {
    margin: 0;
  }
  @media (max-width: 420px) {
    .flow {
      padding: calc(var(--_space) * 1.5);
    }
  }
`;
