import type { IRunOptions, Paragraph as DocxParagraph, Table as DocxTable } from 'docx';
import { formatChineseDate, formatYuan, term, toCapital, type CalendarDate, type Fen } from '../../rules/index.js';
import { parseTemplate, resolveRefs } from './templates/template-tree.js';

/** One party's particulars as the contract lists them (第九条 sends notices to "本合同列明的地址"). */
export interface PartyParticulars {
  name: string;
  uscc: string | null /* 统一社会信用代码 */;
  registeredAddress: string | null /* 注册地址 */;
  legalRepresentative: string | null /* 法定代表人 */;
  contactPerson: string | null /* 本合同联系人 */;
  phone24h: string | null /* 24 小时联系电话 */;
  email: string | null;
  noticeAddress: string | null /* 通知地址 (第九条) */;
  /** 乙方 only: where 甲方 pays (开户行, 账号; the account holder is the party's name) */
  bankName?: string | null;
  bankAccount?: string | null;
}

/** Everything a contract document says, gathered by the service (documentFacts) from the modules that own it. */
export interface ContractFacts {
  number: string;
  customerName: string;
  providerName: string;
  customer: PartyParticulars /* 甲方, as snapshotted when the contract was drafted */;
  provider: PartyParticulars /* 乙方, the provider profile version the contract was drafted under */;
  accessPoint: string;
  servers: { brand: string; model: string; serialNumber: string; heightU: number; cabinet: string | null }[];
  ips: string[];
  /** 域名清单: the customer's domains with their filing (备案) numbers, when known */
  domains: { domain: string; filingNumber: string | null; address: string | null }[];
  termMonths: number;
  termStart: string | null;
  termEnd: string | null;
  annualFeeFen: number;
  signingDate: string | null;
  signingPlace: string;
}

/** A paragraph of a filled document, or one of the blocks the facts fill in whole. */
export type DocBlock =
  | { kind: 'title' | 'subtitle' | 'article' | 'clause' | 'item' | 'para' | 'plain'; number?: string; level?: number; text: string }
  | { kind: 'attachment'; number: string; text: string }
  | { kind: 'parties'; parties: { role: '甲方' | '乙方'; rows: [string, string][] }[] }
  | { kind: 'signatures'; signers: { role: '甲方' | '乙方'; name: string }[]; date: string }
  | { kind: 'domainList'; domains: ContractFacts['domains']; blankRows: number };

const BLANK = '　　　　';
const DATE_BLANK = `${BLANK}年${BLANK}月${BLANK}日`;

/** Blanks a template may use (filled by fillTemplate). */
export const TEMPLATE_FIELDS = ['customerName', 'providerName', 'accessPoint', 'serverCount', 'serverList', 'termText', 'termDates', 'feeFigures', 'feeCapital', 'ipList', 'signingDate', 'signingPlace'];

function partyRows(role: '甲方' | '乙方', p: PartyParticulars): [string, string][] {
  const v = (s: string | null | undefined) => (s && s.trim() ? s : BLANK);
  const rows: [string, string][] = [
    [`${role}`, p.name],
    ['统一社会信用代码', v(p.uscc)],
    ['注册地址', v(p.registeredAddress)],
    ['法定代表人', v(p.legalRepresentative)],
    ['联系人', v(p.contactPerson)],
    ['24小时联系电话', v(p.phone24h)],
    ['电子邮箱', v(p.email)],
    ['通知地址', v(p.noticeAddress)],
  ];
  if (role === '乙方') rows.push(['开户名称', p.name], ['开户银行', v(p.bankName)], ['银行账号', v(p.bankAccount)]);
  return rows;
}

/**
 * The template source (structured text, template-tree.ts) filled from the facts: {{fields}} with the
 * particulars (amounts in figures and 大写, dates as the agreement writes them), {{ref:…}} from the
 * tree, the parties and signature blocks from both parties' particulars.
 */
