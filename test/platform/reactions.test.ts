import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../harness/app.js';

/**
 * Who reacts to what (issue 17 §3): the composition root subscribes each reacting module's reactions.ts;
 * this is the list a reader would otherwise have to assemble from app.ts. A new reaction changes it on purpose.
 */
describe('cross-module reactions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(() => t.close());

  it('are declared by the reacting modules and run in this order', () => {
    const reactions = t.services.bus.list().map(({ kind, on, name }) => `${kind} ${on} → ${name.slice(0, name.indexOf(':'))}`);
    expect(reactions).toEqual([
      'event facility.serverRemoved → ipam',
      'event ipam.addressReleased → dns',
      'event facility.serverRacked → contracts',
      'question calendar.yearLoaded → contracts',
      'question billing.sweepingDay → contracts',
      'question calendar.yearLoaded → billing',
      'event contracts.renewalObjected → notices',
      'event billing.invoiceDueMovedEarlier → notices',
      'event facility.serverRemoved → compliance',
      'question contracts.activationBlockers → compliance',
      'event contracts.statusChanged → customers',
      // alert channels (issue 20 §5)
      'event tickets.opened → alerting',
      'event incidents.opened → alerting',
      'event contracts.commissioningAtRisk → alerting',
      'event billing.paymentRecorded → alerting',
      'event compliance.gateApplyFailed → alerting',
      // the regulator's change register (issue 22 §1)
      'event customers.identityVerified → regulator',
      'event ipam.addressAllocated → regulator',
      'event ipam.addressReleased → regulator',
      'event compliance.domainStatusChanged → regulator',
      'event facility.serverRacked → regulator',
      'event facility.serverRemoved → regulator',
    ]);
  });
});
