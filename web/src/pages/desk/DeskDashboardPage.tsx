import { Card, Col, Row, Segmented, Skeleton, Statistic, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { client, unwrap, type Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { Instant } from '../../components';
import { money } from '../../format';
import { useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

// the charting library travels in its own chunk, fetched after the figures are on screen
const DeskCharts = lazy(() => import('./Charts'));

type Role = Schemas['DashboardRole'];
type Figure = Schemas['DeskFigure'];
const DASHBOARD_ROLES: Role[] = ['admin', 'sales', 'noc', 'compliance', 'finance'];

/** The dashboards this user may open: their own roles'; admins and auditors every one. */
export function dashboardsFor(roles: readonly string[]): Role[] {
  if (roles.includes('admin') || roles.includes('auditor')) return DASHBOARD_ROLES;
  return DASHBOARD_ROLES.filter((r) => roles.includes(r));
}

function FigureValue({ figure }: { figure: Figure }) {
  const { t } = useI18n();
  switch (figure.unit) {
    case 'fen':
      return <>{money(figure.value)}</>;
    case 'percent':
      return <>{figure.value}%</>;
    case 'hours':
      return <>{t('desk.unit.hours', { n: figure.value })}</>;
    default:
      return <>{figure.value}</>;
  }
}

/** The landing page of the console (issue 20 §1): the role's figures, each a link to its list, and charts. */
export function DeskDashboardPage() {
  const { me } = useSession();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const mine = dashboardsFor(me?.roles ?? []);
  const asked = params.get('role') as Role | null;
  const role: Role | undefined = asked && mine.includes(asked) ? asked : mine[0];
  const { data, loading } = useLoad(() => (role ? unwrap(client.GET('/api/v1/desk/dashboards/{role}', { params: { path: { role } } })) : Promise.resolve(undefined)), [role]);
  if (!me) return null;
  return (
    <>
      <Typography.Title level={3}>{t('dashboard.welcome', { name: me.displayName })}</Typography.Title>
      {mine.length > 1 && (
        <Segmented<Role>
          style={{ marginBottom: 16 }}
          value={role}
          options={mine.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))}
          onChange={(r) => setParams({ role: r })}
          data-testid="desk-role"
        />
      )}
      {role && (
        <>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('desk.dashboard.title', { role: t(`role.${role}` as MessageKey) })}
            {/* a space between the title and its time, so the words stay apart when the page is read as text */}
            {data && ' '}
            {data && (
              <Typography.Text type="secondary" style={{ fontSize: 13, marginLeft: 12, fontWeight: 'normal' }}>
                {t('desk.dashboard.asOf')} <Instant value={String(data.asOf)} />
              </Typography.Text>
            )}
          </Typography.Title>
          {loading && !data ? (
            <Skeleton active />
          ) : (
            <>
              <Row gutter={[16, 16]} data-testid="desk-figures">
                {data?.figures.map((f) => (
                  <Col xs={12} md={8} xl={6} key={f.key}>
                    <Link to={f.link} data-testid={`desk-figure-${f.key}`} data-value={f.value} data-unit={f.unit}>
                      <Card size="small" hoverable>
                        <Statistic title={t(`desk.figure.${f.key}` as MessageKey)} valueRender={() => <FigureValue figure={f} />} />
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
              <div style={{ marginTop: 16 }}>
                <Suspense fallback={<Skeleton active title={{ width: 160 }} paragraph={{ rows: 4 }} />}>{data && <DeskCharts charts={data.charts} />}</Suspense>
              </div>
            </>
          )}
        </>
      )}
    </>
  );
}
