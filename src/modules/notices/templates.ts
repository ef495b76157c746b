/**
 * Bilingual notice templates by type. A module that sends formal notices adds its types here;
 * an unknown type falls back to the generic one with the payload's subject and body.
 */
export interface NoticeText {
  subject: string;
  body: string;
}
type Render = (p: Record<string, unknown>) => { 'zh-CN': NoticeText; en: NoticeText };

const s = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
/** The roster's roles in each language (the customers module's ROSTER_ROLES). */
const ROSTER_ROLES: Record<string, { 'zh-CN': string; en: string }> = {
  legal_representative: { 'zh-CN': '法定代表人', en: 'legal representative' },
  technical_lead: { 'zh-CN': '技术负责人', en: 'technical lead' },
  network_admin: { 'zh-CN': '网络管理', en: 'network admin' },
  device_admin: { 'zh-CN': '设备管理', en: 'device admin' },
  server_admin: { 'zh-CN': '服务器管理', en: 'server admin' },
  contract_contact: { 'zh-CN': '合同联系人', en: 'contract contact' },
};
/** A roster member in the notice's language: name, role in words (not its code) and mobile. */
const person = (m: unknown, lang: 'zh-CN' | 'en' = 'zh-CN') => {
  const r = (m ?? {}) as Record<string, unknown>;
  if (!m) return '—';
  const role = ROSTER_ROLES[String(r.role)]?.[lang] ?? s(r.role);
  return lang === 'en'
    ? `${s(r.name)} (${role}, mobile ${s(r.mobile)}${r.available24h ? ', 24 hours' : ''})`
    : `${s(r.name)}（${role}，手机 ${s(r.mobile)}${r.available24h ? '，24 小时' : ''}）`;
};

/** One person's change in a roster change: added (no before), removed (no after) or changed. */
interface RosterChangeItem {
  before: unknown;
  after: unknown;
}
/** A roster change's people: `changes` (one change, several people, issue 19) or the older one-person payload. */
const rosterChanges = (p: Record<string, unknown>): RosterChangeItem[] =>
  Array.isArray(p.changes) ? (p.changes as RosterChangeItem[]) : [{ before: p.before ?? null, after: p.after ?? null }];

