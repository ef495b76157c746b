import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from './core/clock.js';
import { PACKAGE_ROOT } from './paths.js';
import { filesDir, type Config } from './core/config.js';
import type { IdGenerator } from './core/ids.js';
import type { Database, Executor } from './db/client.js';
import { ReactionBus } from './core/reactions.js';
import { currentMigrationVersion } from './db/migrate.js';
import { buildHttpServer, type HttpModule } from './http/server.js';
import { makeIdempotencyStore, markWrites } from './http/idempotency.js';
import { registerConstraintErrors, toErrorResponse } from './http/errors.js';
import { makeAuditRepository } from './modules/audit/audit.repository.js';
import { makeAnchorStore } from './modules/audit/audit.anchors.js';
import { makeAuditService } from './modules/audit/audit.service.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authConstraints } from './modules/auth/auth.constraints.js';
import { makeAuthRepository } from './modules/auth/auth.repository.js';
import { makeAuthService } from './modules/auth/auth.service.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { argon2idHasher, type PasswordHasher } from './modules/auth/passwords.js';
import { makeTokensService } from './modules/auth/tokens.service.js';
import { makeUsersService } from './modules/auth/users.service.js';
import { AUTH_CHANNEL, makeSessionCache } from './modules/auth/session-cache.js';
import { customersConstraints } from './modules/customers/customers.constraints.js';
import { makeCustomersRepository } from './modules/customers/customers.repository.js';
import { makeCustomersService } from './modules/customers/customers.service.js';
import { customersRoutes } from './modules/customers/customers.routes.js';
import { makeKycRepository } from './modules/customers/kyc.repository.js';
import { makeKycService } from './modules/customers/kyc.service.js';
import { makeRosterRepository } from './modules/customers/roster.repository.js';
import { makeRosterService } from './modules/customers/roster.service.js';
import { makeProviderRepository } from './modules/provider/provider.repository.js';
import { makeProviderService } from './modules/provider/provider.service.js';
import { providerRoutes } from './modules/provider/provider.routes.js';
import { makeFileStore } from './files/file-store.js';
import { makeFilesRepository } from './files/files.repository.js';
import { makeFilesService } from './files/files.service.js';
import { makeChromiumPdfRenderer } from './documents/pdf.js';
import { makeFloorRepository } from './modules/facility/floor.repository.js';
import { makeFloorService } from './modules/facility/floor.service.js';
import { makeServersRepository } from './modules/facility/servers.repository.js';
import { makeServersService } from './modules/facility/servers.service.js';
import { makeNetworkRepository } from './modules/facility/network.repository.js';
import { makeNetworkService } from './modules/facility/network.service.js';
import { makeContractsRepository } from './modules/contracts/contracts.repository.js';
import { makeContractsService } from './modules/contracts/contracts.service.js';
import { contractsReactions } from './modules/contracts/reactions.js';
import { contractsRoutes } from './modules/contracts/contracts.routes.js';
import { contractsConstraints } from './modules/contracts/contracts.constraints.js';
// issue 19 §3 (doc-versions): the frozen copies of contract documents
import { makeContractCopies } from './modules/contracts/contract-copies.js';
import { makeContractCopiesRepository } from './modules/contracts/contract-copies.repository.js';
import { makeMailer, type Mailer } from './modules/notices/mailer.js';
import { makeNoticesRepository } from './modules/notices/notices.repository.js';
import { makeNoticesService } from './modules/notices/notices.service.js';
import { noticesReactions } from './modules/notices/reactions.js';
import { noticesRoutes } from './modules/notices/notices.routes.js';
import { makeBillingRepository } from './modules/billing/billing.repository.js';
import { makeFinanceRepository } from './modules/billing/finance.repository.js';
import { makeBillingService } from './modules/billing/billing.service.js';
import { billingRoutes } from './modules/billing/billing.routes.js';
import { billingReactions } from './modules/billing/reactions.js';
import { billingConstraints } from './modules/billing/billing.constraints.js';
import { makeTicketsRepository } from './modules/tickets/tickets.repository.js';
import { makeTicketsService } from './modules/tickets/tickets.service.js';
import { ticketsRoutes } from './modules/tickets/tickets.routes.js';
import { facilityRoutes } from './modules/facility/facility.routes.js';
import { makeIpamRepository } from './modules/ipam/ipam.repository.js';
import { makeIpamService } from './modules/ipam/ipam.service.js';
import { ipamReactions } from './modules/ipam/reactions.js';
import { ipamRoutes } from './modules/ipam/ipam.routes.js';
import { makeDnsRepository } from './modules/dns/dns.repository.js';
import { makeDnsService } from './modules/dns/dns.service.js';
import { dnsReactions } from './modules/dns/reactions.js';
import { dnsRoutes } from './modules/dns/dns.routes.js';
import { makeNetboxService } from './modules/netbox/netbox.service.js';
import { netboxRoutes } from './modules/netbox/netbox.routes.js';
import { facilityConstraints } from './modules/facility/facility.constraints.js';
import { ipamConstraints } from './modules/ipam/ipam.constraints.js';
import { dnsConstraints } from './modules/dns/dns.constraints.js';
import { makeCalendarRepository } from './modules/calendar/calendar.repository.js';
import { makeCalendarService } from './modules/calendar/calendar.service.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { makeIncidentsRepository } from './modules/incidents/incidents.repository.js';
import { makeIncidentsService } from './modules/incidents/incidents.service.js';
import { makeMaintenanceService } from './modules/incidents/maintenance.service.js';
import { makeAlertsService } from './modules/incidents/alerts.service.js';
import { incidentsRoutes } from './modules/incidents/incidents.routes.js';
import { incidentsConstraints } from './modules/incidents/incidents.constraints.js';
import { registerMessages } from './core/i18n/index.js';
import { makeComplianceRepository } from './modules/compliance/compliance.repository.js';
import { makeDomainsService } from './modules/compliance/domains.service.js';
import { GATE_CHANNEL, makeGateService, type GateAlert, type GateBlockSource } from './modules/compliance/gate.service.js';
import { makeComplaintsService } from './modules/compliance/complaints.service.js';
import { makeDeclarationsService } from './modules/compliance/declarations.service.js';
import { makeInspectionsService } from './modules/compliance/inspections.service.js';
import { complianceRoutes } from './modules/compliance/compliance.routes.js';
import { complianceReactions } from './modules/compliance/reactions.js';
import { complianceConstraints } from './modules/compliance/compliance.constraints.js';
import { customersReactions } from './modules/customers/reactions.js';
import { makeOnboardingService } from './modules/onboarding/onboarding.service.js';
import { onboardingRoutes } from './modules/onboarding/onboarding.routes.js';
// issue 20 §3: the global search
import { makeSearchService } from './modules/search/search.service.js';
import { makeSearchRepository } from './modules/search/search.repository.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { COMPLIANCE_REASON_MESSAGES } from './rules/compliance.js';
// ── issue 24: accounts and self-service ──
import { makeAccountsRepository } from './modules/auth/accounts.repository.js';
import { makeAccountMail, makeAccountMailer } from './modules/auth/account-mail.js';
import { makeFactorsService } from './modules/auth/factors.service.js';
import { makeTeamService } from './modules/auth/team.service.js';
import { makePasskeysService } from './modules/auth/passkeys.service.js';
import { accountRoutes } from './modules/auth/account.routes.js';
// ── desk: dashboards, the to-do list, the daily digest (issue 20) ──
import { makeCustomersDesk } from './modules/customers/customers.desk.js';
import { makeContractsDesk } from './modules/contracts/contracts.desk.js';
import { makeBillingDesk } from './modules/billing/billing.desk.js';
import { makeComplianceDesk } from './modules/compliance/compliance.desk.js';
import { makeTicketsDesk } from './modules/tickets/tickets.desk.js';
import { makeIncidentsDesk } from './modules/incidents/incidents.desk.js';
import { makeFacilityDesk } from './modules/facility/facility.desk.js';
import { makeDeskRepository } from './modules/desk/desk.repository.js';
import { makeDeskService } from './modules/desk/desk.service.js';
import { deskRoutes } from './modules/desk/desk.routes.js';
import { REASON_MESSAGES, RULE_MESSAGES } from './rules/index.js';
// alert channels (issue 20 §5)
import { makeAlertingRepository } from './modules/alerting/alerting.repository.js';
import { makeAlertingService } from './modules/alerting/alerting.service.js';
import { alertingRoutes } from './modules/alerting/alerting.routes.js';
import { alertingReactions } from './modules/alerting/reactions.js';
import { alertingConstraints } from './modules/alerting/alerting.constraints.js';
// site access (issue 21)
import { makeAccessRepository } from './modules/access/access.repository.js';
import { makeAccessService } from './modules/access/access.service.js';
import { makeAccessDesk } from './modules/access/access.desk.js';
import { accessRoutes } from './modules/access/access.routes.js';
import { accessConstraints } from './modules/access/access.constraints.js';
// issue 22 §1–3: the regulator's view (basic-data register, exports, reconciliation)
import { makeRegulatorRepository } from './modules/regulator/regulator.repository.js';
import { GATE_FILES } from './modules/compliance/gate-config.js';
import { promises as dnsPromises } from 'node:dns';
import { makeRegulatorChanges, makeRegulatorService } from './modules/regulator/regulator.service.js';
import { regulatorReactions } from './modules/regulator/reactions.js';
import { makeRegulatorDesk } from './modules/regulator/regulator.desk.js';
import { regulatorRoutes } from './modules/regulator/regulator.routes.js';
// ── issue 22 §4–7: takedown orders, evidence packs, security reports, personal-data retention ──
import { makeTakedownsRepository } from './modules/takedowns/takedowns.repository.js';
import { makeTakedownsService } from './modules/takedowns/takedowns.service.js';
import { takedownsRoutes } from './modules/takedowns/takedowns.routes.js';
import { makeSecurityReportsRepository } from './modules/incidents/security-reports.repository.js';
import { makeSecurityReportsService } from './modules/incidents/security-reports.service.js';
import { securityReportsRoutes } from './modules/incidents/security-reports.routes.js';
import { makeRetentionRepository } from './modules/retention/retention.repository.js';
import { makeRetentionService } from './modules/retention/retention.service.js';
import { retentionRoutes } from './modules/retention/retention.routes.js';
import { makeEvidenceService } from './modules/evidence/evidence.service.js';
import { evidenceRoutes } from './modules/evidence/evidence.routes.js';

