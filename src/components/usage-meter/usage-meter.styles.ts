import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    --_usage-radius: var(--esim-usage-radius, var(--_radius-m));
    --_chart-height: var(--esim-usage-chart-height, 5rem);
    --_bar-color: var(--esim-usage-bar-color, var(--_primary));
    --_baseline-color: var(--esim-usage-baseline-color, var(--_border));
    --_warning-color: var(--esim-usage-warning-color, var(--_warning));
    max-width: 100%;
    width: var(--esim-usage-width, 22rem);
  }
  .meter {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_usage-radius);
    background: var(--_surface);
  }
  svg,
  .chart-box {
    display: block;
    width: 100%;
    height: var(--_chart-height);
  }
  svg {
    border-bottom: 1px solid var(--_baseline-color);
  }
  rect {
    fill: var(--_bar-color);
  }
  .axis {
    display: flex;
    justify-content: space-between;
    margin-top: calc(var(--_space) * -0.5);
    color: var(--_muted);
    font-size: 0.8em;
  }
  .summary {
    margin: 0;
    /* Four lines hold the longest summary at the default width, so the meter keeps its size once loaded. */
    min-height: 5.8em;
  }
  .summary.warn {
    color: var(--_warning-color);
  }
  .toggle {
    padding: 0.25em 0;
  }
  table {
    /* As wide as the meter and no wider: long headings (Vietnamese, or German-length) wrap instead of overflowing. */
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9em;
  }
  caption {
    text-align: start;
    font-weight: 600;
  }
  th,
  td {
    padding: 0.2em var(--_space) 0.2em 0;
    border-bottom: 1px solid var(--_surface-2);
    text-align: start;
    font-weight: normal;
    overflow-wrap: anywhere;
  }
  thead th {
    font-weight: 600;
    color: var(--_muted);
  }
  td {
    text-align: end;
  }
  .toggle-box {
    height: 1.95em;
    width: 40%;
  }
  .error {
    display: grid;
    gap: var(--_space);
    justify-items: start;
    color: var(--_danger);
  }
  .error p {
    margin: 0;
  }
  .button {
    min-height: 36px;
  }
`;
