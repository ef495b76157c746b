import { Button, Descriptions, Space, Tag, Typography } from 'antd';
import { client, unwrap } from '../../api/client';
import { useCan } from '../../auth/can';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';

/** Issue 22 §6, the provider's setting: a critical-information-infrastructure operator reports in 1 hour instead of 4 (admin). */
export function SecuritySettingsCard() {
  const { t } = useI18n();
  const showError = useApiErrors();
  const mayChange = useCan('incident.criticalInfrastructure');
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/incidents/security-settings')), []);
  if (!data) return null;
  const set = (v: boolean) => unwrap(client.PUT('/api/v1/incidents/security-settings', { body: { criticalInfrastructure: v } })).then(reload, showError);
  return (
    <Descriptions bordered column={1} size="small" style={{ width: 680, marginBottom: 24 }} title={t('secReport.settingsTitle')} data-testid="security-settings">
      <Descriptions.Item label={t('secReport.cii')}>
        <Space wrap>
          <Tag color={data.criticalInfrastructure ? 'red' : 'default'}>{t(data.criticalInfrastructure ? 'secReport.ciiYes' : 'secReport.ciiNo')}</Tag>
          {mayChange && (
            <Button size="small" onClick={() => set(!data.criticalInfrastructure)} data-testid="security-cii-toggle">
              {t(data.criticalInfrastructure ? 'secReport.ciiTurnOff' : 'secReport.ciiTurnOn')}
            </Button>
          )}
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
          {t('secReport.ciiHint')}
        </Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}
