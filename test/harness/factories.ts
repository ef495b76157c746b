import type { Services } from '../../src/app.js';
import { systemScope } from '../../src/core/scope.js';
import { TEST_PASSWORD } from './app.js';

const scope = systemScope('test-factory');
let n = 0;

export async function makeCustomer(services: Services, overrides: { name?: string; uscc?: string | null } = {}) {
  n += 1;
  return services.customers.create(scope, { name: overrides.name ?? `测试客户${n}有限公司`, uscc: overrides.uscc ?? null, status: 'active' });
}

export async function makeStaff(services: Services, login: string, roles: string[]) {
  return services.users.create(scope, { login, displayName: login, kind: 'staff', roles, password: TEST_PASSWORD });
}

export async function makeCustomerUser(services: Services, login: string, customerId: string, roles: string[] = ['owner']) {
  return services.users.create(scope, { login, displayName: login, kind: 'customer', roles, customerId, password: TEST_PASSWORD });
}
