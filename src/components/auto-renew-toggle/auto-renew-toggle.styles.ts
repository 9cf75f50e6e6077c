import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    --_box-radius: var(--esim-auto-renew-radius, var(--_radius-m));
    --_on-color: var(--esim-auto-renew-on-color, var(--_primary));
    --_off-color: var(--esim-auto-renew-off-color, var(--_muted));
    --_thumb-color: var(--esim-auto-renew-thumb-color, var(--_surface));
    max-width: 100%;
    width: var(--esim-auto-renew-width, 22rem);
  }
  .box {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_box-radius);
    background: var(--_surface);
  }
  .row {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .label {
    font-weight: 600;
  }
  .switch {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    min-height: 44px;
    padding: 0 0.25em;
    border: 0;
    border-radius: var(--_radius-s);
    background: none;
    cursor: pointer;
  }
  .track {
    position: relative;
    width: 44px;
    height: 24px;
    border-radius: 999px;
    background: var(--_off-color);
    transition: background-color 0.2s ease;
  }
  .track::after {
    content: '';
    position: absolute;
    top: 3px;
    left: 3px;
    width: 18px;
    height: 18px;
    border-radius: 50%;
    background: var(--_thumb-color);
    transition: transform 0.2s ease;
  }
  [aria-checked='true'] .track {
    background: var(--_on-color);
  }
  [aria-checked='true'] .track::after {
    transform: translateX(20px);
  }
  :host(:dir(rtl)) [aria-checked='true'] .track::after {
    transform: translateX(-20px);
  }
  .switch:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .status,
  .question,
  .failure,
  .error p {
    margin: 0;
  }
  .status {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .confirm {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border-radius: var(--_radius-s);
    background: var(--_surface-2);
  }
  .plan {
    display: grid;
    gap: 0.25em;
    font-size: 0.9em;
  }
  select {
    width: 100%;
    min-height: 40px;
    padding: 0 0.5em;
  }
  .failure,
  .error {
    color: var(--_danger);
  }
  .error {
    display: grid;
    gap: var(--_space);
    justify-items: start;
  }
  .skeleton {
    height: 44px;
  }
  .line.short {
    height: 1.3em;
    width: 70%;
  }
  @media (prefers-reduced-motion: reduce) {
    .track,
    .track::after {
      transition: none;
    }
  }
`;