// the rules core's error and reason messages join the i18n catalogs under their own codes
registerMessages(RULE_MESSAGES);
registerMessages(REASON_MESSAGES);
registerMessages(COMPLIANCE_REASON_MESSAGES);

export const VERSION: string = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;

export interface AppContext {
  config: Config;
  database: Database;
  clock: Clock;
  ids: IdGenerator;
  passwords?: PasswordHasher;
  sessionSecret: string;
  /** tests may hand in their own; otherwise SMTP from SMTP_URL */
  mailer?: Mailer;
}

/** Wires repositories → services. The HTTP server, the CLI and the jobs all sit on this. */
export function buildServices(ctx: AppContext) {
  const { database, clock, ids } = ctx;
  const db = database.db;
  // issue 23 §5: a request's writes mark its Idempotency-Key in their own transaction
  markWrites(db);
  const passwords = ctx.passwords ?? argon2idHasher;
  // cross-module reactions: emitting services get `bus` (emit/ask); each reacting module's reactions.ts is subscribed below
  const bus = new ReactionBus<Executor>();

  // the audit chain's anchors live outside the database, signed with a key it never holds (issue 15)
  const anchors = makeAnchorStore({ dir: join(ctx.config.DATA_DIR, 'audit-anchors'), keyFile: join(ctx.config.DATA_DIR, 'audit-anchor-key.pem'), key: ctx.config.AUDIT_ANCHOR_KEY });
  const audit = makeAuditService({ db, repo: makeAuditRepository(db), clock, ids, anchors });
  const customersRepo = makeCustomersRepository(db);
  const kycRepo = makeKycRepository(db);
  const rosterRepo = makeRosterRepository(db);
  const files = makeFileStore(filesDir(ctx.config));
  const fileCheck = makeFilesService({ repo: makeFilesRepository(db), files });
  const customers = makeCustomersService({ repo: customersRepo, roster: rosterRepo, kyc: kycRepo, audit, clock, ids });
  const calendar = makeCalendarService({ repo: makeCalendarRepository(db), audit, customers, clock, horizonYears: ctx.config.CALENDAR_HORIZON_YEARS, bus });
  const roster = makeRosterService({ repo: rosterRepo, customers, files, audit, clock, ids });
  const fourEyes = ctx.config.FOUR_EYES === 'on';
  const kyc = makeKycService({ repo: kycRepo, customers: customersRepo, files, audit, clock, ids, fourEyes, bus });
  const provider = makeProviderService({ repo: makeProviderRepository(db), files, customers, audit, clock });
  // facility: the floor (sites, rooms, cabinets), customers' servers, the network (switches, ports)
  const floorRepo = makeFloorRepository(db);
  const networkRepo = makeNetworkRepository(db);
  const floor = makeFloorService({ repo: floorRepo, audit, clock, ids });
  const servers = makeServersService({ repo: makeServersRepository(db), cabinets: floorRepo, ports: networkRepo, customers, audit, files, clock, ids, bus });
  const network = makeNetworkService({ repo: networkRepo, rooms: floorRepo, servers, audit, clock, ids });
  const ipam = makeIpamService({ repo: makeIpamRepository(db), servers, audit, clock, ids, bus });
  const dns = makeDnsService({
    repo: makeDnsRepository(db),
    customers,
    audit,
    clock,
    ids,
    nameservers: ctx.config.DNS_NAMESERVERS.split(','),
    hostmaster: ctx.config.DNS_HOSTMASTER,
    ipam,
  });
  // issue 19 §8: one Chromium with a pool of pages for every document; `serve` warms it once it listens
  const pdf = makeChromiumPdfRenderer({ pages: ctx.config.PDF_PAGES, timeoutMs: ctx.config.PDF_TIMEOUT_SECONDS * 1000 });
  const mailer = ctx.mailer ?? makeMailer(ctx.config.SMTP_URL, { timeoutMs: ctx.config.SMTP_TIMEOUT_SECONDS * 1000 });
  const notices = makeNoticesService({ repo: makeNoticesRepository(db), customers, roster, files, provider, mailer, pdf, audit, clock, ids });
  // billing: invoices, payments, credit, 发票, dunning, the daily sweep — after notices, which it sends through;
  // before contracts, which issues invoices through it
  const billing = makeBillingService({ repo: makeBillingRepository(db), finance: makeFinanceRepository(db), files, customers, provider, notices, calendar, pdf, audit, clock, ids, bus });
  const contracts = makeContractsService({
    repo: makeContractsRepository(db), customers, servers, floor, ipam, billing, provider, calendar, files, pdf, audit, clock, ids, bus,
    // issue 19 §3: the frozen versions of the contract's documents (sent copy, 开通确认单)
    copies: makeContractCopies({ repo: makeContractCopiesRepository(db), files, pdf, clock }),
    // issue 19 (contract documents): the roster for the parties block; the domain list (built below, read at render time)
    roster,
    domainList: async (scope, customerId) => (await domains.list(scope, { customerId })).filter((d) => d.status !== 'revoked').map((d) => ({ domain: d.domainUnicode, filingNumber: d.filingNumber, address: d.address })),
  });
  const authRepo = makeAuthRepository(db);
  // answers only once the HTTP shell listens for changes to users and sessions (buildHttp)
  const sessionCache = makeSessionCache({ clock });
  // issue 24: second factors, the customer's own users and tokens, account e-mails
  const accountsRepo = makeAccountsRepository(db);
  const accountMail = makeAccountMail({ repo: accountsRepo, ids });
  const publicUrl = ctx.config.PUBLIC_URL ?? 'http://localhost:8080';
  const auth = makeAuthService({
    repo: authRepo, accounts: accountsRepo, mail: accountMail, requireStaff2fa: ctx.config.REQUIRE_2FA_STAFF === 'on',
    audit, clock, passwords, sessionSecret: ctx.sessionSecret, sessions: sessionCache, addressFailures: ctx.config.LOGIN_ADDRESS_FAILURES,
  });
  const users = makeUsersService({ repo: authRepo, audit, customers, clock, ids, passwords, sessions: sessionCache });
  const tokens = makeTokensService({ repo: authRepo, accounts: accountsRepo, audit, clock, ids });
  const factors = makeFactorsService({ repo: authRepo, accounts: accountsRepo, auth, mail: accountMail, audit, clock, ids, passwords, sessions: sessionCache });
  const passkeys = makePasskeysService({ repo: authRepo, accounts: accountsRepo, auth, audit, clock, sessions: sessionCache });
  const team = makeTeamService({ repo: authRepo, accounts: accountsRepo, customers, roster, mail: accountMail, audit, clock, ids, passwords, sessions: sessionCache, publicUrl });
  // a ticket's domain is checked against the domain list (built below; called only at request time) and DNS zones
  const domainHolders = async (names: string[]) => [...(await domains.holdersOf(names)), ...(await dns.zoneHoldersOf(names))];
  const tickets = makeTicketsService({ repo: makeTicketsRepository(db), servers, contracts, users, notices, provider, domainHolders, files, mailer, audit, clock, ids, bus });

  // ── compliance (5.3–5.8, 6.3, 6.6, 6.8): the domain list, the gate, declarations, complaints, inspections ──
  const complianceRepo = makeComplianceRepository(db);
  const domains = makeDomainsService({ repo: complianceRepo, servers, ipam, notices, files, audit, clock, ids, fourEyes, bus });
  const gateDir = resolve(ctx.config.GATE_DIR ?? join(ctx.config.DATA_DIR, 'gate'));
  const gateAlerts: GateAlert[] = [(row) => console.error(`rackpact gate: ${row.outcome} (${row.domainCount} domains); the previous gate stays in force\n${row.output}`)];
  const gateBlocks: GateBlockSource[] = [];
  const gate = makeGateService({
    repo: complianceRepo,
    ipam,
    provider,
    audit,
    clock,
    ids,
    alerts: gateAlerts,
    blocks: gateBlocks,
    bus,
    exclusive: gateExclusive(ctx.database),
    settings: {
      dir: gateDir,
      nginxBin: ctx.config.NGINX_BIN,
      httpListen: ctx.config.GATE_HTTP_LISTEN,
      httpsListen: ctx.config.GATE_HTTPS_LISTEN,
      upstreamHttpPort: ctx.config.GATE_UPSTREAM_HTTP_PORT,
      upstreamHttpsPort: ctx.config.GATE_UPSTREAM_HTTPS_PORT,
      pidFile: resolve(ctx.config.GATE_PID_FILE ?? join(gateDir, 'nginx.pid')),
      streamModule: ctx.config.GATE_STREAM_MODULE === 'none' ? null : ctx.config.GATE_STREAM_MODULE,
      templatePath: ctx.config.GATE_TEMPLATE,
      applyOn: ctx.config.GATE_APPLY === 'on',
    },
  });
  const declarations = makeDeclarationsService({ repo: complianceRepo, servers, customers, notices, files, audit, clock, ids });
  const complaints = makeComplaintsService({ repo: complianceRepo, servers, ipam, contracts, notices, files, audit, clock, ids });
  const inspections = makeInspectionsService({ repo: complianceRepo, servers, files, audit, clock, ids });
  registerConstraintErrors(complianceConstraints);

  // issue 18 §2: the guided path, read from the modules' own services (readiness, blockers, servers, invoices)
  const onboarding = makeOnboardingService({ customers, kyc, declarations, servers, contracts, ipam, domains, billing });

  // incidents, planned work and the compensation ledger (6.3, 7.2, 7.3)
  const incidentsRepo = makeIncidentsRepository(db);
  const incidents = makeIncidentsService({ repo: incidentsRepo, servers, ipam, contracts, notices, tickets, audit, clock, ids, bus });
  const maintenance = makeMaintenanceService({ repo: incidentsRepo, incidents, audit, clock, ids });
  const alerts = makeAlertsService({ repo: incidentsRepo, incidents, servers, floor, network, audit, clock, ids });
  registerConstraintErrors(incidentsConstraints);

  registerConstraintErrors(authConstraints);
  registerConstraintErrors(customersConstraints);
  registerConstraintErrors(contractsConstraints);
  registerConstraintErrors(billingConstraints);
  registerConstraintErrors(facilityConstraints);
  registerConstraintErrors(ipamConstraints);
  registerConstraintErrors(dnsConstraints);

  // issue 7: NetBox CSV import/export through the facility, IPAM and DNS services
  const netbox = makeNetboxService({ db, floor, servers, network, ipam, dns, customers, audit, clock, describeError: (err, locale) => toErrorResponse(err, locale, '') });

  // issue 20 §3: the global search — one statement per query over the areas' tables (its read model)
  const search = makeSearchService({ repo: makeSearchRepository(database.raw) });
  // alert channels (issue 20 §5): 企业微信 / 钉钉 robots and signed webhooks, fed by other modules' events
  const alerting = makeAlertingService({ repo: makeAlertingRepository(db), audit, clock, ids, publicUrl: ctx.config.PUBLIC_URL, timeoutMs: ctx.config.SMTP_TIMEOUT_SECONDS * 1000 });
  registerConstraintErrors(alertingConstraints);

  // site access (issue 21): visits and equipment in and out, gated by the 5.10 roster
  const access = makeAccessService({ repo: makeAccessRepository(db), roster, customers, floor, servers, billing, complaints, inspections, notices, audit, clock, ids });
  registerConstraintErrors(accessConstraints);
  // issue 22 §1–2: the change register (fed in-transaction through the bus) and the register's exports
  const regulatorRepo = makeRegulatorRepository(db);
  const regulatorChanges = makeRegulatorChanges({ repo: regulatorRepo, calendar, clock, ids });
  const regulator = makeRegulatorService({
    repo: regulatorRepo, changes: regulatorChanges, provider, floor, network, servers, ipam, kyc, domains, complaints, audit, clock, ids,
    // §3: the gate's access log (the format gate-config.ts writes) and DNS, for the daily reconciliation
    gateLog: join(gateDir, GATE_FILES.accessLog),
    resolver: dnsPromises,
    overlapReads: database.kind === 'postgres',
  });
  // ── issue 22 §4: takedown orders through the gate and the suspension flow; the gate keeps their names closed ──
  const takedowns = makeTakedownsService({ repo: makeTakedownsRepository(db), domains, ipam, servers, complaints, gate, customers, notices, provider, pdf, files, audit, clock, ids });
  gateBlocks.push(() => takedowns.inForce());
  // issue 22 §6: security-event reports kept with the incident
  const securityReports = makeSecurityReportsService({ repo: makeSecurityReportsRepository(db), incidents: incidentsRepo, audit, clock });
  // issue 22 §7: personal-data retention, legal holds (complaints, inspections, takedowns) and people's requests
  const retention = makeRetentionService({ repo: makeRetentionRepository(db), customers, contracts, kyc, roster, complaints, inspections, takedowns, tickets, calendar, files: fileCheck, audit, clock, ids });
  // issue 22 §5: a customer's evidence pack, read through every module's service, signed with the audit anchor key
  const evidence = makeEvidenceService({ customers, kyc, roster, contracts, billing, servers, ipam, domains, declarations, notices, complaints, inspections, access, takedowns, provider, audit, pdf, db, clock });

  // Who reacts to what is declared by the reacting module (its reactions.ts); the order here is the order
  // reactions run in: a removed server first loses its addresses (and their PTRs), then its domains.
  bus.subscribe(
    ...ipamReactions({ ipam }),
    ...dnsReactions({ dns }),
    ...contractsReactions({ contracts }),
    ...billingReactions({ billing }),
    ...noticesReactions({ notices }),
    ...complianceReactions({ domains, declarations }),
    ...customersReactions({ customers }),
    // alert channels (issue 20 §5)
    ...alertingReactions({ alerting, customers }),
    // issue 22 §1: each change to a basic-data record gets its change-register row in the same transaction
    ...regulatorReactions({ changes: regulatorChanges, servers }),
  );

  // ── desk (issue 20): each area answers its own to-do items and figures in SQL; the desk merges them ──
  const accountMailer = makeAccountMailer({ repo: accountsRepo, mailer, provider, clock });
  const desk = makeDeskService({
    repo: makeDeskRepository(db),
    sources: {
      customers: makeCustomersDesk(db),
      contracts: makeContractsDesk(db),
      billing: makeBillingDesk(db),
      compliance: makeComplianceDesk(db),
      tickets: makeTicketsDesk(db),
      incidents: makeIncidentsDesk(db),
      facility: makeFacilityDesk(db),
      // issue 22
      regulator: makeRegulatorDesk(db),
      // site access (issue 21): pending visit requests, today's expected visitors
      access: makeAccessDesk(db),
    },
    floor,
    users,
    mailer,
    provider,
    publicUrl: ctx.config.PUBLIC_URL ?? 'http://localhost:8080',
    clock,
    ids,
  });

  return {
    audit, customers, roster, kyc, provider, floor, servers, network, ipam, dns, contracts, notices, tickets, files, pdf, auth, users, tokens, calendar, sessionCache,
    idempotency: makeIdempotencyStore(db, clock, ctx.config.IDEMPOTENCY_LEASE_SECONDS),
    netbox, billing, domains, gate, gateAlerts, declarations, complaints, inspections, incidents, maintenance, alerts, fileCheck, bus, onboarding,
    // issue 20 §3
    search,
    // alert channels (issue 20 §5)
    alerting,
    desk,
    // site access (issue 21)
    access,
    // issue 22
    regulator,
    regulatorChanges,
    // issue 22 §4–7
    takedowns,
    securityReports,
    // issue 24
    factors, team, accountMailer, passkeys,
    retention,
    evidence,
  };
}

