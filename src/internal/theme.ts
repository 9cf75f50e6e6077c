import { css } from 'lit';
import { base } from './theme-base.js';

export { base };

/**
 * Form controls, headings, lists, action rows and dialogs, alike in every element that has them. The badge has none:
 * it adopts ./theme-base.ts alone, and a badge-only page does without these rules.
 */
export const controls = css`
  select,
  textarea,
  input:not([type='radio']) {
    border: 1px solid var(--_border);
    border-radius: var(--_radius-s);
    background: var(--_surface);
  }
  h2,
  h3 {
    margin: 0;
  }
  h2 {
    font-size: 1.15em;
  }
  dl {
    display: grid;
    margin: 0;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
  }
  /* Buttons that look like links (checkout's .link, the usage meter's .toggle). */
  .link,
  .toggle {
    justify-self: start;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
    cursor: pointer;
  }
  /* Action rows and dialogs look the same in every element; an element only aligns or sizes its own. */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  dialog {
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(10 15 25 / 0.5);
  }
`;

/** The whole theme: what every element but the badge adopts. */
export const tokens = [base, controls];
