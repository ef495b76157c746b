import { Alert, App, Checkbox, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { client, unwrap, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { useSession } from '../../auth/session';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';

type Preference = Schemas['NoticePreference'];
type Category = Preference['categories'][number];
/**
 * The categories in the order of the columns. `satisfies` holds the list to the server's enum: a
 * category added there does not compile here until it has its column (and its label).
 */
const COLUMN_ORDER = { incident: 1, maintenance: 2, billing: 3, contract: 4, roster: 5, tickets: 6, general: 7 } satisfies Record<Category, number>;
const CATEGORIES = Object.keys(COLUMN_ORDER) as Category[];

/** Which of the company's roster people get which notices by e-mail (24-hour contacts always get incidents). */
export function NoticePreferencesPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const staff = me?.kind === 'staff';
  // a customer keeps its own people's choices (owner, technical); sales may on the customer's request
  const mayEdit = useCan('noticePreferences.edit');
  const [customerId, setCustomerId] = useState<string>();
  const { data: customers } = useLoad(() => (staff ? unwrap(client.GET('/api/v1/customers', { params: { query: { pageSize: 200 } } })) : Promise.resolve(undefined)), [staff]);
  const { data, reload } = useLoad(
    () => (staff && !customerId ? Promise.resolve({ items: [] as Preference[] }) : unwrap(client.GET('/api/v1/notice-preferences', { params: { query: { customerId } } }))),
    [customerId],
  );
  const toggle = (p: Preference, category: Category, on: boolean) =>
    unwrap(
      client.PUT('/api/v1/notice-preferences/{memberId}', {
        params: { path: { memberId: p.memberId } },
        body: { customerId, categories: on ? [...p.categories, category] : p.categories.filter((c) => c !== category) },
      }),
    ).then(() => (message.success(t('prefs.saved')), reload()), showError);
  return (
    <>
      <Typography.Title level={3}>{t('nav.noticePreferences')}</Typography.Title>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('prefs.hint')} />
      {staff && (
        <Select
          style={{ width: 320, marginBottom: 12 }}
          showSearch
          optionFilterProp="label"
          placeholder={t('nav.customers')}
          value={customerId}
          onChange={setCustomerId}
          options={customers?.items.map((c) => ({ value: c.id, label: c.name }))}
        />
      )}
      <Table<Preference>
        rowKey="memberId"
        pagination={false}
        dataSource={data?.items}
        columns={[
          {
            title: t('prefs.person'),
            render: (_, p) => (
              <>
                {p.name} {p.available24h && <Tag color="red">24h</Tag>}
                <div>
                  <Typography.Text type="secondary">{p.email ?? t('prefs.noEmail')}</Typography.Text>
                </div>
              </>
            ),
          },
          ...CATEGORIES.map((c) => ({
            title: t(`prefs.category.${c}`),
            render: (_: unknown, p: Preference) => (
              <Checkbox
                checked={p.categories.includes(c)}
                disabled={!mayEdit || p.locked.includes(c) || (!p.email && !p.categories.includes(c))}
                onChange={(e) => toggle(p, c, e.target.checked)}
                data-testid={`pref-${p.memberId}-${c}`}
              />
            ),
          })),
        ]}
      />
    </>
  );
}
