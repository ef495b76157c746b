import { Progress, Space, Spin } from 'antd';
import { useI18n } from '../i18n';
import { Elapsed } from './DocumentDownload';

/**
 * Issue 20 §6: long work the server does in one request (the NetBox import, the gate apply) —
 * it reports no progress of its own, so the page shows an indeterminate bar, the step the request is
 * in and the seconds since it started, so a long run is seen to be alive. Nothing when `since` is null.
 */
export function WorkProgress({ since, step, testId = 'work-progress' }: { since: number | null; step: string; testId?: string }) {
  const { t } = useI18n();
  if (since === null) return null;
  return (
    <div role="status" aria-live="polite" data-testid={testId} style={{ margin: '12px 0' }}>
      <Space size={8}>
        <Spin size="small" />
        <span>{step}</span>
        <Elapsed since={since} label={t('progress.working')} />
      </Space>
      <Progress percent={100} status="active" showInfo={false} size="small" />
    </div>
  );
}
