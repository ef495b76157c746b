import type { Subscription } from '../../core/reactions.js';
import { on } from '../../core/reactions.js';
import { systemScope } from '../../core/scope.js';
import type { Executor } from '../../db/client.js';
import { formatShanghaiMinute, formatYuan, type Fen } from '../../rules/index.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { AlertingService } from './alerting.service.js';

const GATE_OUTCOME_ZH: Record<string, string> = { test_failed: '配置校验失败（nginx -t）', reload_failed: '重新加载失败', write_failed: '写入配置文件失败' };

/**
 * Issue 20 §5: the five events an admin can route to alert channels, turned into deliveries inside the
 * emitter's transaction (so an alert exists exactly when its cause committed). Messages are in Chinese,
 * for the operators' groups they reach, with a link to the object.
 */
export function alertingReactions(deps: { alerting: Pick<AlertingService, 'raise'>; customers: Pick<CustomersService, 'get'> }): Subscription<Executor>[] {
  const { alerting } = deps;
  const system = systemScope('alerting');
  const customerName = async (tx: Executor, id: string) => {
    try {
      return (await deps.customers.get(system, id, tx)).name;
    } catch {
      return id;
    }
  };
  return [
    on('tickets.opened', 'alerting: an urgent reboot request (6.1) reaches the subscribed channels at once', async (tx, _scope, t) => {
      if (t.type !== 'reboot' || t.priority !== 'urgent') return;
      await alerting.raise(tx, {
        kind: 'ticket.urgentReboot',
        key: t.id,
        title: `【紧急重启】${t.number}`,
        body: `客户：${await customerName(tx, t.customerId)}\n\n主题：${t.subject}\n\n提交时间：${formatShanghaiMinute(t.openedAt)}\n\n请按 6.1 的响应时限处理。`,
        path: `/console/tickets?ticket=${t.id}`,
      });
    }),
    on('incidents.opened', 'alerting: an incident opened (6.3) reaches the subscribed channels', async (tx, _scope, { incident, servers, customers }) => {
      await alerting.raise(tx, {
        kind: 'incident.opened',
        key: incident.id,
        title: `【故障】${incident.number} ${incident.title}`.slice(0, 200),
        body: `开始时间：${formatShanghaiMinute(incident.startedAt)}\n\n影响：${servers} 台服务器，${customers} 个客户${incident.lineFault ? '\n\n线路故障：须在 24 小时内排除（6.3）' : ''}`,
        path: `/console/incidents?incident=${incident.id}`,
      });
    }),
    on('contracts.commissioningAtRisk', 'alerting: a commissioning order still open on its deadline day (5.1)', async (tx, _scope, { order, contractNumber }) => {
      await alerting.raise(tx, {
        kind: 'commissioning.atRisk',
        key: order.id,
        title: `【上架调试即将超期】合同 ${contractNumber}`,
        body: `客户：${await customerName(tx, order.customerId)}\n\n上架日：${order.rackedOn}，期限：${order.dueOn}（今日截止，5.1 两个工作日）\n\n请尽快完成调试并在系统中确认。`,
        path: `/console/contracts/${order.contractId}`,
      });
    }),
    on('billing.paymentRecorded', 'alerting: a payment received (第四条) reaches finance channels', async (tx, _scope, { invoice, payment }) => {
      await alerting.raise(tx, {
        kind: 'payment.received',
        key: payment.id,
        title: `【到账】${formatYuan(payment.amountFen as Fen)} 元 · 账单 ${invoice.number}`,
        body: `客户：${await customerName(tx, invoice.customerId)}\n\n金额：${formatYuan(payment.amountFen as Fen)} 元，到账日：${payment.receivedOn}${payment.bankReference ? `\n\n银行流水号：${payment.bankReference}` : ''}\n\n账单状态：${invoice.status === 'paid' ? '已结清' : '未结清'}`,
        path: `/console/contracts/${invoice.contractId}`,
      });
    }),
    on('compliance.gateApplyFailed', 'alerting: the gate apply failed — the previous gate stays in force', async (tx, _scope, row) => {
      await alerting.raise(tx, {
        kind: 'gate.applyFailed',
        key: row.id,
        title: '【接入网关】应用失败，旧配置继续生效',
        body: `结果：${GATE_OUTCOME_ZH[row.outcome] ?? row.outcome}（${row.domainCount} 个域名）\n\n时间：${formatShanghaiMinute(row.finishedAt)}\n\n输出：\n\n    ${row.output.slice(0, 600).split('\n').join('\n    ')}`,
        path: '/console/compliance',
      });
    }),
  ];
}
