import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, multipart, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeActivationReadyCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';
import { demoSealPng } from '../provider/demo-seal.js';
import { DOCUMENT_PARTS } from './contract-document.js';

// Issue 19 §3: the versions of a contract document — the draft, the copy sent for signature, the signed
// copy frozen, and the 开通确认单 made at racking.
const system = systemScope('test');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let t: TestApp;
let sales: ApiClient;
let owner: ApiClient;
let siteId: string;
let cabinetId: string;
let customerId: string;

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-09-28T02:00:00Z' });
  await makeStaff(t.services, 'cc-sales', ['sales']);
  sales = await t.login('cc-sales');
  await t.services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: null, noticeEmail: null, noticeFax: null, postalAddress: '北京', sealFile: null });
  await t.services.provider.setSeal(system, demoSealPng());
  const site = await t.services.floor.createSite(system, { code: 'BJ', name: '北京机房', address: '北京', accessPoint: '牛街庄电信机房' });
  const room = await t.services.floor.createRoom(system, { siteId: site.id, name: 'A' });
  cabinetId = (await t.services.floor.createCabinet(system, { roomId: room.id, code: 'A07' })).id;
  siteId = site.id;
  customerId = (await makeActivationReadyCustomer(t.services, '版本客户')).id;
  await makeCustomerUser(t.services, 'cc-owner', customerId);
  owner = await t.login('cc-owner');
});
afterAll(() => t.close());

async function inspectedServer(serial: string) {
  const s = await t.services.servers.createServer(system, { customerId, brand: 'Dell', model: 'R750', serialNumber: serial, heightU: 2 });
  await t.services.servers.inspect(system, s.id, { powerSupplies: true, rails: true, interfaces: true, labelling: true });
  return s.id;
}

