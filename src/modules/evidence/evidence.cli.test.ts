/**
 * `rackpact evidence <customer-id | USCC> --out FILE.zip` and `rackpact evidence verify FILE.zip`, as an
 * operator runs them on the demo data (embedded database): the demo customer named by its USCC gets a pack
 * that verifies; a changed pack, an unknown customer and a missing --out are refused with a message and a
 * non-zero exit.
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/harness/cli.js';
import { DEMO_CUSTOMERS } from '../../demo/seed.js';

const work = mkdtempSync(join(tmpdir(), 'rackpact-evidence-cli-'));
chmodSync(work, 0o755);
const env: Record<string, string> = { DATA_DIR: join(work, 'data'), PDF_WARM: 'off' };
const uscc = DEMO_CUSTOMERS[0].uscc;

beforeAll(async () => {
  expect((await runCli(['demo', 'seed'], env)).code).toBe(0);
}, 300_000);

describe('rackpact evidence', () => {
  const out = join(work, 'pack.zip');

  it('writes the pack of the customer named by its USCC, and verify accepts it', async () => {
    const res = await runCli(['evidence', uscc.toLowerCase(), '--out', out], env);
    expect(res.code, res.err).toBe(0);
    expect(res.out).toContain(DEMO_CUSTOMERS[0].name);
    expect(res.out).toMatch(/manifest sha256 [0-9a-f]{64}/);
    const entries = unzipSync(readFileSync(out));
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['summary.pdf', 'manifest.json', 'manifest.sig', 'public-key.pem', 'audit-extract.json']));
    expect(Object.keys(entries).some((n) => n.startsWith('files/kyc/'))).toBe(true);
    const verified = await runCli(['evidence', 'verify', out], env, 'zh-CN');
    expect(verified.code, verified.err).toBe(0);
    expect(verified.out).toContain('校验通过');
  }, 300_000);

  it('refuses a pack with a changed file, naming it', async () => {
    const entries = unzipSync(readFileSync(out));
    const name = Object.keys(entries).find((n) => n.startsWith('files/kyc/'))!;
    const changed = join(work, 'changed.zip');
    writeFileSync(changed, zipSync({ ...entries, [name]: new Uint8Array([...entries[name], 0x0a]) }));
    const res = await runCli(['evidence', 'verify', changed], env);
    expect(res.code).toBe(1);
    expect(res.err).toContain(`A file does not match its SHA-256 in the manifest: ${name}`);
  });

  it('bad input: an unknown customer, no --out, no such file — a message and a non-zero exit', async () => {
    const unknown = await runCli(['evidence', '91110000000000000X', '--out', join(work, 'x.zip')], env);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('No customer "91110000000000000X": give the id of the customer or its USCC (统一社会信用代码)');
    const noOut = await runCli(['evidence', uscc], env);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('--out FILE.zip');
    const missing = await runCli(['evidence', 'verify', join(work, 'nothing.zip')], env);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Cannot read the file');
  });
});
