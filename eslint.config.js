import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '.output/',
      '.wxt/',
      'node_modules/',
      'coverage/',
      'tests/e2e/.artifacts/',
      'demo/',
      '**/*.tmp.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Page data is never markup: no innerHTML/outerHTML/insertAdjacentHTML writes anywhere.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Page data is never markup; use textContent or Preact.' },
        { property: 'outerHTML', message: 'Page data is never markup.' },
        { property: 'insertAdjacentHTML', message: 'Page data is never markup.' },
      ],
    },
  },
  {
    // Extractors read only the document and URL they are given (Zotero's rule for translators).
    files: ['utils/extract/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'document', message: 'Extractors read only the Document they are given.' },
        { name: 'window', message: 'Extractors read only the Document they are given.' },
        { name: 'location', message: 'Extractors read only the URL they are given.' },
      ],
    },
  },
);
