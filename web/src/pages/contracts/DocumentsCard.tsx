import { Alert, Card, Space, Table, Typography } from 'antd';
import { client, unwrap, type Schemas } from '../../api/client';
import { DocumentDownload } from '../../components/DocumentDownload';
import { Instant } from '../../components/Instant';
import { useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

type Version = Schemas['ContractDocumentVersion'];
/** One row: a document (kind and part) with its formats. */
type DocumentEntry = { key: string; kind: Version['kind']; part: string; createdAt: string; fingerprint: string; files: Version[] };

const FORMAT_LABEL: Record<Version['format'], string> = { pdf: 'PDF', docx: 'Word', html: 'HTML' };

/**
 * Issue 19 §3: 合同文本 — the versions of the contract's documents: the draft while it is one, then the
 * copy sent for signature (frozen) and each 开通确认单, each file with its SHA-256 and a download link.
 */
export function DocumentsCard({ contractId, refreshKey }: { contractId: string; refreshKey: number }) {
  const { t } = useI18n();
  const { data } = useLoad(() => unwrap(client.GET('/api/v1/contracts/{id}/documents', { params: { path: { id: contractId } } })), [contractId, refreshKey]);
  if (!data) return null;
  const rows: DocumentEntry[] = [];
  for (const v of data.items) {
    const key = `${v.kind}/${v.part}`;
    let row = rows.find((r) => r.key === key);
    if (!row) rows.push((row = { key, kind: v.kind, part: v.part, createdAt: v.createdAt, fingerprint: v.fingerprint, files: [] }));
    row.files.push(v);
  }
  const order: Version['format'][] = ['pdf', 'docx', 'html'];
  for (const r of rows) r.files.sort((a, b) => order.indexOf(a.format) - order.indexOf(b.format));
  const partLabel = (r: DocumentEntry) => (r.kind === 'activation' ? t('contractDocs.part.confirmation', { n: r.part.replace('confirmation-', '') }) : t(`contractDocs.part.${r.part}` as MessageKey));
  return (
    <Card title={t('contractDocs.title')} size="small" style={{ marginBottom: 16 }} data-testid="contract-documents">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('contractDocs.intro')}
      </Typography.Paragraph>
      {data.draftDownloadable ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message={
            <Space>
              {t('contractDocs.draft')}
              <DocumentDownload as="link" href={`/contracts/${contractId}/document?format=pdf`}>
                PDF
              </DocumentDownload>
              <DocumentDownload as="link" href={`/contracts/${contractId}/document?format=docx`}>
                Word
              </DocumentDownload>
            </Space>
          }
        />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 8 }} message={t('contractDocs.draftGone')} />
      )}
      <Table<DocumentEntry>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('contractDocs.none') }}
        columns={[
          { title: t('contractDocs.document'), render: (_, r) => `${t(`contractDocs.kind.${r.kind}`)} · ${partLabel(r)}` },
          {
            title: `${t('contractDocs.download')} · ${t('contractDocs.sha256')}`,
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                {r.files.map((f) => (
                  <Space key={f.format} size="small">
                    <DocumentDownload as="link" href={f.url} data-testid={`doc-${r.kind}-${r.part}-${f.format}`}>
                      {FORMAT_LABEL[f.format]}
                    </DocumentDownload>
                    {f.sha256 ? (
                      <Typography.Text code copyable={{ text: f.sha256 }} style={{ fontSize: 11 }} title={f.sha256}>
                        {f.sha256.slice(0, 16)}…
                      </Typography.Text>
                    ) : (
                      <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                        {t('contractDocs.notPrinted')}
                      </Typography.Text>
                    )}
                  </Space>
                ))}
              </Space>
            ),
          },
          {
            title: t('contractDocs.fingerprint'),
            render: (_, r) => (
              <Typography.Text code style={{ fontSize: 11 }} title={r.fingerprint}>
                {r.fingerprint.slice(0, 16)}…
              </Typography.Text>
            ),
          },
          { title: t('contractDocs.created'), render: (_, r) => <Instant value={r.createdAt} /> },
        ]}
      />
      {data.signedScans.length > 0 && (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
          {t('contractDocs.signedScans')}
          {data.signedScans.map((s) => (
            <span key={s.part} style={{ marginRight: 12 }}>
              {t(`contractDocs.part.${s.part}` as MessageKey)} <Typography.Text code style={{ fontSize: 11 }} title={s.sha256}>{s.sha256.slice(0, 16)}…</Typography.Text>
            </span>
          ))}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
