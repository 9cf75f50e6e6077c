import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_picker-radius: var(--esim-picker-radius, var(--_radius-m));
    --_picker-selected: var(--esim-picker-selected-color, var(--_primary));
    --_tag-bg: var(--esim-picker-tag-background, var(--_surface-2));
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space) calc(var(--_space) * 2);
    margin-bottom: calc(var(--_space) * 1.5);
  }
  fieldset {
    display: inline-flex;
    margin: 0;
    padding: 2px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-s);
    background: var(--_surface-2);
  }
  .period {
    position: relative;
  }
  .period input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }
  .period span {
    display: inline-flex;
    align-items: center;
    min-height: 40px;
    padding: 0 calc(var(--_space) * 1.75);
    border-radius: calc(var(--_radius-s) - 2px);
    color: var(--_muted);
    font-weight: 600;
  }
  .period input:checked + span {
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.15);
  }
  .period input:focus-visible + span {
    box-shadow: var(--_focus);
  }
  label.region {
    display: grid;
    gap: 2px;
    font-size: 0.85em;
    color: var(--_muted);
  }
  select {
    min-height: 40px;
    min-width: 12rem;
    padding: 0 var(--_space);
    color: var(--_text);
    font-size: 1rem;
  }
  .plans {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
    gap: var(--_space);
  }
  .plan {
    position: relative;
    display: grid;
    gap: 4px;
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_picker-radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .plan:hover {
    border-color: var(--_picker-selected);
  }
  .plan[aria-checked='true'] {
    border-color: var(--_picker-selected);
    box-shadow: inset 0 0 0 1px var(--_picker-selected);
  }
  .plan .name {
    font-weight: 600;
    padding-right: 1.5em;
  }
  .plan .check {
    position: absolute;
    top: calc(var(--_space) * 1.5);
    right: calc(var(--_space) * 1.5);
    width: 1.1em;
    height: 1.1em;
    border: 2px solid var(--_border);
    border-radius: 50%;
  }
  .plan[aria-checked='true'] .check {
    border: 0.35em solid var(--_picker-selected);
  }
  .meta {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .price {
    display: flex;
    align-items: baseline;
    gap: var(--_space);
    font-size: 1.1em;
    font-weight: 700;
  }
  .price s {
    color: var(--_muted);
    font-size: 0.8em;
    font-weight: 400;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .tag {
    padding: 0 0.5em;
    border-radius: 999px;
    background: var(--_tag-bg);
    font-size: 0.75em;
    font-weight: 600;
  }
  .tag.popular,
  .tag.discount {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 1.5);
    color: var(--_muted);
    font-size: 0.9em;
  }
  .message {
    padding: calc(var(--_space) * 2);
    border: 1px dashed var(--_border);
    border-radius: var(--_picker-radius);
    color: var(--_muted);
    text-align: center;
  }
  .message.error {
    color: var(--_danger);
  }
  .skeleton {
    height: 6.5rem;
    border-radius: var(--_picker-radius);
    background: var(--_surface-2);
  }
`;
