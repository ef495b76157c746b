import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repealedLawCitations } from '../../../rules/index.js';
import { COLOCATION_2026, COLOCATION_2026_SUBSTITUTIONS } from './colocation-2026.js';
import { COLOCATION_V1 } from './colocation-v1.js';
import { blocksToSource, chineseNumeral, clauseSegments, compareWithAgreement, fromChineseNumeral, parseTemplate, templateLines } from './template-tree.js';

// the agreement as the provider gave it (a copy of shared/contract/colocation-agreement.zh.txt, PDF line breaks and all)
const AGREEMENT = readFileSync(new URL('./colocation-agreement.zh.txt', import.meta.url), 'utf8');

describe('the shipped template (colocation-2026) against the agreement', () => {
  it('parses without a numbering or reference error and cites no repealed law', () => {
    const { tree, errors } = parseTemplate(COLOCATION_2026);
    expect(errors).toEqual([]);
    expect(tree.nodes.filter((n) => n.kind === 'article').map((n) => n.number)).toEqual(Array.from({ length: 13 }, (_, i) => `第${chineseNumeral(i + 1)}条`));
    expect(tree.nodes.filter((n) => n.kind === 'attachment').map((n) => `${n.number}${n.text}`)).toEqual(['附件一入网安全责任书', '附件二IDC 用户承诺书']);
    expect(repealedLawCitations(COLOCATION_2026.split('\n'))).toEqual([]);
  });

  it('has every clause of the agreement with its words in order; the only differences are the documented substitutions', () => {
    const differences = compareWithAgreement(AGREEMENT, COLOCATION_2026, COLOCATION_2026_SUBSTITUTIONS);
    // listed in full when this fails, so an editor sees each one
    expect(differences).toEqual([]);
    // the comparison covers each clause: 序言, 13 articles, their clauses and both attachments
    const keys = clauseSegments(AGREEMENT.split('\n')).map((s) => s.key);
    expect(keys).toEqual(expect.arrayContaining(['序言', '第一条', '2.1', '5.10', '5.11', '6.8', '7.3', '第十三条', '附件一', '附件二']));
    expect(keys).toHaveLength(1 + 13 + 1 + 1 + 2 + 11 + 8 + 3 + 2);
  });

  it('finds a changed word, a dropped clause and a stale substitution', () => {
    const changed = COLOCATION_2026.replace('7.2在托管服务期限内', '7.2在托管服务期间内');
    expect(compareWithAgreement(AGREEMENT, changed, COLOCATION_2026_SUBSTITUTIONS)).toEqual([{ clause: '7.2', agreement: '在托管服务期限内，因乙方责', template: '在托管服务期间内，因乙方责' }]);
    const dropped = COLOCATION_2026.replace(/^6\.7.*\n/m, '').replace(/^6\.8/m, '6.7');
    expect(compareWithAgreement(AGREEMENT, dropped, COLOCATION_2026_SUBSTITUTIONS).map((d) => d.clause)).toContain('6.8');
    // documenting a substitution the agreement's words do not call for is itself a difference
    const stale = [...COLOCATION_2026_SUBSTITUTIONS, { clause: '第九条', agreement: '电报', template: '电子邮件' }];
    expect(compareWithAgreement(AGREEMENT, COLOCATION_2026, stale)).toEqual([{ clause: '第九条', agreement: '(substitution not found) 电报', template: '电子邮件' }]);
    // and an undocumented one is listed with its words
    const undocumented = COLOCATION_2026.replace('以邮件或图文传真的方式', '以邮件或电子邮件的方式');
    expect(compareWithAgreement(AGREEMENT, undocumented, COLOCATION_2026_SUBSTITUTIONS)).toEqual([{ clause: '第九条', agreement: '地址以邮件或图文传真的方式发送。', template: '地址以邮件或电子邮件的方式发送。' }]);
  });

  it('writes references from the tree: 6.8 and 7.3 cite 第五条 5.3–5.7 and 7.2 in one paragraph', () => {
    const lines = templateLines(COLOCATION_2026);
    expect(lines.find((l) => l.startsWith('6.8'))).toContain('本协议第五条 5.3、5.4、5.5、5.6、5.7等条款而终止服务器运行的权利');
    expect(lines.find((l) => l.startsWith('7.3'))).toContain('中断补偿的办法按 7.2 条款执行');
    expect(lines.find((l) => l.startsWith('5.10'))).toContain('甲方的营业执照副本');
  });
});

describe('template-tree', () => {
  it('counts in Chinese numerals both ways', () => {
    for (const n of [1, 9, 10, 11, 13, 20, 21, 99]) expect(fromChineseNumeral(chineseNumeral(n))).toBe(n);
    expect(chineseNumeral(13)).toBe('十三');
    expect(fromChineseNumeral('一十')).toBeNull();
  });

  it('refuses numbering out of sequence and references to clauses that do not exist', () => {
    const { errors } = parseTemplate('# T\n第一条 甲\n1.1一\n1.3三\n第三条 丙\n3.1见{{ref:1.2}}与{{ref:2}}\n附件一：甲\n一、x\n二、y\n1、a\n3、c');
    expect(errors.map((e) => e.line).sort((a, b) => a - b)).toEqual([4, 5, 6, 6, 11]);
  });

  it('reads a flat-block template (colocation-v1) as structured text: the same clauses, parties and signature blocks', () => {
    const { tree, errors } = parseTemplate(blocksToSource(COLOCATION_V1));
    expect(errors).toEqual([]);
    expect(tree.nodes.filter((n) => n.kind === 'parties')).toHaveLength(1);
    expect(tree.nodes.filter((n) => n.kind === 'signatures')).toHaveLength(1);
    expect(tree.nodes.filter((n) => n.kind === 'attachment').map((n) => n.number)).toEqual(['附件一', '附件二']);
    expect(tree.nodes.filter((n) => n.kind === 'clause')).toHaveLength(parseTemplate(COLOCATION_2026).tree.nodes.filter((n) => n.kind === 'clause').length);
  });
});
