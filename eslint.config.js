import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers of DESIGN.md, held by the linter: dependencies point down towards
// domain. Each entry lists what a folder may not import.
const forbid = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});
const UI_ONLY = [
  { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: 'Only src/ui uses React.' },
  { group: ['react-router', 'react-router/*'], message: 'Only src/ui uses the router.' },
  { group: ['dexie-react-hooks'], message: 'Live-query hooks live in src/storage/hooks.ts.' },
];
const NO_DEXIE = [{ group: ['dexie', 'dexie/*'], message: 'Only src/storage touches IndexedDB.' }];
const NO_D3 = [
  {
    group: ['d3', 'd3-*', 'topojson-client'],
    message: 'Only src/layout and src/render use d3 and topojson-client.',
  },
];
const NO_ZUSTAND = [{ group: ['zustand', 'zustand/*'], message: 'UI state lives in src/state.' }];
const layer = (name) => ({
  group: [`**/${name}/*`],
  message: `This layer may not import src/${name}.`,
});
const ABOVE = {
  domain: ['analysis', 'io', 'storage', 'layout', 'render', 'state', 'ui'],
  analysis: ['io', 'storage', 'layout', 'render', 'state', 'ui'],
  io: ['storage', 'layout', 'render', 'state', 'ui'],
  storage: ['layout', 'render', 'state', 'ui'],
  layout: ['storage', 'render', 'state', 'ui'],
  render: ['storage', 'state', 'ui'],
  state: ['storage', 'layout', 'render', 'ui'],
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'bench/results',
      'public/schema',
      'data/netwerkkaart-nl.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tests bend JSON fixtures into every wrong shape on purpose.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/domain/**'],
    rules: forbid([...UI_ONLY, ...NO_DEXIE, ...NO_D3, ...NO_ZUSTAND, ...ABOVE.domain.map(layer)]),
  },
  {
    files: ['src/analysis/**'],
    rules: forbid([...UI_ONLY, ...NO_DEXIE, ...NO_D3, ...NO_ZUSTAND, ...ABOVE.analysis.map(layer)]),
  },
  {
    files: ['src/io/**'],
    rules: forbid([...UI_ONLY, ...NO_DEXIE, ...NO_D3, ...NO_ZUSTAND, ...ABOVE.io.map(layer)]),
  },
  {
    files: ['src/storage/**'],
    rules: forbid([...NO_D3, ...NO_ZUSTAND, UI_ONLY[1], ...ABOVE.storage.map(layer)]),
  },
  {
    files: ['src/layout/**'],
    rules: forbid([...UI_ONLY, ...NO_DEXIE, ...NO_ZUSTAND, ...ABOVE.layout.map(layer)]),
  },
  {
    files: ['src/render/**'],
    rules: forbid([...UI_ONLY, ...NO_DEXIE, ...NO_ZUSTAND, ...ABOVE.render.map(layer)]),
  },
  {
    files: ['src/state/**'],
    rules: forbid([...UI_ONLY, ...NO_DEXIE, ...NO_D3, ...ABOVE.state.map(layer)]),
  },
  { files: ['src/ui/**'], rules: forbid([...NO_DEXIE]) },
);
