import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { SessionProvider, useSession } from './auth/session';
import { setDateLocale } from './dates';
import { I18nProvider, useI18n } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { homeOf } from './nav';
import { LoginPage } from './pages/auth/LoginPage';
import { CustomerDetailPage, CustomersPage } from './pages/customers/CustomersPage';
import { AccountPage } from './pages/platform/AccountPage';
import { AuditPage } from './pages/platform/AuditPage';
import { CalendarPage } from './pages/platform/CalendarPage';
import { DashboardPage } from './pages/platform/DashboardPage';
import { TokensPage } from './pages/platform/TokensPage';
import { UsersPage } from './pages/platform/UsersPage';
import { MyCompanyPage } from './pages/portal/MyCompanyPage';
import { KycQueuePage } from './pages/customers/KycQueuePage';
import { TasksPage } from './pages/customers/TasksPage';
import { ProviderPage } from './pages/platform/ProviderPage';
import { RacksPage } from './pages/facility/RacksPage';
import { ServersPage } from './pages/facility/ServersPage';
import { IpPoolsPage } from './pages/facility/IpPoolsPage';
import { DnsPage } from './pages/dns/DnsPage';
import { NetboxImportPage } from './pages/facility/NetboxImportPage';
import { ContractDetailPage, ContractsPage } from './pages/contracts/ContractsPage';
import { DunningPage, ExpiringPage } from './pages/contracts/BillingPages';
import { TemplatesPage } from './pages/contracts/TemplatesPage';
import { NoticesPage } from './pages/notices/NoticesPage';
import { TicketsPage } from './pages/tickets/TicketsPage';
import { TicketReportsPage } from './pages/tickets/TicketReportsPage';
import { NoticePreferencesPage } from './pages/notices/NoticePreferencesPage';
import { CompliancePage } from './pages/compliance/CompliancePage';
import { DomainsPage } from './pages/compliance/DomainsPage';
import { ConductPage } from './pages/compliance/ConductPage';
import { IncidentsPage } from './pages/incidents/IncidentsPage';
import { StatusPage } from './pages/incidents/StatusPage';

/** Lets a page through only for the right audience; anyone else goes to their own home. */
function Guard({ audience, children }: { audience: 'staff' | 'customer'; children: ReactNode }) {
  const { me, loading } = useSession();
  if (loading) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  if (!me) return <Navigate to="/login" replace />;
  if (me.kind !== audience) return <Navigate to={homeOf(me)} replace />;
  return <>{children}</>;
}

function Home() {
  const { me, loading } = useSession();
  if (loading) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  return <Navigate to={me ? homeOf(me) : '/login'} replace />;
}

function Themed({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  // before the pickers render: their month and weekday names come from dayjs's locale
  setDateLocale(locale);
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1264b4', borderRadius: 6 } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <Themed>
        <SessionProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/" element={<Home />} />
              <Route path="/login" element={<LoginPage />} />
              <Route
                path="/console"
                element={
                  <Guard audience="staff">
                    <AppLayout />
                  </Guard>
                }
              >
                <Route index element={<DashboardPage />} />
                <Route path="customers" element={<CustomersPage />} />
                <Route path="customers/:id" element={<CustomerDetailPage />} />
                <Route path="contracts" element={<ContractsPage />} />
                <Route path="contracts/:id" element={<ContractDetailPage />} />
                <Route path="tickets" element={<TicketsPage />} />
                <Route path="notices" element={<NoticesPage />} />
                <Route path="racks" element={<RacksPage />} />
                <Route path="servers" element={<ServersPage />} />
                <Route path="ip-pools" element={<IpPoolsPage />} />
                <Route path="kyc" element={<KycQueuePage />} />
                <Route path="tasks" element={<TasksPage />} />
                <Route path="provider" element={<ProviderPage />} />
                <Route path="users" element={<UsersPage />} />
                <Route path="tokens" element={<TokensPage />} />
                <Route path="audit" element={<AuditPage />} />
                <Route path="calendar" element={<CalendarPage />} />
                <Route path="account" element={<AccountPage />} />
                <Route path="ticket-reports" element={<TicketReportsPage />} />
                <Route path="dns" element={<DnsPage />} />
                <Route path="netbox-import" element={<NetboxImportPage />} />
                <Route path="notice-preferences" element={<NoticePreferencesPage />} />
                <Route path="expiring" element={<ExpiringPage />} />
                <Route path="dunning" element={<DunningPage />} />
                <Route path="contract-templates" element={<TemplatesPage />} />
                <Route path="compliance" element={<CompliancePage />} />
                <Route path="domains" element={<DomainsPage />} />
                <Route path="incidents" element={<IncidentsPage />} />
                <Route path="conduct" element={<ConductPage />} />
              </Route>
              <Route
                path="/portal"
                element={
                  <Guard audience="customer">
                    <AppLayout />
                  </Guard>
                }
              >
                <Route index element={<MyCompanyPage />} />
                <Route path="documents" element={<MyCompanyPage tab="kyc" />} />
                <Route path="roster" element={<MyCompanyPage tab="roster" />} />
                <Route path="contracts" element={<ContractsPage />} />
                <Route path="contracts/:id" element={<ContractDetailPage />} />
                <Route path="tickets" element={<TicketsPage />} />
                <Route path="notices" element={<NoticesPage />} />
                <Route path="servers" element={<ServersPage />} />
                <Route path="racks" element={<RacksPage />} />
                <Route path="audit" element={<AuditPage />} />
                <Route path="account" element={<AccountPage />} />
                <Route path="notice-preferences" element={<NoticePreferencesPage />} />
                <Route path="dns" element={<DnsPage />} />
                <Route path="expiring" element={<ExpiringPage />} />
                <Route path="domains" element={<DomainsPage />} />
                <Route path="status" element={<StatusPage />} />
                <Route path="conduct" element={<ConductPage />} />
              </Route>
              <Route path="*" element={<Home />} />
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </Themed>
    </I18nProvider>
  </StrictMode>,
);
