import { Button, Space, Switch, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { client, unwrap, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { Instant } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

type Item = Schemas['DeskItem'];

/** The filters a dashboard figure's link may carry: ?area=, ?kind=, ?late=1. */
export function filterItems(items: Item[], params: URLSearchParams, now: number): Item[] {
  const area = params.get('area');
  const kind = params.get('kind');
  const late = params.get('late') === '1';
  return items.filter(
    (i) => (!area || i.area === area) && (!kind || i.kind === kind) && (!late || (i.dueAt !== null && new Date(String(i.dueAt)).getTime() < now)),
  );
}

/**
 * A deadline as the agreement says it: a day's end is 24:00 of that day (the instant is 00:00 of the
 * next, which would read as a day late), any other instant as the minute in Beijing.
 */
function DueAt({ value }: { value: string }) {
  const beijing = new Date(new Date(value).getTime() + 8 * 3_600_000);
  if (beijing.getUTCHours() !== 0 || beijing.getUTCMinutes() !== 0) return <Instant value={value} />;
  const day = new Date(beijing.getTime() - 86_400_000).toISOString().slice(0, 10);
  return <time dateTime={value}>{`${day} 24:00`}</time>;
}

function DigestSwitch() {
  const { t } = useI18n();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/desk/digest')), []);
  if (!data) return null;
  return (
    <Space>
      <span>{t('desk.digest.label')}</span>
      <Switch
        checked={!data.optedOut}
        checkedChildren={t('desk.digest.on')}
        unCheckedChildren={t('desk.digest.off')}
        onChange={(on) => unwrap(client.PUT('/api/v1/desk/digest', { body: { optedOut: !on } })).then(reload, showError)}
        data-testid="desk-digest"
      />
    </Space>
  );
}

/**
 * 待办 (issue 20 §2): one list from every area — what is due, by when, for whom, under which clause —
 * sorted by deadline. Staff see their roles' items (/console/tasks); a customer user its own (/portal/todo).
 */
export function DeskTodoPage({ audience = 'staff' }: { audience?: 'staff' | 'customer' }) {
  const { t, has } = useI18n();
  const showError = useApiErrors();
  const [params, setParams] = useSearchParams();
  const canClose = useCan('task.complete');
  const { data, loading, reload } = useLoad(() => unwrap(client.GET('/api/v1/desk/todo')), []);
  // the page's "now" is when the list was loaded (the server's clock decides dueAt; lateness is a view)
  const now = Date.now();
  const items = filterItems(data?.items ?? [], params, now);
  const filter = ['area', 'kind', 'late']
    .filter((k) => params.get(k))
    .map((k) => {
      const key = k === 'area' ? `desk.area.${params.get('area')}` : k === 'late' ? 'desk.todo.late' : `desk.filter.${params.get('kind')}`;
      return has(key) ? t(key) : (params.get(k) ?? '');
    })
    .join(' · ');
  return (
    <>
      <Typography.Title level={3}>{t('desk.todo.title')}</Typography.Title>
      <Space style={{ marginBottom: 12 }} wrap>
        <span data-testid="desk-todo-count" data-count={items.length} data-loaded={data ? 1 : 0}>
          {t('desk.todo.count', { n: items.length })}
        </span>
        {filter && (
          <>
            <Tag color="blue">{t('desk.todo.filtered', { filter })}</Tag>
            <Button size="small" onClick={() => setParams({})}>
              {t('desk.todo.clearFilter')}
            </Button>
          </>
        )}
        {audience === 'staff' && <DigestSwitch />}
      </Space>
      <Table<Item>
        rowKey={(i) => `${i.kind}:${i.subjectId}`}
        size="small"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('desk.todo.empty') }}
        columns={[
          {
            title: t('desk.todo.due'),
            width: 190,
            render: (_, i) =>
              i.dueAt ? (
                <Space size={4}>
                  <DueAt value={String(i.dueAt)} />
                  {new Date(String(i.dueAt)).getTime() < now && <Tag color="red">{t('desk.todo.late')}</Tag>}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('desk.todo.noDeadline')}</Typography.Text>
              ),
          },
          { title: t('desk.todo.area'), width: 110, render: (_, i) => <Tag>{t(`desk.area.${i.area}` as MessageKey)}</Tag> },
          { title: t('desk.todo.what'), render: (_, i) => <Link to={i.link}>{has(i.titleKey) ? t(i.titleKey, i.params) : t(`desk.area.${i.area}` as MessageKey)}</Link> },
          {
            title: t('desk.todo.customer'),
            render: (_, i) => (i.customerId && audience === 'staff' ? <Link to={`/console/customers/${i.customerId}`}>{i.customerName}</Link> : (i.customerName ?? '—')),
          },
          { title: t('desk.todo.clause'), width: 100, render: (_, i) => i.clause ?? '—' },
          {
            title: t('common.actions'),
            width: 120,
            render: (_, i) =>
              audience === 'staff' && i.area === 'calendar' && canClose ? (
                <Button size="small" onClick={() => unwrap(client.POST('/api/v1/tasks/{id}/done', { params: { path: { id: i.subjectId } } })).then(reload, showError)} data-testid="task-done">
                  {t('tasks.done')}
                </Button>
              ) : (
                <Link to={i.link}>{t('desk.todo.open')}</Link>
              ),
          },
        ]}
      />
    </>
  );
}

/** The customer's own list on the portal. */
export function PortalTodoPage() {
  return <DeskTodoPage audience="customer" />;
}
