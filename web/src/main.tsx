import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode, Suspense, lazy, type ComponentType, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { SessionProvider, useSession } from './auth/session';
import { setDateLocale } from './dates';
import { I18nProvider, useI18n } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { homeOf } from './nav';
import { LoginPage } from './pages/auth/LoginPage';

/**
 * Every page but the login loads on first visit, one chunk per business area, so a customer's first
 * screen does not download the console (see scripts/bundle-size.mjs for the budget). `pagesOf(load)`
 * returns a picker: `customers('CustomersPage')` is a lazy component whose chunk is the whole area.
 * (`any` is lazy()'s own bound; each page keeps its real props type through M[K].) The layout shows
 * <PageLoading /> while a chunk arrives.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own bound; props stay typed through M[K]
function pagesOf<M extends Record<string, ComponentType<any>>>(load: () => Promise<M>) {
  return <K extends keyof M>(name: K) => lazy(async () => ({ default: (await load())[name] }));
}
const customers = pagesOf(() => import('./pages/customers'));
const contracts = pagesOf(() => import('./pages/contracts'));
const facility = pagesOf(() => import('./pages/facility'));
const dns = pagesOf(() => import('./pages/dns'));
const compliance = pagesOf(() => import('./pages/compliance'));
const incidents = pagesOf(() => import('./pages/incidents'));
const notices = pagesOf(() => import('./pages/notices'));
const tickets = pagesOf(() => import('./pages/tickets'));
const platform = pagesOf(() => import('./pages/platform'));
const portal = pagesOf(() => import('./pages/portal'));
// issue 24: the team page and the invitation link
const teamPages = pagesOf(() => import('./pages/team'));
// issue 20 §3: the global search
const searchPages = pagesOf(() => import('./pages/search'));
const finance = pagesOf(() => import('./pages/finance'));
// ── desk: dashboards and the to-do list (issue 20) ──
const desk = pagesOf(() => import('./pages/desk'));
// site access (issue 21)
const access = pagesOf(() => import('./pages/access'));
// issue 22 §1–3: the regulator's view
const regulator = pagesOf(() => import('./pages/regulator'));
const RegulatorPage = regulator('RegulatorPage');
const VisitsPage = access('VisitsPage');
const FrontDeskPage = access('FrontDeskPage');
const MyVisitsPage = access('MyVisitsPage');

const CustomersPage = customers('CustomersPage');
const CustomerDetailPage = customers('CustomerDetailPage');
const KycQueuePage = customers('KycQueuePage');
const ContractsPage = contracts('ContractsPage');
const ContractDetailPage = contracts('ContractDetailPage');
const ExpiringPage = contracts('ExpiringPage');
const DunningPage = contracts('DunningPage');
const TemplatesPage = contracts('TemplatesPage');
const RacksPage = facility('RacksPage');
const ServersPage = facility('ServersPage');
const IpPoolsPage = facility('IpPoolsPage');
const NetboxImportPage = facility('NetboxImportPage');
const InventoryPage = facility('InventoryPage');
const ServerDetailPage = facility('ServerDetailPage');
const DnsPage = dns('DnsPage');
const CompliancePage = compliance('CompliancePage');
const DomainsPage = compliance('DomainsPage');
const ConductPage = compliance('ConductPage');
const TakedownsPage = compliance('TakedownsPage');
const RetentionPage = compliance('RetentionPage');
const IncidentsPage = incidents('IncidentsPage');
const StatusPage = incidents('StatusPage');
const NoticesPage = notices('NoticesPage');
const NoticePreferencesPage = notices('NoticePreferencesPage');
const TicketsPage = tickets('TicketsPage');
const TicketReportsPage = tickets('TicketReportsPage');
const AccountPage = platform('AccountPage');
const AuditPage = platform('AuditPage');
const CalendarPage = platform('CalendarPage');
const TokensPage = platform('TokensPage');
const UsersPage = platform('UsersPage');
const ProviderPage = platform('ProviderPage');
// alert channels (issue 20 §5)
const AlertChannelsPage = platform('AlertChannelsPage');
const MyCompanyPage = portal('MyCompanyPage');
// issue 24
const TeamPage = teamPages('TeamPage');
const InvitePage = teamPages('InvitePage');
const SearchPage = searchPages('SearchPage');
// finance desk (issue 20 item 4)
const ReceivablesPage = finance('ReceivablesPage');
const PaymentsPage = finance('PaymentsPage');
const StatementPage = finance('StatementPage');
const BankImportPage = finance('BankImportPage');
const DeskDashboardPage = desk('DeskDashboardPage');
const DeskTodoPage = desk('DeskTodoPage');
const PortalTodoPage = desk('PortalTodoPage');

/** Lets a page through only for the right audience; anyone else goes to their own home. */
function Guard({ audience, children }: { audience: 'staff' | 'customer'; children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  if (!me) return <Navigate to="/login" replace />;
  if (me.kind !== audience) return <Navigate to={homeOf(me)} replace />;
  // a required second factor not yet enrolled: the account page until it is (issue 24)
  const accountPath = me.kind === 'staff' ? '/console/account' : '/portal/account';
  if (me.enrolmentRequired && location.pathname !== accountPath) return <Navigate to={accountPath} replace />;
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
              <Route path="/invite/:token" element={<Suspense fallback={<Spin style={{ display: "block", marginTop: 120 }} />}><InvitePage /></Suspense>} />
              <Route
                path="/console"
                element={
                  <Guard audience="staff">
                    <AppLayout />
                  </Guard>
                }
              >
                <Route index element={<DeskDashboardPage />} />
                <Route path="customers" element={<CustomersPage />} />
                <Route path="customers/:id" element={<CustomerDetailPage />} />
                <Route path="contracts" element={<ContractsPage />} />
                <Route path="contracts/:id" element={<ContractDetailPage />} />
                <Route path="tickets" element={<TicketsPage />} />
                <Route path="notices" element={<NoticesPage />} />
                <Route path="racks" element={<RacksPage />} />
                <Route path="servers" element={<ServersPage />} />
                <Route path="servers/:id" element={<ServerDetailPage />} />
                <Route path="ip-pools" element={<IpPoolsPage />} />
                <Route path="inventory" element={<InventoryPage />} />
                <Route path="kyc" element={<KycQueuePage />} />
                <Route path="tasks" element={<DeskTodoPage />} />
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
                <Route path="regulator" element={<RegulatorPage />} />
                <Route path="takedowns" element={<TakedownsPage />} />
                <Route path="retention" element={<RetentionPage />} />
                <Route path="visits" element={<VisitsPage />} />
                <Route path="front-desk" element={<FrontDeskPage />} />
                {/* issue 20 §3 */}
                <Route path="search" element={<SearchPage />} />
                {/* finance desk (issue 20 item 4) */}
                <Route path="receivables" element={<ReceivablesPage />} />
                <Route path="payments" element={<PaymentsPage />} />
                <Route path="statement" element={<StatementPage />} />
                <Route path="bank-import" element={<BankImportPage />} />
                {/* alert channels (issue 20 §5) */}
                <Route path="alert-channels" element={<AlertChannelsPage />} />
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
                <Route path="team" element={<TeamPage />} />
                <Route path="contracts" element={<ContractsPage />} />
                <Route path="contracts/:id" element={<ContractDetailPage />} />
                <Route path="tickets" element={<TicketsPage />} />
                <Route path="notices" element={<NoticesPage />} />
                <Route path="servers" element={<ServersPage />} />
                <Route path="visits" element={<MyVisitsPage />} />
                <Route path="servers/:id" element={<ServerDetailPage />} />
                <Route path="racks" element={<RacksPage />} />
                <Route path="audit" element={<AuditPage />} />
                <Route path="account" element={<AccountPage />} />
                <Route path="notice-preferences" element={<NoticePreferencesPage />} />
                <Route path="dns" element={<DnsPage />} />
                <Route path="expiring" element={<ExpiringPage />} />
                <Route path="domains" element={<DomainsPage />} />
                <Route path="status" element={<StatusPage />} />
                <Route path="conduct" element={<ConductPage />} />
                {/* issue 20 §3 */}
                <Route path="search" element={<SearchPage />} />
                {/* finance desk (issue 20 item 4) */}
                <Route path="statement" element={<StatementPage />} />
                {/* desk (issue 20): the customer's own to-do list */}
                <Route path="todo" element={<PortalTodoPage />} />
              </Route>
              <Route path="*" element={<Home />} />
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </Themed>
    </I18nProvider>
  </StrictMode>,
);
