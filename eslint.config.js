// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeModules = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises',
  'http', 'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers',
  'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];
const nodeImports = [
  { group: ['node:*'], message: 'Node APIs are not available here; move this code to electron/.' },
];
const nodePaths = nodeModules.map((name) => ({ name, message: 'Node APIs are not available here; move this code to electron/.' }));
const electronPaths = ['electron', '@electron/remote'].map((name) => ({
  name,
  message: 'Electron belongs in electron/; the renderer talks to main only through window.api (AppApi).',
}));
// Other modules use the engine through shared/billing/index.ts only, so its files can move freely.
const billingDeepImports = [
  { regex: '^(\\.\\./)+shared/billing/(?!index$).+', message: 'Import the billing engine from shared/billing (its index), not its files.' },
];
const nodeGlobals = ['process', 'require', 'module', 'Buffer', '__dirname', '__filename', 'global'].map((name) => ({
  name,
  message: 'Node globals are not available here.',
}));
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'XMLHttpRequest'].map(
  (name) => ({ name, message: 'shared/ is environment-free: no DOM. Pass what you need in as a parameter.' }),
);

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The store moved from renderer/store to core/ (issue 6): the old path is an error everywhere.
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs}', 'electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)renderer/store(/|$)', message: 'The store is core/ now: import from core/index.ts.' }] }],
    },
  },
  {
    // The billing engine and domain code: no DOM, no Node, no Electron, no UI libraries.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodePaths,
            ...electronPaths,
            { name: 'react', message: 'shared/ holds no UI code.' },
            { name: 'dexie', message: 'shared/ holds no storage code; the store lives in core/.' },
          ],
          patterns: [...nodeImports, { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ may not depend on renderer/ or electron/.' }],
        },
      ],
      'no-restricted-globals': ['error', ...nodeGlobals, ...domGlobals],
    },
  },
  {
    // The application core: the database and the business commands. IndexedDB
    // is its only platform API; no React, no UI, no Node, no Electron, and
    // nothing from renderer/ or electron/. shared/billing only through its index.
    files: ['core/**/*.ts'],
    languageOptions: { globals: { indexedDB: 'readonly', IDBKeyRange: 'readonly', navigator: 'readonly', crypto: 'readonly' } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodePaths,
            ...electronPaths,
            { name: 'react', message: 'core/ holds no UI code.' },
            { name: 'react-dom', message: 'core/ holds no UI code.' },
            { name: 'dexie-react-hooks', message: 'core/ holds no UI code; the renderer wraps queries in useLiveQuery.' },
          ],
          patterns: [
            ...nodeImports,
            { group: ['**/renderer/**', '**/renderer', '**/electron/**', '**/electron'], message: 'core/ may not depend on renderer/ or electron/.' },
            { group: ['@mantine/*', '@tanstack/react-*', 'react-*', 'i18next', 'recharts'], message: 'core/ holds no UI code.' },
            ...billingDeepImports,
          ],
        },
      ],
      'no-restricted-globals': ['error', ...nodeGlobals, ...domGlobals.filter((g) => !['navigator', 'indexedDB'].includes(g.name)).map((g) => ({ ...g, message: 'core/ uses IndexedDB only; pass anything else in from the renderer.' }))],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodePaths, ...electronPaths],
          patterns: [
            ...nodeImports,
            { group: ['**/electron/**'], message: 'The renderer may not import main-process code.' },
            { regex: '^(\\.\\./)+core/(?!index$).+', message: 'The UI imports the core only through core/index.ts.' },
            { regex: '^(\\.\\.?/)+store(/|$)', message: 'The store is core/ now: import from core/index.ts.' },
            ...billingDeepImports,
          ],
        },
      ],
      'no-restricted-globals': ['error', ...nodeGlobals],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Electron stays at the edges (main.ts, preload.ts) so that every other
      // main-process module can be tested in Node with its Electron objects injected.
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Import electron only in electron/main.ts and the preloads (preload.ts, print-preload.ts); inject what you need.', allowTypeImports: true }],
          patterns: [{ group: ['**/renderer/**'], message: 'Main-process code may not import the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/print-preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.{ts,js,mjs}', '*.config.{ts,js}', '.ci/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-console': 'off' },
  },
);
