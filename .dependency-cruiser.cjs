/** The dependency direction of STYLE.md, enforced: `npm run check:deps`. */
module.exports = {
  forbidden: [
    {
      name: 'shared-imports-nothing-of-ours',
      comment: 'src/shared is pure: it may not import server, web, tests or bench code.',
      severity: 'error',
      from: { path: '^src/shared' },
      to: { path: '^(src/(server|web)|tests|bench)' },
    },
    {
      name: 'web-never-imports-server',
      severity: 'error',
      from: { path: '^src/web' },
      to: { path: '^src/server' },
    },
    {
      name: 'server-never-imports-web',
      severity: 'error',
      from: { path: '^src/server' },
      to: { path: '^src/web' },
    },
    {
      name: 'web-features-do-not-import-each-other',
      comment: 'app → features → shared components, never feature → feature (Bulletproof React).',
      severity: 'error',
      from: { path: '^src/web/features/([^/]+)/' },
      to: { path: '^src/web/features/([^/]+)/', pathNot: '^src/web/features/$1/' },
    },
    {
      name: 'platform-never-imports-modules',
      comment:
        'src/server/platform is what every module builds on: it knows no module (its tables, services or types).',
      severity: 'error',
      from: { path: '^src/server/platform' },
      to: { path: '^src/server/modules' },
    },
    {
      name: 'modules-use-each-other-through-services',
      comment:
        'A module uses another only through its *.service.ts (STYLE.md rule 3). Table definitions may reference ' +
        "another module's tables (foreign keys), and repositories may join them in reads (a list of requests " +
        "shows the beneficiary's name); writes and rules go through the owning module's service.",
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/', pathNot: ['\\.test\\.ts$', '\\.tables\\.ts$'] },
      to: {
        path: '^src/server/modules/([^/]+)/',
        pathNot: ['^src/server/modules/$1/', '\\.service\\.ts$', '\\.tables\\.ts$'],
      },
    },
    {
      name: 'only-repositories-read-other-modules-tables',
      severity: 'error',
      from: {
        path: '^src/server/modules/([^/]+)/',
        pathNot: ['\\.test\\.ts$', '\\.(tables|repository)\\.ts$'],
      },
      to: { path: '^src/server/modules/([^/]+)/[^/]+\\.tables\\.ts$', pathNot: '^src/server/modules/$1/' },
    },
    {
      name: 'module-tables-reference-only-tables',
      comment: "Across modules, a *.tables.ts may import only another module's *.tables.ts (foreign keys).",
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/[^/]+\\.tables\\.ts$' },
      to: { path: '^src/server/modules/([^/]+)/', pathNot: ['^src/server/modules/$1/', '\\.tables\\.ts$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src' },
      to: { circular: true },
    },
    {
      name: 'production-code-does-not-import-tests',
      severity: 'error',
      from: { path: '^src', pathNot: '\\.test\\.ts$' },
      to: { path: '^tests' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist|node_modules)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
