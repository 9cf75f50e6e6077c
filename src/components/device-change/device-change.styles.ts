import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    max-width: 40rem;
  }
  section {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--esim-device-radius, var(--_radius-m));
    background: var(--_surface);
  }
  h4,
  p {
    margin: 0;
  }
  h3 {
    font-size: 1.05em;
  }
  h3:focus {
    outline: none;
  }
  ol.steps {
    display: flex;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--_muted);
    font-size: 0.85em;
  }
  ol.steps li {
    flex: 1;
    padding-top: 6px;
    border-top: 3px solid var(--_border);
  }
  ol.steps li.complete {
    border-color: var(--_primary);
  }
  ol.steps li[aria-current='step'] {
    border-color: var(--_primary);
    color: var(--_text);
    font-weight: 700;
  }
  label {
    font-weight: 600;
  }
  input {
    width: 100%;
    min-height: 44px;
    padding: 0 var(--_space);
    font-size: 1rem;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  #code {
    max-width: 10ch;
    letter-spacing: 0.3em;
    font-variant-numeric: tabular-nums;
  }
  .row {
    display: flex;
    gap: var(--_space);
    margin-top: 4px;
  }
  .hint {
    min-height: 1.2em;
    color: var(--_muted);
    font-size: 0.9em;
  }
  ul.results {
    display: grid;
    gap: 4px;
    max-height: 18rem;
    margin: 0;
    padding: 0;
    overflow: auto;
    list-style: none;
  }
  .device {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    width: 100%;
    min-height: 44px;
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-s);
    background: var(--_surface);
    text-align: start;
    cursor: pointer;
  }
  .ok {
    color: var(--_success);
  }
  .no,
  .error {
    color: var(--_danger);
  }
  .chosen {
    display: grid;
    gap: var(--_space);
    justify-items: start;
    font-weight: 600;
  }
  .install {
    display: grid;
    gap: var(--_space);
    justify-items: center;
  }
  .qr {
    width: min(240px, 70vw);
    height: auto;
  }
  dl {
    grid-template-columns: max-content 1fr;
    gap: 6px var(--_space);
    align-items: center;
  }
  dd {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    overflow-wrap: anywhere;
  }
  .small {
    min-height: 32px;
    padding: 0 var(--_space);
    font-size: 0.85em;
  }
  details {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-s);
  }
  summary {
    min-height: 32px;
    font-weight: 600;
    cursor: pointer;
  }
  details ol {
    margin: var(--_space) 0 0;
    padding-left: 1.4em;
  }
`;
