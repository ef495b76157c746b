import { Alert, App, Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api/client';
import { useSession } from '../../auth/session';
import { shanghaiTime } from '../../format';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';

interface Warning {
  path: string;
  cited: string;
  replacedBy: string;
}
interface Template {
  version: string;
  note: string | null;
  blocks: { kind: string; text: string }[];
  warnings: Warning[];
  createdAt: string | null;
}

/** Contract template versions; admins add one as JSON blocks and see warnings for repealed laws. */
export function TemplatesPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => get<{ items: Template[] }>('/contract-templates'), []);
  const [text, setText] = useState('');
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const admin = me?.kind === 'staff' && me.roles.includes('admin');
  const latest = data?.items.at(-1);
  const save = () => {
    let blocks: unknown;
    try {
      blocks = JSON.parse(text);
    } catch (e) {
      message.error(String(e));
      return;
    }
    post<Template>('/contract-templates', { blocks }).then((saved) => {
      setWarnings(saved.warnings);
      message.success(t('contracts.template.saved', { version: saved.version }));
      reload();
    }, showError);
  };
  return (
    <>
      <Typography.Title level={3}>{t('contracts.templates')}</Typography.Title>
      <Table<Template>
        rowKey="version"
        dataSource={data?.items}
        pagination={false}
        columns={[
          { title: t('contracts.template.version'), dataIndex: 'version' },
          { title: '', dataIndex: 'note' },
          { title: t('common.updatedAt'), dataIndex: 'createdAt', render: (v: string | null) => (v ? shanghaiTime(v) : '—') },
          { title: t('contracts.template.warnings'), render: (_, r) => r.warnings.map((w) => <Tag key={w.path + w.cited} color="orange">{w.cited}</Tag>) },
        ]}
      />
      {admin && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
          <Typography.Text strong>{t('contracts.template.add')}</Typography.Text>
          <Button size="small" onClick={() => setText(JSON.stringify(latest?.blocks ?? [], null, 1))}>
            {latest?.version}
          </Button>
          <Input.TextArea rows={12} value={text} onChange={(e) => setText(e.target.value)} style={{ fontFamily: 'monospace' }} />
          <Button type="primary" onClick={save}>
            {t('common.save')}
          </Button>
          {warnings.map((w) => (
            <Alert key={w.path + w.cited} type="warning" showIcon message={`${w.path}: ${t('contracts.template.repealed', { cited: w.cited, replacedBy: w.replacedBy })}`} />
          ))}
        </Space>
      )}
    </>
  );
}
