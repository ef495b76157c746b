/**
 * Issue 22 §6: a 较大-or-graver network-security event starts the report clock (4 h from when it was
 * found; 1 h for a critical-infrastructure operator), shows on the to-do list with that deadline, and is
 * marked reported only with every item of the report form; a 一般 event starts none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope, type Scope } from '../../core/scope.js';
import { makeTestApp, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeCustomer, makeStaff } from '../../../test/harness/factories.js';

const system = systemScope('test');
const nocScope = (): Scope => ({ kind: 'staff', userId: '00000000-0000-4000-8000-00000000ffff', login: 'x', roles: ['noc'] });
let t: TestApp;
let noc: ApiClient;
let serverId: string;

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-10-01T02:00:00Z' });
  const c = await makeCustomer(t.services, { name: '安全事件客户' });
  serverId = (await t.services.servers.createServer(system, { customerId: c.id, brand: 'Dell', model: 'R750', serialNumber: 'SEC-1', heightU: 1 })).id;
  await makeStaff(t.services, 'sec-noc', ['noc']);
  await makeStaff(t.services, 'sec-sales', ['sales']);
  noc = await t.login('sec-noc');
});
afterAll(async () => t?.close());

const openIncident = async (title: string) => (await t.services.incidents.open(system, { title, cause: 'provider_fault', scope: [{ kind: 'server', target: serverId }], startedAt: new Date('2026-10-01T01:40:00Z') })).id;
const todo = async () => (await t.services.desk.todo(nocScope())).filter((i) => i.kind === 'incident.securityReport');

describe('security-event reports', () => {
  it('一般 starts no clock and puts nothing on the to-do list', async () => {
    const id = await openIncident('端口扫描');
    const res = await noc.post(`/api/v1/incidents/${id}/security-report/classify`, { grade: 'general' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ grade: 'general', reportDueAt: null, late: false });
    expect(await todo()).toEqual([]);
  });

  it('较大 is due 4 hours after the incident was found, on the to-do list; complete form required to mark it reported', async () => {
    const id = await openIncident('勒索软件感染');
    const found = (await t.services.incidents.get(system, id)).reportedAt as Date;
    const res = await noc.post(`/api/v1/incidents/${id}/security-report/classify`, { grade: 'major' });
    expect(new Date(res.json().reportDueAt).getTime()).toBe(found.getTime() + 4 * 3_600_000);
    expect(res.json().missing).toEqual(['unit', 'place', 'eventType', 'impact', 'measures']);
    const [item] = await todo();
    expect(item).toMatchObject({ subjectId: id, dueAt: new Date(found.getTime() + 4 * 3_600_000), roles: ['noc', 'compliance'] });

    const incomplete = await noc.post(`/api/v1/incidents/${id}/security-report/reported`, { reportedTo: '北京市通信管理局' });
    expect(incomplete.statusCode).toBe(400);
    // every missing item is its own field error, named in words, not by its API name
    const fields = incomplete.json().error.fields as { path: string; message: string }[];
    expect(fields.map((f) => f.path)).toEqual(['unit', 'place', 'eventType', 'impact', 'measures']);
    expect(fields[0].message).toContain('报告单位');
    expect(fields[4].message).toContain('已采取的处置措施');
    for (const f of fields) expect(f.message).not.toMatch(/[a-z]{4,}/i);

    const form = await noc.put(`/api/v1/incidents/${id}/security-report`, { unit: '北京云桥数据科技有限公司', place: '北京亦庄机房 A 区', eventType: '有害程序事件', impact: '3 台服务器加密，2 个客户受影响', measures: '隔离网段，恢复备份' });
    expect(form.json().missing).toEqual([]);
    t.clock.set(new Date(found.getTime() + 4 * 3_600_000 + 60_000).toISOString());
    expect((await noc.get(`/api/v1/incidents/${id}/security-report`)).json().report.late).toBe(true);
    const reported = await noc.post(`/api/v1/incidents/${id}/security-report/reported`, { reportedTo: '北京市通信管理局' });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json()).toMatchObject({ reportedTo: '北京市通信管理局', late: true });
    expect(await todo()).toEqual([]);
    // once reported, the grade stays
    expect((await noc.post(`/api/v1/incidents/${id}/security-report/classify`, { grade: 'general' })).statusCode).toBe(400);
  });

  it('a critical-infrastructure operator has 1 hour; only an admin changes that setting', async () => {
    const sales = await t.login('sec-sales');
    expect((await sales.put('/api/v1/incidents/security-settings', { criticalInfrastructure: true })).statusCode).toBe(403);
    await t.services.securityReports.setCriticalInfrastructure(system, true);
    expect((await noc.get('/api/v1/incidents/security-settings')).json()).toEqual({ criticalInfrastructure: true });
    t.clock.set('2026-10-01T02:00:00Z');
    const id = await openIncident('数据泄露');
    const found = (await t.services.incidents.get(system, id)).reportedAt as Date;
    const res = await noc.post(`/api/v1/incidents/${id}/security-report/classify`, { grade: 'especially_serious' });
    expect(res.json()).toMatchObject({ criticalInfrastructure: true });
    expect(new Date(res.json().reportDueAt).getTime()).toBe(found.getTime() + 3_600_000);
    expect((await todo()).map((i) => i.subjectId)).toEqual([id]);
    // sales may not classify
    expect((await sales.post(`/api/v1/incidents/${id}/security-report/classify`, { grade: 'major' })).statusCode).toBe(403);
  });
});
