// @ts-check
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

/** Imports that mean I/O: the pure layers (rules, core) may not use them. */
const IO_IMPORTS = {
  paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'pg', 'pg-boss', 'fastify', 'http', 'node:http', 'net', 'node:net', 'child_process', 'node:child_process', 'nodemailer']
    .map((name) => ({ name, message: 'src/rules and src/core stay free of I/O: no file system, database or network here.' })),
  patterns: [
    { group: ['@electric-sql/*', 'drizzle-orm', 'drizzle-orm/*', '@fastify/*'], message: 'no database or HTTP in the pure layers' },
    { group: ['**/db/*', '**/http/*', '**/modules/*', '**/cli/*', '**/jobs/*'], message: 'the pure layers do not depend on the shells or modules' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/**', '.tmp/**', 'test-results/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
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
    // the isolation walk and tests may build loosely typed requests
    files: ['test/**/*.ts', 'src/**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
