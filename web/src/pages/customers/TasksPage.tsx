import { Button, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { get, post } from '../../api/client';
import { useSession } from '../../auth/session';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { useRecordLabel } from '../platform/YearGrid';

interface Task {
  id: string;
  kind: string;
  role: string;
  customerId: string | null;
  customerName?: string | null;
  dueOn: string;
  payload: {
    kind?: string;
    holderName?: string;
    expiresOn?: string;
    /** calendar tasks: the year not loaded yet; a recomputed record's number, Chinese label and dates */
    year?: number;
    number?: string;
    label?: string;
    before?: string;
    after?: string;
  };
}

/** What a task is about, in words; the server's kind names are not shown. */
function TaskWhat({ task: x }: { task: Task }) {
  const { t } = useI18n();
  const recordLabel = useRecordLabel();
  switch (x.kind) {
    case 'kyc.expiring':
      return (
        <>
          <Tag color="orange">{t('tasks.kind.kyc.expiring')}</Tag>
          {x.payload.kind ? t(`kyc.kind.${x.payload.kind}` as MessageKey) : ''} {x.payload.holderName} · {t('kyc.expiresOn')} {x.payload.expiresOn}
        </>
      );
    case 'calendar.nextYearProvisional':
      return (
        <>
          <Tag color="gold">{t('tasks.kind.calendar.nextYearProvisional')}</Tag>
          <Link to="/console/calendar">{t('tasks.calendar.nextYearProvisional', { year: x.payload.year ?? '' })}</Link>
        </>
      );
    case 'calendar.deadlineMoved':
      return (
        <>
          <Tag color="blue">{t('tasks.kind.calendar.deadlineMoved')}</Tag>
          {t('tasks.calendar.deadlineMoved', { label: recordLabel(x.payload), before: x.payload.before ?? '', after: x.payload.after ?? '' })}
        </>
      );
    default:
      return <>{x.kind}</>;
  }
}

/** 待办 — open staff tasks, e.g. a licence or ID expiring within 30 days (5.10), oldest due first. */
export function TasksPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => get<{ items: Task[] }>('/tasks'), []);
  const canClose = Boolean(me?.roles.some((r) => r !== 'auditor'));
  return (
    <>
      <Typography.Title level={3}>{t('nav.tasks')}</Typography.Title>
      <Table<Task>
        rowKey="id"
        size="small"
        dataSource={data?.items}
        columns={[
          { title: t('tasks.dueOn'), dataIndex: 'dueOn' },
          { title: t('nav.customers'), render: (_, x) => (x.customerId ? <Link to={`/console/customers/${x.customerId}`}>{x.customerName}</Link> : '—') },
          {
            title: t('tasks.what'),
            render: (_, x) => <TaskWhat task={x} />,
          },
          { title: t('tasks.role'), dataIndex: 'role', render: (r: string) => t(`role.${r}` as MessageKey) },
          {
            title: t('common.actions'),
            render: (_, x) =>
              canClose && (
                <Button size="small" onClick={() => post(`/tasks/${x.id}/done`).then(reload, showError)} data-testid="task-done">
                  {t('tasks.done')}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}