export type Services = ReturnType<typeof buildServices>;

export function httpModules(services: Services, ctx: AppContext): HttpModule[] {
  return [
    {
      tag: { name: 'auth', description: '登录、用户与 API 令牌 — accounts, sessions, API tokens' },
      routes: authRoutes({ ...services, publicUrl: ctx.config.PUBLIC_URL }),
    },
    { tag: { name: 'account', description: '账户安全与客户团队：会话、第二验证、通行密钥、邀请、客户令牌 — account security, customer teams and tokens' }, routes: accountRoutes({ ...services, publicUrl: ctx.config.PUBLIC_URL }) },
    { tag: { name: 'customers', description: '甲方客户：资料、证照、人员名单 — customers, KYC, rosters' }, routes: customersRoutes(services) },
    { tag: { name: 'provider', description: '乙方信息 — the provider profile' }, routes: providerRoutes(services) },
    { tag: { name: 'facility', description: '机房、机柜、服务器、端口 — sites, cabinets, servers, ports' }, routes: facilityRoutes(services) },
    { tag: { name: 'ipam', description: 'IP 地址池与分配 — IP pools and allocations' }, routes: ipamRoutes(services) },
    { tag: { name: 'dns', description: '域名解析 — DNS zones (6.1)' }, routes: dnsRoutes(services) },
    { tag: { name: 'contracts', description: '合同、开通、续约 — contracts, activation, renewals' }, routes: contractsRoutes(services) },
    { tag: { name: 'notices', description: '书面通知（第九条）— the notice register and e-mail' }, routes: noticesRoutes(services) },
    { tag: { name: 'tickets', description: '工单（6.1）— helpdesk, unlimited reboots' }, routes: ticketsRoutes(services) },
    { tag: { name: 'audit', description: '审计日志（6.4）— the audit chain' }, routes: auditRoutes(services) },
    { tag: { name: 'calendar', description: '法定工作日历 — the statutory working-day calendar' }, routes: calendarRoutes(services) },
    { tag: { name: 'netbox', description: 'NetBox CSV 导入导出 — NetBox CSV import and export' }, routes: netboxRoutes(services) },
    { tag: { name: 'billing', description: '账单、收款、余额、发票、催收、到期 — invoices, payments, credit, fapiao, dunning, expiry' }, routes: billingRoutes(services) },
    { tag: { name: 'compliance', description: '合规：域名清单与备案、接入网关、申报服务、日志留存、投诉违规、检查 — compliance (5.3–5.8, 6.3, 6.6, 6.8)' }, routes: complianceRoutes(services) },
    { tag: { name: 'onboarding', description: '开通引导清单 — the guided path from a new customer to a live, paid server' }, routes: onboardingRoutes(services) },
    { tag: { name: 'incidents', description: '故障、计划作业与补偿（6.3、7.2、7.3）— incidents, planned work, compensation' }, routes: async (app) => {
        await app.register(incidentsRoutes(services));
        // issue 22 §6: the security-event report kept with the incident
        await app.register(securityReportsRoutes(services));
      },
    },
    // issue 20 §3
    { tag: { name: 'search', description: '全局搜索 — the global search (IP, domain, serial, cabinet, contract, invoice, customer)' }, routes: searchRoutes(services) },
    // alert channels (issue 20 §5)
    { tag: { name: 'alerting', description: '告警通道：企业微信、钉钉群机器人与 Webhook — alert channels' }, routes: alertingRoutes(services) },
    // site access (issue 21)
    { tag: { name: 'access', description: '进出机房与设备进出：申请、前台登记、设备进出单（5.10 人员名单）— site access: visits, front desk, equipment in and out' }, routes: accessRoutes(services) },
    // ── desk (issue 20) ──
    // ── issue 22 §4–7 ──
    // issue 22 §1–3: the console's exports are written to DATA_DIR/regulator and downloaded from there
    { tag: { name: 'regulator', description: '监管报送：基础数据、变更登记、报送导出与回执、对账核查 — the regulator’s basic data, change register, exports, reconciliation' }, routes: regulatorRoutes({ ...services, exportDir: join(ctx.config.DATA_DIR, 'regulator') }) },
    { tag: { name: 'takedowns', description: '违法违规网站处置：登记、执行、阻断证明、回执 — takedown orders executed and proven' }, routes: takedownsRoutes(services) },
    { tag: { name: 'evidence', description: '客户证据包：摘要、原始文件、审计摘录与签名清单 — per-customer evidence packs' }, routes: evidenceRoutes(services) },
    { tag: { name: 'retention', description: '个人信息保存期限、法律保全与删除/更正请求 — personal-data retention, legal holds, requests' }, routes: retentionRoutes(services) },
    { tag: { name: 'desk', description: '工作台：待办、角色看板、每日摘要 — the desk: to-do list, role dashboards, daily digest' }, routes: deskRoutes(services) },
  ];
}

