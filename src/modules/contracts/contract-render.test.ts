// Issue 19: the contract as printed — laid out clause by clause, the parties block, page numbers, the
// seal only on what the provider issues — read back from the PDF Chromium prints and from the .docx
// as LibreOffice opens it (pdftotext -layout), the way a legal department reads the pages.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type TestApp } from '../../../test/harness/app.js';
import { makeActivationReadyCustomer } from '../../../test/harness/factories.js';
import { demoSealPng } from '../provider/demo-seal.js';
import { COLOCATION_2026 } from './templates/colocation-2026.js';
import { normalise, parseTemplate, resolveRefs } from './templates/template-tree.js';

const system = systemScope('test');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const OK = { powerSupplies: true, rails: true, interfaces: true, labelling: true };
const PROVIDER_USCC = '91110106MA00YQ8D7K';
const CUSTOMER_USCC = '91350100M000100Y43';
const dir = mkdtempSync(join(tmpdir(), 'contract-render-'));
// page images to look at: under the browser tests' screenshots when that directory is given
const pictures = process.env.SCREENSHOT_DIR ? join(process.env.SCREENSHOT_DIR, 'contract-render') : join(dir, 'png');
mkdirSync(pictures, { recursive: true });

let t: TestApp;
let contractId: string;
let serverId: string;
let cabinetId: string;

/**
 * Each article and clause of the shipped template as the line it must begin: its number and first
 * words (up to the first blank to fill), whitespace removed.
 */
function clauseStarts(): string[] {
  const { tree } = parseTemplate(COLOCATION_2026);
  return tree.nodes
    .filter((n) => n.kind === 'article' || n.kind === 'clause')
    .map((n) => normalise(`${n.number}${resolveRefs(tree, n.text).split('{{')[0]}`).slice(0, n.kind === 'article' ? 12 : 10));
}

const CLAUSE_ALONE = /^\s*(\d+\.\d+[、，,]?|第[一二三四五六七八九十]+条)\s*$/;

function pdfText(file: string): string[] {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\n');
}

/** The clause check both printings must pass; answers what is wrong (empty when the layout is right). */
function layoutProblems(lines: string[]): string[] {
  const starts = lines.map((l) => normalise(l));
  const problems: string[] = [];
  for (const clause of clauseStarts()) if (!starts.some((s) => s.startsWith(clause))) problems.push(`no line begins with ${clause}`);
  for (const l of lines) if (CLAUSE_ALONE.test(l)) problems.push(`a clause number alone: ${l.trim()}`);
  return problems;
}

function pages(file: string, name: string): string[] {
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(pictures, name)]);
  return readdirSync(pictures).filter((f) => f.startsWith(name) && f.endsWith('.png'));
}

function imagesIn(file: string): number {
  // a PNG with transparency is an image and its soft mask (smask): count the images
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim().split(/\s+/)[2] === 'image').length;
}

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-09-28T02:00:00Z' });
  await t.services.provider.update(system, {
    legalName: '北京云桥数据科技有限公司',
    uscc: PROVIDER_USCC,
    address: '北京市丰台区南四环西路 188 号',
    domicileCourt: '北京市丰台区人民法院',
    bankName: '中国工商银行北京丰台支行',
    bankAccount: '0200004509200123456',
    signingPlace: '北京',
    phone: '010-63880000',
    noticeEmail: 'legal@yunqiao.example.cn',
    noticeFax: null,
    postalAddress: '北京市丰台区南四环西路 188 号 6 区 3 号楼',
    sealFile: null,
    legalRepresentative: '周立',
    contactPerson: '陈晓（13900000000）',
  });
  await t.services.provider.setSeal(system, demoSealPng());
  const site = await t.services.floor.createSite(system, { code: 'BJ', name: '北京机房', address: '北京', accessPoint: '牛街庄电信机房' });
  const room = await t.services.floor.createRoom(system, { siteId: site.id, name: 'A' });
  cabinetId = (await t.services.floor.createCabinet(system, { roomId: room.id, code: 'A01' })).id;
  const customer = await makeActivationReadyCustomer(t.services, '杭州示例网络科技有限公司');
  await t.services.customers.update(system, customer.id, {
    version: customer.version,
    uscc: CUSTOMER_USCC,
    registeredAddress: '浙江省杭州市西湖区文三路 90 号',
    postalAddress: '浙江省杭州市西湖区文三路 90 号 8 楼',
    legalRepresentative: '王五',
    noticeEmail: 'it@example-hz.cn',
  });
  const s = await t.services.servers.createServer(system, { customerId: customer.id, brand: 'Dell', model: 'R750', serialNumber: 'RENDER-1', heightU: 2 });
  await t.services.servers.inspect(system, s.id, OK);
  serverId = s.id;
  contractId = (await t.services.contracts.create(system, { customerId: customer.id, siteId: site.id, serverIds: [s.id], annualFee: '36000' })).id;
});
afterAll(() => t.close());

