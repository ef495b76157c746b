import { Alert, Button, Descriptions, Popconfirm, Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { client, unwrap, type Schemas } from '../../api/client';
import { Instant } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';

type RecomputeRun = Schemas['CompensationRecomputeRun'];

const running = (run: RecomputeRun | null | undefined) => !!run && (run.step === 'queued' || run.step === 'check' || run.step === 'recompute');

/**
 * Issue 20 §6 (7.2): recomputing every contract's compensation ledger — what `rackpact compensation recompute`
 * does on the command line — as a background job on the server. The page shows the latest run and, while it
 * runs, its step and contracts done of total, read again every second.
 */
export function RecomputeTab() {
  const { t } = useI18n();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/compensation/recompute-runs/latest')), []);
  const [run, setRun] = useState<RecomputeRun | null>(null);
  const [starting, setStarting] = useState(false);
  const shown = run ?? data?.run ?? null;

  // while a run moves, its row is read again every second until it is done or failed
  useEffect(() => {
    if (!shown || !running(shown)) return;
    const id = shown.id;
    const timer = setTimeout(() => {
      unwrap(client.GET('/api/v1/compensation/recompute-runs/{id}', { params: { path: { id } } })).then(setRun, (e) => showError(e));
    }, 1000);
    return () => clearTimeout(timer);
  }, [shown, showError]);

  const start = () => {
    setStarting(true);
    unwrap(client.POST('/api/v1/compensation/recompute-runs'))
      .then(setRun, (e) => (showError(e), reload()))
      .finally(() => setStarting(false));
  };

  const percent = shown && shown.step === 'done' ? 100 : shown && shown.total > 0 ? Math.floor((shown.done / shown.total) * 100) : 0;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('recompute.intro')}</Typography.Paragraph>
      <Popconfirm title={t('recompute.confirm')} onConfirm={start} okText={t('recompute.start')} cancelText={t('common.cancel')}>
        <Button type="primary" loading={starting} disabled={running(shown)} data-testid="recompute-start">
          {t('recompute.start')}
        </Button>
      </Popconfirm>
      {shown && (
        <div data-testid="recompute-run" role="status" aria-live="polite" style={{ marginTop: 16, maxWidth: 640 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>{t(`recompute.step.${shown.step}`)}</Typography.Text>
            {shown.step !== 'failed' && (
              <Progress percent={percent} status={running(shown) ? 'active' : 'success'} format={() => (shown.total > 0 ? t('recompute.count', { done: shown.done, total: shown.total }) : `${percent}%`)} />
            )}
            {shown.step === 'failed' && <Alert type="error" showIcon title={t('recompute.failed')} description={shown.error} />}
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('recompute.requestedAt')}>
                <Instant value={shown.requestedAt} />
              </Descriptions.Item>
              {shown.finishedAt && (
                <Descriptions.Item label={t('recompute.finishedAt')}>
                  <Instant value={shown.finishedAt} />
                </Descriptions.Item>
              )}
              {shown.step === 'done' && <Descriptions.Item label={t('recompute.result')}>{t('recompute.resultText', { contracts: shown.contracts ?? 0, changed: shown.changed ?? 0 })}</Descriptions.Item>}
            </Descriptions>
          </Space>
        </div>
      )}
    </>
  );
}
