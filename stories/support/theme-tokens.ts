/**
 * The global design tokens (`--esim-color-primary`, `--esim-radius-m`, …) every element reads, with their light
 * defaults — read from the theme's own source, so the controls never drift from it.
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import source from '../../src/internal/theme-base.ts?raw';

export interface ThemeToken {
  name: string;
  fallback: string;
}

export const themeTokens: ThemeToken[] = [];
for (const [, name = '', fallback = ''] of source.matchAll(/var\((--esim-[a-z0-9-]+),\s*(.+?)\);\s*$/gm)) {
  if (!themeTokens.some((token) => token.name === name)) themeTokens.push({ name, fallback });
}

/** One control per token; colours get a colour picker. */
export function themeTokenArgTypes(): ArgTypes {
  return Object.fromEntries(
    themeTokens.map(({ name, fallback }) => [
      name,
      {
        description: `Default \`${fallback}\` (light scheme).`,
        table: { category: 'theme tokens', defaultValue: { summary: fallback } },
        control: { type: /color/.test(name) ? 'color' : 'text' },
      },
    ]),
  );
}
