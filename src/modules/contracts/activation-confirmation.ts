import { createHash } from 'node:crypto';
import { formatChineseDate, type CalendarDate } from '../../rules/index.js';
import type { DocBlock } from './contract-document.js';

/**
 * Issue 19 §3: the 开通确认单 (service activation confirmation) — the particulars known only at racking
 * (cabinet, U range, addresses, 开通日), issued and sealed by the provider as a document of its own, so
 * the contract the customer signed is never rewritten.
 */
export interface ActivationFacts {
  sequence: number;
  contractNumber: string;
  customerName: string;
  providerName: string;
  serverLabel: string;
  cabinet: string;
  lowestU: number;
  highestU: number;
  faces: string;
  addresses: string[];
  activationDate: string; // 开通日
  termStart: string | null;
  termEnd: string | null;
}

/** SHA-256 of a document's words — what the footer prints as its fingerprint (the same text, the same fingerprint). */
export function textFingerprint(lines: readonly string[]): string {
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** The blocks' words, one line per paragraph, party row, signer and domain (the contract's fingerprint is taken over these). */
export function blockLines(blocks: readonly DocBlock[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.kind) {
      case 'parties':
        return b.parties.flatMap((p) => p.rows.map(([label, value]) => `${label}：${value}`));
      case 'signatures':
        return [...b.signers.map((s) => `${s.role}：${s.name}`), b.date];
      case 'domainList':
        return b.domains.map((d) => [d.domain, d.filingNumber ?? '', d.address ?? ''].join('　'));
      default:
        return [`${b.number ?? ''}${b.text}`];
    }
  });
}

const FACE = (faces: string) => (faces.includes('front') && faces.includes('rear') ? '前后' : faces.includes('rear') ? '后' : '前');

/** The confirmation's rows, label and value, in the order printed. */
export function activationRows(f: ActivationFacts): [string, string][] {
  return [
    ['合同编号', f.contractNumber],
    ['甲方（客户）', f.customerName],
    ['乙方（服务商）', f.providerName],
    ['服务器', f.serverLabel],
    ['机柜', f.cabinet],
    ['U 位', `U${f.lowestU}–U${f.highestU}（${FACE(f.faces)}）`],
    ['IP 地址', f.addresses.length ? f.addresses.join('、') : '未分配'],
    ['开通日', formatChineseDate(f.activationDate as CalendarDate)],
    ['服务期限', f.termStart && f.termEnd ? `起 ${formatChineseDate(f.termStart as CalendarDate)} 至 ${formatChineseDate(f.termEnd as CalendarDate)}` : '依合同约定'],
  ];
}

const TITLE = '服务开通确认单';
const NOTE = '乙方确认上述服务器已按《服务器托管协议》上架开通，开通日即服务期限起算日（第七条 7.1）。本确认单为合同的履行记录，不变更合同条款。';

export function activationLines(f: ActivationFacts): string[] {
  return [TITLE, ...activationRows(f).map(([k, v]) => `${k}：${v}`), NOTE];
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function activationHtml(f: ActivationFacts, opts: { sealDataUri: string | null; fingerprint: string }): string {
  const rows = activationRows(f)
    .map(([k, v]) => `<tr><th>${escape(k)}</th><td>${escape(v)}</td></tr>`)
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(f.contractNumber)} ${TITLE}</title><style>
body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 11pt; line-height: 1.75; }
h1 { text-align: center; font-size: 18pt; letter-spacing: 4pt; }
.number { text-align: right; font-size: 10pt; }
table { width: 100%; border-collapse: collapse; margin: 12pt 0; }
th, td { border: 1px solid #333; padding: 4pt 8pt; text-align: left; vertical-align: top; }
th { width: 28%; font-weight: bold; background: #f4f4f4; }
.issuer { margin-top: 28pt; margin-left: 50%; position: relative; }
.seal { position: absolute; left: 10mm; top: -14mm; height: 38mm; opacity: .8; mix-blend-mode: multiply; }
.fingerprint { margin-top: 24pt; font-size: 8pt; color: #555; word-break: break-all; }
</style></head><body>
<h1>${TITLE}</h1><p class="number">合同编号：${escape(f.contractNumber)}　第 ${f.sequence} 号</p>
<table>${rows}</table>
<p>${NOTE}</p>
<div class="issuer">乙方（盖章）：${escape(f.providerName)}${opts.sealDataUri ? `<img class="seal" src="${opts.sealDataUri}" alt="">` : ''}<br>日期：${formatChineseDate(f.activationDate as CalendarDate)}</div>
<p class="fingerprint">文本指纹（SHA-256）：${opts.fingerprint}</p>
</body></html>`;
}

/** The .docx of the confirmation; `sealPng` (the provider's seal, when it is a PNG) is set beside the issuer's line. */
export async function activationDocx(f: ActivationFacts, opts: { fingerprint: string; sealPng?: Buffer | null }): Promise<Buffer> {
  const { AlignmentType, Document, Footer, ImageRun, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await import('docx'); // loaded by the first .docx (issue 23 §1)
  const font = { eastAsia: 'SimSun', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
  const run = (text: string, extra: { bold?: boolean; size?: number } = {}) => new TextRun({ text, font, size: extra.size ?? 22, bold: extra.bold, language: { eastAsia: 'zh-CN' } });
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [run(text, { bold })] })] });
  const doc = new Document({
    creator: 'rackpact',
    title: `${f.contractNumber} ${TITLE}`,
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${f.contractNumber} 第 `, PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'], size: 18, font })] }),
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `文本指纹（SHA-256）：${opts.fingerprint}`, size: 14, font })] }),
            ],
          }),
        },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(TITLE, { bold: true, size: 36 })] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`合同编号：${f.contractNumber}　第 ${f.sequence} 号`, { size: 20 })] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: activationRows(f).map(([k, v]) => new TableRow({ children: [cell(k, true), cell(v)] })) }),
          new Paragraph({ spacing: { before: 200 }, children: [run(NOTE)] }),
          new Paragraph({
            spacing: { before: 400 },
            indent: { left: 4400 },
            children: [run(`乙方（盖章）：${f.providerName}`), ...(opts.sealPng ? [new ImageRun({ type: 'png', data: opts.sealPng, transformation: { width: 110, height: 110 } })] : [])],
          }),
          new Paragraph({ indent: { left: 4400 }, children: [run(`日期：${formatChineseDate(f.activationDate as CalendarDate)}`)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
