/**
 * The evidence pack's summary (证据包摘要), in Chinese: one section per kind of fact, times in Beijing time
 * to the minute, amounts in yuan from fen by the rules core, codes as their Chinese names. Printed by the
 * document printer (Chromium with the Noto CJK fonts) like the contracts and the takedown receipt.
 */
import { formatShanghaiMinute, formatYuan, fen } from '../../rules/index.js';
import type { EvidenceFacts } from './evidence.service.js';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const KYC_KIND: Record<string, string> = { business_licence: '营业执照', legal_representative_id: '法定代表人身份证件', handler_id: '经办人身份证件' };
const ID_TYPE: Record<string, string> = { uscc: '统一社会信用代码', resident_id: '居民身份证', passport: '护照', hk_macau_permit: '港澳居民来往内地通行证', taiwan_permit: '台湾居民来往大陆通行证', other: '其他证件' };
const KYC_STATUS: Record<string, string> = { pending: '待审核', verified: '已核验', rejected: '已退回', superseded: '已替换' };
const CUSTOMER_STATUS: Record<string, string> = { prospect: '潜在客户', active: '在约', suspended: '暂停', former: '已终止' };
const ROSTER_ROLE: Record<string, string> = { legal_representative: '法定代表人', technical_lead: '技术负责人', network_admin: '网络管理', device_admin: '设备管理', server_admin: '服务器管理', contract_contact: '合同联系人' };
const SIDE: Record<string, string> = { customer: '甲方', provider: '乙方' };
const CONTRACT_STATUS: Record<string, string> = { draft: '草稿', sent: '待签署', signed: '已签署', active: '履行中', ended: '已到期终止', terminated_for_cause: '因违约终止', terminated_by_agreement: '协议终止' };
const INVOICE_STATUS: Record<string, string> = { unpaid: '未付款', partially_paid: '部分付款', paid: '已付清', overdue: '已逾期', void: '已作废' };
const SERVER_STATUS: Record<string, string> = { expected: '待上架', racked: '已上架', commissioning: '调试中', in_service: '运行中', suspended: '已暂停', removed: '已下架' };
const DOMAIN_STATUS: Record<string, string> = { submitted: '待核验', verified: '已核验', suspended: '已暂停', revoked: '已注销' };
const DOMAIN_USE: Record<string, string> = { commercial: '经营性（ICP 许可证）', non_commercial: '非经营性（ICP 备案）' };
const METHOD: Record<string, string> = { miit_lookup: '工信部备案系统查询', licence_original_seen: '查验许可证原件', authority_confirmation: '主管部门确认' };
const DOMAIN_ACTION: Record<string, string> = { add: '登记', edit: '变更', evidence: '提交备案材料', verify: '核验通过', reverify: '复核通过', suspend: '暂停', revoke: '注销', resubmit: '重新提交', submit: '提交' };
const SERVICE_KIND: Record<string, string> = { www: '网站（WWW）', email: '电子邮件', ftp: 'FTP', telnet: 'Telnet', database: '数据库' };
const DIRECTION: Record<string, string> = { provider_to_customer: '乙方致甲方', customer_to_provider: '甲方致乙方' };
const CHANNEL: Record<string, string> = { email: '邮件', post: '邮寄', fax: '传真', portal: '门户' };
const DELIVERY_STATUS: Record<string, string> = { pending: '待发送', sent: '已送达', failed: '发送失败', cancelled: '不适用' };
const RECEIVED_HOW: Record<string, string> = { email: '邮件', post: '邮寄', fax: '传真', in_person: '当面递交' };
const COMPLAINT_CATEGORY: Record<string, string> = { spam: '垃圾邮件', intrusion: '攻击/入侵', infringement: '侵权', pornography: '色情', gambling: '赌博', fraud: '诈骗/仿冒', network_instability: '影响网络稳定', unfiled_site: '未备案网站', prohibited_service: '违规经营（代理、转租等）', other: '其他' };
const COMPLAINT_STATUS: Record<string, string> = { open: '待处理', notified: '已通知整改', confirmed: '已认定违规', dismissed: '不予认定', resolved: '已整改' };
const VISIT_PURPOSE: Record<string, string> = { installation: '上架安装', maintenance: '维护', inspection: '巡检', removal: '下架搬出', emergency: '紧急' };
const VISIT_STATUS: Record<string, string> = { pending: '待审批', approved: '已批准', refused: '已拒绝' };
const MOVEMENT_DIRECTION: Record<string, string> = { in: '搬入', out: '搬出' };
const MOVEMENT_STATUS: Record<string, string> = { released: '已放行', completed: '已完成' };
const TAKEDOWN_STATUS: Record<string, string> = { registered: '已登记', executed: '已执行', lifted: '已解除' };
const TAKEDOWN_ACTION: Record<string, string> = { block_domain: '封堵域名', block_ip: '封堵 IP 地址', suspend_server: '暂停服务器接入', preserve_evidence: '保全证据' };
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'];
const TARGET: Record<string, string> = { domain: '域名', ip: 'IP 地址', server: '服务器' };

