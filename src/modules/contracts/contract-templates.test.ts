import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { repealedLawCitations } from '../../rules/index.js';
import { makeTestApp, multipart, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeActivationReadyCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';
import { COLOCATION_V1 } from './templates/colocation-v1.js';
import { COLOCATION_2026 } from './templates/colocation-2026.js';

const system = systemScope('test');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
// a phrase from the body of each attachment (the agreement names them but does not contain them)
const SECURITY_BODY = '数据中心 IDC用户必须遵守以下规定';
const UNDERTAKING_BODY = '本公司郑重承诺';
const OK = { powerSupplies: true, rails: true, interfaces: true, labelling: true };

let t: TestApp;
let admin: ApiClient;
let sales: ApiClient;
let siteId: string;
let cabinetId: string;
let customerId: string;
let serial = 0;

async function draft() {
  const s = await t.services.servers.createServer(system, { customerId, brand: 'Dell', model: 'R750', serialNumber: `TPL-${++serial}`, heightU: 1 });
  await t.services.servers.inspect(system, s.id, OK);
  return { ...(await sales.post('/api/v1/contracts', { customerId, siteId, serverIds: [s.id], annualFee: '12000' })).json(), serverId: s.id };
}

function docxText(bytes: Buffer): string {
  const files = unzipSync(new Uint8Array(bytes));
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', '_rels/.rels']));
  const xml = strFromU8(files['word/document.xml']);
  // well-formed: parse it (the docx must open in a word processor)
  const doc = new DOMParserLike(xml);
  return doc.text;
}

/** A strict enough XML well-formedness check for the tests: balanced tags, one root. */
class DOMParserLike {
  text: string;
  constructor(xml: string) {
    const stack: string[] = [];
    const body = xml.replace(/^<\?xml[^>]*\?>/, '');
    for (const m of body.matchAll(/<(\/?)([\w:.-]+)[^>]*?(\/?)>/g)) {
      if (m[3] === '/') continue;
      if (m[1] === '/') {
        const open = stack.pop();
        if (open !== m[2]) throw new Error(`mismatched </${m[2]}> after <${open}>`);
      } else stack.push(m[2]);
    }
    if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
    this.text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  }
}

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-09-28T02:00:00Z' });
  await makeStaff(t.services, 'tp-admin', ['admin']);
  await makeStaff(t.services, 'tp-sales', ['sales']);
  admin = await t.login('tp-admin');
  sales = await t.login('tp-sales');
  await t.services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: null, noticeEmail: null, noticeFax: null, postalAddress: '北京', sealFile: null });
  const site = await t.services.floor.createSite(system, { code: 'BJ', name: '北京机房', address: '北京', accessPoint: '牛街庄电信机房' });
  const room = await t.services.floor.createRoom(system, { siteId: site.id, name: 'A' });
  cabinetId = (await t.services.floor.createCabinet(system, { roomId: room.id, code: 'A01' })).id;
  siteId = site.id;
  const c = await makeActivationReadyCustomer(t.services, '模板客户');
  customerId = c.id;
  await makeCustomerUser(t.services, 'tp-owner', customerId);
});
afterAll(() => t.close());

