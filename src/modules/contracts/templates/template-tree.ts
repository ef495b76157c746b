// The contract template as structured text (issue 19): one paragraph per line, the agreement's own
// numbering as the marks. The source agreement came out of a PDF with hard line breaks; a template
// carries paragraphs, and a printer decides where lines wrap. References to other clauses are
// written {{ref:5.3}} / {{ref:5}} and rendered from the tree, so "第五条 5.3、5.4…" is generated text
// that no editor can break or mistype.
//
// Marks, each at the start of a line:
//   # 服务器托管协议            the document title
//   ## 协 议 正 文              a centred sub-title
//   第一条 托管服务及其范围      an article (第N条), its number in Chinese numerals, in sequence
//   5.3甲方有权…                a clause (N.M), N the current article's number, M in sequence
//   一、信息安全                a sub-item, level 1 (一、二、…)
//   1、不得利用…               a sub-item, level 2 (1、2、…)
//   1）反对宪法…               a sub-item, level 3 (1）2）…)
//   附件一：入网安全责任书      an attachment section: its label and its title
//   > 附件：《入网安全责任书》   a paragraph without first-line indent (lists, salutations, signature lines)
//   [[parties]]                 the parties block (甲方/乙方 particulars), filled from the contract's facts
//   [[signatures]]              the signature block (seal area, signatory, date for each party)
//   // …                        a comment; blank lines are ignored
// Anything else is an indented body paragraph. Blanks for the particulars are {{fieldName}}.
import type { TemplateBlock } from './colocation-v1.js';

export type TreeNodeKind = 'title' | 'subtitle' | 'article' | 'clause' | 'item' | 'attachment' | 'para' | 'plain' | 'parties' | 'signatures';

export interface TreeNode {
  kind: TreeNodeKind;
  /** the number as printed: '第五条', '5.3', '一、', '1、', '1）', '附件一' */
  number?: string;
  /** 1–3 for sub-items */
  level?: number;
  /** the text after the number (a title for articles and attachments); may hold {{fields}} and {{ref:…}} */
  text: string;
  /** 1-based source line, for error messages */
  line: number;
}

export interface TemplateTree {
  nodes: TreeNode[];
  /** articles by their arabic number ('5' → '第五条') and clauses by theirs ('5.3') */
  anchors: Map<string, string>;
}

export interface TreeError {
  line: number;
  message: string;
}

const CN_DIGITS = '零一二三四五六七八九';

/** 1–99 in Chinese numerals as articles are numbered: 一 … 十 … 十三 … 二十一. */
export function chineseNumeral(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) throw new RangeError(`chineseNumeral(${n})`);
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

export function fromChineseNumeral(s: string): number | null {
  for (let n = 1; n <= 99; n++) if (chineseNumeral(n) === s) return n;
  return null;
}

const ARTICLE = /^第([一二三四五六七八九十]+)条\s*(.*)$/;
const CLAUSE = /^(\d+)\.(\d+)(?!\d)\s*(.*)$/;
const ITEM1 = /^([一二三四五六七八九十]+)、\s*(.*)$/;
const ITEM2 = /^(\d+)、\s*(.*)$/;
const ITEM3 = /^(\d+)）\s*(.*)$/;
const ATTACHMENT = /^附件([一二三四五六七八九十]+)：\s*(.*)$/;

/**
 * Reads one line as a node (no numbering checks): the same rule reads the template source and, in
 * the comparison test, the agreement's own lines.
 */
export function readLine(raw: string, line: number): TreeNode | null {
  const s = raw.trim();
  if (!s || s.startsWith('//')) return null;
  if (s === '[[parties]]') return { kind: 'parties', text: '', line };
  if (s === '[[signatures]]') return { kind: 'signatures', text: '', line };
  if (s.startsWith('## ')) return { kind: 'subtitle', text: s.slice(3).trim(), line };
  if (s.startsWith('# ')) return { kind: 'title', text: s.slice(2).trim(), line };
  // a plain line keeps its leading full-width spaces (the attachment list's hanging indent)
  if (s.startsWith('> ')) return { kind: 'plain', text: s.slice(2).replace(/^[ \t]+/, ''), line };
  let m = ATTACHMENT.exec(s);
  if (m) return { kind: 'attachment', number: `附件${m[1]}`, text: m[2], line };
  m = ARTICLE.exec(s);
  if (m) return { kind: 'article', number: `第${m[1]}条`, text: m[2], line };
  m = CLAUSE.exec(s);
  if (m) return { kind: 'clause', number: `${m[1]}.${m[2]}`, text: m[3], line };
  m = ITEM1.exec(s);
  if (m) return { kind: 'item', level: 1, number: `${m[1]}、`, text: m[2], line };
  m = ITEM2.exec(s);
  if (m) return { kind: 'item', level: 2, number: `${m[1]}、`, text: m[2], line };
  m = ITEM3.exec(s);
  if (m) return { kind: 'item', level: 3, number: `${m[1]}）`, text: m[2], line };
  return { kind: 'para', text: s, line };
}