/** A code's Chinese name; a code the table does not know is shown as 其他 rather than raw. */
const label = (table: Record<string, string>, code: string | null | undefined) => (code ? (table[code] ?? '其他') : '—');
/** Beijing time to the minute, kept on one line */
const at = (d: Date | string | null | undefined) => (d ? `<span class="nw">${formatShanghaiMinute(typeof d === 'string' ? new Date(d) : d)}</span>` : '—');
const nw = (s: string) => `<span class="nw">${s}</span>`;
const text = (s: string | number | null | undefined) => (s === null || s === undefined || s === '' ? '—' : escape(String(s)));
const yuan = (n: number) => formatYuan(fen(n));

/** 110105********002X: an ID number's head and tail only (the copy itself is in the pack's files). */
export function maskId(id: string): string {
  if (id.length <= 8 || /^\*+/.test(id)) return id;
  return `${id.slice(0, 6)}${'*'.repeat(Math.max(4, id.length - 10))}${id.slice(-4)}`;
}
const maskPhone = (p: string | null | undefined) => (p ? p.replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2') : '—');

function table(headers: string[], rows: string[][], empty = '无记录'): string {
  if (!rows.length) return `<p class="empty">${empty}</p>`;
  return `<table><thead><tr>${headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

export function summaryHtml(f: EvidenceFacts, opts: { generatedAt: Date; generatedBy: string; keyFingerprint: string; files: { name: string; sha256: string; bytes: number }[] }): string {
  const c = f.customer;
  const serverName = new Map(f.servers.map((s) => [s.id, s.serialNumber]));
  const placement = new Map(f.placements.map((p) => [p.id, p.placement ? `${p.placement.siteName} ${p.placement.roomName} ${p.placement.cabinetCode}` : '—']));
  const domainName = new Map(f.domains.map((d) => [d.id, d.domainUnicode]));
  const verifiedKyc = f.kyc.some((k) => k.kind === 'business_licence' && k.status === 'verified');

  const sections: [string, string][] = [
    [
      '主体信息与实名核验',
      `<table class="kv">${[
        ['客户名称', text(c.name)],
        ['统一社会信用代码', text(c.uscc)],
        ['法定代表人', text(c.legalRepresentative)],
        ['注册地址', text(c.registeredAddress)],
        ['联系电话', text(c.contactPhone)],
        ['通知邮箱', text(c.noticeEmail)],
        ['客户状态', label(CUSTOMER_STATUS, c.status)],
        ['建档时间', at(c.createdAt)],
        ['实名核验', verifiedKyc ? '营业执照已核验' : '营业执照未核验'],
      ]
        .map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`)
        .join('')}</table>` +
        table(
          ['证照', '持有人', '证件类型与号码', '有效期', '状态', '提交', '审核'],
          f.kyc.map((k) => [
            label(KYC_KIND, k.kind),
            text(k.holderName),
            `${label(ID_TYPE, k.idType)}<br>${nw(escape(maskId(k.idNumber)))}`,
            k.issuedOn || k.expiresOn ? `${text(k.issuedOn)} 至 ${text(k.expiresOn)}` : '—',
            `${label(KYC_STATUS, k.status)}${k.rejectReason ? `（${escape(k.rejectReason)}）` : ''}${k.redactedAt ? `；副本已按保存期限删除（${at(k.redactedAt)}）` : ''}`,
            k.receivedOn ? `纸质 ${text(k.receivedOn)}` : at(k.createdAt),
            at(k.reviewedAt),
          ]),
        ),
    ],
    [
      '合同与账单',
      table(
        ['合同编号', '状态', '签署日', '服务期', '年服务费'],
        f.contracts.map((k) => [text(k.number), label(CONTRACT_STATUS, k.status), text(k.signingDate), k.termStart ? `${k.termStart} 至 ${text(k.termEnd)}` : '—', yuan(k.annualFeeFen)]),
      ) +
        table(
          ['账单编号', '计费期间', '金额', '已付', '到期日', '状态'],
          f.invoices.map((i) => [text(i.number), `${i.periodStart} 至 ${i.periodEnd}`, yuan(i.amountFen), yuan(i.paidFen), text(i.dueOn), label(INVOICE_STATUS, i.status)]),
          '无账单',
        ),
    ],
    [
      '服务器与 IP 地址',
      table(
        ['序列号', '品牌型号', '位置', '状态', '登记', '上架', '下架'],
        f.servers.map((s) => [text(s.serialNumber), `${text(s.brand)} ${text(s.model)}`, placement.get(s.id) ?? '—', label(SERVER_STATUS, s.status), at(s.createdAt), at(s.rackedAt), at(s.removedAt)]),
        '无服务器',
      ) +
        table(
          ['IP 地址', '地址池', '服务器', '分配时间', '释放时间'],
          f.allocations.map((a) => [text(a.address), `${text(a.poolName)}（${text(a.prefix)}）`, a.serverId ? text(serverName.get(a.serverId) ?? '—') : '—', at(a.allocatedAt), at(a.releasedAt)]),
          '无 IP 地址',
        ),
    ],
    [
      '域名与备案',
      table(
        ['域名 / 解析地址', '备案号 / 公安备案号', '性质', '状态', '核验 / 下次复核'],
        f.domains.map((d) => [
          `${text(d.domainUnicode)}<br>${text(d.address)}`,
          `${nw(text(d.filingNumber))}${d.psbNumber ? `<br>${nw(escape(d.psbNumber))}` : ''}`,
          label(DOMAIN_USE, d.use),
          `${label(DOMAIN_STATUS, d.status)}${d.statusReason ? `（${escape(d.statusReason)}）` : ''}`,
          `${d.verifiedAt ? `${at(d.verifiedAt)} ${text(d.verifier)}，${label(METHOD, d.verificationMethod)}` : '未核验'}${d.reverifyDueOn ? `<br>复核 ${escape(d.reverifyDueOn)}` : ''}`,
        ]),
        '无域名',
      ) +
        `<h3>核验记录</h3>` +
        table(
          ['时间', '域名', '事项', '操作人'],
          f.domainHistory.map((h) => [at(h.at), text(domainName.get(h.domainId)), label(DOMAIN_ACTION, h.action.replace(/^domain\./, '')), text(h.actor)]),
        ),
    ],
    [
      '日志留存承诺与申报服务',
      table(
        ['承诺日', '有效至', '留存位置', '留存月数', '纸质收件'],
        f.attestations.map((a) => [text(a.attestedOn), text(a.validUntil), text(a.location), text(a.retentionMonths), a.receivedOn ? `${escape(a.receivedOn)} ${text(a.receivedBy)}` : '—']),
        '无承诺',
      ) +
        table(
          ['服务', '说明', '服务器', '申报时间'],
          f.services.map((s) => [label(SERVICE_KIND, s.kind), text(s.description), text(serverName.get(s.serverId)), at(s.declaredAt)]),
          '无申报服务',
        ),
    ],
    [
      '人员名单（历次版本）',
      table(
        ['一方', '职责', '姓名', '手机', '24 小时联系', '生效', '失效'],
        [...f.roster]
          .sort((a, b) => new Date(a.validFrom).getTime() - new Date(b.validFrom).getTime())
          .map((m) => [label(SIDE, m.side), label(ROSTER_ROLE, m.role), text(m.name), escape(maskPhone(m.mobile)), m.available24h ? '是' : '否', at(m.validFrom), m.validTo ? at(m.validTo) : '现行']),
      ),
    ],
    [
      '书面通知及送达凭证（第九条）',
      table(
        ['时间', '方向', '事由', '送达'],
        f.notices.map((n) => [
          at(n.createdAt),
          n.received ? `${label(DIRECTION, n.direction)}（${label(RECEIVED_HOW, n.receivedHow)}收到）` : label(DIRECTION, n.direction),
          text(n.subjectZh),
          n.deliveries.length
            ? n.deliveries.map((d) => `${label(CHANNEL, d.channel)}：${label(DELIVERY_STATUS, d.status)}${d.sentAt ? ` ${at(d.sentAt)}` : ''}${d.proofFile ? '（凭证见附件）' : ''}`).join('<br>')
            : '—',
        ]),
      ),
    ],
    [
      '投诉、违规与暂停',
      table(
        ['编号', '收到', '类别', '涉及', '状态', '认定条款', '处理'],
        f.complaints.map((k) => [text(k.number), at(k.receivedAt), label(COMPLAINT_CATEGORY, k.category), [k.domain, k.ip].filter(Boolean).map((x) => escape(x!)).join('<br>') || '—', label(COMPLAINT_STATUS, k.status), text(k.clause), k.resolvedAt ? `整改 ${at(k.resolvedAt)}` : k.decidedAt ? `认定 ${at(k.decidedAt)}` : '—']),
        '无投诉',
      ) +
        table(
          ['服务器', '条款', '原因', '暂停', '恢复'],
          f.suspensions.map((s) => [text(serverName.get(s.serverId)), text(s.clause), text(s.reason), at(s.suspendedAt), at(s.restoredAt)]),
          '无暂停',
        ),
    ],
    [
      '检查（6.6）',
      table(
        ['时间', '机关', '文号', '服务器', '范围', '在场人员'],
        f.inspections.map((i) => [at(i.inspectedAt), text(i.authority), text(i.documentNumber), text(serverName.get(i.serverId)), text(i.scope), text(i.staffPresent)]),
      ),
    ],
    [
      '进出机房与设备进出',
      table(
        ['时段', '机房', '事由', '状态', '人员'],
        f.visits.map((v) => [
          `${at(v.startsAt)} 至 ${at(v.endsAt)}`,
          `${text(v.siteName)} ${text(v.roomName)}`,
          label(VISIT_PURPOSE, v.purpose),
          label(VISIT_STATUS, v.status),
          v.people.map((p) => `${escape(p.name)}${p.checkedInAt ? ` 入 ${at(p.checkedInAt)}` : ''}${p.checkedOutAt ? ` 出 ${at(p.checkedOutAt)}` : ''}${p.refusedAt ? ` 拒绝入场（${text(p.refusal)}）` : ''}`).join('<br>') || '—',
        ]),
        '无进出记录',
      ) +
        table(
          ['单号', '服务器', '方向', '状态', '授权人', '时间'],
          f.movements.map((m) => [text(m.number), text(serverName.get(m.serverId)), label(MOVEMENT_DIRECTION, m.direction), label(MOVEMENT_STATUS, m.status), text(m.authorisedName), at(m.completedAt ?? m.createdAt)]),
          '无设备进出',
        ),
    ],
    [
      '违法违规网站处置',
      table(
        ['编号', '来文机关与文号', '收文', '处置对象', '要求', '状态', '阻断生效'],
        f.takedowns.map((o) => [
          text(o.number),
          `${text(o.issuer)}《${text(o.documentNumber)}》`,
          at(o.receivedAt),
          o.targets.map((t) => `${label(TARGET, t.kind)} ${escape(t.value)}`).join('<br>'),
          o.actions.map((a) => label(TAKEDOWN_ACTION, a)).join('、'),
          label(TAKEDOWN_STATUS, o.status),
          o.proof ? at(o.proof.blockedAt) : '—',
        ]),
        '无处置',
      ),
    ],
  ];

  const audit = f.audit;
  const auditLine = audit.length
    ? `共 ${audit.length} 条（序号 ${audit[0].seq} 至 ${audit.at(-1)!.seq}，${at(audit[0].at)} 至 ${at(audit.at(-1)!.at)}），逐条含哈希链字段，见 audit-extract.json 与 audit-extract.csv。`
    : '无审计记录。';
  const files = table(
    ['文件 / SHA-256', '字节'],
    opts.files.map((x) => [`<span class="file">${escape(x.name)}</span><br><span class="hash">${x.sha256}</span>`, String(x.bytes)]),
  );

  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(c.name)} 证据包摘要</title><style>
