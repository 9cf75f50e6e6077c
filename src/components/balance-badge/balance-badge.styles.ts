import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    --_badge-radius: var(--esim-badge-radius, var(--_radius-m));
    --_meter-color: var(--esim-badge-meter-color, var(--_primary));
    --_warning-color: var(--esim-badge-warning-color, var(--_warning));
    --_danger-color: var(--esim-badge-danger-color, var(--_danger));
    max-width: 100%;
    width: var(--esim-badge-width, 18rem);
  }
  .badge {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_badge-radius);
    background: var(--_surface);
    min-height: 7.5rem;
  }
  .top {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space);
  }
  .data {
    font-size: 1.25em;
    font-weight: 700;
  }
  .status {
    flex: none;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    font-size: 0.8em;
    font-weight: 600;
    background: var(--_surface-2);
  }
  :host([state='expiring']) .status {
    color: var(--_warning-color);
    background: var(--_warning-bg);
  }
  :host([state='expired']) .status,
  :host([state='suspended']) .status {
    color: var(--_danger-color);
    background: var(--_danger-bg);
  }
  .meter {
    height: 8px;
    border-radius: 999px;
    background: var(--_surface-2);
    overflow: hidden;
  }
  .meter > span {
    display: block;
    height: 100%;
    border-radius: inherit;
    background: var(--_meter-color);
    transition: width 0.4s ease;
  }
  :host([state='expiring']) .meter > span {
    background: var(--_warning-color);
  }
  :host([state='expired']) .meter > span,
  :host([state='suspended']) .meter > span {
    background: var(--_danger-color);
  }
  .details {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: calc(var(--_space) / 2) var(--_space);
    color: var(--_muted);
    font-size: 0.9em;
  }
  .hint,
  .as-of {
    margin: 0;
    color: var(--_muted);
    font-size: 0.8em;
  }
  .line-1 {
    height: 1.6em;
    width: 60%;
  }
  .line-2 {
    height: 8px;
  }
  .line-3 {
    height: 1.1em;
    width: 80%;
  }
  @media (prefers-reduced-motion: reduce) {
    .meter > span {
      transition: none;
    }
  }
  .error {
    display: grid;
    gap: var(--_space);
    justify-items: start;
    color: var(--_danger-color);
  }
  .error p {
    margin: 0;
  }
  .button {
    min-height: 36px;
  }
`;
