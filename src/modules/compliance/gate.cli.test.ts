/** `rackpact gate export` and `rackpact gate apply`, as an operator runs them (embedded database, demo data). */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/harness/cli.js';
import { freePort } from '../../../test/harness/nginx.js';
import { DEFAULT_GATE_TEMPLATE } from './gate-config.js';

const work = mkdtempSync(join(tmpdir(), 'rackpact-gate-cli-'));
chmodSync(work, 0o755);
const env: Record<string, string> = { DATA_DIR: join(work, 'data'), GATE_DIR: join(work, 'gate'), GATE_TEMPLATE: join(work, 'template.conf') };

beforeAll(async () => {
  env.GATE_HTTP_LISTEN = `127.0.0.1:${await freePort()}`;
  env.GATE_HTTPS_LISTEN = `127.0.0.1:${await freePort()}`;
  writeFileSync(env.GATE_TEMPLATE, DEFAULT_GATE_TEMPLATE);
  expect((await runCli(['demo', 'seed'], env)).code).toBe(0);
});

describe('rackpact gate', () => {
  it('export writes the verified demo domains only, one map for both ports', async () => {
    const dir = join(work, 'exported');
    const res = await runCli(['gate', 'export', '--dir', dir], env);
    expect(res.code, res.err).toBe(0);
    const count = Number(/: (\d+) domains/.exec(res.out)![1]);
    const lines = readFileSync(join(dir, 'gate.map'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(count);
    expect(count).toBeGreaterThan(0);
    // the demo's waiting site (新站, in punycode) is never on it; the verified www and shop ones are
    expect(lines.every((l) => /^(www|shop)\.demo-[0-9a-z]{4}\.cn 203\.0\.113\.\d+;$/.test(l))).toBe(true);
    expect(readFileSync(join(dir, 'nginx.conf'), 'utf8')).toContain(`listen ${env.GATE_HTTP_LISTEN} default_server;`);
  });

  it('apply: nginx -t passes but there is no nginx to reload (exit 1, said so); a broken template keeps the previous files', async () => {
    const first = await runCli(['gate', 'apply'], env);
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/^gate reload_failed/);
    const conf = readFileSync(join(env.GATE_DIR, 'nginx.conf'), 'utf8');
    writeFileSync(env.GATE_TEMPLATE, `${DEFAULT_GATE_TEMPLATE}\nthis is not nginx;\n`);
    const broken = await runCli(['gate', 'apply'], env);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/^gate test_failed/);
    expect(broken.out).toContain('unknown directive "this"');
    expect(readFileSync(join(env.GATE_DIR, 'nginx.conf'), 'utf8')).toBe(conf);
  });
});
