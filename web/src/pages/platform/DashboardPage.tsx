import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { client } from '../../api/client';
import { useSession } from '../../auth/session';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n';

/** The health answer is the same body whether the database is reachable (200) or not (503). */
const loadHealth = () => client.GET('/api/health').then(({ data, error }) => data ?? error);

/** The staff's landing page: my roles, and whether the database is reachable. */
export function DashboardPage() {
  const { me } = useSession();
  const { t } = useI18n();
  const { data: health } = useLoad(loadHealth, []);
  if (!me) return null;
  return (
    <>
      <Typography.Title level={3}>{t('dashboard.welcome', { name: me.displayName })}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card title={t('dashboard.roles')}>
            {me.roles.map((r) => (
              <Tag key={r} color="blue">
                {t(`role.${r}`)}
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
