import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { seedDemo } from '../../demo/seed.js';
import { makeTestApp, type TestApp } from '../../../test/harness/app.js';

const system = systemScope('test');
let t: TestApp;

beforeAll(async () => {
  t = await makeTestApp({ now: new Date().toISOString() }); // the seed works relative to today
  await seedDemo(t.services, t.clock);
});
afterAll(() => t.close());

it('seeds a resolved outage with its compensation and upcoming provider work awaiting consent', async () => {
  const [incident] = await t.services.incidents.list(system, { status: 'resolved' });
  expect(incident.title).toBe('上联交换机端口故障');
  const contract = (await t.services.contracts.list(system, {})).find((c) => c.customerName === '上海蓝山数据有限公司')!;
  const ledger = await t.services.incidents.ledger(system, contract.id);
  expect(ledger.compensationHours).toBe(2);
  expect(ledger.lines).toMatchObject([{ kind: 'credited', minutes: 42, hours: 2, reasons: ['PROVIDER_FAULT'] }]);
  const [window] = await t.services.maintenance.list(system, { upcoming: true });
  expect(window).toMatchObject({ kind: 'circuit_debugging', needsConsent: true });
  expect(window.consents!.map((c) => c.decision)).toEqual(['pending', 'pending']);
});
