import { Spin } from 'antd';
import { useI18n } from '../i18n';

/** What a page shows while its area's code is still downloading: a centred, labelled spinner. */
export function PageLoading() {
  const { t } = useI18n();
  return (
    <div role="status" data-testid="page-loading" style={{ display: 'flex', justifyContent: 'center', padding: '120px 0' }}>
      <Spin description={t('common.loading')} />
    </div>
  );
}
