import { MenuOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Grid, Input, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useCalendarStatus } from '../calendarStatus';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { navFor, sectionsFor } from '../nav';
import { LanguageSwitch } from './LanguageSwitch';
import { PageLoading } from './PageLoading';
import './layout.css';

export function AppLayout() {
  const { me, logout } = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  // below antd's lg breakpoint (992 px, phones and small tablets) the menu is a drawer behind a button
  const screens = Grid.useBreakpoint();
  const narrow = screens.lg === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  // from 1 October while next year's schedule is not loaded: admins load it, NOC plans racking around it
  const calendarWatch = me?.kind === 'staff' && me.roles.some((r) => r === 'admin' || r === 'noc');
  const calendar = useCalendarStatus(calendarWatch);
  if (!me) return null;
  const entries = navFor(me);
  const selected = [...entries].sort((a, b) => b.path.length - a.path.length).find((e) => location.pathname === e.path || location.pathname.startsWith(`${e.path}/`));

  const title = (
    <div style={{ color: '#fff', padding: '18px 20px', fontWeight: 600, fontSize: 16 }}>
      {t('app.name')}
      <div style={{ fontSize: 12, fontWeight: 400, opacity: 0.65 }}>{me.kind === 'staff' ? t('kind.staff') : me.customerName}</div>
    </div>
  );
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selected ? [selected.key] : []}
      items={sectionsFor(entries, me.kind).map((s) => ({
        type: 'group' as const,
        key: `section-${s.key}`,
        label: t(s.labelKey),
        children: s.items.map((e) => ({
          key: e.key,
          label: <span data-testid={`nav-${e.key}`}>{t(e.labelKey)}</span>,
          onClick: () => {
            setDrawerOpen(false);
            navigate(e.path);
          },
        })),
      }))}
    />
  );
  const who = (
    <>
      <Typography.Text strong className="rp-nowrap">
        {me.displayName}
      </Typography.Text>
      {me.roles.map((r) => (
        <Tag key={r} color={me.kind === 'staff' ? 'blue' : 'green'}>
          {t(`role.${r}`)}
        </Tag>
      ))}
    </>
  );
  // issue 20 §3: the global search, for staff and (scoped to their own objects) customer users
  const searchBase = me.kind === 'staff' ? '/console' : '/portal';
  // on a phone the header has no room for the box: a button opens the results page, which has its own
  const searchBox = narrow ? (
    <Button type="text" icon={<SearchOutlined />} aria-label={t('search.title')} data-testid="global-search-open" onClick={() => navigate(`${searchBase}/search`)} />
  ) : (
    <Input.Search
      data-testid="global-search"
      allowClear
      placeholder={t('search.boxPlaceholder')}
      aria-label={t('search.title')}
      style={{ width: 320 }}
      onSearch={(v) => v.trim() && navigate(`${searchBase}/search?q=${encodeURIComponent(v.trim())}`)}
    />
  );
  const logoutButton = (
    <Button
      data-testid="logout"
      onClick={async () => {
        await logout();
        navigate('/login');
      }}
    >
      {t('logout')}
    </Button>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {narrow ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          closable={false}
          data-testid="nav-drawer"
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          {title}
          <div style={{ padding: '0 20px 12px' }} className="rp-drawer-who">
            <Space wrap size={[4, 4]}>
              {who}
            </Space>
          </div>
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider width={220} theme="dark" style={{ overflowY: 'auto', maxHeight: '100vh', position: 'sticky', top: 0 }}>
          {title}
          {menu}
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{ background: '#fff', padding: narrow ? '0 12px' : '0 24px', display: 'flex', justifyContent: narrow ? 'space-between' : 'flex-end', alignItems: 'center', gap: 8 }}
        >
          {narrow && (
            <Button type="text" icon={<MenuOutlined />} aria-label={t('layout.openMenu')} data-testid="nav-toggle" onClick={() => setDrawerOpen(true)}>
              {t('layout.menu')}
            </Button>
          )}
          <div style={{ flex: 1, display: 'flex', justifyContent: narrow ? 'flex-end' : 'flex-start' }}>{searchBox}</div>
          <Space size={narrow ? 'small' : 'middle'} data-testid="user-menu">
            {!narrow && who}
            <LanguageSwitch />
            {logoutButton}
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: narrow ? 12 : 24, minWidth: 0 }}>
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
