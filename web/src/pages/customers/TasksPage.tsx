import { Button, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { client, unwrap, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { useRecordLabel } from '../platform/YearGrid';

type Task = Schemas['StaffTask'];

/** What a task is about, in words; the server's kind names are not shown. */
function TaskWhat({ task: x }: { task: Task }) {
  const { t } = useI18n();
  const recordLabel = useRecordLabel();
  switch (x.kind) {
    case 'kyc.expiring':
      return (
        <>
          <Tag color="orange">{t('tasks.kind.kyc.expiring')}</Tag>
          {x.payload.kind ? t(`kyc.kind.${x.payload.kind}` as `kyc.kind.${Schemas['KycKind']}`) : ''} {x.payload.holderName} · {t('kyc.expiresOn')} {x.payload.expiresOn}
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
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/tasks')), []);
  const canClose = useCan('task.complete');
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
          { title: t('tasks.role'), dataIndex: 'role', render: (r: Task['role']) => t(`role.${r}`) },
          {
            title: t('common.actions'),
            render: (_, x) =>
              canClose && (
                <Button size="small" onClick={() => unwrap(client.POST('/api/v1/tasks/{id}/done', { params: { path: { id: x.id } } })).then(reload, showError)} data-testid="task-done">
                  {t('tasks.done')}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}
