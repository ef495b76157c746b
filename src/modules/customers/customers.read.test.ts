import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { makeTestApp, type TestApp } from '../../../test/harness/app.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../../../test/harness/factories.js';

/**
 * Other modules' lists show whose row it is through the customers read model (customers.read.ts), not the
 * customers table: the name arrives, the list sorts by it, and a row with no customer (a staff user, an outer
 * join) still appears with no name.
 */
const system = systemScope('test');
let t: TestApp;

beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t?.close());

it('the server list carries each customer name and sorts by it', async () => {
  const zhang = await makeCustomer(t.services, { name: '乙读模型科技有限公司' });
  const li = await makeCustomer(t.services, { name: '甲读模型科技有限公司' });
  for (const [c, sn] of [[zhang, 'RM-Z1'], [li, 'RM-L1'], [zhang, 'RM-Z0']] as const) {
    await t.services.servers.createServer(system, { customerId: c.id, brand: 'Dell', model: 'R650', serialNumber: sn, heightU: 1 });
  }
  const rows = (await t.services.servers.servers(system, {})).filter((s) => s.serialNumber.startsWith('RM-'));
  // sorted by customer name (the collation decides which company comes first), then by serial number
  const order = rows.map((r) => `${r.customerName}/${r.serialNumber}`);
  expect([
    [`${zhang.name}/RM-Z0`, `${zhang.name}/RM-Z1`, `${li.name}/RM-L1`],
    [`${li.name}/RM-L1`, `${zhang.name}/RM-Z0`, `${zhang.name}/RM-Z1`],
  ]).toContainEqual(order);
  expect(new Set(rows.map((r) => `${r.customerId}:${r.customerName}`))).toEqual(new Set([`${zhang.id}:${zhang.name}`, `${li.id}:${li.name}`]));
});

it('the user list names a customer user’s company and leaves a staff user’s empty', async () => {
  const c = await makeCustomer(t.services, { name: '丙读模型科技有限公司' });
  await makeCustomerUser(t.services, 'rm-owner', c.id);
  await makeStaff(t.services, 'rm-staff', ['admin']);
  const { items } = await t.services.users.list(system, { q: 'rm-', page: 1, pageSize: 10 });
  const named = Object.fromEntries(items.map((u) => [u.login, u.customerName]));
  expect(named).toEqual({ 'rm-owner': '丙读模型科技有限公司', 'rm-staff': null });
});
