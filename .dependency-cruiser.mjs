// The layering rule of docs/architecture.md, enforced by test/architecture/dependency-rules.test.ts (part of
// `npm test`). Dependencies point downward only:
//   src/app · src/cli · src/demo  →  src/features/<name>  →  src/microsoft  →  src/platform
// and src/contract (the API shapes shared with the console) depends on nothing of ours. A feature reaches another
// feature only through that feature's index.ts. Tests may import anything, so they are not cruised.
const OURS = '^(src|console|emulator|test|bench|scripts)/';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle makes two modules one in all but name: move what both need below both, or inject it.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-depends-on-nothing-above',
      comment: 'src/platform is the floor: it knows no Microsoft module, no feature, no composition. Features register with it.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: OURS, pathNot: '^src/(platform|contract)/' },
    },
    {
      name: 'microsoft-depends-only-on-platform',
      comment: 'src/microsoft talks to Microsoft; it knows no feature. Hand it what it needs (tokens, settings) as arguments.',
      severity: 'error',
      from: { path: '^src/microsoft/' },
      to: { path: OURS, pathNot: '^src/(microsoft|platform|contract)/' },
    },
    {
      name: 'contract-depends-on-nothing-of-ours',
      comment: 'src/contract is imported by the console bundle too: it may import libraries (typebox) but no server code.',
      severity: 'error',
      from: { path: '^src/contract/' },
      to: { path: OURS, pathNot: '^src/contract/' },
    },
    {
      name: 'feature-uses-another-feature-through-its-index',
      comment: "Another feature's internals are private: import its index.ts, and ask its owner to export what you need.",
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/[^/]+/', pathNot: ['^src/features/$1/', '^src/features/[^/]+/index\\.ts$'] },
    },
    {
      name: 'features-do-not-import-the-composition',
      comment: 'src/app, src/cli and src/demo compose features; a feature importing them is an upward import.',
      severity: 'error',
      from: { path: '^src/features/' },
      to: { path: '^src/(app|cli|demo)/' },
    },
    {
      name: 'product-never-imports-the-emulator',
      comment: 'The product talks to the emulator over HTTPS only, exactly as to Microsoft.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^emulator/' },
    },
    {
      name: 'product-never-imports-tests',
      severity: 'error',
      from: { path: '^(src|console/src|emulator)/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'client-imports-only-the-contract',
      comment: 'src/client ships to host backends (m365hub/client): it may import the API shapes in src/contract, never the hub.',
      severity: 'error',
      from: { path: '^src/client/' },
      to: { path: OURS, pathNot: ['^src/client/', '^src/contract/'] },
    },
    {
      name: 'console-imports-only-the-contract',
      comment: 'The console is a browser bundle: of the server it may only import the API shapes in src/contract.',
      severity: 'error',
      from: { path: '^console/src/' },
      to: { path: OURS, pathNot: ['^console/src/', '^src/contract/'] },
    },
  ],
  options: {
    // Test code is not cruised (tests may import anything), but an import of it from product code is still seen.
    doNotFollow: { path: ['node_modules', '^(test|bench)/'] },
    exclude: { path: ['(^|/)dist/', '\\.test\\.tsx?$', '^emulator/test/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