export function fillTemplate(facts: ContractFacts, source: string): DocBlock[] {
  const years = facts.termMonths % 12 === 0 ? `${facts.termMonths / 12} 年` : `${facts.termMonths} 个月`;
  // before activation the dates are not known yet; a draft says how they will be fixed
  const start = facts.termStart ? facts.termStart : null;
  const end = facts.termEnd ?? (start ? term(start as CalendarDate, facts.termMonths).end : null);
  const fields: Record<string, string> = {
    customerName: facts.customerName,
    providerName: facts.providerName,
    accessPoint: facts.accessPoint,
    serverCount: String(facts.servers.length),
    serverList: facts.servers
      .map((s) => `尺寸：${s.heightU}U，型号：${s.brand} ${s.model}，系列号：${s.serialNumber}，机柜号：${s.cabinet ?? '上架时确定'}`)
      .join('；'),
    termText: years,
    termDates: start && end ? `起 ${formatChineseDate(start as CalendarDate)} 至 ${formatChineseDate(end as CalendarDate)}` : '起止日期自开通日起计算',
    // the template writes "元/年" after the figures, as the agreement does
    feeFigures: formatYuan(facts.annualFeeFen as Fen),
    feeCapital: toCapital(facts.annualFeeFen as Fen),
    ipList: facts.ips.length ? facts.ips.join('、') : '开通时分配',
    signingDate: facts.signingDate ? ` ${formatChineseDate(facts.signingDate as CalendarDate)} ` : DATE_BLANK,
    signingPlace: facts.signingPlace,
  };
  const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => fields[k] ?? BLANK);
  const { tree } = parseTemplate(source);
  return tree.nodes.map((n): DocBlock => {
    switch (n.kind) {
      case 'parties':
        return { kind: 'parties', parties: [{ role: '甲方', rows: partyRows('甲方', facts.customer) }, { role: '乙方', rows: partyRows('乙方', facts.provider) }] };
      case 'signatures':
        return { kind: 'signatures', signers: [{ role: '甲方', name: facts.customerName }, { role: '乙方', name: facts.providerName }], date: facts.signingDate ? formatChineseDate(facts.signingDate as CalendarDate) : DATE_BLANK };
      case 'attachment':
        return { kind: 'attachment', number: n.number!, text: fill(resolveRefs(tree, n.text)) };
      default:
        return { kind: n.kind, number: n.number, level: n.level, text: fill(resolveRefs(tree, n.text)) };
    }
  });
}