/**
 * The source read into a tree, with every numbering and reference checked: articles 第一条, 第二条 …
 * in order; clauses N.1, N.2 … under article N; sub-items counting from one under their parent;
 * attachments 附件一, 附件二 …; {{ref:…}} naming an article or clause that exists.
 */
export function parseTemplate(source: string): { tree: TemplateTree; errors: TreeError[] } {
  const nodes: TreeNode[] = [];
  const errors: TreeError[] = [];
  const anchors = new Map<string, string>();
  let article = 0;
  let clause = 0;
  let attachment = 0;
  const items = [0, 0, 0, 0];
  source.split(/\r?\n/).forEach((raw, i) => {
    const node = readLine(raw, i + 1);
    if (!node) return;
    nodes.push(node);
    if (node.kind === 'article') {
      const n = fromChineseNumeral(node.number!.slice(1, -1));
      if (n !== article + 1) errors.push({ line: node.line, message: `expected 第${chineseNumeral(article + 1)}条, found ${node.number}` });
      article = n ?? article + 1;
      clause = 0;
      items.fill(0);
      anchors.set(String(article), node.number!);
    } else if (node.kind === 'clause') {
      const [a, c] = node.number!.split('.').map(Number);
      if (a !== article || c !== clause + 1) errors.push({ line: node.line, message: `expected ${article}.${clause + 1}, found ${node.number}` });
      clause = c;
      items.fill(0);
      anchors.set(node.number!, node.number!);
    } else if (node.kind === 'attachment') {
      const n = fromChineseNumeral(node.number!.slice(2));
      if (n !== attachment + 1) errors.push({ line: node.line, message: `expected 附件${chineseNumeral(attachment + 1)}, found ${node.number}` });
      attachment = n ?? attachment + 1;
      items.fill(0);
    } else if (node.kind === 'item') {
      const level = node.level!;
      const digits = node.number!.slice(0, -1);
      const n = level === 1 ? fromChineseNumeral(digits) : Number(digits);
      if (n !== items[level] + 1) errors.push({ line: node.line, message: `expected item ${items[level] + 1} at level ${level}, found ${node.number}` });
      items[level] = n ?? items[level] + 1;
      for (let l = level + 1; l < items.length; l++) items[l] = 0;
    }
  });
  for (const node of nodes) {
    for (const m of node.text.matchAll(/\{\{ref:([\d.]+)\}\}/g)) if (!anchors.has(m[1])) errors.push({ line: node.line, message: `{{ref:${m[1]}}} names no article or clause` });
  }
  return { tree: { nodes, anchors }, errors };
}

/** A node's text with its references written out from the tree ({{ref:5}} → 第五条, {{ref:5.3}} → 5.3). */
export function resolveRefs(tree: TemplateTree, text: string): string {
  return text.replace(/\{\{ref:([\d.]+)\}\}/g, (whole, key: string) => tree.anchors.get(key) ?? whole);
}

/** The node as one line of text, number and words, as the agreement prints it. */
export function nodeText(tree: TemplateTree, node: TreeNode): string {
  const text = resolveRefs(tree, node.text);
  switch (node.kind) {
    case 'article':
      return `${node.number} ${text}`;
    case 'attachment':
      return `${node.number}：${text}`;
    case 'clause':
    case 'item':
      return `${node.number}${text}`;
    case 'parties':
      return '[[parties]]';
    case 'signatures':
      return '[[signatures]]';
    default:
      return text;
  }
}

/**
 * A template stored as flat blocks (colocation-v1 and the versions admins added before issue 19)
 * written as structured text, so every template renders through one tree. The 甲方/乙方 lines before
 * the first article become the parties block, the 甲方（盖章）… lines closing the agreement the
 * signature block; headings and paragraphs keep their words.
 */
