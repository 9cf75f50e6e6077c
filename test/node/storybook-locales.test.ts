// Storybook's locale toolbar offers every language the kit ships, no more and no fewer: an integrator browsing the
// stories can see each element in each language (issue 19).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { localeLoaders } from '../../src/i18n/locales.ts';

it("the Storybook toolbar's languages are English and every locale chunk", () => {
  const preview = readFileSync(new URL('../../.storybook/preview.ts', import.meta.url), 'utf8');
  const toolbar = preview.slice(preview.indexOf('globalTypes'), preview.indexOf('initialGlobals'));
  const offered = [...toolbar.matchAll(/value: '([^']+)'/g)].map((match) => match[1]);
  assert.deepEqual([...offered].sort(), ['en', ...Object.keys(localeLoaders)].sort());
});