/** The agreement, 附件一 (入网安全责任书), 附件二 (IDC用户承诺书): signed each on its own scan. */
export const ATTACHMENT_PARTS = ['security-letter', 'user-undertaking'] as const;
export type AttachmentPart = (typeof ATTACHMENT_PARTS)[number];
/** …and the domain list registration form (域名清单登记表) the agreement names among its 附件. */
export const DOCUMENT_PARTS = ['contract', ...ATTACHMENT_PARTS, 'domain-list'] as const;
/** The formats a contract document is printed in. */
export const DOCUMENT_FORMATS = ['pdf', 'docx', 'html'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export type DocumentPart = (typeof DOCUMENT_PARTS)[number];
export const PART_TITLES: Record<DocumentPart, string> = {
  contract: '服务器托管协议',
  'security-letter': '附件一-入网安全责任书',
  'user-undertaking': '附件二-IDC用户承诺书',
  'domain-list': '域名清单登记表',
};

/** Empty rows the domain list form leaves for the customer to write in. */
const DOMAIN_BLANK_ROWS = 8;

/**
 * One part of the filled template: the agreement up to its first attachment, or attachment one or
 * two (from its 附件 heading to the next), or the domain list form (from the facts, not the template).
 */
export function documentPart(blocks: DocBlock[], part: DocumentPart, facts?: Pick<ContractFacts, 'domains' | 'customerName' | 'providerName'>): DocBlock[] {
  if (part === 'domain-list') {
    return [
      { kind: 'title', text: '域名清单登记表' },
      { kind: 'plain', text: `甲方（客户）：${facts?.customerName ?? BLANK}　　乙方：${facts?.providerName ?? BLANK}` },
      { kind: 'domainList', domains: facts?.domains ?? [], blankRows: Math.max(3, DOMAIN_BLANK_ROWS - (facts?.domains.length ?? 0)) },
      { kind: 'plain', text: '甲方承诺：以上域名均已取得有效的 ICP 备案或经营许可证，备案信息真实有效；新增网站须先备案并书面报备乙方后方可接入（5.6、5.11）。' },
      { kind: 'plain', text: '甲方（盖章）：' },
      { kind: 'plain', text: '授权代表（签字）：' },
      { kind: 'plain', text: `日　期：${DATE_BLANK}` },
    ];
  }
  const starts = blocks.flatMap((b, i) => (b.kind === 'attachment' ? [i] : []));
  if (part === 'contract') return starts.length ? blocks.slice(0, starts[0]) : blocks;
  const n = part === 'security-letter' ? 0 : 1;
  if (starts[n] === undefined) return [];
  return blocks.slice(starts[n], starts[n + 1] ?? blocks.length);
}

export interface RenderOptions {
  number: string;
  /** the provider's seal, printed in 乙方's seal area — only on copies the provider issues */
  sealDataUri?: string | null;
  /** a draft: 草稿 across every page, and never a seal */
  draft?: boolean;
  /** the SHA-256 of the copy sent for signature, printed in the footer */
  fingerprint?: string | null;
}

/** The footer line besides the page numbers: contract number and, when given, the fingerprint. */
export function footerLabel(opts: Pick<RenderOptions, 'number' | 'fingerprint' | 'draft'>): string {
  return `${opts.draft ? '草稿　' : ''}合同编号：${opts.number}${opts.fingerprint ? `　SHA-256: ${opts.fingerprint}` : ''}`;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function toHtml(blocks: DocBlock[], opts: RenderOptions): string {
  const seal = !opts.draft && opts.sealDataUri ? opts.sealDataUri : null;
  let numbered = false;
  const body = blocks
    .map((b) => {
      switch (b.kind) {
        case 'title': {
          const no = numbered ? '' : `<p class="number">合同编号：${escape(opts.number)}</p>`;
          numbered = true;
          return `<h1>${escape(b.text)}</h1>${no}`;
        }
        case 'subtitle':
          return `<h2 class="sub">${escape(b.text)}</h2>`;
        case 'article':
          return `<h3><span class="no">${escape(b.number!)}</span> ${escape(b.text)}</h3>`;
        case 'clause':
          return `<p class="clause"><span class="no">${escape(b.number!)}</span>${escape(b.text)}</p>`;
        case 'item':
          return `<p class="item l${b.level}"><span class="no">${escape(b.number!)}</span>${escape(b.text)}</p>`;
        case 'attachment': {
          const no = numbered ? '' : `<p class="number">合同编号：${escape(opts.number)}</p>`;
          numbered = true;
          return `<p class="attachment">${escape(b.number)}：</p><h2>${escape(b.text)}</h2>${no}`;
        }
        case 'plain':
          return `<p class="plain">${escape(b.text)}</p>`;
        case 'parties':
          return `<table class="parties">${b.parties
            .map((p) => p.rows.map(([label, value], i) => `<tr${i === 0 ? ' class="first"' : ''}><th>${escape(i === 0 ? `${label}：` : `${label}：`)}</th><td>${escape(value)}</td></tr>`).join(''))
            .join('')}</table>`;
        case 'signatures':
          return `<table class="signatures"><tr>${b.signers
            .map((s) => `<td><p>${s.role}（盖章）：${escape(s.name)}</p><div class="seal-area">${s.role === '乙方' && seal ? `<img class="seal" src="${seal}" alt="">` : ''}</div><p>授权代表（签字）：</p><p>日　期：${escape(b.date)}</p></td>`)
            .join('')}</tr></table>`;
        case 'domainList': {
          const rows = [
            ...b.domains.map((d, i) => `<tr><td>${i + 1}</td><td>${escape(d.domain)}</td><td>${escape(d.filingNumber ?? '')}</td><td>${escape(d.address ?? '')}</td><td></td></tr>`),
            ...Array.from({ length: b.blankRows }, (_, i) => `<tr><td>${b.domains.length + i + 1}</td><td></td><td></td><td></td><td></td></tr>`),
          ];
          return `<table class="grid"><tr><th>序号</th><th>域名</th><th>ICP 备案号 / 许可证号</th><th>IP 地址</th><th>备注</th></tr>${rows.join('')}</table>`;
        }
        default:
          return `<p>${escape(b.text)}</p>`;
      }
    })
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(opts.number)}</title><style>
body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 11pt; line-height: 1.75; }
h1 { text-align: center; font-size: 20pt; letter-spacing: 4pt; margin-bottom: 4pt; }
.number { text-align: right; font-size: 10pt; text-indent: 0; }
h2 { text-align: center; font-size: 14pt; } h2.sub { letter-spacing: 8pt; }
h3 { font-size: 12pt; margin: 12pt 0 4pt; break-after: avoid; }
p { text-indent: 2em; margin: 2pt 0; } p.plain { text-indent: 0; }
p.item.l1 { text-indent: 0; font-weight: bold; margin-top: 6pt; } p.item.l3 { padding-left: 2em; }
p.attachment { text-indent: 0; font-weight: bold; }
table { border-collapse: collapse; width: 100%; }
table.parties { margin: 8pt 0 10pt; font-size: 10.5pt; line-height: 1.5; }
table.parties th { text-align: left; font-weight: normal; width: 9em; padding: 0 4pt 0 0; vertical-align: top; white-space: nowrap; }
table.parties tr.first th, table.parties tr.first td { font-weight: bold; padding-top: 6pt; }
table.signatures { margin-top: 18pt; break-inside: avoid; page-break-inside: avoid; }
table.signatures td { width: 50%; vertical-align: top; padding: 4pt 8pt 4pt 0; }
table.signatures p { text-indent: 0; }
.seal-area { height: 42mm; position: relative; }
.seal { height: 40mm; position: absolute; left: 12mm; top: 0; opacity: .85; }
table.grid th, table.grid td { border: 1px solid #000; padding: 4pt; height: 16pt; text-align: left; font-size: 10.5pt; }
table.grid { margin: 10pt 0; }
.watermark { position: fixed; top: 38%; left: 0; width: 100%; text-align: center; font-size: 120pt; color: rgba(160, 0, 0, .12); transform: rotate(-30deg); pointer-events: none; z-index: 10; }
footer.screen { margin-top: 24pt; font-size: 9pt; color: #666; text-align: center; }
@media print { footer.screen { display: none; } }
</style></head><body>${opts.draft ? '<div class="watermark">草稿</div>' : ''}${body}<footer class="screen">${escape(footerLabel(opts))}</footer></body></html>`;
}

/** Word and LibreOffice pick a Chinese font only when the runs say they are Chinese (w:lang w:eastAsia). */
const FONT = { eastAsia: 'Noto Serif CJK SC', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
// (the Western tag stays English: tagged zh-CN, LibreOffice breaks Latin words such as "www" anywhere)
const LANG = { value: 'en-US', eastAsia: 'zh-CN' };

function dataUriBytes(uri: string): { bytes: Buffer; type: 'png' | 'jpg' } | null {
  const m = /^data:image\/(png|jpeg);base64,(.*)$/.exec(uri);
  return m ? { bytes: Buffer.from(m[2], 'base64'), type: m[1] === 'png' ? 'png' : 'jpg' } : null;
}

export async function toDocx(blocks: DocBlock[], opts: RenderOptions): Promise<Buffer> {
  // docx is loaded by the first .docx asked for, not at start (issue 23 §1)
  const { AlignmentType, BorderStyle, Document, Footer, Header, ImageRun, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } = await import('docx');
  const run = (text: string, extra: Partial<Pick<IRunOptions, 'bold' | 'size' | 'color'>> = {}) => new TextRun({ text, font: FONT, language: LANG, size: extra.size ?? 22, bold: extra.bold, color: extra.color });
  const seal = !opts.draft && opts.sealDataUri ? dataUriBytes(opts.sealDataUri) : null;
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const noBorders = { top: none, bottom: none, left: none, right: none };
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const grid = { top: line, bottom: line, left: line, right: line };
  const children: (DocxParagraph | DocxTable)[] = [];
  let numbered = false;
  const number = () => {
    if (numbered) return;
    numbered = true;
    children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`合同编号：${opts.number}`, { size: 20 })] }));
  };
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(b.text, { bold: true, size: 40 })] }));
        number();
        break;
      case 'subtitle':
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 200, after: 120 }, keepNext: true, children: [run(b.text, { bold: true, size: 28 })] }));
        break;
      case 'attachment':
        children.push(new Paragraph({ keepNext: true, children: [run(`${b.number}：`, { bold: true })] }));
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 }, keepNext: true, children: [run(b.text, { bold: true, size: 28 })] }));
        number();
        break;
      case 'article':
        children.push(new Paragraph({ spacing: { before: 240, after: 80 }, keepNext: true, children: [run(`${b.number} ${b.text}`, { bold: true, size: 24 })] }));
        break;
      case 'clause':
      case 'item':
        children.push(new Paragraph({ indent: b.kind === 'item' && b.level !== 2 ? (b.level === 3 ? { left: 440 } : undefined) : { firstLine: 440 }, spacing: { line: 360 }, children: [run(`${b.number}${b.text}`, { bold: b.kind === 'item' && b.level === 1 })] }));
        break;
      case 'plain':
        children.push(new Paragraph({ spacing: { line: 360 }, children: [run(b.text)] }));
        break;
      case 'parties':
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: { ...noBorders, insideHorizontal: none, insideVertical: none },
            rows: b.parties.flatMap((p) =>
              p.rows.map(
                ([label, value], i) =>
                  new TableRow({
                    cantSplit: true,
                    children: [
                      new TableCell({ width: { size: 25, type: WidthType.PERCENTAGE }, borders: noBorders, children: [new Paragraph({ spacing: { before: i === 0 ? 160 : 0 }, children: [run(`${label}：`, { bold: i === 0, size: 21 })] })] }),
                      new TableCell({ width: { size: 75, type: WidthType.PERCENTAGE }, borders: noBorders, children: [new Paragraph({ spacing: { before: i === 0 ? 160 : 0 }, children: [run(value, { bold: i === 0, size: 21 })] })] }),
                    ],
                  }),
              ),
            ),
          }),
        );
        break;
      case 'signatures': {
        // one row, two cells, the row kept whole (cantSplit) so the block is never cut across pages
        const cell = (s: { role: string; name: string }) =>
          new TableCell({
            width: { size: 50, type: WidthType.PERCENTAGE },
            borders: noBorders,
            verticalAlign: VerticalAlign.TOP,
            children: [
              new Paragraph({ keepNext: true, keepLines: true, children: [run(`${s.role}（盖章）：${s.name}`)] }),
              new Paragraph({
                keepNext: true,
                spacing: { before: 120, after: 120 },
                children: s.role === '乙方' && seal ? [new ImageRun({ type: seal.type, data: seal.bytes, transformation: { width: 140, height: 140 } })] : [run(' '), new TextRun({ text: '', break: 6 })],
              }),
              new Paragraph({ keepNext: true, children: [run('授权代表（签字）：')] }),
              new Paragraph({ children: [run(`日　期：${b.date}`)] }),
            ],
          });
        children.push(new Paragraph({ keepNext: true, spacing: { before: 240 }, children: [] }));
        children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: { ...noBorders, insideHorizontal: none, insideVertical: none }, rows: [new TableRow({ cantSplit: true, children: b.signers.map(cell) })] }));
        break;
      }
      case 'domainList': {
        const header = ['序号', '域名', 'ICP 备案号 / 许可证号', 'IP 地址', '备注'];
        const widths = [8, 30, 27, 20, 15];
        const row = (cells: string[], bold = false) =>
          new TableRow({ cantSplit: true, tableHeader: bold, children: cells.map((c, i) => new TableCell({ width: { size: widths[i], type: WidthType.PERCENTAGE }, borders: grid, children: [new Paragraph({ spacing: { before: 60, after: 60 }, children: [run(c, { bold, size: 21 })] })] })) });
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              row(header, true),
              ...b.domains.map((d, i) => row([String(i + 1), d.domain, d.filingNumber ?? '', d.address ?? '', ''])),
              ...Array.from({ length: b.blankRows }, (_, i) => row([String(b.domains.length + i + 1), '', '', '', ''])),
            ],
          }),
        );
        break;
      }
      default:
        children.push(new Paragraph({ indent: { firstLine: 440 }, spacing: { line: 360 }, children: [run(b.text)] }));
    }
  }
  const footerRun = (text: string) => new TextRun({ text, size: 16, font: FONT, language: LANG });
  const doc = new Document({
    creator: 'rackpact',
    title: opts.number,
    styles: { default: { document: { run: { font: FONT, language: LANG, size: 22 } } } },
    sections: [
      {
        properties: {},
        headers: opts.draft ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run('草稿 — 未经签署，不具效力', { bold: true, size: 28, color: 'A00000' })] })] }) } : undefined,
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [footerRun(`${footerLabel({ number: opts.number, draft: opts.draft })}　第 `), new TextRun({ children: [PageNumber.CURRENT], size: 16, font: FONT, language: LANG }), footerRun(' 页 共 '), new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, font: FONT, language: LANG }), footerRun(' 页')],
              }),
              ...(opts.fingerprint ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [footerRun(`SHA-256: ${opts.fingerprint}`)] })] : []),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
