import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type ApiClient, type TestApp } from '../../../test/harness/app.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';

const system = systemScope('test');
let t: TestApp;
let owner: ApiClient;
let serverId: string;
let otherServerId: string;

beforeAll(async () => {
  t = await makeTestApp({ now: '2026-03-02T19:00:00Z' }); // 03:00 in Beijing
  await makeStaff(t.services, 't-noc', ['noc']);
  const c = await makeCustomer(t.services, { name: '工单客户' });
  const other = await makeCustomer(t.services, { name: '别家' });
  await makeCustomerUser(t.services, 't-owner', c.id);
  serverId = (await t.services.servers.createServer(system, { customerId: c.id, brand: 'Dell', model: 'R750', serialNumber: 'TK-1', heightU: 1 })).id;
  otherServerId = (await t.services.servers.createServer(system, { customerId: other.id, brand: 'Dell', model: 'R750', serialNumber: 'TK-2', heightU: 1 })).id;
  owner = await t.login('t-owner');
});
afterAll(() => t.close());

describe('helpdesk (6.1)', () => {
  it('takes reboot requests at 3 a.m., as many as asked, urgent by default, for the customer\'s own servers only', async () => {
    for (let i = 0; i < 5; i += 1) {
      const res = await owner.post('/api/v1/tickets', { serverId, type: 'reboot', subject: `重启 #${i + 1}` });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ type: 'reboot', priority: 'urgent', status: 'open', firstResponseMinutes: null });
      expect(res.json().number).toMatch(/^T20260303-[0-9A-F]{6}$/);
    }
    expect((await owner.post('/api/v1/tickets', { type: 'reboot', subject: '没说哪台' })).json().error.fields[0].path).toBe('serverId');
    expect((await owner.post('/api/v1/tickets', { serverId: otherServerId, type: 'reboot', subject: '别人的' })).statusCode).toBe(404);
    expect((await owner.get('/api/v1/tickets')).json().items).toHaveLength(5);
  });

  it('measures the first response and the resolution from the opening', async () => {
    const [ticket] = (await owner.get('/api/v1/tickets')).json().items;
    t.clock.advance(7 * 60_000);
    const noc = await t.login('t-noc');
    expect((await noc.post(`/api/v1/tickets/${ticket.id}/comments`, { body: '收到，正在重启' })).statusCode).toBe(201);
    t.clock.advance(5 * 60_000);
    expect((await noc.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'resolved' })).json()).toMatchObject({ status: 'resolved', firstResponseMinutes: 7, resolutionMinutes: 12 });
    const seen = (await owner.get(`/api/v1/tickets/${ticket.id}`)).json();
    expect(seen.comments.map((c: { body: string; authorKind: string }) => [c.authorKind, c.body])).toEqual([['staff', '收到，正在重启']]);
    expect((await owner.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'closed' })).json().status).toBe('closed');
    expect((await noc.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'in_progress' })).json().error.code).toBe('INVALID_TRANSITION');
  });

  it('lets a customer comment but not move its own ticket along', async () => {
    const [, second] = (await owner.get('/api/v1/tickets')).json().items;
    expect((await owner.post(`/api/v1/tickets/${second.id}/comments`, { body: '还没好' })).statusCode).toBe(201);
    expect((await owner.get(`/api/v1/tickets/${second.id}`)).json().firstResponseMinutes).toBeNull();
    expect((await owner.post(`/api/v1/tickets/${second.id}/status`, { status: 'resolved' })).statusCode).toBe(403);
  });
});
