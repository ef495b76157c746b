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

/**
 * A customer whose contracts may be activated (7.1 preconditions): licence and legal representative's ID
 * verified, both 24-hour contacts on the roster, and a valid 5.5 log-retention attestation.
 */
export async function makeActivationReadyCustomer(services: Services, name: string) {
  const c = await makeCustomer(services, { name });
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  for (const [kind, idType, idNumber] of [['business_licence', 'uscc', '91350100M000100Y43'], ['legal_representative_id', 'resident_id', '11010519491231002X']] as const) {
    const d = await services.kyc.upload(scope, c.id, { kind, holderName: name, idType, idNumber, fileName: 'k.pdf', bytes: pdf });
    await services.kyc.review(scope, d.id, { verify: true });
  }
  await services.roster.upsert(scope, c.id, { side: 'customer', role: 'legal_representative', name: '法人', mobile: '13800000001', available24h: true });
  await services.roster.upsert(scope, c.id, { side: 'customer', role: 'technical_lead', name: '技术', mobile: '13800000002', available24h: true });
  await services.declarations.attest(scope, { customerId: c.id, location: '自建日志服务器', retentionMonths: 6 });
  return c;
}