body { font-family: 'Noto Sans CJK SC', 'Noto Serif CJK SC', sans-serif; font-size: 9.5pt; line-height: 1.55; }
h1 { text-align: center; font-size: 17pt; letter-spacing: 3pt; margin: 0 0 6pt; }
h2 { font-size: 12pt; margin: 14pt 0 4pt; border-bottom: 1px solid #333; padding-bottom: 2pt; }
h3 { font-size: 10pt; margin: 8pt 0 2pt; }
.meta { text-align: center; font-size: 9pt; color: #333; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 6pt; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #555; padding: 2pt 4pt; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #f0f0f0; font-weight: bold; white-space: nowrap; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
.nw { white-space: nowrap; }
.file { word-break: break-all; }
table.kv th { width: 22%; }
.empty { color: #555; margin: 2pt 0 6pt; }
.hash { font-family: 'DejaVu Sans Mono', monospace; font-size: 7.5pt; word-break: break-all; }
.note { font-size: 8.5pt; color: #333; }
</style></head><body>
<h1>客户证据包摘要</h1>
<p class="meta">${escape(c.name)}${c.uscc ? `（${escape(c.uscc)}）` : ''}<br>提供方：${escape(f.provider.legalName)}　生成时间：${at(opts.generatedAt)}（北京时间）　生成人：${escape(opts.generatedBy)}</p>
${sections.map(([title, body], i) => `<h2>${NUMERALS[i]}、${title}</h2>${body}`).join('\n')}
<h2>十二、审计记录摘录</h2><p>${auditLine}</p>
<h2>十三、文件清单与校验</h2>
<p class="note">本证据包所附文件及其 SHA-256 如下（本摘要自身的哈希见 manifest.json）。manifest.json 由审计锚定密钥（Ed25519）签名，签名为 manifest.sig，公钥为 public-key.pem，公钥指纹（SHA-256）：<span class="hash">${escape(opts.keyFingerprint)}</span>。校验方法见随附说明或执行 <code>rackpact evidence verify</code>。</p>
${files}
</body></html>`;
}
