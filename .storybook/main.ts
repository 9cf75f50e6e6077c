// Storybook 10 for our Lit elements: `npm run storybook` (dev server on :6006), `npm run build-storybook`
// (static site in storybook-static/, opened story by story in CI by test/storybook/stories.test.ts).
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
  async viteFinal(config) {
    // Storybook's own preview chunks are large; ours are not. Keep the build output to what matters.
    return { ...config, build: { ...config.build, chunkSizeWarningLimit: 2_000 } };
  },
};

export default config;
