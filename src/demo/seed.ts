import type { Services } from '../app.js';
import { systemScope } from '../core/scope.js';

export const DEMO_PASSWORD = 'rackpact-demo';

export const DEMO_STAFF = [
  { login: 'admin', displayName: '系统管理员 Admin', roles: ['admin'] },
  { login: 'sales', displayName: '销售 王敏', roles: ['sales'] },
  { login: 'noc', displayName: '网络运维 李强', roles: ['noc'] },
  { login: 'compliance', displayName: '合规 赵静', roles: ['compliance'] },
  { login: 'finance', displayName: '财务 陈芳', roles: ['finance'] },
  { login: 'auditor', displayName: '审计 周平', roles: ['auditor'] },
] as const;

export const DEMO_CUSTOMERS = [
  {
    name: '北京寰宇网络科技有限公司',
    uscc: '91110108MA01ABCD2H',
    users: [
      { login: 'alice', displayName: '刘爱丽 Alice', roles: ['owner'] },
      { login: 'bob', displayName: '张博 Bob', roles: ['technical'] },
    ],
  },
  {
    name: '上海蓝山数据有限公司',
    uscc: '91310115MA1H7XYN30',
    users: [{ login: 'carol', displayName: '孙可 Carol', roles: ['owner'] }],
  },
] as const;

/**
 * Demo data for a first look: staff of every role, two customers with users. Idempotent: does
 * nothing when the admin user already exists. Every row goes through the services, so the demo
 * data is audited like any other.
 */
export async function seedDemo(services: Services): Promise<{ seeded: boolean }> {
  const scope = systemScope('demo-seed');
  const existing = await services.users.list(scope, { q: 'admin', kind: 'staff', page: 1, pageSize: 1 });
  if (existing.items.some((u) => u.login === 'admin')) return { seeded: false };

  for (const s of DEMO_STAFF) {
    await services.users.create(scope, { ...s, roles: [...s.roles], kind: 'staff', password: DEMO_PASSWORD });
  }
  for (const c of DEMO_CUSTOMERS) {
    const customer = await services.customers.create(scope, { name: c.name, uscc: c.uscc, status: 'active' });
    for (const u of c.users) {
      await services.users.create(scope, {
        ...u,
        roles: [...u.roles],
        kind: 'customer',
        customerId: customer.id,
        password: DEMO_PASSWORD,
      });
    }
  }
  return { seeded: true };
}

export function demoLoginsText(): string {
  const staff = DEMO_STAFF.map((s) => `${s.login} (${s.roles.join(',')})`).join(', ');
  const customers = DEMO_CUSTOMERS.map((c) => `${c.users.map((u) => u.login).join('/')} @ ${c.name}`).join('; ');
  return `staff: ${staff}\ncustomers: ${customers}\npassword: ${DEMO_PASSWORD}`;
}