describe('the contract PDF (Chromium)', () => {
  it('prints the draft clause by clause with the parties block, page numbers and 草稿, without the seal', async () => {
    const doc = await t.services.contracts.document(system, contractId, 'pdf');
    const file = join(dir, 'draft.pdf');
    writeFileSync(file, doc.bytes);
    const lines = pdfText(file);
    expect(layoutProblems(lines)).toEqual([]);
    const text = normalise(lines.join(''));
    for (const s of [PROVIDER_USCC, CUSTOMER_USCC, '甲方：杭州示例网络科技有限公司', '乙方：北京云桥数据科技有限公司', '法定代表人：王五', '法定代表人：周立', '浙江省杭州市西湖区文三路90号8楼', '开户银行：中国工商银行北京丰台支行', '银行账号：0200004509200123456', '24小时联系电话：13800000001', '草稿合同编号：']) {
      expect(text, s).toContain(normalise(s));
    }
    expect(text).toMatch(/第1页共(\d+)页/);
    const total = Number(/第1页共(\d+)页/.exec(text)![1]);
    expect(text).toContain(`第${total}页共${total}页`);
    expect(imagesIn(file)).toBe(0);
    expect(pages(file, 'draft').length).toBe(total);
  });

  it('prints the copy sent for signature with the seal in 乙方’s seal area, and each attachment and the domain list on their own', async () => {
    await t.services.contracts.send(system, contractId);
    const doc = await t.services.contracts.document(system, contractId, 'pdf');
    const file = join(dir, 'sent.pdf');
    writeFileSync(file, doc.bytes);
    const lines = pdfText(file);
    expect(layoutProblems(lines)).toEqual([]);
    expect(normalise(lines.join(''))).not.toContain('草稿');
    expect(imagesIn(file)).toBe(1);
    pages(file, 'sent');
    for (const [part, has] of [
      ['security-letter', ['附件一：', '入网安全责任书', '1）反对宪法所确定的基本原则的；', '责任单位（签章）：杭州示例网络科技有限公司']],
      ['user-undertaking', ['附件二：', 'IDC用户承诺书', '北京云桥数据科技有限公司：', '特此申明！']],
      ['domain-list', ['域名清单登记表', '序号', 'ICP备案号/许可证号', '甲方（盖章）：']],
    ] as const) {
      const d = await t.services.contracts.document(system, contractId, 'pdf', part);
      const f = join(dir, `${part}.pdf`);
      writeFileSync(f, d.bytes);
      const text = normalise(pdfText(f).join(''));
      for (const s of has) expect(text, `${part}: ${s}`).toContain(normalise(s));
      expect(text, part).not.toContain('第三条托管期限');
      pages(f, part);
    }
  });
});

describe('the contract .docx (LibreOffice)', () => {
  it('tags its text zh-CN, names a Chinese font, and opens in LibreOffice with the same clause layout, footer and seal', async () => {
    await t.services.contracts.sign(system, contractId, { signingDate: '2026-09-28', securityLetterSigned: true, userUndertakingSigned: true, signedCopy: PDF });
    await t.services.servers.rack(system, serverId, { cabinetId, lowestU: 10, face: 'front' });
    const doc = await t.services.contracts.document(system, contractId, 'docx');
    const files = unzipSync(new Uint8Array(doc.bytes));
    const xml = strFromU8(files['word/document.xml']);
    expect(xml).toContain('w:eastAsia="zh-CN"');
    expect(xml).toContain('w:eastAsia="Noto Serif CJK SC"');
    expect(xml).toContain('<w:cantSplit/>');
    const footer = Object.keys(files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => strFromU8(files[f])).join('');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    const docx = join(dir, 'contract.docx');
    writeFileSync(docx, doc.bytes);
    // a profile of its own, so a LibreOffice another process runs does not take this conversion over
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'pipe', timeout: 120_000 });
    const file = join(dir, 'contract.pdf');
    const lines = pdfText(file);
    expect(layoutProblems(lines)).toEqual([]);
    const text = normalise(lines.join(''));
    // the signed contract is the copy sent for signature (issue 19 §3): racking's cabinet is on the 开通确认单, not here
    for (const s of [PROVIDER_USCC, CUSTOMER_USCC, '由双方的授权代表在北京订立', '机柜号：上架时确定', '第1页共']) expect(text, s).toContain(normalise(s));
    expect(imagesIn(file)).toBe(1);
    // (pdffonts names LibreOffice's embedded CJK subsets after the collection's first face, "NotoSerifCJKjp",
    // whichever face it drew from; the zh-CN tag is what makes it draw the SC glyphs — checked by eye on 直骨角)
    pages(file, 'soffice');
  }, 180_000);
});
