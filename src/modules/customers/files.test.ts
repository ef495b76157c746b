import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type TestApp } from '../../../test/harness/app.js';
import { makeCustomer } from '../../../test/harness/factories.js';

const system = systemScope('test');
const filesDir = mkdtempSync(join(tmpdir(), 'rackpact-files-'));
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ env: { FILES_DIR: filesDir } });
});
afterAll(() => t.close());

it('keeps uploads in the configured directory, by content hash, once per content', async () => {
  const pdf = Buffer.from('%PDF-1.4\n% a licence\n%%EOF\n');
  const sha = createHash('sha256').update(pdf).digest('hex');
  const c = await makeCustomer(t.services, { name: '文件目录公司' });
  const upload = () => t.services.kyc.upload(system, c.id, { kind: 'handler_id', holderName: '经办人', idType: 'passport', idNumber: 'E7654321', fileName: '../../etc/passwd', bytes: pdf });
  const first = await upload();
  await upload(); // the same bytes again: a second record, one stored file
  expect(readFileSync(join(filesDir, sha.slice(0, 2), sha)).equals(pdf)).toBe(true);
  expect(readdirSync(join(filesDir, sha.slice(0, 2)))).toEqual([sha]);
  expect(existsSync(join(t.dataDir, 'files'))).toBe(false);
  // the name the uploader gave is only a label: it never becomes a path
  expect(first.fileName).toBe('../../etc/passwd');
  expect((await t.services.kyc.file(system, first.id)).bytes.equals(pdf)).toBe(true);
});
