// @ts-check
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import moduleBoundaries from './eslint-rules/module-boundaries.js';

/** Imports that mean I/O: the pure layers (rules, core) may not use them. */
const IO_IMPORTS = {
  paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'pg', 'pg-boss', 'fastify', 'http', 'node:http', 'net', 'node:net', 'child_process', 'node:child_process', 'nodemailer']
    .map((name) => ({ name, message: 'src/rules and src/core stay free of I/O: no file system, database or network here.' })),
  patterns: [
    { group: ['@electric-sql/*', 'drizzle-orm', 'drizzle-orm/*', '@fastify/*'], message: 'no database or HTTP in the pure layers' },
    { group: ['**/db/*', '**/http/*', '**/modules/*', '**/cli/*', '**/jobs/*'], message: 'the pure layers do not depend on the shells or modules' },
  ],
};

/** A module's domain code (service, repository, schema) never depends on the HTTP shell. */
const NO_HTTP_IN_DOMAIN = {
  patterns: [{ group: ['**/http', '**/http/*'], message: 'a service, repository or schema never imports src/http: HTTP is a thin shell around the services (inject what you need from src/app.ts).' }],
};

// The layering (docs/ARCHITECTURE.md "Layering, enforced"):
//  - src/rules and src/core are pure: no I/O imports, no shells, no modules;
//  - a module's *.service.ts / *.repository.ts / *.schema.ts never imports src/http;
//  - a module never imports another module's repository or schema (rackpact/no-foreign-module-internals).
// Exempt from the module-boundary rule by construction (it only looks at files under src/modules/): src/db/schema.ts
// (re-exports every table for drizzle), src/app.ts (the composition root), src/demo, src/cli, src/jobs and test/,
// which legitimately wire modules together.
export default tseslint.config(
  // web/** other than web/src is build output and config; test/fixtures/lint holds deliberate violations
  // (checked by test/platform/lint-rules.test.ts, not by the normal run)
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'web/vite.config.ts', '.tmp/**', 'test-results/**', 'data/**', 'test/fixtures/lint/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX, rackpact: moduleBoundaries },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      'import-x/no-duplicates': 'error',
    },
  },
  {
    files: ['src/rules/**/*.ts', 'src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', IO_IMPORTS] },
  },
  {
    files: ['src/modules/**/*.service.ts', 'src/modules/**/*.repository.ts', 'src/modules/**/*.schema.ts'],
    rules: { 'no-restricted-imports': ['error', NO_HTTP_IN_DOMAIN] },
  },
  {
    // Names of customers reach other modules' lists through the customers read model (customers.read.ts).
    rules: { 'rackpact/no-foreign-module-internals': 'error' },
  },
  {
    // the React app: typescript-eslint recommended (above) applies; eslint-plugin-react-hooks is not installed
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  {
    // the isolation walk and tests may build loosely typed requests
    files: ['test/**/*.ts', 'src/**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
