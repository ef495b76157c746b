/**
 * 先备案后接入 on real traffic: a real nginx on 127.0.0.1, run from the gate's files. A verified
 * domain reaches its server (HTTP by Host, TLS by SNI); an unverified or revoked one gets 451 on
 * HTTP and no connection on TLS; a broken template fails nginx -t and the previous gate stays.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { domainToASCII } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import type { ApiClient, TestApp } from '../../../test/harness/app.js';
import { curlHttp, eventually, startGateFixture, tlsAttempt, websocketEcho, type GateFixture } from '../../../test/harness/nginx.js';
import { startGateWaker } from '../../app.js';
import { DEFAULT_GATE_TEMPLATE } from './gate-config.js';
import type { GateApplyRow } from './compliance.repository.js';

const system = systemScope('test');
let gate: GateFixture;
let t: TestApp;
let owner: ApiClient;
let compliance: ApiClient;
let gateDir: string;
let template: string;
let httpPort: number;
let httpsPort: number;
let tlsUpstream: GateFixture['tlsUpstream'];
let serverId: string;
const alerts: Omit<GateApplyRow, 'seq'>[] = [];
const SITE = domainToASCII('www.备案测试.cn');

beforeAll(async () => {
  gate = await startGateFixture({
    name: 'gate',
    customerName: '网关客户',
    serial: 'GATE-1',
    logins: { owner: 'g-owner', compliance: 'g-compliance' },
    // the operator's own template, which a test breaks and mends
    template: DEFAULT_GATE_TEMPLATE,
    setup: (app) => void app.services.gateAlerts.push((row) => alerts.push(row)),
  });
  ({ t, owner, compliance, gateDir, httpPort, httpsPort, tlsUpstream, serverId } = gate);
  template = gate.templateFile!;
});
afterAll(async () => {
  await gate?.stop();
});

const addDomain = (domain: string, filingNumber: string) => gate.addDomain(domain, filingNumber);
const apply = async () => (await compliance.post('/api/v1/compliance/gate/apply', {})).json();

describe('the gate on a real nginx', () => {
  let siteId: string;

  it('blocks a submitted domain: 451 with the notice in Chinese on 80, no connection on 443', async () => {
    siteId = await addDomain('www.备案测试.cn', '京ICP备2021012345号-1');
    expect((await apply()).outcome).toBe('applied');
    const res = await curlHttp(SITE, httpPort);
    expect(res.status).toBe(451);
    expect(res.body).toContain('先备案后接入');
    expect(res.body).toContain('尚未经');
    expect(await eventually(() => tlsAttempt(SITE, httpsPort, tlsUpstream), 'closed', 10)).toBe('closed');
  });

  it('lets a verified domain through to its server on 80 and 443', async () => {
    const v = await compliance.post(`/api/v1/compliance/domains/${siteId}/verify`, { method: 'miit_lookup', note: '工信部备案系统查询一致' });
    expect(v.json()).toMatchObject({ status: 'verified', reverifyDueOn: '2027-04-01' });
    const applied = await t.services.gate.applyIfChanged(); // what the per-minute job does
    expect(applied.outcome).toBe('applied');
    expect(readFileSync(join(gateDir, 'gate.map'), 'utf8')).toBe(`${SITE} 127.0.0.2;\n`);
    expect(await eventually(async () => (await curlHttp(SITE, httpPort)).status, 200)).toBe(200);
    const res = await curlHttp(SITE, httpPort);
    expect(res).toEqual({ status: 200, body: `upstream says hello to ${SITE}` });
    expect(await eventually(() => tlsAttempt(SITE, httpsPort, tlsUpstream), 'passed', 10)).toBe('passed');
    // a name that is not on the list is still refused on both
    expect(await eventually(async () => (await curlHttp('unfiled.example.cn', httpPort)).status, 451)).toBe(451);
    expect(await eventually(() => tlsAttempt('unfiled.example.cn', httpsPort, tlsUpstream), 'closed', 10)).toBe('closed');
    // nothing changed since: the job does nothing
    expect((await t.services.gate.applyIfChanged()).outcome).toBe('unchanged');
  });

  it('closes the site again when compliance revokes it', async () => {
    expect((await compliance.post(`/api/v1/compliance/domains/${siteId}/revoke`, { reason: '备案已被注销' })).json().status).toBe('revoked');
    expect((await apply()).outcome).toBe('applied');
    expect(await eventually(async () => (await curlHttp(SITE, httpPort)).status, 451)).toBe(451);
    expect(await eventually(() => tlsAttempt(SITE, httpsPort, tlsUpstream), 'closed', 10)).toBe('closed');
  });

  it('keeps the previous gate in force when nginx -t fails, and says so', async () => {
    const keep = await addDomain('shop.example.cn', '沪ICP备12345678号');
    await compliance.post(`/api/v1/compliance/domains/${keep}/verify`, { method: 'miit_lookup', note: 'ok' });
    expect((await apply()).outcome).toBe('applied');
    expect(await eventually(async () => (await curlHttp('shop.example.cn', httpPort)).status, 200)).toBe(200);
    const goodMap = readFileSync(join(gateDir, 'gate.map'), 'utf8');
    const goodConf = readFileSync(join(gateDir, 'nginx.conf'), 'utf8');

    // an operator breaks the template; then a new domain is verified
    writeFileSync(template, DEFAULT_GATE_TEMPLATE.replace('ssl_preread on;', 'ssl_preread sometimes;'));
    const next = await addDomain('blog.example.cn', '沪ICP备12345679号');
    await compliance.post(`/api/v1/compliance/domains/${next}/verify`, { method: 'miit_lookup', note: 'ok' });
    const failed = await apply();
    expect(failed.outcome).toBe('test_failed');
    expect(failed.output).toContain('ssl_preread');
    expect(alerts.map((a) => a.outcome)).toEqual(['test_failed']);
    // the files on disk and the running gate are the previous ones
    expect(readFileSync(join(gateDir, 'gate.map'), 'utf8')).toBe(goodMap);
    expect(readFileSync(join(gateDir, 'nginx.conf'), 'utf8')).toBe(goodConf);
    expect(await eventually(async () => (await curlHttp('shop.example.cn', httpPort)).status, 200)).toBe(200);
    expect(await eventually(async () => (await curlHttp('blog.example.cn', httpPort)).status, 451)).toBe(451);
    // the status shows the failure and that the verified state is not yet in force
    const status = (await compliance.get('/api/v1/compliance/gate')).json();
    expect(status).toMatchObject({ pending: true, lastAttempt: { outcome: 'test_failed' }, inForce: { outcome: 'applied' } });
    // the job does not retry the same broken files over and over
    expect((await t.services.gate.applyIfChanged()).outcome).toBe('unchanged');

    // fixed template: the job applies, and the new domain is reachable
    writeFileSync(template, DEFAULT_GATE_TEMPLATE);
    expect((await t.services.gate.applyIfChanged()).outcome).toBe('applied');
    expect(await eventually(async () => (await curlHttp('blog.example.cn', httpPort)).status, 200)).toBe(200);
  });

  it('closes the domains of a suspended server and opens them on restoration (6.3)', async () => {
    const s = await compliance.post('/api/v1/compliance/suspensions', { serverId, clause: '6.3', reason: '服务器对外发起攻击，影响网络稳定' });
    expect(s.statusCode, s.body).toBe(201);
    expect(s.json().portInstruction).toContain('GATE-1');
    expect((await apply()).outcome).toBe('applied');
    expect(await eventually(async () => (await curlHttp('shop.example.cn', httpPort)).status, 451)).toBe(451);
    expect((await compliance.post(`/api/v1/compliance/suspensions/${s.json().id}/restore`, { note: '已清除木马并加固' })).json().restoreNote).toBe('已清除木马并加固');
    expect((await apply()).outcome).toBe('applied');
    expect(await eventually(async () => (await curlHttp('shop.example.cn', httpPort)).status, 200)).toBe(200);
  });

  it('lets neither a customer nor an auditor apply the gate', async () => {
    expect((await owner.post('/api/v1/compliance/gate/apply', {})).statusCode).toBe(403);
  });
});

/** Waits (polling, generous timeout, no time asserted) until the gate's last check covered `version`. */
async function checkedReaches(version: number, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await t.services.gate.versions();
    if (v.checkedVersion >= version) return v;
    if (Date.now() > until) throw new Error(`gate check stayed at ${v.checkedVersion}, wanted ${version}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// issue 23 §3–§4: no per-minute job runs in a test app; only the waker (NOTIFY at commit) can apply here
describe('the gate reacts to a change at once (no minute tick)', () => {
  let stopWaker: () => Promise<void>;
  let liveId: string;
  const LIVE = 'live.example.cn';
  beforeAll(async () => {
    stopWaker = await startGateWaker(t.services, t.database, (err) => {
      throw err;
    }, 200);
  });
  afterAll(async () => stopWaker?.());

  it('an idle check reads one number and does nothing', async () => {
    await t.services.gate.applyIfChanged(); // the first check of this process renders
    const before = await t.services.gate.versions();
    expect(before.checkedVersion).toBe(before.version);
    expect(await t.services.gate.applyIfChanged()).toEqual({ outcome: 'unchanged', gateVersion: before.version });
    // a change that is not the gate's (a note) does not move the version
    const after = await t.services.gate.versions();
    expect(after.version).toBe(before.version);
  });

  it('a verification reaches traffic, WebSockets included, and a revocation closes it, each by the waker', async () => {
    liveId = await addDomain(LIVE, '沪ICP备12345680号');
    await checkedReaches((await t.services.gate.versions()).version);
    expect(await eventually(async () => (await curlHttp(LIVE, httpPort)).status, 451)).toBe(451);

    const v = await compliance.post(`/api/v1/compliance/domains/${liveId}/verify`, { method: 'miit_lookup', note: 'ok' });
    expect(v.statusCode, v.body).toBe(200);
    const verifiedAt = (await t.services.gate.versions()).version;
    await checkedReaches(verifiedAt);
    const status = await t.services.gate.status(system);
    expect(status.lastAttempt).toMatchObject({ outcome: 'applied', triggeredBy: 'wake' });
    expect(status.lastAttempt!.gateVersion).toBeGreaterThanOrEqual(verifiedAt);
    expect(status.pending).toBe(false);
    expect(readFileSync(join(gateDir, 'gate.map'), 'utf8')).toContain(`${LIVE} 127.0.0.2;`);
    expect(await eventually(async () => (await curlHttp(LIVE, httpPort)).status, 200)).toBe(200);

    // HTTP/1.1 with Upgrade/Connection passed on: the customer's WebSocket site answers through the gate
    const ws = await websocketEcho(LIVE, httpPort, '你好 gate');
    expect(ws).toEqual({ status: 101, accepted: true, reply: `echo 你好 gate from ${LIVE}` });
    // and an unfiled name cannot upgrade past the gate
    expect((await websocketEcho('unfiled.example.cn', httpPort, 'x')).status).toBe(451);

    expect((await compliance.post(`/api/v1/compliance/domains/${liveId}/revoke`, { reason: '备案已被注销' })).json().status).toBe('revoked');
    const revokedAt = (await t.services.gate.versions()).version;
    expect(revokedAt).toBeGreaterThan(verifiedAt);
    await checkedReaches(revokedAt);
    expect((await t.services.gate.status(system)).lastAttempt).toMatchObject({ outcome: 'applied', triggeredBy: 'wake' });
    expect(readFileSync(join(gateDir, 'gate.map'), 'utf8')).not.toContain(LIVE);
    expect(await eventually(async () => (await curlHttp(LIVE, httpPort)).status, 451)).toBe(451);
  });

  it('a module outside the triggers moves the version in its own transaction (bumpGateVersion)', async () => {
    const before = (await t.services.gate.versions()).version;
    const bumped = await t.database.db.transaction((tx) => t.services.gate.bumpGateVersion(tx));
    expect(bumped).toBe(before + 1);
    await checkedReaches(bumped);
    // nothing the gate renders changed: the check found the same files and nginx was not reloaded
    expect((await t.services.gate.status(system)).lastAttempt!.gateVersion).toBeLessThan(bumped);
  });
});
