// The house rules a machine checks (ARCHITECTURE.md says why each exists).
// Layers: core/ is pure; electron only in main/'s edge files; Dexie only in
// renderer/db/; renderer feature folders never reach up into renderer/ui/.
// Import cycles (type-only ones included) are checked by dependency-cruiser
// (.dependency-cruiser.cjs): eslint-plugin-import-x's no-cycle skips every
// `import type`, and the two cycles the design review found were type-only.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// ---- what each layer may not import ------------------------------------------------------------

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'readline',
  'stream',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

const forbid = {
  electron: {
    group: ['electron', 'electron/*'],
    message:
      "Electron lives only in main/'s edge files (main.ts, ipc.ts, dialogs.ts, window.ts, preload.ts, menu.ts, protocol glue).",
  },
  electronValues: {
    group: ['electron', 'electron/*'],
    allowTypeImports: true,
    message:
      "Only main/'s edge files import Electron values; elsewhere in main/ take types only, so tests run without Electron.",
  },
  dexie: { group: ['dexie', 'dexie/*'], message: 'Dexie lives only in renderer/db/: ask a repository module there.' },
  dom: { group: ['prosemirror-view', 'prosemirror-view/*'], message: 'core/ and Node code have no DOM.' },
  node: {
    group: ['node:*', ...NODE_BUILTINS],
    message: 'No Node modules here: core/ is pure and the renderer runs sandboxed.',
  },
  upFromCore: {
    regex: '(^|/)(main|renderer|cli|bench|tests)/',
    message: 'core/ depends on nothing of the app: move the shared part into core/.',
  },
  main: { regex: '(^|/)main/', message: 'The renderer reaches main only through the bridge (renderer/bridge.ts).' },
  renderer: { regex: '(^|/)renderer/', message: 'main/ and cli/ never import renderer code.' },
  ui: {
    regex: '(^|/)ui/',
    message:
      'renderer/ui/ is the top of the renderer: compare, backup, io, editor and annotate never import it (move shared helpers down).',
  },
  features: {
    // ../suggest is renderer/suggest, not core/suggest; core/sync/ is core (pure), not the renderer's sync folder.
    regex: '(^|/)(?<!core/)(ui|compare|backup|io|editor|annotate|sync)/|^\\.\\./suggest/',
    message: 'renderer/db/ is the bottom of the renderer and imports no feature folder.',
  },
};

/** One no-restricted-imports setting per area: flat config replaces a rule's options, it never merges them. */
const restrict = (...rules) => ['error', { patterns: rules }];

// Dexie tables are reached only inside renderer/db/: `db.spans`, `this.db.texts`, `db.transaction(...)`.
const DB_MEMBERS =
  '/^(documents|texts|spans|labels|settings|terms|signatures|suggestions|rejections|transaction|table|tables)$/';
const dbTableAccess = [
  'error',
  {
    selector: `MemberExpression[object.name='db'][property.name=${DB_MEMBERS}]`,
    message: 'Dexie tables are read and written only inside renderer/db/.',
  },
  {
    selector: `MemberExpression[object.property.name='db'][property.name=${DB_MEMBERS}]`,
    message: 'Dexie tables are read and written only inside renderer/db/.',
  },
];

const MAIN_EDGE = [
  'main/main.ts',
  'main/ipc.ts',
  'main/dialogs.ts',
  'main/window.ts',
  'main/preload.ts',
  'main/menu.ts',
  'main/app-protocol.ts', // the app:// protocol glue
  'main/protocol*.ts',
];
const RENDERER_FEATURES = [
  'renderer/compare/**',
  'renderer/backup/**',
  'renderer/io/**',
  'renderer/editor/**',
  'renderer/annotate/**',
  'renderer/suggest/**',
  'renderer/sync/**',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', '.vite/', 'dist/', 'test-results/', 'bench-results/', 'tests/lint/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    rules: {
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'],
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  // Build scripts and configs run in Node as plain JavaScript.
  { files: ['**/*.{js,mjs,cjs}'], rules: { 'no-undef': 'off', '@typescript-eslint/no-require-imports': 'off' } },

  // ---- layers (later blocks are more specific and win) ----
  {
    files: ['core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        forbid.electron,
        forbid.dexie,
        forbid.dom,
        forbid.node,
        forbid.upFromCore,
      ),
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        forbid.electronValues,
        forbid.dexie,
        forbid.dom,
        forbid.renderer,
      ),
    },
  },
  {
    files: MAIN_EDGE,
    rules: { '@typescript-eslint/no-restricted-imports': restrict(forbid.dexie, forbid.dom, forbid.renderer) },
  },
  {
    files: ['cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(forbid.electron, forbid.dexie, forbid.dom, forbid.renderer),
    },
  },
  {
    files: ['renderer/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(forbid.electron, forbid.node, forbid.dexie, forbid.main),
      'no-restricted-syntax': dbTableAccess,
    },
  },
  {
    files: RENDERER_FEATURES,
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        forbid.electron,
        forbid.node,
        forbid.dexie,
        forbid.main,
        forbid.ui,
      ),
    },
  },
  {
    files: ['renderer/db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(forbid.electron, forbid.node, forbid.main, forbid.features),
      'no-restricted-syntax': 'off',
    },
  },
);