describe('versioned templates', () => {
  it('ships a template citing the 民法典 and no repealed law', async () => {
    expect(repealedLawCitations(COLOCATION_V1.map((b) => b.text))).toEqual([]);
    const [v1, shipped] = (await admin.get('/api/v1/contract-templates')).json().items;
    expect(v1).toMatchObject({ version: 'colocation-v1', warnings: [], source: null });
    expect(JSON.stringify(v1.blocks)).toContain('《中华人民共和国民法典》');
    // issue 19: the structured-text template new contracts are drafted from
    expect(shipped).toMatchObject({ version: 'colocation-2026', warnings: [], blocks: [] });
    expect(shipped.source).toContain('《中华人民共和国民法典》');
  });

  it('saves a new version citing a repealed law with a warning; only admins; contracts keep their version', async () => {
    const before = await draft();
    expect(before.templateVersion).toBe('colocation-2026');
    const blocks = COLOCATION_V1.map((b) => ({ ...b, text: b.text.replace('《中华人民共和国民法典》', '《中华人民共和国合同法》、《担保法》') }));
    expect((await sales.post('/api/v1/contract-templates', { blocks })).statusCode).toBe(403);
    const unknown = await admin.post('/api/v1/contract-templates', { blocks: [...blocks, { kind: 'para', text: '{{nonsense}}' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe(`blocks.${blocks.length}.text`);
    const saved = await admin.post('/api/v1/contract-templates', { blocks, note: '旧法测试' });
    expect(saved.statusCode).toBe(201);
    const index = blocks.findIndex((b) => b.text.includes('《中华人民共和国合同法》'));
    expect(saved.json()).toMatchObject({ version: 'colocation-v2', warnings: [{ path: `blocks.${index}.text`, cited: '《中华人民共和国合同法》' }, { cited: '《担保法》' }] });
    expect(saved.json().warnings[0].replacedBy).toContain('民法典');

    const after = await draft();
    expect(after.templateVersion).toBe('colocation-v2');
    expect((await sales.get(`/api/v1/contracts/${after.id}/document?format=html`)).body).toContain('《中华人民共和国合同法》');
    const old = (await sales.get(`/api/v1/contracts/${before.id}/document?format=html`)).body;
    expect(old).toContain('《中华人民共和国民法典》');
    expect(old).not.toContain('合同法》');
    // a clean version after it: no warnings, and the numbering continues
    expect((await admin.post('/api/v1/contract-templates', { blocks: COLOCATION_V1 })).json()).toMatchObject({ version: 'colocation-v3', warnings: [] });
  });
});

describe('templates as structured text (issue 19)', () => {
  it('takes a version written as text: numbering and references checked by line, a repealed law warned of, contracts drafted from it', async () => {
    const broken = COLOCATION_2026.replace('5.11协议服务期内', '5.12协议服务期内').replace('{{ref:7.2}}', '{{ref:7.9}}');
    const refused = await admin.post('/api/v1/contract-templates', { source: broken });
    expect(refused.statusCode).toBe(400);
    const line = (needle: string) => broken.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(refused.json().error.fields.map((f: { path: string }) => f.path)).toEqual([`source.${line('5.12协议')}`, `source.${line('{{ref:7.9}}')}`]);
    const old = COLOCATION_2026.replace('《中华人民共和国民法典》', '《中华人民共和国合同法》');
    const saved = await admin.post('/api/v1/contract-templates', { source: old, note: '文本版' });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({ blocks: [], warnings: [{ path: `source.${old.split('\n').findIndex((l) => l.includes('合同法')) + 1}`, cited: '《中华人民共和国合同法》' }] });
    const c = await draft();
    expect(c.templateVersion).toBe(saved.json().version);
    const html = (await sales.get(`/api/v1/contracts/${c.id}/document?format=html`)).body;
    expect(html).toContain('《中华人民共和国合同法》');
    expect(html).toContain('本协议第五条 5.3、5.4、5.5、5.6、5.7等条款');
    // back to the shipped wording for the tests after this one
    expect((await admin.post('/api/v1/contract-templates', { source: COLOCATION_2026 })).json().warnings).toEqual([]);
  });
});

describe('attachments as documents of their own', () => {
  it('renders 附件一 and 附件二 separately to .docx and PDF, and the agreement without them', async () => {
    const c = await draft();
    const parts = {
      contract: { has: ['服务器托管协议', '第三条 托管期限', '第十三条 其他'], not: [SECURITY_BODY, UNDERTAKING_BODY] },
      'security-letter': { has: ['附件一：', '入网安全责任书', SECURITY_BODY], not: ['第三条 托管期限', UNDERTAKING_BODY] },
      'user-undertaking': { has: ['附件二：', 'IDC 用户承诺书', UNDERTAKING_BODY], not: ['第三条 托管期限', SECURITY_BODY] },
    };
    for (const [part, expected] of Object.entries(parts)) {
      const docx = await sales.get(`/api/v1/contracts/${c.id}/document?format=docx&part=${part}`);
      expect(docx.statusCode).toBe(200);
      const text = docxText(docx.rawPayload);
      for (const s of expected.has) expect(text, `${part} has ${s}`).toContain(s);
      for (const s of expected.not) expect(text, `${part} lacks ${s}`).not.toContain(s);
      expect(decodeURIComponent(String(docx.headers['content-disposition']))).toContain(part === 'contract' ? '服务器托管协议.docx' : part === 'security-letter' ? '附件一-入网安全责任书.docx' : '附件二-IDC用户承诺书.docx');
    }
    const pdf = await (await t.login('tp-owner')).get(`/api/v1/contracts/${c.id}/document?format=pdf&part=security-letter`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('marks each attachment signed by its scan; activation is refused while either is unsigned', async () => {
    const c = await draft();
    const upload = (part: string, bytes: Buffer) => {
      const m = multipart({}, { name: 'a.pdf', bytes });
      return sales.request('POST', `/api/v1/contracts/${c.id}/attachments/${part}`, m.body, m.headers);
    };
    expect((await upload('security-letter', Buffer.from('not a scan'))).json().error.fields[0].path).toBe('file');
    const one = (await upload('security-letter', PDF)).json();
    expect(one).toMatchObject({ securityLetterSigned: true, userUndertakingSigned: false });
    expect(one.securityLetterSha256).toMatch(/^[0-9a-f]{64}$/);
    // signing the contract still requires both attachments
    const m = multipart({ signingDate: '2026-09-28', securityLetterSigned: 'true', userUndertakingSigned: 'false' }, { name: 's.pdf', bytes: PDF });
    expect((await sales.request('POST', `/api/v1/contracts/${c.id}/sign`, m.body, m.headers)).json().error.fields[0].path).toBe('userUndertakingSigned');
    await expect(t.services.servers.rack(system, c.serverId, { cabinetId, lowestU: 1, face: 'front' })).rejects.toMatchObject({ code: 'ACTIVATION_REFUSED' });
    expect((await upload('user-undertaking', PDF)).json()).toMatchObject({ securityLetterSigned: true, userUndertakingSigned: true });
    const m2 = multipart({ signingDate: '2026-09-28', securityLetterSigned: 'true', userUndertakingSigned: 'true' }, { name: 's.pdf', bytes: PDF });
    expect((await sales.request('POST', `/api/v1/contracts/${c.id}/sign`, m2.body, m2.headers)).json().status).toBe('signed');
    await t.services.servers.rack(system, c.serverId, { cabinetId, lowestU: 1, face: 'front' });
    expect((await t.services.contracts.get(system, c.id)).status).toBe('active');
  });
});

describe('termination (6.8 for cause, by agreement)', () => {
  it('is refused before signing and after the end; for cause cites its clause and refunds nothing; each is audited', async () => {
    const c = await draft();
    expect((await sales.post(`/api/v1/contracts/${c.id}/terminate`, { kind: 'by_agreement' })).json().error.code).toBe('INVALID_TRANSITION');
    await t.services.contracts.sign(system, c.id, { signingDate: '2026-09-28', securityLetterSigned: true, userUndertakingSigned: true, signedCopy: PDF });
    await t.services.servers.rack(system, c.serverId, { cabinetId, lowestU: 5, face: 'front' });
    const [invoice] = (await t.services.contracts.get(system, c.id)).invoices;
    await t.services.billing.recordPayment(system, invoice.id, { amount: '12000', receivedOn: '2026-09-28', bankReference: 'TERM-1' });
    const ended = await sales.post(`/api/v1/contracts/${c.id}/terminate`, { kind: 'for_cause', clause: '6.8' });
    expect(ended.json().status).toBe('terminated_for_cause');
    // no refund: the paid invoice stays paid and nothing is credited back
    expect((await t.services.billing.invoice(system, invoice.id)).status).toBe('paid');
    expect((await t.services.billing.credit(system, customerId)).balanceFen).toBe(0);
    expect((await sales.post(`/api/v1/contracts/${c.id}/terminate`, { kind: 'by_agreement' })).json().error.code).toBe('INVALID_TRANSITION');
    const d = await draft();
    await t.services.contracts.sign(system, d.id, { signingDate: '2026-09-28', securityLetterSigned: true, userUndertakingSigned: true, signedCopy: PDF });
    expect((await sales.post(`/api/v1/contracts/${d.id}/terminate`, { kind: 'by_agreement' })).json().status).toBe('terminated_by_agreement');
    const actions = (await t.services.audit.list(system, { page: 1, pageSize: 100 })).items.map((a) => `${a.action}:${a.entityId}`);
    expect(actions).toContain(`contract.terminate.for_cause:6.8:${c.id}`);
    expect(actions).toContain(`contract.terminate.by_agreement:${d.id}`);
  });
});
