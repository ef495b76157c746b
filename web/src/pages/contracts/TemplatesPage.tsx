import { Alert, App, Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { client, unwrap, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { Instant } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';

type Template = Schemas['ContractTemplate'];
type TemplateWarning = Template['warnings'][number];
type TemplateBlocks = Template['blocks'];

/** Contract template versions; admins add one as JSON blocks and see warnings for repealed laws. */
export function TemplatesPage() {
  const { t } = useI18n();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/contract-templates')), []);
  const admin = useCan('contractTemplate.add');
  return (
    <>
      <Typography.Title level={3}>{t('contracts.templates')}</Typography.Title>
      <Table<Template>
        rowKey="version"
        dataSource={data?.items}
        pagination={false}
        columns={[
          { title: t('contracts.template.version'), dataIndex: 'version' },
          { title: t('contracts.template.note'), dataIndex: 'note' },
          { title: t('common.updatedAt'), dataIndex: 'createdAt', render: (v: Template['createdAt']) => <Instant value={v} /> },
          { title: t('contracts.template.warnings'), render: (_, r) => r.warnings.map((w) => <Tag key={w.path + w.cited} color="orange">{w.cited}</Tag>) },
        ]}
      />
      {admin && <NewTemplateForm latest={data?.items.at(-1)} onSaved={reload} />}
    </>
  );
}

/** A new version as JSON blocks, started from the latest; saving answers with warnings for repealed laws. */
function NewTemplateForm({ latest, onSaved }: { latest: Template | undefined; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const [text, setText] = useState('');
  const [warnings, setWarnings] = useState<TemplateWarning[]>([]);
  const save = () => {
    let blocks: TemplateBlocks;
    try {
      // the server checks every block; here only that the text is JSON
      blocks = JSON.parse(text) as TemplateBlocks;
    } catch (e) {
      message.error(String(e));
      return;
    }
    unwrap(client.POST('/api/v1/contract-templates', { body: { blocks } })).then((saved) => {
      setWarnings(saved.warnings);
      message.success(t('contracts.template.saved', { version: saved.version }));
      onSaved();
    }, showError);
  };
  return (
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
  );
}
