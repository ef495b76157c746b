import type { Services } from '../app.js';
import { systemClock, type Clock } from '../core/clock.js';
import { systemScope } from '../core/scope.js';
import { timedStep } from '../core/start-timing.js';
import { demoSealPng } from '../modules/provider/demo-seal.js';
import { shanghaiDate } from '../rules/index.js';

export const DEMO_PASSWORD = 'rackpact-demo';

export const DEMO_STAFF = [
  { login: 'admin', displayName: '系统管理员 Admin', roles: ['admin'] },
  { login: 'sales', displayName: '销售 王敏', roles: ['sales'] },
  { login: 'noc', displayName: '网络运维 李强', roles: ['noc'] },
  { login: 'compliance', displayName: '合规 赵静', roles: ['compliance'] },
  { login: 'finance', displayName: '财务 陈芳', roles: ['finance'] },
  { login: 'auditor', displayName: '审计 周平', roles: ['auditor'] },
] as const;

export const DEMO_PROVIDER = {
  legalName: '北京云桥数据科技有限公司',
  uscc: '91110106MA00YQ8D7K',
  address: '北京市丰台区南四环西路 188 号 12 区 5 号楼',
  domicileCourt: '北京市丰台区人民法院',
  bankName: '中国工商银行北京丰台支行',
  bankAccount: '0200 0045 0920 0123 456',
  signingPlace: '北京',
  phone: '010-63781234',
  noticeEmail: 'notice@yunqiao-idc.example',
  noticeFax: '010-63781235',
  postalAddress: '北京市丰台区南四环西路 188 号 12 区 5 号楼 云桥数据 法务部（邮编 100070）',
  sealFile: null,
  // the contract's parties block names them (issue 19)
  legalRepresentative: '王建华',
  contactPerson: '李娜（010-63781236）',
};

/** A 1×1 PNG and a one-page PDF: real files of the accepted types, standing in for scanned copies. */
const DEMO_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export const DEMO_CUSTOMERS = [
  {
    name: '北京寰宇网络科技有限公司',
    uscc: '91110108MA01ABCD2H',
    registeredAddress: '北京市海淀区中关村大街 27 号 1106 室',
    postalAddress: '北京市海淀区中关村大街 27 号 1106 室（邮编 100080）',
    noticeEmail: 'legal@huanyu.example',
    contactPhone: '010-82561234',
    legalRepresentative: '刘建国',
    legalRepresentativeId: '110108198003152017',
    roster: [
      { role: 'legal_representative', name: '刘建国', mobile: '13901012345', available24h: true },
      { role: 'technical_lead', name: '张博', mobile: '13801023456', email: 'bob@huanyu.example', available24h: true },
      { role: 'server_admin', name: '王磊', mobile: '13601034567', available24h: false },
    ],
    annualFee: '36,000.00',
    servers: [
      { brand: 'Dell', model: 'PowerEdge R750', serialNumber: 'HY-7XK2Q93', heightU: 2, powerW: 800 },
      { brand: 'Inspur', model: 'NF5280M6', serialNumber: 'HY-NF52801', heightU: 2, powerW: 750 },
    ],
    users: [
      { login: 'alice', displayName: '刘爱丽 Alice', roles: ['owner'] },
      { login: 'bob', displayName: '张博 Bob', roles: ['technical'] },
    ],
  },
  {
    name: '上海蓝山数据有限公司',
    uscc: '91310115MA1H7XYN30',
    registeredAddress: '上海市浦东新区张江路 666 号 3 幢 402 室',
    postalAddress: '上海市浦东新区张江路 666 号 3 幢 402 室（邮编 201203）',
    noticeEmail: 'it@lanshan.example',
    contactPhone: '021-50801234',
    legalRepresentative: '孙立',
    legalRepresentativeId: '310115198506203024',
    roster: [
      { role: 'legal_representative', name: '孙立', mobile: '13701112345', available24h: true },
      { role: 'technical_lead', name: '孙可', mobile: '13501123456', email: 'carol@lanshan.example', available24h: true },
    ],
    annualFee: '￥18000',
    servers: [{ brand: 'Huawei', model: 'FusionServer 2288H V6', serialNumber: 'LS-2102313', heightU: 2, powerW: 700 }],
    users: [{ login: 'carol', displayName: '孙可 Carol', roles: ['owner'] }],
  },
] as const;

/** The provider's people assigned to every demo customer (乙方人员名单, 6.5). */
const DEMO_PROVIDER_ROSTER = [
  { role: 'contract_contact', name: '王敏', mobile: '13911112222', email: 'wangmin@yunqiao-idc.example', available24h: false },
  { role: 'network_admin', name: '李强', mobile: '13922223333', email: 'noc@yunqiao-idc.example', available24h: true },
] as const;

