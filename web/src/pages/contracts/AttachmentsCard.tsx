import { App, Button, Card, Space, Table, Tag, Upload } from 'antd';
import { ApiError, type paths, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { DocumentDownload, upload } from '../../components';
import { useI18n, type MessageKey } from '../../i18n';

type Contract = Pick<Schemas['Contract'], 'id' | 'status' | 'securityLetterSigned' | 'userUndertakingSigned'>;
/** An attachment as the API names it in /contracts/{id}/attachments/{part}. */
type AttachmentPart = paths['/api/v1/contracts/{id}/attachments/{part}']['post']['parameters']['path']['part'];
/** One row of the card: the part, its title, signed or not. */
type AttachmentEntry = { part: AttachmentPart; title: string; signed: boolean };

/** Every attachment the API knows, with its title and where the contract says it is signed (a part missing here does not compile). */
const PARTS: Record<AttachmentPart, { title: MessageKey; signed: (c: Contract) => boolean }> = {
  'security-letter': { title: 'contracts.attachment.securityLetter', signed: (c) => c.securityLetterSigned },
  'user-undertaking': { title: 'contracts.attachment.userUndertaking', signed: (c) => c.userUndertakingSigned },
};

/** A contract that has ended or been terminated takes no further scans. */
const CLOSED: Partial<Record<Schemas['ContractStatus'], true>> = { ended: true, terminated_for_cause: true, terminated_by_agreement: true };

/** 附件一 and 附件二: each a document of its own (PDF, Word), each signed by uploading its scan. */
export function AttachmentsCard({ contract, reload }: { contract: Contract; reload: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const staff = useCan('contract.signAttachment');
  const parts = (Object.keys(PARTS) as AttachmentPart[]).map((part): AttachmentEntry => ({ part, title: t(PARTS[part].title), signed: PARTS[part].signed(contract) }));
  const uploadScan = async (part: AttachmentPart, file: File) => {
    const fd = new FormData();
    fd.append('file', file);
    try {
      await upload<Schemas['Contract']>('POST', `/contracts/${contract.id}/attachments/${part}`, fd);
      reload();
    } catch (e) {
      message.error((e instanceof ApiError && e.fields[0]?.message) || t('error.generic'));
    }
  };
  return (
    <Card title={t('contracts.attachments')} size="small" style={{ marginBottom: 16 }}>
      <Table<AttachmentEntry>
        rowKey="part"
        size="small"
        pagination={false}
        dataSource={parts}
        columns={[
          { title: t('contracts.attachments'), dataIndex: 'title' },
          { title: t('common.status'), render: (_, p) => (p.signed ? <Tag color="green">{t('contracts.attachment.signed')}</Tag> : <Tag color="gold">{t('contracts.attachment.unsigned')}</Tag>) },
          {
            title: t('contracts.attachment.files'),
            render: (_, p) => (
              <Space>
                <DocumentDownload as="link" href={`/contracts/${contract.id}/document?format=pdf&part=${p.part}`}>
                  PDF
                </DocumentDownload>
                <DocumentDownload as="link" href={`/contracts/${contract.id}/document?format=docx&part=${p.part}`}>
                  Word
                </DocumentDownload>
                {staff && !CLOSED[contract.status] && (
                  <Upload accept=".pdf,.jpg,.jpeg,.png" showUploadList={false} beforeUpload={(file) => (void uploadScan(p.part, file), false)}>
                    <Button size="small" data-testid={`attachment-upload-${p.part}`}>
                      {t('contracts.attachment.uploadScan')}
                    </Button>
                  </Upload>
                )}
              </Space>
            ),
          },
        ]}
      />
      {/* the domain list form the agreement names among its 附件: printed with the customer's domains, filled in by hand */}
      <Space style={{ marginTop: 8 }}>
        <span>{t('contracts.attachment.domainList')}</span>
        <DocumentDownload as="link" href={`/contracts/${contract.id}/document?format=pdf&part=domain-list`}>
          PDF
        </DocumentDownload>
        <DocumentDownload as="link" href={`/contracts/${contract.id}/document?format=docx&part=domain-list`}>
          Word
        </DocumentDownload>
      </Space>
    </Card>
  );
}
