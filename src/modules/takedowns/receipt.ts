/**
 * The completion receipt (处置完成回执) the provider returns to the issuing authority: the order, what
 * was done, when the gate closed the names and how that was checked, under the provider's seal.
 */
import { formatShanghaiMinute } from '../../rules/index.js';
import type { TakedownCheck } from './takedowns.schema.js';
import type { TakedownProofRow, TakedownRow, TakedownTargetRow } from './takedowns.repository.js';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export const ACTION_NAMES: Record<string, string> = {
  block_domain: '封堵域名',
  block_ip: '封堵 IP 地址',
  suspend_server: '暂停服务器接入',
  preserve_evidence: '保全证据',
};
const TARGET_NAMES: Record<string, string> = { domain: '域名', ip: 'IP 地址', server: '服务器' };

/** How long the block took, in words: '1 小时 5 分 3 秒'. */
export function durationWords(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h ? `${h} 小时` : '', h || m ? `${m} 分` : '', `${s} 秒`].filter(Boolean).join(' ');
}

const checkLine = (c: TakedownCheck) =>
  `${escape(c.name)}　${c.protocol === 'http' ? 'HTTP' : 'TLS (SNI)'}：${c.result === 'blocked' ? '已阻断' : c.result === 'open' ? '仍可访问' : '检测失败'}（${escape(c.detail)}，${escape(formatShanghaiMinute(new Date(c.at)))}）`;

export function receiptHtml(o: TakedownRow, targets: TakedownTargetRow[], proof: TakedownProofRow, opts: { providerName: string; customerName: string; sealDataUri: string | null; issuedAt: Date }): string {
  const rows: [string, string][] = [
    ['来文机关', o.issuer],
    ['文号', o.documentNumber],
    ['收文时间', formatShanghaiMinute(o.receivedAt)],
    ['处置期限', formatShanghaiMinute(o.deadlineAt)],
    ['涉及客户', opts.customerName],
    ['处置对象', targets.map((t) => `${TARGET_NAMES[t.kind]} ${t.value}`).join('；')],
    ['处置要求', o.actions.map((a) => ACTION_NAMES[a] ?? a).join('、')],
    ['登记时间', formatShanghaiMinute(o.registeredAt)],
    ['阻断生效时间', formatShanghaiMinute(proof.blockedAt)],
    ['自登记至阻断', durationWords(proof.secondsToBlock)],
    ['自收文至阻断', durationWords(Math.max(0, Math.round((proof.blockedAt.getTime() - o.receivedAt.getTime()) / 1000)))],
    ['接入网关版本（SHA-256）', proof.gateFingerprint],
  ];
  const table = rows.map(([k, v]) => `<tr><th>${escape(k)}</th><td>${escape(v)}</td></tr>`).join('');
  const checks = proof.checks.map((c) => `<li>${checkLine(c)}</li>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(o.number)} 处置完成回执</title><style>
body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 11pt; line-height: 1.75; }
h1 { text-align: center; font-size: 18pt; letter-spacing: 4pt; }
.number { text-align: right; font-size: 10pt; }
table { width: 100%; border-collapse: collapse; margin: 12pt 0; }
th, td { border: 1px solid #333; padding: 4pt 8pt; text-align: left; vertical-align: top; word-break: break-all; }
th { width: 28%; font-weight: bold; background: #f4f4f4; }
.issuer { margin-top: 28pt; margin-left: 50%; position: relative; }
.seal { position: absolute; left: 10mm; top: -14mm; height: 38mm; opacity: .8; mix-blend-mode: multiply; }
</style></head><body>
<h1>违法违规网站处置完成回执</h1><p class="number">处置编号：${escape(o.number)}</p>
<p>${escape(o.issuer)}：</p>
<p>贵单位《${escape(o.documentNumber)}》收悉。我单位已按要求完成处置，情况如下：</p>
<table>${table}</table>
<p>阻断检测（经接入网关实测）：</p><ul>${checks}</ul>
<p>我单位已依据《服务器托管协议》第 5.4、5.6、5.8 条及第 6.3、6.8 条书面通知该客户。相关记录与证据已保全。</p>
<div class="issuer">报告单位（盖章）：${escape(opts.providerName)}${opts.sealDataUri ? `<img class="seal" src="${opts.sealDataUri}" alt="">` : ''}<br>日期：${escape(formatShanghaiMinute(opts.issuedAt))}</div>
</body></html>`;
}