/**
 * Demo data for a first look: staff of every role, two customers with users. Idempotent: does
 * nothing when the admin user already exists. Every row goes through the services, so the demo
 * data is audited like any other.
 *
 * `clock`: the app's clock (CLOCK_START in demos), so the demo's dates agree with what the services see as today.
 */
export async function seedDemo(services: Services, clock: Clock = systemClock): Promise<{ seeded: boolean }> {
  const scope = systemScope('demo-seed');
  const existing = await services.users.list(scope, { q: 'admin', kind: 'staff', page: 1, pageSize: 1 });
  if (existing.items.some((u) => u.login === 'admin')) return { seeded: false };

  // each step's time is logged with `serve`'s start phases (LOG_LEVEL=debug)
  const step = <T>(name: string, fn: () => Promise<T>) => timedStep('demo seed', name, fn);
  await step('staff', () => seedStaff(services));
  await step('provider', () => seedProvider(services));
  await step('regulator', () => seedRegulator(services));
  const facility = await step('facility', () => seedFacility(services));
  const rack: RackCursor = { nextU: 10, nextPort: 0 };
  for (const [i, c] of DEMO_CUSTOMERS.entries()) {
    const customer = await step(`customer ${i + 1}`, () => seedCustomer(services, c));
    const servers = await step(`contract ${i + 1}`, () => seedContract(services, c, customer.id, facility, rack, clock));
    await step(`customer users ${i + 1}`, () => seedCustomerUsers(services, c, customer.id));
    await step(`compliance ${i + 1}`, () => seedDemoCompliance(services, customer.id, servers.map((sv) => sv.id), c.uscc));
  }
  await step('billing', () => seedBilling(services, clock));
  await step('incidents', () => seedIncidentsDemo(services, facility.cabinets[0].id, clock));
  return { seeded: true };
}

type DemoCustomer = (typeof DEMO_CUSTOMERS)[number];
type DemoFacility = Awaited<ReturnType<typeof seedFacility>>;
/** Where the next racked server goes in cabinet A01: its lowest U and its switch port. */
interface RackCursor {
  nextU: number;
  nextPort: number;
}

/** Staff of every role, all with the demo password. */
async function seedStaff(services: Services) {
  const scope = systemScope('demo-seed');
  for (const s of DEMO_STAFF) {
    await services.users.create(scope, { ...s, roles: [...s.roles], kind: 'staff', password: DEMO_PASSWORD }, { demoSeed: true });
  }
}

/** 乙方: the provider's profile, then its seal (version 2: the same profile with its seal). */
async function seedProvider(services: Services) {
  const scope = systemScope('demo-seed');
  await services.provider.update(scope, DEMO_PROVIDER);
  await services.provider.setSeal(scope, demoSealPng());
}

/** Issue 22: the licence holder's particulars for the regulator's basic data (a demo licence number). */
async function seedRegulator(services: Services) {
  await services.regulator.updateSettings(systemScope('demo-seed'), { licenceNumber: 'B1.B2-20180001', province: '110000', houseNature: 'self_built', houseOfficer: '王运维', houseOfficerPhone: '010-62345678', workingDays: 5 });
}

/** 第一条: the site the agreement names, a room, two 42U cabinets, a switch, IPv4 and IPv6 pools. */
async function seedFacility(services: Services) {
  const scope = systemScope('demo-seed');
  const site = await services.floor.createSite(scope, { code: 'BJ-NJZ', name: '北京牛街庄机房', address: '北京市丰台区南四环西路 188 号', accessPoint: '牛街庄电信机房' });
  const room = await services.floor.createRoom(scope, { siteId: site.id, name: '三层 A 区' });
  const cabinets = [
    await services.floor.createCabinet(scope, { roomId: room.id, code: 'A01' }),
    await services.floor.createCabinet(scope, { roomId: room.id, code: 'A02' }),
  ];
  const sw = await services.network.createSwitch(scope, { roomId: room.id, cabinetId: cabinets[0].id, name: 'BJ-NJZ-A01-SW1', model: 'H3C S5130-52S', portCount: 48, portSpeedMbps: 1000 });
  const v4 = await services.ipam.createPool(scope, { name: 'BJ-NJZ 公网 v4', prefix: '203.0.113.0/24', gateway: '203.0.113.1', vlan: 100, siteId: site.id, reserved: [{ first: '203.0.113.2', last: '203.0.113.9', reason: '设备管理' }] });
  const v6 = await services.ipam.createPool(scope, { name: 'BJ-NJZ 公网 v6', prefix: '2001:db8:100::/48', gateway: '2001:db8:100::1', vlan: 100, siteId: site.id });
  return { site, cabinets, sw, v4, v6 };
}

/**
 * 甲方: the customer, both sides' rosters (6.5), its verified KYC documents and the log-retention attestation (5.5).
 * It starts as a prospect; its status follows its contract (issue 18 §4) and is 在约 once the contract is active.
 */
