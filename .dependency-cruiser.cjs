// The layering (README "Folder layout"), checked by `npm run check:boundaries` in `npm test`.
// Paths are relative to the repository root; `$1` in a `to` pattern is the lab folder that the `from`
// pattern captured. src/cli/boundaries.test.ts runs these rules on a fake repo to show each one fires.
// dependency-cruiser rather than ESLint: one dev dependency that reads the TypeScript import graph itself,
// with no ESLint, parser and plugin stack to configure.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-outer-layer',
      comment:
        'src/core is the pure engine: it runs in Node (tests, CLI) and in the worker, so it must not depend ' +
        'on the React UI, the store, the worker protocol, the CLI or the e2e tests; they depend on it, never ' +
        'the other way round.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^(src/(ui|state|worker|cli)|e2e)/' },
    },
    {
      name: 'core-lab-imports-no-other-lab',
      comment:
        'A lab is a folder, not a fork: src/core/labs/<x>/ may not reach into src/core/labs/<y>/. What two ' +
        'labs share lives in src/core/models, experiment, metrics or rerank. The registry ' +
        '(src/core/labs/registry.ts) is not in a lab folder, so it may import every lab.',
      severity: 'error',
      from: { path: '^src/core/labs/([^/]+)/' },
      to: { path: '^src/core/labs/[^/]+/', pathNot: '^src/core/labs/$1/' },
    },
    {
      name: 'ui-lab-imports-no-other-lab',
      comment:
        "A lab's panel (src/ui/labs/<x>/) draws its own lab only: it may import src/core/labs/<x>/ but not " +
        'another lab, in src/ui/labs/<y>/ or src/core/labs/<y>/. Shared components live in src/ui/charts ' +
        'or src/ui/shell; src/ui/labs/index.ts is the registry and may import every panel.',
      severity: 'error',
      from: { path: '^src/ui/labs/([^/]+)/' },
      to: { path: '^src/(ui|core)/labs/[^/]+/', pathNot: '^src/(ui|core)/labs/$1/' },
    },
    {
      name: 'cli-imports-no-e2e',
      comment:
        'The CLI ships with the app and must run without the test suite; the e2e tests may import from ' +
        'src (e.g. src/cli/chromium.ts), never the reverse.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^e2e/' },
    },
  ],
  options: {
    // Packages are not part of the layering; cruising them would only cost time.
    doNotFollow: { path: ['node_modules'] },
    // Count `import type` too: a type-only import still ties one layer or lab to another's internals.
    tsPreCompilationDeps: true,
    // Resolve packages through their `exports` as Vite and Node do (vite itself exports ESM only).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
