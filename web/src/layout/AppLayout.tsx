import { Alert, Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useCalendarStatus } from '../calendarStatus';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { navFor, sectionsFor } from '../nav';
import { LanguageSwitch } from './LanguageSwitch';
import { PageLoading } from './PageLoading';

export function AppLayout() {
  const { me, logout } = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  // from 1 October while next year's schedule is not loaded: admins load it, NOC plans racking around it
  const calendarWatch = me?.kind === 'staff' && me.roles.some((r) => r === 'admin' || r === 'noc');
  const calendar = useCalendarStatus(calendarWatch);
  if (!me) return null;
  const entries = navFor(me);
  const selected = [...entries].sort((a, b) => b.path.length - a.path.length).find((e) => location.pathname === e.path || location.pathname.startsWith(`${e.path}/`));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} theme="dark" breakpoint="lg" collapsedWidth={0} style={{ overflowY: 'auto', maxHeight: '100vh', position: 'sticky', top: 0 }}>
        <div style={{ color: '#fff', padding: '18px 20px', fontWeight: 600, fontSize: 16 }}>
          {t('app.name')}
          <div style={{ fontSize: 12, fontWeight: 400, opacity: 0.65 }}>{me.kind === 'staff' ? t('kind.staff') : me.customerName}</div>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected.key] : []}
          items={sectionsFor(entries, me.kind).map((s) => ({
            type: 'group' as const,
            key: `section-${s.key}`,
            label: t(s.labelKey),
            children: s.items.map((e) => ({ key: e.key, label: <span data-testid={`nav-${e.key}`}>{t(e.labelKey)}</span>, onClick: () => navigate(e.path) })),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}>
          <Space size="middle" data-testid="user-menu">
            <Typography.Text strong>{me.displayName}</Typography.Text>
            {me.roles.map((r) => (
              <Tag key={r} color={me.kind === 'staff' ? 'blue' : 'green'}>
                {t(`role.${r}`)}
              </Tag>
            ))}
            <LanguageSwitch />
            <Button
              data-testid="logout"
              onClick={async () => {
                await logout();
                navigate('/login');
              }}
            >
              {t('logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          {calendar?.bannerDue && (
            <Alert
              data-testid="calendar-banner"
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('calendar.banner', { year: calendar.nextYear })}
              action={<Link to="/console/calendar">{t('calendar.bannerLink')}</Link>}
            />
          )}
          {/* pages load per area (main.tsx): the menu and header stay while a page's chunk arrives */}
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