async function seedCustomer(services: Services, c: DemoCustomer) {
  const scope = systemScope('demo-seed');
  const customer = await services.customers.create(scope, {
    name: c.name,
    uscc: c.uscc,
    registeredAddress: c.registeredAddress,
    postalAddress: c.postalAddress,
    noticeEmail: c.noticeEmail,
    contactPhone: c.contactPhone,
    legalRepresentative: c.legalRepresentative,
  });
  // one change per side (issue 19 §5): the customer's people came on the roster form it handed over at
  // signing — received from the customer, nothing sent; the provider's people are its one notice to the customer
  await services.roster.change(scope, customer.id, {
    side: 'customer',
    items: c.roster.map((m) => ({ op: 'upsert' as const, ...m })),
    received: { how: 'in_person', documentName: '《甲方人员名单及联系方式》（签约时当面递交）' },
  });
  await services.roster.change(scope, customer.id, { side: 'provider', items: DEMO_PROVIDER_ROSTER.map((m) => ({ op: 'upsert' as const, ...m })) });
  const documents = [
    { kind: 'business_licence', holderName: c.name, idType: 'uscc', idNumber: c.uscc, issuedOn: '2019-05-10', expiresOn: null, fileName: '营业执照.pdf', bytes: DEMO_PDF },
    { kind: 'legal_representative_id', holderName: c.legalRepresentative, idType: 'resident_id', idNumber: c.legalRepresentativeId, issuedOn: '2017-03-01', expiresOn: '2037-03-01', fileName: '法定代表人身份证.png', bytes: DEMO_PNG },
  ] as const;
  for (const d of documents) {
    const uploaded = await services.kyc.upload(scope, customer.id, d);
    await services.kyc.review(scope, uploaded.id, { verify: true });
  }
  // 5.5: the log-retention attestation, required before activation
  await services.declarations.attest(scope, { customerId: customer.id, location: '自建日志服务器，异地备份', retentionMonths: 12 });
  return customer;
}

/**
 * 第二条: the customer's servers, inspected on arrival (5.2) and placed under a signed contract;
 * racking then activates the contract (7.1): term, annual invoice, commissioning order. Returns the servers.
 */
async function seedContract(services: Services, c: DemoCustomer, customerId: string, facility: DemoFacility, rack: RackCursor, clock: Clock) {
  const scope = systemScope('demo-seed');
  const servers: Awaited<ReturnType<Services['servers']['createServer']>>[] = [];
  for (const spec of c.servers) {
    const server = await services.servers.createServer(scope, { customerId, ...spec });
    await services.servers.inspect(scope, server.id, { powerSupplies: true, rails: true, interfaces: true, labelling: true });
    servers.push(server);
  }
  const step = <T>(name: string, fn: () => Promise<T>) => timedStep('demo seed: contracts', `${c.uscc} ${name}`, fn);
  const contract = await step('create', () => services.contracts.create(scope, { customerId, siteId: facility.site.id, serverIds: servers.map((s) => s.id), annualFee: c.annualFee }));
  await step('send', () => services.contracts.send(scope, contract.id));
  await step('sign', () => services.contracts.sign(scope, contract.id, { signingDate: shanghaiDate(clock.now()), securityLetterSigned: true, userUndertakingSigned: true, signedCopy: DEMO_PDF }));
  for (const [i, server] of servers.entries()) await step(`rack ${i + 1}`, () => rackServer(services, server, facility, rack));
  return servers;
}

/**
 * Racks one server in cabinet A01 with a switch port and an IPv4 and IPv6 address; skipped when the calendar
 * cannot answer. The addresses are allocated first, so the 开通确认单 racking makes lists them (issue 19 §3).
 */
async function rackServer(services: Services, server: { id: string; heightU: number }, facility: DemoFacility, rack: RackCursor) {
  const scope = systemScope('demo-seed');
  await services.ipam.allocate(scope, { poolId: facility.v4.id, serverId: server.id });
  await services.ipam.allocate(scope, { poolId: facility.v6.id, serverId: server.id });
  try {
    await services.servers.rack(scope, server.id, { cabinetId: facility.cabinets[0].id, lowestU: rack.nextU, face: 'full' });
  } catch (err) {
    // the calendar answers provisionally up to CALENDAR_HORIZON_YEARS ahead; with a horizon of 0 a
    // deadline in next year is refused near a year's end, and the demo goes on without that server
    if ((err as { code?: string }).code === 'CALENDAR_NOT_COVERED') return;
    throw err;
  }
  rack.nextU += server.heightU + 1;
  await services.network.assignPort(scope, server.id, { portId: facility.sw.ports[rack.nextPort++].id, interfaceName: 'eth0' });
}

