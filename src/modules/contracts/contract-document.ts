import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { formatChineseDate, formatYuan, term, toCapital, type CalendarDate, type Fen } from '../../rules/index.js';
import { COLOCATION_V1, type TemplateBlock } from './templates/colocation-v1.js';

/** Everything a contract document says, gathered by the service from the modules that own it. */
export interface ContractFacts {
  number: string;
  customerName: string;
  providerName: string;
  accessPoint: string;
  servers: { brand: string; model: string; serialNumber: string; heightU: number; cabinet: string | null }[];
  ips: string[];
  termMonths: number;
  termStart: string | null;
  termEnd: string | null;
  annualFeeFen: number;
  signingDate: string | null;
  signingPlace: string;
}

const BLANK = '　　　　';

/** The template's {{fields}} filled from the facts; amounts in figures and 大写, dates as the agreement writes them. */
export function fillTemplate(facts: ContractFacts, template: readonly TemplateBlock[] = COLOCATION_V1): TemplateBlock[] {
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
    feeFigures: formatYuan(facts.annualFeeFen as Fen),
    feeCapital: toCapital(facts.annualFeeFen as Fen),
    ipList: facts.ips.length ? facts.ips.join('、') : '开通时分配',
    signingDate: facts.signingDate ? formatChineseDate(facts.signingDate as CalendarDate) : `${BLANK}年${BLANK}月${BLANK}日`,
    signingPlace: facts.signingPlace,
  };
  return template.map((b) => ({ ...b, text: b.text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => fields[k] ?? BLANK) }));
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * draft (doc-versions, issue 19 §3): watermarked 草稿 on every page, and never a seal; fingerprint: the
 * SHA-256 of the filled text, printed at the end (and, by the PDF printer, in every page's footer).
 */
export function toHtml(blocks: TemplateBlock[], opts: { number: string; sealDataUri?: string | null; draft?: boolean; fingerprint?: string }): string {
  const sealDataUri = opts.draft ? null : opts.sealDataUri;
  const body = blocks
    .map((b) => {
      const t = escape(b.text);
      switch (b.kind) {
        case 'title':
          return `<h1>${t}</h1><p class="number">合同编号：${escape(opts.number)}</p>`;
        case 'subtitle':
          return `<h2 class="sub">${t}</h2>`;
        case 'heading':
          return `<h3>${t}</h3>`;
        case 'attachment':
          return `<p class="attachment">${t}</p>`;
        case 'attachmentTitle':
          return `<h2>${t}</h2>`;
        case 'party':
          return `<p class="party">${t}${sealDataUri && t.startsWith('乙方（盖章）') ? `<img class="seal" src="${sealDataUri}" alt="">` : ''}</p>`;
        case 'sign':
          return `<p class="sign">${t}</p>`;
        default:
          return `<p>${t}</p>`;
      }
    })
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(opts.number)}</title><style>
body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 11pt; line-height: 1.75; }
h1 { text-align: center; font-size: 20pt; letter-spacing: 4pt; margin-bottom: 4pt; }
.number { text-align: right; font-size: 10pt; }
h2 { text-align: center; font-size: 14pt; } h2.sub { letter-spacing: 8pt; }
h3 { font-size: 12pt; margin: 12pt 0 4pt; }
p { text-indent: 2em; margin: 2pt 0; } p.party, p.sign { text-indent: 0; } p.party { font-weight: bold; margin-top: 10pt; }
p.attachment { text-indent: 0; break-before: page; font-weight: bold; }
.seal { height: 38mm; vertical-align: middle; margin-left: 8mm; opacity: .85; }
.watermark { position: fixed; top: 38%; left: 0; right: 0; text-align: center; font-size: 120pt; color: rgba(200, 0, 0, .12); transform: rotate(-30deg); pointer-events: none; z-index: 10; }
p.fingerprint { text-indent: 0; margin-top: 16pt; font-size: 8pt; color: #555; word-break: break-all; }
</style></head><body>${opts.draft ? '<div class="watermark">草稿</div>' : ''}${body}${opts.fingerprint ? `<p class="fingerprint">文本指纹（SHA-256）：${escape(opts.fingerprint)}</p>` : ''}</body></html>`;
}

export async function toDocx(blocks: TemplateBlock[], opts: { number: string; draft?: boolean; fingerprint?: string }): Promise<Buffer> {
  const font = { eastAsia: 'SimSun', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
  const run = (text: string, extra: { bold?: boolean; size?: number } = {}) => new TextRun({ text, font, size: extra.size ?? 22, bold: extra.bold });
  const children: Paragraph[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(b.text, { bold: true, size: 40 })] }));
        children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`合同编号：${opts.number}`, { size: 20 })] }));
        break;
      case 'subtitle':
      case 'attachmentTitle':
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 200, after: 120 }, children: [run(b.text, { bold: true, size: 28 })] }));
        break;
      case 'heading':
        children.push(new Paragraph({ spacing: { before: 240, after: 80 }, children: [run(b.text, { bold: true, size: 24 })] }));
        break;
      case 'attachment':
        children.push(new Paragraph({ pageBreakBefore: true, children: [run(b.text, { bold: true })] }));
        break;
      case 'party':
        children.push(new Paragraph({ spacing: { before: 200 }, children: [run(b.text, { bold: true })] }));
        break;
      case 'sign':
        children.push(new Paragraph({ children: [run(b.text)] }));
        break;
      default:
        children.push(new Paragraph({ indent: { firstLine: 440 }, spacing: { line: 360 }, children: [run(b.text)] }));
    }
  }
  const doc = new Document({
    creator: 'rackpact',
    title: opts.number,
    sections: [
      {
        properties: {},
        footers: {
          default: new Footer({
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${opts.draft ? '草稿 ' : ''}${opts.number} 第 `, PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'], size: 18, font })] }),
              ...(opts.fingerprint ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `文本指纹（SHA-256）：${opts.fingerprint}`, size: 14, font })] })] : []),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The agreement and its two attachments are separate documents, each signed on its own (附件). */
/** 附件一 (入网安全责任书) and 附件二 (IDC用户承诺书), each signed on its own scan. */
export const ATTACHMENT_PARTS = ['security-letter', 'user-undertaking'] as const;
export type AttachmentPart = (typeof ATTACHMENT_PARTS)[number];
export const DOCUMENT_PARTS = ['contract', ...ATTACHMENT_PARTS] as const;
/** The formats a contract document is printed in. */
export const DOCUMENT_FORMATS = ['pdf', 'docx', 'html'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export type DocumentPart = (typeof DOCUMENT_PARTS)[number];
export const PART_TITLES: Record<DocumentPart, string> = { contract: '服务器托管协议', 'security-letter': '附件一-入网安全责任书', 'user-undertaking': '附件二-IDC用户承诺书' };

/**
 * One part of the filled template: the agreement up to its first attachment, or attachment one or
 * two (from its 附件 heading to the next). An attachment printed alone starts without a page break.
 */
export function documentPart(blocks: TemplateBlock[], part: DocumentPart): TemplateBlock[] {
  const starts = blocks.flatMap((b, i) => (b.kind === 'attachment' ? [i] : []));
  if (part === 'contract') return starts.length ? blocks.slice(0, starts[0]) : blocks;
  const n = part === 'security-letter' ? 0 : 1;
  if (starts[n] === undefined) return [];
  const slice = blocks.slice(starts[n], starts[n + 1] ?? blocks.length);
  return slice.map((b, i) => (i === 0 ? { ...b, kind: 'party' as const } : b));
}
