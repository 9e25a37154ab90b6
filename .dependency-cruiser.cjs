// Import cycles, checked by dependency-cruiser (`npm run lint`). It reads
// TypeScript before compilation (tsPreCompilationDeps), so an `import type`
// counts: the cycles the design review found (ui/app <-> ui/label-controller,
// db/schema <-> db/signatures and db/terms-index) were all type-only, and
// eslint-plugin-import-x's no-cycle skips type imports by design. Layer
// boundaries are in eslint.config.mjs.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type-only ones included: each module can be read and tested from the bottom up.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The fixtures hold a deliberate cycle for tests/lint/rules.test.ts.
    exclude: { path: '^(node_modules|out|\\.vite|test-results|bench-results|tests/lint/fixtures)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mts', '.js', '.mjs', '.json'] },
  },
};