function pdfText(bytes: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'copies-'));
  writeFileSync(join(dir, 'd.pdf'), bytes);
  return execFileSync('pdftotext', ['-layout', join(dir, 'd.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

describe('versions of a contract document', () => {
  let contractId: string;
  let serverId: string;
  let number: string;
  let sentPdf: Buffer;
  let sentHtml: string;

  it('serves a draft regenerated from the current facts, watermarked 草稿 and without the seal; nothing is frozen yet', async () => {
    serverId = await inspectedServer('VER-0001');
    const c = (await sales.post('/api/v1/contracts', { customerId, siteId, serverIds: [serverId], annualFee: '24000' })).json();
    contractId = c.id;
    number = c.number;
    const html = (await sales.get(`/api/v1/contracts/${contractId}/document?format=html`)).body;
    expect(html).toContain('<div class="watermark">草稿</div>');
    expect(html).not.toContain('class="seal"');
    expect(html).toContain('VER-0001');
    const list = (await sales.get(`/api/v1/contracts/${contractId}/documents`)).json();
    expect(list).toMatchObject({ status: 'draft', draftDownloadable: true, items: [], signedScans: [] });
    expect((await sales.get(`/api/v1/contracts/${contractId}/documents/sent/contract?format=html`)).statusCode).toBe(404);
  });

  it('freezes the copy sent for signature: sealed, its fingerprint in the footer, recorded with its SHA-256', async () => {
    expect((await sales.post(`/api/v1/contracts/${contractId}/send`)).json().status).toBe('sent');
    const list = (await owner.get(`/api/v1/contracts/${contractId}/documents`)).json();
    expect(list.draftDownloadable).toBe(false);
    const parts = ['contract', 'security-letter', 'user-undertaking'];
    for (const part of parts) for (const format of ['html', 'docx']) expect(list.items, `${part} ${format}`).toContainEqual(expect.objectContaining({ kind: 'sent', part, format, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }));
    // the PDF is listed before it is printed (printed at its first download)
    expect(list.items).toContainEqual(expect.objectContaining({ kind: 'sent', part: 'contract', format: 'pdf', sha256: null }));
    const html = await owner.get(`/api/v1/contracts/${contractId}/document?format=html`);
    sentHtml = html.body;
    const recorded = list.items.find((i: { part: string; format: string }) => i.part === 'contract' && i.format === 'html');
    expect(sha256(html.rawPayload)).toBe(recorded.sha256);
    expect(sentHtml).toContain('class="seal"');
    expect(sentHtml).not.toContain('watermark">草稿');
    expect(sentHtml).toContain(`SHA-256: ${recorded.fingerprint}`);

    const pdf = await owner.get(`/api/v1/contracts/${contractId}/document?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    sentPdf = pdf.rawPayload;
    const text = pdfText(sentPdf);
    expect(text).toContain(`文本指纹${recorded.fingerprint.slice(0, 16)}`);
    expect(text).toContain('机柜号：上架时确定');
    // the same bytes through the versions route, and now recorded
    const again = await owner.get(`/api/v1/contracts/${contractId}/documents/sent/contract?format=pdf`);
    expect(Buffer.compare(again.rawPayload, sentPdf)).toBe(0);
    expect(again.headers['x-content-sha256']).toBe(sha256(sentPdf));
    const pdfRow = (await owner.get(`/api/v1/contracts/${contractId}/documents`)).json().items.find((i: { part: string; format: string }) => i.part === 'contract' && i.format === 'pdf');
    expect(pdfRow.sha256).toBe(sha256(sentPdf));
  });

  it('signing freezes the document: downloads before and after racking are the same bytes, equal to the recorded hash', async () => {
    const m = multipart({ signingDate: '2026-09-28', securityLetterSigned: 'true', userUndertakingSigned: 'true' }, { name: 'signed.pdf', bytes: PDF });
    expect((await sales.request('POST', `/api/v1/contracts/${contractId}/sign`, m.body, m.headers)).json().status).toBe('signed');
    const beforePdf = (await owner.get(`/api/v1/contracts/${contractId}/document?format=pdf`)).rawPayload;
    const beforeDocx = (await owner.get(`/api/v1/contracts/${contractId}/document?format=docx`)).rawPayload;
    expect(Buffer.compare(beforePdf, sentPdf)).toBe(0);

    t.clock.set('2026-09-29T02:00:00Z');
    const pool = await t.services.ipam.createPool(system, { name: 'ver', prefix: '198.51.100.0/24' });
    await t.services.ipam.allocate(system, { poolId: pool.id, serverId });
    await t.services.servers.rack(system, serverId, { cabinetId, lowestU: 11, face: 'front' });
    owner = await t.login('cc-owner');
    sales = await t.login('cc-sales');

    const afterPdf = (await owner.get(`/api/v1/contracts/${contractId}/document?format=pdf`)).rawPayload;
    const afterDocx = (await owner.get(`/api/v1/contracts/${contractId}/document?format=docx`)).rawPayload;
    const afterHtml = (await owner.get(`/api/v1/contracts/${contractId}/document?format=html`)).body;
    expect(Buffer.compare(afterPdf, beforePdf)).toBe(0);
    expect(Buffer.compare(afterDocx, beforeDocx)).toBe(0);
    expect(afterHtml).toBe(sentHtml);
    expect(afterHtml).not.toContain('198.51.100.1');
    const list = (await owner.get(`/api/v1/contracts/${contractId}/documents`)).json();
    const recorded = (part: string, format: string) => list.items.find((i: { kind: string; part: string; format: string }) => i.kind === 'sent' && i.part === part && i.format === format).sha256;
    expect(sha256(afterPdf)).toBe(recorded('contract', 'pdf'));
    expect(sha256(afterDocx)).toBe(recorded('contract', 'docx'));
    // the signed copy: the uploaded scan beside the frozen copy that was sent
    expect(list.signedScans).toContainEqual({ part: 'contract', sha256: sha256(PDF) });
    expect(list.status).toBe('active');
  });

  it('racking produces the 开通确认单 from the racking facts, sealed, stored once; the contract is not rewritten', async () => {
    const list = (await owner.get(`/api/v1/contracts/${contractId}/documents`)).json();
    const html = list.items.find((i: { kind: string; format: string }) => i.kind === 'activation' && i.format === 'html');
    expect(html).toMatchObject({ part: 'confirmation-1', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const pdf = await owner.get(`/api/v1/contracts/${contractId}/documents/activation/confirmation-1?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    for (const s of ['服务开通确认单', number, '北京机房', 'A07', 'U11–U12（前）', '198.51.100.1', '2026年9月29日', '起2026年9月29日至2027年9月28日', '北京云桥数据科技有限公司']) expect(text, s).toContain(s);
    const confirmationHtml = (await owner.get(`/api/v1/contracts/${contractId}/documents/activation/confirmation-1?format=html`)).body;
    expect(confirmationHtml).toContain('class="seal"');
    // the .docx is sealed too: the seal image is in the package, the fingerprint in the footer
    const docx = unzipSync(new Uint8Array((await owner.get(`/api/v1/contracts/${contractId}/documents/activation/confirmation-1?format=docx`)).rawPayload));
    expect(Object.keys(docx).some((k) => k.startsWith('word/media/'))).toBe(true);
    expect(Object.entries(docx).some(([k, v]) => k.startsWith('word/footer') && strFromU8(v).includes(html.fingerprint))).toBe(true);
    // later address changes do not touch it: frozen like the others
    const pool = await t.services.ipam.createPool(system, { name: 'ver2', prefix: '203.0.113.0/24' });
    await t.services.ipam.allocate(system, { poolId: pool.id, serverId });
    const again = await owner.get(`/api/v1/contracts/${contractId}/documents/activation/confirmation-1?format=pdf`);
    expect(Buffer.compare(again.rawPayload, pdf.rawPayload)).toBe(0);
    expect((await owner.get(`/api/v1/contracts/${contractId}/documents/activation/confirmation-2?format=pdf`)).statusCode).toBe(404);
  });

  it('freezes at signing a contract signed straight from the draft, from the draft facts', async () => {
    const s = await inspectedServer('VER-0002');
    const c = (await sales.post('/api/v1/contracts', { customerId, siteId, serverIds: [s], annualFee: '1000' })).json();
    const m = multipart({ signingDate: '2026-09-29', securityLetterSigned: 'true', userUndertakingSigned: 'true' }, { name: 'signed.pdf', bytes: PDF });
    expect((await sales.request('POST', `/api/v1/contracts/${c.id}/sign`, m.body, m.headers)).json().status).toBe('signed');
    const list = (await sales.get(`/api/v1/contracts/${c.id}/documents`)).json();
    expect(list.items.filter((i: { kind: string }) => i.kind === 'sent')).toHaveLength(DOCUMENT_PARTS.length * 3);
    const html = (await sales.get(`/api/v1/contracts/${c.id}/document?format=html`)).body;
    expect(html).toContain('VER-0002');
    expect(html).not.toContain('watermark">草稿');
  });

  it("never shows another customer's documents", async () => {
    const otherId = (await makeActivationReadyCustomer(t.services, '别家客户')).id;
    await makeCustomerUser(t.services, 'cc-other', otherId);
    const other = await t.login('cc-other');
    expect((await other.get(`/api/v1/contracts/${contractId}/documents`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/contracts/${contractId}/documents/sent/contract?format=html`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/contracts/${contractId}/documents/activation/confirmation-1?format=html`)).statusCode).toBe(404);
  });
});
