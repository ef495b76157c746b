/**
 * Issue 22 §3 on real traffic: a real nginx runs the gate's generated files (with the access-log line the
 * gate writes into them); refused Host and SNI names, and traffic answered by an address IPAM no longer
 * holds, come back as findings; so do allocations without a verified user and filed domains that no longer
 * resolve to us (an injected resolver). A finding becomes a 5.6 complaint in one step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { shanghaiDate } from '../../rules/index.js';
import type { TestApp } from '../../../test/harness/app.js';
import { makeCustomer } from '../../../test/harness/factories.js';
import { curlHttp, eventually, startGateFixture, tlsAttempt, type GateFixture } from '../../../test/harness/nginx.js';
import { makeRegulatorRepository } from './regulator.repository.js';
import { makeRegulatorService, type Resolver } from './regulator.service.js';

const system = systemScope('test');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
let gate: GateFixture;
let t: TestApp;
let gateDir: string;
let httpPort: number;
let httpsPort: number;
let tlsUpstream: GateFixture['tlsUpstream'];
let regulator: ReturnType<typeof makeRegulatorService>;
let customerId: string;
let serverAllocation: string;
// the log's lines carry nginx's own time: reconcile the day they fall on
const today = shanghaiDate(new Date());

const dnsError = (code: string) => Object.assign(new Error(code), { code });
const zone: Record<string, string[] | string> = { 'www.ok.cn': ['127.0.0.2'], 'gone.ok.cn': ['198.51.100.1'], 'slow.ok.cn': 'ETIMEOUT' };
const resolver: Resolver = {
  async resolve4(name) {
    const a = zone[name];
    if (typeof a === 'string') throw dnsError(a);
    if (!a) throw dnsError('ENOTFOUND');
    return a;
  },
  async resolve6(name) {
    if (typeof zone[name] === 'string') throw dnsError(zone[name] as string);
    throw dnsError('ENODATA');
  },
};

async function verifiedDomain(serverId: string, domain: string, filingNumber: string) {
  const d = await t.services.domains.add(system, { customerId, serverId, domain, use: 'non_commercial', filingNumber, address: '127.0.0.2' });
  await t.services.domains.uploadEvidence(system, d.id, { fileName: 'miit.pdf', bytes: PDF });
  await t.services.domains.verify(system, d.id, { method: 'miit_lookup', note: '工信部查询' });
}

beforeAll(async () => {
  // the gate's default template (it writes the access-log line the reconciliation reads), on today's clock;
  // everything is in place before nginx starts, so the gate's log holds only what the tests ask
  gate = await startGateFixture({
    name: 'recon',
    customerName: '对账客户',
    serial: 'RECON-1',
    logins: { owner: 'recon-owner', compliance: 'recon-compliance' },
    now: `${today}T04:00:00Z`,
    async beforeGate(made) {
      ({ t, customerId, allocationId: serverAllocation } = made);
      const k = await t.services.kyc.upload(system, customerId, { kind: 'business_licence', holderName: '对账客户有限公司', idType: 'uscc', idNumber: '91350100M000100Y43', fileName: 'l.pdf', bytes: PDF });
      await t.services.kyc.review(system, k.id, { verify: true });
      // 127.0.0.1 is where the gate listens here: the "server IP" the refused names were asked at
      await t.services.ipam.allocate(system, { poolId: made.poolId, serverId: made.serverId, address: '127.0.0.1' });
      await verifiedDomain(made.serverId, 'www.ok.cn', '京ICP备2021012345号-1');
      await verifiedDomain(made.serverId, 'gone.ok.cn', '京ICP备2021012345号-2');
      await verifiedDomain(made.serverId, 'slow.ok.cn', '京ICP备2021012345号-3');
      // a customer nobody verified, holding an address
      const bare = await makeCustomer(t.services, { name: '未实名客户' });
      const bareServer = await t.services.servers.createServer(system, { customerId: bare.id, brand: 'Dell', model: 'R750', serialNumber: 'RECON-2', heightU: 1 });
      await t.services.ipam.allocate(system, { poolId: made.poolId, serverId: bareServer.id, address: '127.0.0.9' });
    },
  });
  ({ gateDir, httpPort, httpsPort, tlsUpstream } = gate);
  regulator = makeRegulatorService({ ...t.services, clock: t.clock, ids: { uuid: () => crypto.randomUUID() }, repo: makeRegulatorRepository(t.database.db), changes: t.services.regulatorChanges, gateLog: join(gateDir, 'gate-access.log'), resolver });
});
afterAll(() => gate?.stop());

describe('the daily reconciliation (issue 22 §3)', () => {
  it('the gate logs every request and connection in the format the reconciliation reads', async () => {
    expect(readFileSync(join(gateDir, 'nginx.conf'), 'utf8')).toContain(`access_log ${gateDir}/gate-access.log rackpact_gate;`);
    expect(await eventually(async () => (await curlHttp('www.ok.cn', httpPort)).status, 200)).toBe(200);
    for (let i = 0; i < 3; i += 1) expect((await curlHttp('unfiled.example.cn', httpPort)).status).toBe(451);
    expect(await tlsAttempt('unfiled-tls.example.cn', httpsPort, tlsUpstream)).toBe('closed');
    // the address is released, but the gate was not applied again: the name still answers from it
    await t.services.ipam.release(system, serverAllocation);
    expect((await curlHttp('www.ok.cn', httpPort)).status).toBe(200);
    const log = await eventually(async () => readFileSync(join(gateDir, 'gate-access.log'), 'utf8').includes('tls '), true);
    expect(log).toBe(true);
  });

  it('finds refused names per server IP, an unallocated address answering, an allocation without a verified user, a filing no longer resolving to us', async () => {
    const r = await regulator.reconcile(system, { through: today });
    expect(r.days).toEqual([today]);
    const open = await regulator.findings(system, { status: 'open' });
    const byKind = Object.fromEntries(open.map((f) => [`${f.kind} ${f.subject}`, f]));
    expect(Object.keys(byKind).sort()).toEqual(
      ['unfiled_host unfiled.example.cn@127.0.0.1', 'unfiled_sni unfiled-tls.example.cn@127.0.0.1', 'unallocated_ip 127.0.0.2', 'allocation_no_user 127.0.0.9-127.0.0.9', 'filing_not_resolving gone.ok.cn'].sort(),
    );
    expect(byKind['unfiled_host unfiled.example.cn@127.0.0.1']).toMatchObject({ hits: 3, customerId, serverIp: '127.0.0.1' });
    expect(byKind['unallocated_ip 127.0.0.2'].hits).toBeGreaterThanOrEqual(1);
    // a deadline on the working-day calendar
    for (const f of open) expect(f.dueOn > today).toBe(true);
    // the same day again: nothing more
    expect((await regulator.reconcile(system, { through: today })).days).toEqual([]);
  });

  it('the findings are on the compliance to-do list with their deadlines', async () => {
    const all = await t.services.desk.todo(system);
    // the register's own changes (KYC verified, IPs allocated, domains verified) wait to be reported too
    expect(all.some((i) => i.kind === 'regulator.changesDue' && i.params.status === 'pending')).toBe(true);
    const items = all.filter((i) => i.kind.startsWith('regulator.finding.'));
    expect(items.map((i) => i.kind).sort()).toEqual(['regulator.finding.allocation_no_user', 'regulator.finding.filing_not_resolving', 'regulator.finding.unallocated_ip', 'regulator.finding.unfiled_host', 'regulator.finding.unfiled_sni']);
    expect(items.every((i) => i.dueAt !== null && i.roles.includes('compliance'))).toBe(true);
  });

  it('turns an unfiled-site finding into a 5.6 complaint in one step, once', async () => {
    const [f] = await regulator.findings(system, { status: 'open', kind: 'unfiled_host' });
    const { finding, complaint } = await regulator.convertFinding(system, f.id);
    expect(finding).toMatchObject({ status: 'converted', complaintId: complaint.id });
    expect(complaint).toMatchObject({ customerId, category: 'unfiled_site', suggestedClause: '5.6', ip: '127.0.0.1', status: 'open' });
    await expect(regulator.convertFinding(system, f.id)).rejects.toMatchObject({ code: 'REGULATOR_FINDING_CLOSED' });
  });
});
