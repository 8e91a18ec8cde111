import { defineConfig } from 'wxt';

// The Firefox add-on id. Tests pin its moz-extension UUID through this id.
export const GECKO_ID = 'papershelf@papershelf.dev';

// See https://wxt.dev/api/config.html
export default defineConfig({
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
    // The detector (entrypoints/detector.ts) is a plain script declared here rather than a WXT content
    // script: WXT's content-script context cost more main-thread time on every page than the check.
    content_scripts: [
      { matches: ['http://*/*', 'https://*/*'], js: ['detector.js'], run_at: 'document_idle' },
    ],
    commands: {
      'save-paper': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the paper on this page to Papershelf',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // data_collection_permissions needs Firefox 140 (142 on Android).
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
