import { App, Button, Card, Space, Table, Tag, Upload } from 'antd';
import { ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { upload } from '../../components/upload';
import { useI18n } from '../../i18n';

interface Part {
  key: 'security-letter' | 'user-undertaking';
  title: string;
  signed: boolean;
}

/** 附件一 and 附件二: each a document of its own (PDF, Word), each signed by uploading its scan. */
export function AttachmentsCard({ contract, reload }: { contract: { id: string; securityLetterSigned: boolean; userUndertakingSigned: boolean; status: string }; reload: () => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const staff = me?.kind === 'staff' && me.roles.some((r) => r === 'sales' || r === 'admin');
  const parts: Part[] = [
    { key: 'security-letter', title: t('contracts.attachment.securityLetter'), signed: contract.securityLetterSigned },
    { key: 'user-undertaking', title: t('contracts.attachment.userUndertaking'), signed: contract.userUndertakingSigned },
  ];
  const uploadPart = async (part: Part['key'], file: File) => {
    const fd = new FormData();
    fd.append('file', file);
    try {
      await upload('POST', `/contracts/${contract.id}/attachments/${part}`, fd);
      reload();
    } catch (e) {
      message.error((e instanceof ApiError && e.fields[0]?.message) || t('error.generic'));
    }
  };
  return (
    <Card title={t('contracts.attachments')} size="small" style={{ marginBottom: 16 }}>
      <Table<Part>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={parts}
        columns={[
          { title: t('contracts.attachments'), dataIndex: 'title' },
          { title: t('common.status'), render: (_, p) => (p.signed ? <Tag color="green">{t('contracts.attachment.signed')}</Tag> : <Tag color="gold">{t('contracts.attachment.unsigned')}</Tag>) },
          {
            title: '',
            render: (_, p) => (
              <Space>
                <a href={`/api/v1/contracts/${contract.id}/document?format=pdf&part=${p.key}`}>PDF</a>
                <a href={`/api/v1/contracts/${contract.id}/document?format=docx&part=${p.key}`}>Word</a>
                {staff && !['ended', 'terminated_for_cause', 'terminated_by_agreement'].includes(contract.status) && (
                  <Upload accept=".pdf,.jpg,.jpeg,.png" showUploadList={false} beforeUpload={(file) => (void uploadPart(p.key, file), false)}>
                    <Button size="small" data-testid={`attachment-upload-${p.key}`}>
                      {t('contracts.attachment.uploadScan')}
                    </Button>
                  </Upload>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
