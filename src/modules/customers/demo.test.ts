import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemScope } from '../../core/scope.js';
import { DEMO_CUSTOMERS, DEMO_PROVIDER, seedDemo } from '../../demo/seed.js';
import { makeTestApp, type TestApp } from '../../../test/harness/app.js';
import { DOCUMENT_PARTS } from '../contracts/contract-document.js';

const system = systemScope('test');
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ now: new Date().toISOString() }); // the seed signs its contracts today
  expect(await seedDemo(t.services, t.clock)).toEqual({ seeded: true });
}, 120_000);
afterAll(() => t.close());

it('seeds the provider with its seal, and two customers complete enough to activate servers', async () => {
  const provider = await t.services.provider.current(system);
  expect(provider).toMatchObject({ legalName: DEMO_PROVIDER.legalName, uscc: DEMO_PROVIDER.uscc, domicileCourt: DEMO_PROVIDER.domicileCourt });
  expect((await t.services.provider.seal(system)).subarray(1, 4).toString()).toBe('PNG');
  const { items } = await t.services.customers.list(system, { page: 1, pageSize: 50 });
  for (const demo of DEMO_CUSTOMERS) {
    const c = items.find((x) => x.name === demo.name)!;
    expect(c).toMatchObject({ uscc: demo.uscc, status: 'active', legalRepresentative: demo.legalRepresentative });
    expect(c.registeredAddress && c.postalAddress && c.noticeEmail).toBeTruthy();
    expect(await t.services.customers.activationReadiness(system, c.id)).toMatchObject({ ready: true, missing: [] });
    const roster = await t.services.roster.current(system, c.id);
    expect(roster.filter((m) => m.side === 'provider').length).toBeGreaterThan(0);
    const documents = await t.services.kyc.list(system, c.id);
    for (const d of documents) expect(['application/pdf', 'image/png']).toContain((await t.services.kyc.file(system, d.id)).contentType);
  }
  expect(await seedDemo(t.services, t.clock)).toEqual({ seeded: false }); // idempotent
});

// issue 19 §5: the demo's rosters are one change per side — the customer's received from it (nothing to
// send), the provider's one notice to the customer — and no leg waits to be posted to the provider itself
it('holds no notices marked 甲方 → 乙方 with deliveries to the provider, one per person', async () => {
  await t.services.notices.drainOutbox();
  for (const demo of DEMO_CUSTOMERS) {
    const { items } = await t.services.customers.list(system, { page: 1, pageSize: 50 });
    const c = items.find((x) => x.name === demo.name)!;
    const roster = (await t.services.notices.list(system, c.id)).filter((n) => n.type === 'roster.changed');
    const fromCustomer = roster.filter((n) => n.direction === 'customer_to_provider');
    expect(fromCustomer).toHaveLength(1);
    expect(fromCustomer[0]).toMatchObject({ received: true, receivedHow: 'in_person', deliveries: [] });
    for (const m of demo.roster) expect(fromCustomer[0].bodyZh).toContain(m.name);
    expect(roster.filter((n) => n.direction === 'provider_to_customer')).toHaveLength(1);
    const pendingToProvider = (await t.services.notices.list(system, c.id)).flatMap((n) =>
      n.direction === 'customer_to_provider' ? n.deliveries.filter((d) => d.status === 'pending' && (d.channel === 'post' || d.channel === 'fax')) : [],
    );
    expect(pendingToProvider).toEqual([]);
  }
});

// issue 19 §3 (doc-versions): the demo's contracts carry their frozen, sealed copies and a 开通确认单 per racked server
it('gives each demo contract its sealed copy sent for signature and a sealed 开通确认单 listing the addresses', async () => {
  const contracts = await t.services.contracts.list(system, {});
  expect(contracts.length).toBeGreaterThan(0);
  let confirmations = 0;
  for (const c of contracts) {
    const docs = await t.services.contracts.documents(system, c.id);
    expect(docs.items.filter((i) => i.kind === 'sent' && i.format === 'html')).toHaveLength(DOCUMENT_PARTS.length);
    expect((await t.services.contracts.document(system, c.id, 'html')).bytes.toString()).toContain('class="seal"');
    const confirmation = docs.items.find((i) => i.kind === 'activation' && i.format === 'html');
    if (c.status !== 'active' || !confirmation) continue;
    const html = (await t.services.contracts.documentCopy(system, c.id, 'activation', confirmation.part, 'html')).bytes.toString();
    expect(html).toContain('class="seal"');
    expect(html).not.toContain('未分配');
    confirmations += 1;
  }
  expect(confirmations).toBeGreaterThan(0);
});
