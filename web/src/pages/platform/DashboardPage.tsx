import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { useSession } from '../../auth/session';
import { useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

export function DashboardPage() {
  const { me } = useSession();
  const { t } = useI18n();
  const { data: health } = useLoad(() => fetch('/api/health').then((r) => r.json() as Promise<{ ok: boolean; database: string; migration: number }>), []);
  if (!me) return null;
  return (
    <>
      <Typography.Title level={3}>{t('dashboard.welcome', { name: me.displayName })}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card title={t('dashboard.roles')}>
            {me.roles.map((r) => (
              <Tag key={r} color="blue">
                {t(`role.${r}` as MessageKey)}
              </Tag>
            ))}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('dashboard.health')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('dashboard.database')}>
                {health ? (health.database === 'pglite' ? t('dashboard.embedded') : t('dashboard.postgres')) : '…'}{' '}
                {health && <Tag color={health.ok ? 'green' : 'red'}>{health.ok ? 'OK' : 'DOWN'}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={t('dashboard.migration')}>{health?.migration ?? '…'}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </>
  );
}
