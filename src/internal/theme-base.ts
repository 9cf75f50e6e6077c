import { css } from 'lit';

/**
 * Design tokens every element shares. Partners set the public `--esim-*` properties on any ancestor; the private
 * `--_*` copies resolve them with our defaults, light or dark. Nothing is set on `:root`, so nothing leaks out.
 * With them, what every element draws: text, buttons, focus, loading placeholders, what only screen readers read.
 */
export const base = css`
  :host {
    --_primary: var(--esim-color-primary, #0b5fcc);
    --_on-primary: var(--esim-color-on-primary, #ffffff);
    --_surface: var(--esim-color-surface, #ffffff);
    --_surface-2: var(--esim-color-surface-2, #f3f5f8);
    --_text: var(--esim-color-text, #1a1f27);
    --_muted: var(--esim-color-muted, #545d6b);
    --_border: var(--esim-color-border, #c9d0da);
    --_success: var(--esim-color-success, #1b6e2d);
    --_warning: var(--esim-color-warning, #8a4600);
    --_warning-bg: var(--esim-color-warning-bg, #fff3e0);
    --_danger: var(--esim-color-danger, #b3261e);
    --_danger-bg: var(--esim-color-danger-bg, #fdecea);
    --_radius-s: var(--esim-radius-s, 6px);
    --_radius-m: var(--esim-radius-m, 10px);
    --_space: var(--esim-spacing, 8px);
    --_font: var(--esim-font-family, system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif);
    --_font-size: var(--esim-font-size, 15px);
    --_focus: var(--esim-focus-ring, 0 0 0 3px color-mix(in srgb, var(--_primary) 45%, transparent));
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
    color: var(--_text);
    -webkit-text-size-adjust: 100%;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_primary: var(--esim-color-primary, #8cc0ff);
      --_on-primary: var(--esim-color-on-primary, #0a1a2f);
      --_surface: var(--esim-color-surface, #1b1f25);
      --_surface-2: var(--esim-color-surface-2, #262b33);
      --_text: var(--esim-color-text, #eef1f5);
      --_muted: var(--esim-color-muted, #aab3bf);
      --_border: var(--esim-color-border, #48505c);
      --_success: var(--esim-color-success, #7bd88f);
      --_warning: var(--esim-color-warning, #ffc061);
      --_warning-bg: var(--esim-color-warning-bg, #3a2a12);
      --_danger: var(--esim-color-danger, #ff9b93);
      --_danger-bg: var(--esim-color-danger-bg, #3d1c1a);
    }
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button,
  select,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  /* Read by screen readers, not shown (also the plan picker's period legend). */
  .visually-hidden,
  .filters legend {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /* Loading placeholders: elements size them so nothing jumps when the data arrives. The shimmer is a gradient moved
     by transform, which the compositor animates off the main thread. An animated background-position is painted on
     the main thread every frame: over 2 s of waiting for the data in Chromium at 4x CPU, the main thread was busy
     0.35-0.55 s with that shimmer, under 0.06 s with this one (bench/loading-state.mjs). */
  .skeleton {
    display: block;
    position: relative;
    overflow: hidden;
    border-radius: var(--_radius-s);
    background: var(--_surface-2);
  }
  .skeleton::after {
    content: '';
    position: absolute;
    inset: 0;
    background: linear-gradient(90deg, transparent, var(--_border), transparent);
    transform: translateX(-100%);
    animation: esim-shimmer 1.4s linear infinite;
  }
  @keyframes esim-shimmer {
    to {
      transform: translateX(100%);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton::after {
      display: none;
    }
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    min-height: 44px;
    padding: 0 calc(var(--_space) * 2);
    border: 1px solid var(--_primary);
    border-radius: var(--_radius-s);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
    cursor: pointer;
  }
  .button.secondary {
    background: transparent;
    color: var(--_primary);
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
`;