export interface HttpOptions {
  logger?: FastifyBaseLogger;
  webDir?: string;
}

/** The HTTP shell over already-built services. */
export async function buildHttp(services: Services, ctx: AppContext, opts: HttpOptions = {}) {
  const http = await buildHttpServer({
    modules: httpModules(services, ctx),
    auth: services.auth,
    tokens: services.tokens,
    ids: ctx.ids,
    logger: opts.logger,
    webDir: opts.webDir,
    version: VERSION,
    trustProxy: ctx.config.TRUST_PROXY,
    publicUrl: ctx.config.PUBLIC_URL,
    publicApiDocs: ctx.config.PUBLIC_API_DOCS === 'on',
    metricsListen: ctx.config.METRICS_LISTEN,
    idempotency: { store: services.idempotency, leaseSeconds: ctx.config.IDEMPOTENCY_LEASE_SECONDS },
    health: async () => {
      try {
        return { ok: true, database: ctx.database.kind, migration: await currentMigrationVersion(ctx.database) };
      } catch {
        return { ok: false, database: ctx.database.kind, migration: 0 };
      }
    },
  });
  // the document printer's browser goes when the server goes
  http.addHook('onClose', async () => services.pdf.close());
  // sessions are answered from memory only while this process hears of every change to them
  const stopListening = await ctx.database.listen(AUTH_CHANNEL, services.sessionCache.listener);
  http.addHook('onClose', stopListening);
  return http;
}