export function blocksToSource(blocks: readonly TemplateBlock[]): string {
  const out: string[] = [];
  let seenArticle = false;
  let inAttachment = false;
  let partiesDone = false;
  let signaturesDone = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const text = b.text.replace(/\s*\n\s*/g, '');
    switch (b.kind) {
      case 'title':
        out.push(`# ${text}`);
        break;
      case 'subtitle':
      case 'attachmentTitle':
        out.push(`## ${text}`);
        break;
      case 'attachment': {
        inAttachment = true;
        const next = blocks[i + 1];
        const label = text.replace(/[：:]\s*$/, '');
        if (/^附件[一二三四五六七八九十]+$/.test(label) && next?.kind === 'attachmentTitle') {
          out.push(`${label}：${next.text}`);
          i += 1;
        } else out.push(`> ${text}`);
        break;
      }
      case 'heading':
        if (ARTICLE.test(text)) seenArticle = true;
        out.push(ARTICLE.test(text) ? text : `## ${text}`);
        break;
      case 'party':
        if (!seenArticle && !inAttachment) {
          if (!partiesDone) out.push('[[parties]]');
          partiesDone = true;
        } else if (!inAttachment) {
          if (!signaturesDone) out.push('[[signatures]]');
          signaturesDone = true;
        } else out.push(`> ${text}`);
        break;
      case 'sign':
        if (seenArticle && !inAttachment && signaturesDone) break; // part of the signature block
        out.push(`> ${text}`);
        break;
      default: {
        // colocation-v1 kept some of the PDF's broken lines as blocks of their own ("6.8…违反本协议" /
        // "第五条" / "5.3、" …): a paragraph that follows a clause or paragraph left unfinished (no closing
        // punctuation) continues it
        const prev = out.length ? readLine(out[out.length - 1], 0) : null;
        const unfinished = prev && (prev.kind === 'clause' || prev.kind === 'para') && !/[。；：！？”]$/.test(out[out.length - 1]) && !text.startsWith('《');
        if (unfinished) out[out.length - 1] += text;
        else out.push(text);
      }
    }
  }
  return out.join('\n');
}

/** Text compared without whitespace: the agreement's PDF line breaks and spacing carry no words. */
export const normalise = (s: string) => s.replace(/\s+/g, '');

/**
 * Lines cut into clauses — 序言 (before 第一条), each article's own text (第N条), each clause (N.M),
 * each attachment (附件N) — keyed by number, each clause's text whitespace-free. A line starting
 * with a mark begins a new clause when the mark is an article, clause or attachment; any other line
 * (sub-items included) continues the clause before it. The same reading serves the agreement's
 * hard-broken lines and the template's paragraphs.
 */
export function clauseSegments(lines: readonly string[]): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [{ key: '序言', text: '' }];
  for (const line of lines) {
    const node = readLine(line, 0);
    if (!node) continue;
    if (node.kind === 'article' || node.kind === 'clause' || node.kind === 'attachment') out.push({ key: node.number!, text: '' });
    out[out.length - 1].text += normalise(line.replace(/^\s*(#+|>)\s/, ''));
  }
  return out.filter((s) => s.key !== '序言' || s.text);
}

/** The template's paragraphs as lines of text, references written out from the tree, marks as the agreement prints them. */
export function templateLines(source: string): string[] {
  const { tree } = parseTemplate(source);
  return tree.nodes.map((n) => nodeText(tree, n));
}

export interface ClauseDifference {
  clause: string;
  agreement: string;
  template: string;
}

/**
 * The template against the agreement clause by clause, whitespace removed: each documented
 * substitution of a clause applied to the agreement's text first; every remaining difference is
 * listed (the differing stretch with a few characters either side), and so is a clause one side
 * lacks and a substitution whose words the agreement does not have.
 */
export function compareWithAgreement(agreement: string, source: string, substitutions: readonly { clause: string; agreement: string; template: string }[]): ClauseDifference[] {
  const theirs = clauseSegments(agreement.split(/\r?\n/));
  const ours = clauseSegments(templateLines(source));
  const diffs: ClauseDifference[] = [];
  const keysA = theirs.map((s) => s.key);
  const keysT = ours.map((s) => s.key);
  if (keysA.join('|') !== keysT.join('|')) {
    for (const k of keysA) if (!keysT.includes(k)) diffs.push({ clause: k, agreement: '(clause)', template: '(missing)' });
    for (const k of keysT) if (!keysA.includes(k)) diffs.push({ clause: k, agreement: '(missing)', template: '(clause)' });
    if (!diffs.length) diffs.push({ clause: '(order)', agreement: keysA.join(' '), template: keysT.join(' ') });
  }
  for (const seg of theirs) {
    const mine = ours.find((s) => s.key === seg.key);
    if (!mine) continue;
    let expected = seg.text;
    for (const sub of substitutions.filter((x) => x.clause === seg.key)) {
      const from = normalise(sub.agreement);
      if (!expected.includes(from)) diffs.push({ clause: seg.key, agreement: `(substitution not found) ${from}`, template: normalise(sub.template) });
      else expected = expected.replace(from, normalise(sub.template));
    }
    if (expected === mine.text) continue;
    let p = 0;
    while (p < expected.length && p < mine.text.length && expected[p] === mine.text[p]) p++;
    let q = 0;
    while (q < expected.length - p && q < mine.text.length - p && expected[expected.length - 1 - q] === mine.text[mine.text.length - 1 - q]) q++;
    const ctx = 6;
    diffs.push({ clause: seg.key, agreement: expected.slice(Math.max(0, p - ctx), expected.length - q + ctx), template: mine.text.slice(Math.max(0, p - ctx), mine.text.length - q + ctx) });
  }
  return diffs;
}