export const NOTICE_TEMPLATES: Record<string, Render> = {
  'roster.changed': (p) => {
    const changes = rosterChanges(p);
    const side = changes.map((c) => ((c.after ?? c.before) as { side?: string } | null)?.side).find(Boolean) ?? 'customer';
    const zhSide = side === 'provider' ? '乙方' : '甲方';
    const enSide = side === 'provider' ? "the provider's" : "the customer's";
    const line = (c: RosterChangeItem, lang: 'zh-CN' | 'en') => {
      if (!c.before) return lang === 'en' ? `Added: ${person(c.after, 'en')}` : `新增：${person(c.after)}`;
      if (!c.after) return lang === 'en' ? `Removed: ${person(c.before, 'en')}` : `移除：${person(c.before)}`;
      return lang === 'en' ? `Changed: ${person(c.before, 'en')} → ${person(c.after, 'en')}` : `变更：${person(c.before)} → ${person(c.after)}`;
    };
    const list = (lang: 'zh-CN' | 'en') => changes.map((c, i) => `${changes.length > 1 ? `${i + 1}. ` : ''}${line(c, lang)}`).join('\n');
    return {
      'zh-CN': {
        subject: `${zhSide}人员名单变更通知（第 5.10 / 6.5 条）`,
        body: `根据协议第 5.10、6.5 条，${zhSide}人员名单变更如下：\n${list('zh-CN')}\n变更自通知所载时间起生效。`,
      },
      en: {
        subject: `Notice of a change to ${enSide} roster (clauses 5.10 / 6.5)`,
        body: `Under clauses 5.10 and 6.5, ${enSide} roster changes as follows:\n${list('en')}\nThe change takes effect at the time of this notice.`,
      },
    };
  },
  'kyc.expiring': (p) => ({
    'zh-CN': { subject: '证照即将到期提醒（第 5.10 条）', body: `贵方存档的证照（${s(p.holderName)}）将于 ${s(p.expiresOn)} 到期，请在到期前提交更新后的复印件。` },
    en: { subject: 'A document on file expires soon (clause 5.10)', body: `The document on file for ${s(p.holderName)} expires on ${s(p.expiresOn)}. Please send an updated copy before then.` },
  }),
  'customer.changeRequested': (p) => ({
    'zh-CN': { subject: '联系信息变更申请（第九条）', body: `甲方申请变更联系信息：${JSON.stringify(p.proposed)}` },
    en: { subject: 'Request to change contact data (clause 9)', body: `The customer asks to change its contact data: ${JSON.stringify(p.proposed)}` },
  }),
  'customer.addressChanged': (p) => ({
    'zh-CN': { subject: '通知地址变更（第九条）', body: `甲方的联系方式已变更为：${JSON.stringify(p.changes)}。此后的书面通知将按新地址发送。` },
    en: { subject: 'Change of notice address (clause 9)', body: `The customer's contact data is now: ${JSON.stringify(p.changes)}. Written notices go to the new address from now on.` },
  }),
  'provider.contactChanged': (p) => {
    const changes = (Array.isArray(p.changes) ? p.changes : []) as { field: string; to: unknown }[];
    const zh: Record<string, string> = { legalName: '名称', address: '住所', postalAddress: '通讯地址', phone: '电话', noticeEmail: '通知邮箱', noticeFax: '传真' };
    return {
      'zh-CN': { subject: '乙方联系方式变更通知（第九条）', body: `根据协议第九条，乙方的以下联系方式已变更，此后的书面通知请按新信息发送：\n${changes.map((c) => `${zh[c.field] ?? c.field}：${s(c.to)}`).join('\n')}` },
      en: { subject: "Change of the provider's contact details (clause 9)", body: `Under clause 9 we notify you that the following details have changed; please send written notices to the new details:\n${changes.map((c) => `${c.field}: ${s(c.to)}`).join('\n')}` },
    };
  },
  'customer.changeApproved': (p) => ({
    'zh-CN': { subject: '联系信息变更已确认', body: `贵方的联系信息变更申请已确认。${p.note ? `备注：${s(p.note)}` : ''}` },
    en: { subject: 'Contact change confirmed', body: `Your contact data change has been confirmed.${p.note ? ` Note: ${s(p.note)}` : ''}` },
  }),
  'customer.changeRejected': (p) => ({
    'zh-CN': { subject: '联系信息变更未获确认', body: `贵方的联系信息变更申请未获确认。${p.note ? `原因：${s(p.note)}` : ''}` },
    en: { subject: 'Contact change not confirmed', body: `Your contact data change was not confirmed.${p.note ? ` Reason: ${s(p.note)}` : ''}` },
  }),
  'contract.nonRenewal': (p) => ({
    'zh-CN': { subject: '不续约通知（第十三条）', body: `根据协议第十三条，本方对合同 ${s(p.contractNumber)} 期满后的自动顺延提出异议，合同将于期满日 ${s(p.termEnd)} 终止。${s(p.message) === '—' ? '' : `\n${s(p.message)}`}` },
    en: { subject: 'Notice of non-renewal (clause 13)', body: `Under clause 13 we object to the automatic renewal of contract ${s(p.contractNumber)}; it ends on ${s(p.termEnd)}.${p.message ? `\n${s(p.message)}` : ''}` },
  }),
  // billing and expiry (contracts module): dunning reminders, a confirmed suspension, the 60/30/7-day expiry notices
  'billing.overdueReminder': (p) => ({
    'zh-CN': {
      subject: `付款催告通知（第四条）：${s(p.invoiceNumber)}`,
      body: `根据协议第四条，账单 ${s(p.invoiceNumber)}（应付 ${s(p.amount)}）的付款期限为 ${s(p.dueOn)}，截至 ${s(p.asOf)} 尚欠 ${s(p.outstanding)}（大写 ${s(p.outstandingCapital)}）。请尽快付款；如已付款，请告知银行流水号。（第 ${s(p.step)} 次催告）`,
    },
    en: {
      subject: `Payment reminder (clause 4): ${s(p.invoiceNumber)}`,
      body: `Under clause 4, invoice ${s(p.invoiceNumber)} (${s(p.amount)}) was due on ${s(p.dueOn)}; as of ${s(p.asOf)} ${s(p.outstanding)} remains unpaid. Please pay promptly; if you have paid, tell us the bank reference. (Reminder ${s(p.step)})`,
    },
  }),
  // issue 16: the official calendar year moved a due date announced on the provisional year EARLIER
  'billing.dueDateMoved': (p) => ({
    'zh-CN': {
      subject: `付款期限调整通知（第四条）：${s(p.invoiceNumber)}`,
      body: `账单 ${s(p.invoiceNumber)}（应付 ${s(p.amount)}）的付款期限，此前因国务院尚未公布 ${s(p.year)} 年节假日安排，按《全国年节及纪念日放假办法》暂定为 ${s(p.announced)}。国务院现已公布该年安排，按协议第四条（业务开通后一周内付款；期限最后一日为法定休假日的，顺延至其后第一个工作日）重新计算，付款期限为 ${s(p.dueOn)}，早于此前告知的日期。根据协议第九条，特此书面通知。`,
    },
    en: {
      subject: `Payment due date changed (clause 4): ${s(p.invoiceNumber)}`,
      body: `The due date of invoice ${s(p.invoiceNumber)} (${s(p.amount)}) was given as ${s(p.announced)}, provisionally, because the State Council had not yet published the ${s(p.year)} holiday arrangement. It has now been published; computed again under clause 4 (payment within one week of activation; a period ending on a public holiday runs to the next working day) the invoice is due on ${s(p.dueOn)}, earlier than announced. This is our written notice under clause 9.`,
    },
  }),
  'billing.suspension': (p) => ({
    'zh-CN': {
      subject: `暂停服务通知：账单 ${s(p.invoiceNumber)} 逾期未付`,
      body: `账单 ${s(p.invoiceNumber)} 已于 ${s(p.dueOn)} 到期，尚欠 ${s(p.outstanding)}（大写 ${s(p.outstandingCapital)}）。经乙方确认，将暂停相应服务直至付清欠款；本通知不构成解除合同。${p.note ? `\n备注：${s(p.note)}` : ''}`,
    },
    en: {
      subject: `Notice of suspension: invoice ${s(p.invoiceNumber)} overdue`,
      body: `Invoice ${s(p.invoiceNumber)} was due on ${s(p.dueOn)}; ${s(p.outstanding)} remains unpaid. The provider has confirmed a suspension of the service until it is paid. This notice does not terminate the contract.${p.note ? `\nNote: ${s(p.note)}` : ''}`,
    },
  }),
  'contract.expiring': (p) => ({
    'zh-CN': {
      subject: `合同到期提醒（第十三条）：${s(p.contractNumber)}`,
      body: `合同 ${s(p.contractNumber)} 将于 ${s(p.termEnd)} 期满（还有 ${s(p.daysAhead)} 天）。根据协议第十三条，如双方均未在期满前提出异议，合同将自动顺延一个期限并开具新一期账单。`,
    },
    en: {
      subject: `Contract expiring (clause 13): ${s(p.contractNumber)}`,
      body: `Contract ${s(p.contractNumber)} ends on ${s(p.termEnd)} (in ${s(p.daysAhead)} days). Under clause 13 it renews for another term with a new invoice unless either side objects before then.`,
    },
  }),
  // ── compliance (5.4–5.8, 6.3): formal notices to the customer ──
  'compliance.domainSuspended': (p) => ({
    'zh-CN': { subject: `网站 ${s(p.domain)} 暂停接入通知（第 5.7 条）`, body: `根据协议第 5.7 条，因备案信息存在以下问题，乙方暂停网站 ${s(p.domain)} 的接入：${s(p.reason)}\n请在客户门户更新备案信息，经核验后恢复接入。` },
    en: { subject: `Access to ${s(p.domain)} suspended (clause 5.7)`, body: `Under clause 5.7 access to ${s(p.domain)} is suspended because of its filing data: ${s(p.reason)}\nUpdate the filing in the portal; access resumes once it is verified.` },
  }),
  'compliance.domainRevoked': (p) => ({
    'zh-CN': { subject: `网站 ${s(p.domain)} 关闭接入通知（第 5.7 条）`, body: `根据协议第 5.7 条及《非经营性互联网信息服务备案管理办法》第二十三条，乙方关闭网站 ${s(p.domain)} 的接入，原因：${s(p.reason)}` },
    en: { subject: `Access to ${s(p.domain)} closed (clause 5.7)`, body: `Under clause 5.7 access to ${s(p.domain)} is closed. Reason: ${s(p.reason)}` },
  }),
  'compliance.complaint': (p) => ({
    'zh-CN': { subject: `投诉通知 ${s(p.number)}（第 5.4 / 5.8 条）`, body: `乙方收到针对 ${s(p.target)} 的投诉（类别：${s(p.category)}）：${s(p.description)}\n请于 ${s(p.deadline)} 前答复并处理。逾期未处理的，乙方可依协议第 6.3、6.8 条暂停或终止服务。${s(p.message) === '—' ? '' : `\n${s(p.message)}`}` },
    en: { subject: `Complaint ${s(p.number)} (clauses 5.4 / 5.8)`, body: `We received a complaint about ${s(p.target)} (${s(p.category)}): ${s(p.description)}\nPlease answer and fix it by ${s(p.deadline)}; otherwise service may be suspended or ended under clauses 6.3 and 6.8.${p.message ? `\n${s(p.message)}` : ''}` },
  }),
  'compliance.serverSuspended': (p) => ({
    'zh-CN': { subject: `服务器暂停服务通知（第 ${s(p.clause)} 条）`, body: `根据协议第 ${s(p.clause)} 条及第 6.3 条，乙方暂停为服务器（序列号 ${s(p.serial)}）提供网络服务，原因：${s(p.reason)}\n故障或违规排除后，乙方将恢复服务。` },
    en: { subject: `Server suspended (clause ${s(p.clause)})`, body: `Under clauses ${s(p.clause)} and 6.3 network service to server ${s(p.serial)} is suspended. Reason: ${s(p.reason)}\nService resumes once the fault or breach is fixed.` },
  }),
  'compliance.serverRestored': (p) => ({
    'zh-CN': { subject: '服务器恢复服务通知（第 6.3 条）', body: `乙方已恢复贵方服务器的网络服务。说明：${s(p.note)}` },
    en: { subject: 'Server service restored (clause 6.3)', body: `Network service to your server is restored. Note: ${s(p.note)}` },
  }),
  'compliance.attestationDue': (p) => ({
    'zh-CN': { subject: '网站访问日志留存承诺续签提醒（第 5.5 条）', body: `贵方关于网站访问日志留存的承诺（保存位置：${s(p.location)}）有效期至 ${s(p.validUntil)}。请在到期前于客户门户重新确认，日志保存期限不少于 6 个月。` },
    en: { subject: 'Log-retention attestation due (clause 5.5)', body: `Your attestation of access-log retention (kept at: ${s(p.location)}) is valid until ${s(p.validUntil)}. Please renew it in the portal; logs are kept at least 6 months.` },
  }),
  // ── issue 22 §4: an authority's takedown order executed ──
  'takedown.executed': (p) => ({
    'zh-CN': {
      subject: `违法违规网站处置通知 ${s(p.number)}（第 5.4、5.6、5.8 条，第 6.3、6.8 条）`,
      body: `根据${s(p.issuer)}《${s(p.documentNumber)}》的要求，乙方已于 ${s(p.blockedAt)} 对贵方下列对象采取处置措施（${s(p.actions)}）：${s(p.targets)}\n事由：${s(p.reason)}\n贵方依协议第 5.4、5.8 条承诺合法使用托管服务，并依第 5.6 条先备案后接入；乙方依第 6.3 条暂停相关服务，违反第 5.3—5.7 条的，乙方可依第 6.8 条终止服务且已付费用不予退还。\n如有异议，请于收到本通知后与乙方联系并向发文机关申请复核。`,
    },
    en: {
      subject: `Takedown order executed ${s(p.number)} (clauses 5.4, 5.6, 5.8, 6.3, 6.8)`,
      body: `On the order of ${s(p.issuer)} (${s(p.documentNumber)}) the provider took the following action (${s(p.actions)}) at ${s(p.blockedAt)} against: ${s(p.targets)}\nReason: ${s(p.reason)}\nUnder clauses 5.4 and 5.8 you undertook lawful use, and under 5.6 filing before access; the provider suspends service under 6.3, and a breach of 5.3–5.7 lets it end the service under 6.8 without refund.\nTo object, contact the provider and ask the issuing authority for review.`,
    },
  }),
  // ── incidents and planned work (6.3, 7.3) ──
  'incident.opened': (p) => ({
    'zh-CN': { subject: `服务中断通知 ${s(p.number)}`, body: `贵方托管的服务器受故障影响（${s(p.title)}），中断自 ${s(p.startedAt)} 起。我方正在处理，恢复后将另行通知；补偿按协议第 7.2 条计入服务期。` },
    en: { subject: `Service interruption ${s(p.number)}`, body: `Your servers are affected by an incident (${s(p.title)}) since ${s(p.startedAt)}. We are working on it and will notify you when service is restored; compensation is credited to the term under clause 7.2.` },
  }),
  'incident.resolved': (p) => ({
    'zh-CN': { subject: `服务已恢复 ${s(p.number)}`, body: `故障（${s(p.title)}）已于 ${s(p.resolvedAt)} 恢复，中断自 ${s(p.startedAt)} 起。补偿时长见门户中的补偿明细。` },
    en: { subject: `Service restored ${s(p.number)}`, body: `The incident (${s(p.title)}) was resolved at ${s(p.resolvedAt)}; the interruption began at ${s(p.startedAt)}. See the compensation ledger in the portal.` },
  }),
  'server.suspended': (p) => ({
    'zh-CN': { subject: `服务器暂停服务通知（第 6.3 条）`, body: `贵方服务器（序列号 ${s(p.serial)}）因故障影响网络稳定，已于 ${s(p.at)} 暂停接入。\n原因：${s(p.reason)}\n证据：${s(p.evidence)}\n请尽快排除故障；排除后我方将恢复接入。暂停期间不计补偿。` },
    en: { subject: 'Server suspended (clause 6.3)', body: `Your server (serial ${s(p.serial)}) disturbed the network and was suspended at ${s(p.at)}.\nReason: ${s(p.reason)}\nEvidence: ${s(p.evidence)}\nPlease fix the fault; we will restore it then. The suspension is not compensated.` },
  }),
  'server.restored': (p) => ({
    'zh-CN': { subject: '服务器已恢复接入', body: `贵方服务器（序列号 ${s(p.serial)}）已于 ${s(p.at)} 恢复接入。` },
    en: { subject: 'Server restored', body: `Your server (serial ${s(p.serial)}) was restored at ${s(p.at)}.` },
  }),
  'maintenance.scheduled': (p) => ({
    'zh-CN': {
      subject: `计划作业通知 ${s(p.number)}（第 6.3 / 7.3 条）`,
      body: `我方将于 ${s(p.startsAt)} 至 ${s(p.endsAt)} 进行作业：${s(p.title)}（${s(p.kind)}）。${s(p.description) === '—' ? '' : `\n${s(p.description)}`}${p.consent ? '\n根据第 7.3 条，此项作业须经贵方同意，请在门户中确认同意或拒绝。' : ''}`,
    },
    en: {
      subject: `Planned work ${s(p.number)} (clauses 6.3 / 7.3)`,
      body: `We will carry out work from ${s(p.startsAt)} to ${s(p.endsAt)}: ${s(p.title)} (${s(p.kind)}).${p.description ? `\n${s(p.description)}` : ''}${p.consent ? '\nUnder clause 7.3 this work needs your consent: please accept or decline it in the portal.' : ''}`,
    },
  }),
  'maintenance.cancelled': (p) => ({
    'zh-CN': { subject: `计划作业取消 ${s(p.number)}`, body: `原定于 ${s(p.startsAt)} 开始的作业（${s(p.title)}）已取消。` },
    en: { subject: `Planned work cancelled ${s(p.number)}`, body: `The work planned from ${s(p.startsAt)} (${s(p.title)}) is cancelled.` },
  }),
  // ── site access (issue 21): the answer to a visit request (进出机房申请) ──
  'visit.approved': (p) => ({
    'zh-CN': { subject: `进出机房申请已批准 ${s(p.number)}`, body: `贵方的进出机房申请 ${s(p.number)} 已批准：${s(p.room)}，${s(p.startsAt)} 至 ${s(p.endsAt)}，人员：${s(p.people)}。\n入场时请携带本人身份证件，前台将核对甲方人员名单（第 5.10 条）；名单上已移除的人员不能入场。` },
    en: { subject: `Visit request approved ${s(p.number)}`, body: `Your visit request ${s(p.number)} is approved: ${s(p.room)}, ${s(p.startsAt)} to ${s(p.endsAt)}; people: ${s(p.people)}.\nBring an ID document; the front desk checks each person against your roster (clause 5.10), and anyone removed from it is not let in.` },
  }),
  'visit.refused': (p) => ({
    'zh-CN': { subject: `进出机房申请未获批准 ${s(p.number)}`, body: `贵方的进出机房申请 ${s(p.number)}（${s(p.room)}，${s(p.startsAt)} 至 ${s(p.endsAt)}）未获批准。\n理由：${s(p.reason)}` },
    en: { subject: `Visit request refused ${s(p.number)}`, body: `Your visit request ${s(p.number)} (${s(p.room)}, ${s(p.startsAt)} to ${s(p.endsAt)}) is refused.\nReason: ${s(p.reason)}` },
  }),
  generic: (p) => ({
    'zh-CN': { subject: s(p.subject), body: s(p.body) },
    en: { subject: s(p.subjectEn ?? p.subject), body: s(p.bodyEn ?? p.body) },
  }),
};

export function renderNotice(type: string, payload: Record<string, unknown>) {
  return (NOTICE_TEMPLATES[type] ?? NOTICE_TEMPLATES.generic)(payload);
}

/**
 * The category a notice type belongs to, for the roster people's e-mail preferences. Types are named
 * '<area>.<event>'; a module adding types in a new area adds its prefix here.
 */
export function noticeCategory(type: string): 'incident' | 'maintenance' | 'billing' | 'contract' | 'roster' | 'tickets' | 'general' {
  const area = type.split('.')[0];
  if (area === 'incident' || area === 'incidents' || area === 'server') return 'incident'; // a suspended server is the 24-hour contacts' business too
  if (area === 'maintenance') return 'maintenance';
  if (area === 'invoice' || area === 'billing' || area === 'payment') return 'billing';
  if (area === 'contract' || area === 'contracts' || area === 'suspension' || area === 'termination' || area === 'compliance') return 'contract';
  if (area === 'roster') return 'roster';
  if (area === 'ticket' || area === 'tickets') return 'tickets';
  return 'general';
}