/** Several app processes on one PostgreSQL: one gate check-and-apply at a time, under an advisory lock on a connection of its own. */
const GATE_LOCK_KEY = 0x67617465; // 'gate'
function gateExclusive(database: Database): (<T>(fn: () => Promise<T>) => Promise<T>) | undefined {
  if (database.kind !== 'postgres') return undefined; // one process per embedded database
  return (fn) =>
    database.withSession(async (session) => {
      await session.query('SELECT pg_advisory_lock($1)', [GATE_LOCK_KEY]);
      try {
        return await fn();
      } finally {
        await session.query('SELECT pg_advisory_unlock($1)', [GATE_LOCK_KEY]);
      }
    });
}

/**
 * issue 23 §4: a change to the gate's input wakes the apply at once in this process (NOTIFY at
 * commit, from whichever process made it); the per-minute job stays as the safety net.
 */
export async function startGateWaker(services: Pick<Services, 'gate'>, database: Database, log: (err: unknown) => void, debounceMs?: number): Promise<() => Promise<void>> {
  const waker = services.gate.waker({ log, debounceMs });
  const stopListening = await database.listen(GATE_CHANNEL, waker.listener);
  return async () => {
    waker.stop();
    await stopListening();
  };
}

export async function buildApp(ctx: AppContext, opts: HttpOptions = {}) {
  const services = buildServices(ctx);
  return { http: await buildHttp(services, ctx, opts), services };
}
