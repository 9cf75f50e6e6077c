import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { defineAll } from '../src/define.js';
import { loadLocale } from '../src/i18n/index.js';
import { withFixture } from '../stories/support/fixture-provider.js';
import { manifest } from '../stories/support/manifest.js';

// Autodocs reads attributes, properties, events, slots, CSS parts and custom properties from the manifest that
// `cem analyze` builds from the elements' JSDoc (`npm run analyze`).
setCustomElementsManifest(manifest);
defineAll();

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withFixture],
  // Languages other than English arrive in files of their own; the toolbar's is loaded before a story renders, as a
  // page's elements wait for theirs, so that play functions find the elements showing their text.
  loaders: [({ globals }) => loadLocale(globals.locale ?? 'en')],
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        // Every language we ship, each named in itself (the fixture client names plans in it, as the sandbox does).
        items: [
          { value: 'en', title: 'English' },
          { value: 'zh-CN', title: '简体中文' },
          { value: 'zh-TW', title: '繁體中文（台灣）' },
          { value: 'zh-HK', title: '繁體中文（香港）' },
          { value: 'ja', title: '日本語' },
          { value: 'ko', title: '한국어' },
          { value: 'th', title: 'ไทย' },
          { value: 'vi', title: 'Tiếng Việt' },
          { value: 'id', title: 'Bahasa Indonesia' },
          { value: 'ms', title: 'Bahasa Melayu' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    // Stories render inside <esim-renewal> with the fixture client (stories/fixtures); `fixture` picks its scenario.
    fixture: {},
    options: {
      storySort: { order: ['Introduction', 'Elements', 'Recipes'] },
    },
  },
};

export default preview;
