/**
 * Issue 22 §5: a customer's evidence pack. A customer with KYC, a roster that changed, a signed contract,
 * a server and its address, a verified domain, a notice with its postal receipt, a complaint, an inspection
 * and a takedown order is packed over HTTP; the zip is opened, every file's SHA-256 checked against the
 * manifest and the manifest's Ed25519 signature checked with the enclosed public key (by node and by
 * openssl, as the README tells an outsider to), the summary PDF read back for the facts, the export found
 * in the audit log, and a customer user and a NOC user refused. A changed byte anywhere fails the check.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeActivationReadyCustomer, makeCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';
import { verifyPack, type EvidenceManifest } from './evidence.pack.js';

const system = systemScope('test');
const PDF = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n%%EOF\n`);
const USCC = '91350100M000100Y43';
let t: TestApp;
let customerId: string;
let contractNumber: string;
let complaintNumber: string;
let takedownNumber: string;
let compliance: ApiClient;

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-03-02T02:00:00Z' });
  await t.services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: null, noticeEmail: null, noticeFax: null, postalAddress: '北京', sealFile: null });
  const site = await t.services.floor.createSite(system, { code: 'EV-1', name: '证据机房', address: '北京市丰台区', accessPoint: '北京' });
  const c = await makeActivationReadyCustomer(t.services, '寰宇证据网络科技有限公司');
  customerId = c.id;
  const fresh = await t.services.customers.get(system, c.id);
  await t.services.customers.update(system, c.id, { uscc: USCC, legalRepresentative: '张三', postalAddress: '北京市海淀区中关村大街 1 号', version: fresh.version });
  // the roster changes: the technical lead is replaced (5.10 history)
  t.clock.set('2026-03-03T02:00:00Z');
  await t.services.roster.upsert(system, c.id, { side: 'customer', role: 'technical_lead', name: '李四', mobile: '13900000009', available24h: true });
  const leaving = (await t.services.roster.history(system, c.id)).find((m) => m.name === '技术')!;
  await t.services.roster.remove(system, c.id, leaving.memberId);

  const server = await t.services.servers.createServer(system, { customerId: c.id, brand: 'Dell', model: 'R750', serialNumber: 'EV-SN-0001', heightU: 1 });
  const contract = await t.services.contracts.create(system, { customerId: c.id, siteId: site.id, serverIds: [server.id], annualFee: '12000' });
  contractNumber = contract.number;
  await t.services.contracts.sign(system, contract.id, { signingDate: '2026-03-03', securityLetterSigned: true, userUndertakingSigned: true, signedCopy: PDF('signed contract') });
  const pool = await t.services.ipam.createPool(system, { name: 'ev', prefix: '192.0.2.0/24' });
  await t.services.ipam.allocate(system, { poolId: pool.id, serverId: server.id, address: '192.0.2.10' });

  const domain = await t.services.domains.add(system, { customerId: c.id, serverId: server.id, domain: 'www.evidence-test.cn', address: '192.0.2.10', use: 'non_commercial', filingNumber: '京ICP备2026000001号-1' });
  await t.services.domains.uploadEvidence(system, domain.id, { fileName: 'miit.pdf', bytes: PDF('miit lookup') });
  await t.services.domains.verify(system, domain.id, { method: 'miit_lookup', note: '与工信部备案系统一致' });

  const notice = await t.services.notices.send(system, { customerId: c.id, subject: '关于机柜电源检修的通知', body: '定于下周检修。' });
  const post = (await t.services.notices.get(system, notice.id)).deliveries.find((d) => d.channel === 'post');
  if (post) await t.services.notices.recordProof(system, notice.id, post.id, { bytes: PDF('postal receipt'), fileName: 'receipt.pdf' });

  t.clock.set('2026-03-04T06:30:00Z');
  const complaint = await t.services.complaints.intake(system, { source: '12321 举报中心', category: 'spam', description: '发送垃圾邮件', ip: '192.0.2.10' });
  complaintNumber = complaint.number;
  await t.services.complaints.complaintEvidence(system, complaint.id, { fileName: 'headers.pdf', bytes: PDF('mail headers') });
  await t.services.inspections.recordInspection(system, { serverId: server.id, authority: '北京市公安局网安总队', documentNumber: '京公网检〔2026〕7号', inspectedAt: '2026-03-04T05:00:00Z', scope: '日志留存检查', staffPresent: '王五' }, { fileName: '检查通知书.pdf', bytes: PDF('inspection') });
  const order = await t.services.takedowns.register(
    system,
    { issuer: '北京市通信管理局', documentNumber: '京通管〔2026〕12号', receivedAt: '2026-03-04T06:00:00Z', deadlineAt: '2026-03-05T06:00:00Z', actions: ['preserve_evidence'], reason: '涉嫌违法网站', serverIds: [server.id] },
    { fileName: 'order.pdf', bytes: PDF('takedown order') },
  );
  takedownNumber = order.number;

  t.clock.set('2026-03-05T01:15:00Z');
  await makeStaff(t.services, 'ev-compliance', ['compliance']);
  await makeStaff(t.services, 'ev-auditor', ['auditor']);
  await makeStaff(t.services, 'ev-noc', ['noc']);
  await makeCustomerUser(t.services, 'ev-owner', c.id);
  compliance = await t.login('ev-compliance');
}, 120_000);
afterAll(async () => t?.close());

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('the evidence pack', () => {
  let zip: Buffer;
  let entries: Record<string, Uint8Array>;
  let manifest: EvidenceManifest;

  it('is a zip under a Chinese file name, for compliance', async () => {
    const res = await compliance.get(`/api/v1/customers/${customerId}/evidence-pack`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toMatch(/^attachment; filename\*=UTF-8''证据包-寰宇证据网络科技有限公司-202603050915\.zip$/);
    zip = res.rawPayload;
    entries = unzipSync(zip);
    manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    expect(manifest.customer).toEqual({ id: customerId, name: '寰宇证据网络科技有限公司', uscc: USCC });
  }, 120_000);

  it('lists every file with its SHA-256, and its signature holds under the enclosed key (node and openssl)', () => {
    const names = Object.keys(entries).sort();
    expect(names).toEqual([...manifest.files.map((f) => f.name), 'manifest.json', 'manifest.sig'].sort());
    for (const f of manifest.files) {
      expect(sha256(entries[f.name]), f.name).toBe(f.sha256);
      expect(entries[f.name].byteLength).toBe(f.bytes);
    }
    const key = createPublicKey(new TextDecoder().decode(entries['public-key.pem']));
    expect(verify(null, entries['manifest.json'], key, entries['manifest.sig'])).toBe(true);
    expect(createHash('sha256').update(key.export({ format: 'der', type: 'spki' })).digest('hex')).toBe(manifest.signature.keyFingerprint);
    // the outsider's way (README): openssl with the public key, the signature and the manifest's exact bytes
    const dir = mkdtempSync(join(tmpdir(), 'rackpact-evidence-'));
    for (const n of ['manifest.json', 'manifest.sig', 'public-key.pem']) writeFileSync(join(dir, n), entries[n]);
    const out = execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', join(dir, 'public-key.pem'), '-rawin', '-in', join(dir, 'manifest.json'), '-sigfile', join(dir, 'manifest.sig')], { encoding: 'utf8' });
    expect(out).toMatch(/Signature Verified Successfully/);
    expect(verifyPack(zip)).toMatchObject({ ok: true, signatureValid: true, problem: null });
  });

  it('holds the stored files behind the facts, and the audit extract', () => {
    const names = manifest.files.map((f) => f.name);
    expect(names.filter((n) => n.startsWith('files/kyc/'))).toHaveLength(2);
    expect(names.some((n) => n.startsWith(`files/contracts/${contractNumber}-contract-signed.pdf`))).toBe(true);
    expect(names.some((n) => n.startsWith('files/domains/www.evidence-test.cn-'))).toBe(true);
    expect(names.some((n) => n.startsWith(`files/complaints/${complaintNumber}-`))).toBe(true);
    expect(names.some((n) => n.startsWith('files/inspections/2026-03-04-'))).toBe(true);
    expect(names.some((n) => n.startsWith(`files/takedowns/${takedownNumber}-scan-`))).toBe(true);
    expect(new TextDecoder().decode(entries[names.find((n) => n.startsWith('files/complaints/'))!])).toContain('mail headers');
    const audit = JSON.parse(new TextDecoder().decode(entries['audit-extract.json'])) as { seq: number; action: string; customerId: string; hash: string }[];
    expect(audit.length).toBeGreaterThan(5);
    expect(audit.every((r) => r.customerId === customerId && /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['domain.verify', 'contract.sign']));
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(entries['audit-extract.csv'])).toMatch(/^\uFEFFseq,at_utc,at_beijing,/);
    const data = JSON.parse(new TextDecoder().decode(entries['data.json'])) as { roster: { name: string; validTo: string | null }[] };
    // the roster as it was: the replaced technical lead is kept with the day he left
    expect(data.roster.find((m) => m.name === '技术')!.validTo).not.toBeNull();
    expect(data.roster.find((m) => m.name === '李四')!.validTo).toBeNull();
  });

  it('summarises the facts in Chinese, in Beijing time, amounts in yuan, no codes and no ISO instants', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rackpact-evidence-pdf-'));
    writeFileSync(join(dir, 's.pdf'), entries['summary.pdf']);
    // EVIDENCE_KEEP=/some/dir keeps the pack for a look at its pages (pdftoppm -png)
    if (process.env.EVIDENCE_KEEP) writeFileSync(join(process.env.EVIDENCE_KEEP, 'evidence-pack.zip'), zip);
    // reading order, cell by cell (a narrow column wraps a filing number over two lines)
    const raw = execFileSync('pdftotext', ['-raw', join(dir, 's.pdf'), '-'], { encoding: 'utf8' });
    const text = raw.replace(/\s+/g, '');
    for (const fact of ['客户证据包摘要', '寰宇证据网络科技有限公司', USCC, '营业执照已核验', contractNumber, '￥12,000.00', 'EV-SN-0001', '192.0.2.10', 'www.evidence-test.cn', '京ICP备2026000001号-1', '核验通过', '工信部备案系统查询', '李四', '关于机柜电源检修的通知', complaintNumber, '垃圾邮件', '京公网检〔2026〕7号', takedownNumber, '北京市通信管理局', manifest.signature.keyFingerprint.slice(0, 16)]) {
      expect(text, fact).toContain(fact.replace(/\s+/g, ''));
    }
    // Beijing time: the inspection at 05:00Z is 13:00; the pack was made at 09:15
    expect(text).toContain('2026-03-0413:00');
    expect(text).toContain('2026-03-0509:15');
    expect(raw).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    // codes never stand for words (the file list at the end names files as they are in the zip)
    const prose = raw.slice(0, raw.indexOf('十三、文件清单'));
    expect(prose).not.toMatch(/\b(business_licence|legal_representative_id|non_commercial|in_service|expected|provider_to_customer|technical_lead|miit_lookup|preserve_evidence|registered|spam|open)\b/);
  });

  it('is audited: who took it, with the manifest it was given', async () => {
    const { items } = await t.services.audit.list(system, { action: 'evidence.export', customerId, page: 1, pageSize: 10 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ actorLogin: 'ev-compliance', entity: 'evidence_pack', entityId: customerId });
    expect((items[0].after as { manifestSha256: string }).manifestSha256).toBe(sha256(entries['manifest.json']));
  });

  it('fails the check when a byte changes: a file, or the manifest itself', () => {
    const name = manifest.files.find((f) => f.name.startsWith('files/kyc/'))!.name;
    const changedFile = { ...entries, [name]: new Uint8Array([...entries[name], 0x20]) };
    expect(verifyPack(zipSync(changedFile))).toMatchObject({ ok: false, signatureValid: true, problem: 'mismatched', mismatched: [name] });
    const forged = JSON.stringify({ ...manifest, files: manifest.files.map((f) => (f.name === name ? { ...f, sha256: sha256(changedFile[name]) } : f)) }, null, 2);
    expect(verifyPack(zipSync({ ...changedFile, 'manifest.json': new TextEncoder().encode(`${forged}\n`) }))).toMatchObject({ ok: false, signatureValid: false, problem: 'bad-signature' });
    expect(verifyPack(zipSync({ ...entries, 'extra.txt': new TextEncoder().encode('x') }))).toMatchObject({ ok: false, problem: 'unlisted' });
  });

  it('auditors may take it; NOC and the customer itself may not, nor staff for a customer that does not exist', async () => {
    const auditor = await t.login('ev-auditor');
    expect((await auditor.get(`/api/v1/customers/${customerId}/evidence-pack`)).statusCode).toBe(200);
    expect((await (await t.login('ev-noc')).get(`/api/v1/customers/${customerId}/evidence-pack`)).statusCode).toBe(403);
    expect((await (await t.login('ev-owner')).get(`/api/v1/customers/${customerId}/evidence-pack`)).statusCode).toBe(403);
    const other = await makeCustomer(t.services);
    expect((await (await t.login('ev-owner')).get(`/api/v1/customers/${other.id}/evidence-pack`)).statusCode).toBe(403);
    expect((await compliance.get('/api/v1/customers/00000000-0000-4000-8000-000000000000/evidence-pack')).statusCode).toBe(404);
  }, 120_000);
});
