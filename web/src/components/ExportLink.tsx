import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n, type MessageKey } from '../i18n';

/** A CSV download of a list (UTF-8 with BOM, so Excel shows the Chinese); `href` is below /api/v1 and `what` names the list. */
export function ExportLink({ href, what }: { href: string; what: MessageKey }) {
  const { t } = useI18n();
  return (
    <Button size="small" icon={<DownloadOutlined />} href={`/api/v1${href}`} download>
      {t('common.exportCsv')} · {t(what)}
    </Button>
  );
}
