import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules of eslint.config.js must bite: each fixture in test/fixtures/lint/ is linted with the
// project's own config, as if it sat at the path where the rule applies (the fixtures themselves are kept out of
// the normal lint run and of tsc, since they are wrong on purpose).
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/lint');

const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: path.join(ROOT, 'eslint.config.js'), ignore: false });

async function lintAs(fixture: string, filePath: string) {
  const code = readFileSync(path.join(FIXTURES, fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return result.messages.map((m) => ({ ruleId: m.ruleId, severity: m.severity, line: m.line, message: m.message }));
}

describe('layering lint rules', () => {
  it('a service importing src/http is an error', async () => {
    const messages = await lintAs('http-in-service.ts', 'src/modules/netbox/lint-fixture.service.ts');
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'no-restricted-imports', severity: 2, line: 3 })]);
    expect(messages[0].message).toContain('never imports src/http');
  });

  it('the same import from a routes file (the HTTP shell) is allowed', async () => {
    expect(await lintAs('http-in-service.ts', 'src/modules/netbox/lint-fixture.routes.ts')).toEqual([]);
  });

  it("a module importing another module's repository or schema is reported", async () => {
    const messages = await lintAs('foreign-repository.ts', 'src/modules/tickets/lint-fixture.service.ts');
    expect(messages.map((m) => [m.ruleId, m.severity, m.line])).toEqual([
      ['rackpact/no-foreign-module-internals', 2, 4],
      ['rackpact/no-foreign-module-internals', 2, 5],
    ]);
    expect(messages[0].message).toContain("module 'customers'");
  });

  it("a schema may name another module's table in a foreign key", async () => {
    const messages = await lintAs('foreign-repository.ts', 'src/modules/tickets/lint-fixture.schema.ts');
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['rackpact/no-foreign-module-internals', 4]]);
  });

  it('the composition root may wire modules together', async () => {
    expect(await lintAs('foreign-repository.ts', 'src/lint-fixture.ts')).toEqual([]);
  });

  it('the pure rules may not do I/O or depend on a module', async () => {
    const messages = await lintAs('io-in-rules.ts', 'src/rules/lint-fixture.ts');
    expect(messages.map((m) => [m.ruleId, m.severity, m.line])).toEqual([
      ['no-restricted-imports', 2, 3],
      ['no-restricted-imports', 2, 4],
    ]);
  });

  it('a conforming module file reports nothing', async () => {
    expect(await lintAs('conforming.ts', 'src/modules/tickets/lint-fixture.service.ts')).toEqual([]);
  });
});
