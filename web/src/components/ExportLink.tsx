import { DownloadOutlined } from '@ant-design/icons';
import { useI18n, type MessageKey } from '../i18n';
import { DocumentDownload } from './DocumentDownload';

/**
 * A CSV download of a list (UTF-8 with BOM, so Excel shows the Chinese); `href` is below /api/v1 and `what` names the list.
 * Fetched with progress (a big list takes a while to build and to arrive), see DocumentDownload.
 */
export function ExportLink({ href, what }: { href: string; what: MessageKey }) {
  const { t } = useI18n();
  return (
    <DocumentDownload size="small" icon={<DownloadOutlined />} href={href}>
      {t('common.exportCsv')} · {t(what)}
    </DocumentDownload>
  );
}