/** The customer's portal users, with the demo password. */
async function seedCustomerUsers(services: Services, c: DemoCustomer, customerId: string) {
  const scope = systemScope('demo-seed');
  for (const u of c.users) {
    await services.users.create(scope, { ...u, roles: [...u.roles], kind: 'customer', customerId, password: DEMO_PASSWORD }, { demoSeed: true });
  }
}

/** Billing: a partial bank transfer and a 发票 request on one demo invoice (the other stays unpaid). */
async function seedBilling(services: Services, clock: Clock) {
  const scope = systemScope('demo-seed');
  const demoInvoice = (await services.billing.invoices(scope, {})).at(-1);
  if (!demoInvoice) return;
  const payer = await services.customers.get(scope, demoInvoice.customerId);
  await services.billing.recordPayment(scope, demoInvoice.id, { amount: (demoInvoice.amountFen / 200).toFixed(2), receivedOn: shanghaiDate(clock.now()), bankReference: 'DEMO-ICBC-000001' });
  if (payer.uscc) await services.billing.requestFapiao(scope, demoInvoice.id, { title: payer.name, taxNumber: payer.uscc, type: 'special' });
}

// ── compliance demo data: each customer's websites on the domain list (two verified, one waiting) ──
async function seedDemoCompliance(services: Services, customerId: string, serverIds: string[], uscc: string) {
  const scope = systemScope('demo-seed');
  const base = `demo-${uscc.slice(-4).toLowerCase()}`;
  const specs = [
    { domain: `www.${base}.cn`, use: 'non_commercial' as const, filingNumber: '京ICP备2024012345号-1', psbNumber: '京公网安备11010502030143号', verified: true },
    { domain: `shop.${base}.cn`, use: 'commercial' as const, filingNumber: '京B2-20202418', psbNumber: null, verified: true },
    { domain: `新站.${base}.cn`, use: 'non_commercial' as const, filingNumber: '京ICP备2024012345号-2', psbNumber: null, verified: false },
  ];
  // the first server that got its addresses (racking may have been refused near a year's end)
  for (const serverId of serverIds) {
    if ((await services.ipam.allocations(scope, { serverId, activeOnly: true })).length === 0) continue;
    for (const spec of specs) {
      const d = await services.domains.add(scope, { customerId, serverId, domain: spec.domain, use: spec.use, filingNumber: spec.filingNumber, psbNumber: spec.psbNumber });
      await services.domains.uploadEvidence(scope, d.id, { fileName: '工信部备案截图.pdf', bytes: DEMO_PDF });
      if (spec.verified) await services.domains.verify(scope, d.id, { method: 'miit_lookup', note: '工信部备案管理系统查询一致（演示）' });
    }
    break;
  }
}
/**
 * Incidents demo (6.3, 7.2, 7.3): a resolved outage of 上海蓝山's server three days ago (42 minutes,
 * so 2 hours credited to its contract) and provider work next week on cabinet A01 awaiting consent.
 */
async function seedIncidentsDemo(services: Services, cabinetId: string, clock: Clock) {
  const scope = systemScope('demo-seed');
  const [server] = (await services.servers.servers(scope, {})).filter((s) => s.serialNumber === 'LS-2102313' && s.status !== 'expected');
  if (!server) return; // not racked (the statutory calendar did not cover today)
  const day = 86_400_000;
  const now = clock.now().getTime();
  const startedAt = new Date(Math.floor((now - 3 * day) / 60_000) * 60_000);
  const incident = await services.incidents.open(scope, { title: '上联交换机端口故障', cause: 'provider_fault', scope: [{ kind: 'server', target: server.id }], startedAt, note: '交换机 BJ-NJZ-A01-SW1 端口 2 协商异常，已更换光模块' });
  await services.incidents.resolve(scope, incident.id, { resolvedAt: new Date(startedAt.getTime() + 42 * 60_000), note: '更换光模块后恢复' });
  const start = new Date(Math.floor((now + 6 * day) / day) * day - 6 * 3_600_000); // 02:00 Beijing time, six days ahead
  await services.maintenance.schedule(scope, {
    title: 'A01 机柜上联电路调测',
    kind: 'circuit_debugging',
    description: '运营商上联电路调测，预计中断不超过 30 分钟',
    startsAt: start,
    endsAt: new Date(start.getTime() + 2 * 3_600_000),
    scope: [{ kind: 'cabinet', target: cabinetId }],
  });
}

export function demoLoginsText(): string {
  const staff = DEMO_STAFF.map((s) => `${s.login} (${s.roles.join(',')})`).join(', ');
  const customers = DEMO_CUSTOMERS.map((c) => `${c.users.map((u) => u.login).join('/')} @ ${c.name}`).join('; ');
  return `staff: ${staff}\ncustomers: ${customers}\npassword: ${DEMO_PASSWORD}`;
}
