import { defineConfig } from 'wxt';

// The Firefox add-on id. Tests pin its moz-extension UUID through this id.
export const GECKO_ID = 'papershelf@papershelf.dev';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // webextension-polyfill gives Chrome a promise-based `browser` with Firefox's semantics.
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
  manifest: ({ browser }) => ({
    name: 'Papershelf',
    description:
      'Recognises scholarly paper pages, shows their metadata and citation network, and keeps your reading list offline.',
    // Every permission is explained in README.md ("Permissions").
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'contextMenus'],
    action: { default_title: 'Papershelf' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
