import type { Services } from '../app.js';
import { systemScope } from '../core/scope.js';
import { JOBS } from './definitions.js';

/** Each handler calls one service; the job shell adds nothing but scheduling. */
export function jobHandlers(services: Services): Record<string, () => Promise<unknown>> {
  return {
    [JOBS.purgeExpiredSessions.name]: async () => ({ sessions: await services.auth.purgeExpiredSessions(), idempotencyKeys: await services.idempotency.purge() }),
    [JOBS.kycExpiryReminders.name]: () => services.kyc.remindExpiring(),
    [JOBS.commissioningBreaches.name]: () => services.contracts.flagCommissioningBreaches(),
    [JOBS.contractRenewals.name]: () => services.billing.sweep(),
    [JOBS.noticeOutbox.name]: () => services.notices.drainOutbox(),
    [JOBS.noticeDeliveries.name]: () => services.notices.deliverDue(),
    [JOBS.ticketMail.name]: () => services.tickets.deliverMail(),
    [JOBS.complianceGateApply.name]: () => services.gate.applyIfChanged(),
    [JOBS.complianceAttestationReminders.name]: () => services.declarations.remindAttestations(),
    [JOBS.retentionSweep.name]: () => services.retention.sweep(),
    [JOBS.auditAnchor.name]: () => services.audit.anchor(systemScope('audit-anchor')),
    [JOBS.lineFaultBreaches.name]: () => services.incidents.flagLineFaultBreaches(),
    [JOBS.calendarNextYear.name]: () => services.calendar.remindNextYear(),
    // alert channels (issue 20 §5)
    [JOBS.alertDeliveries.name]: () => services.alerting.deliverDue(),
    [JOBS.commissioningAtRisk.name]: () => services.contracts.warnCommissioningAtRisk(),
    // the regulator's view (issue 22 §3)
    [JOBS.regulatorReconcile.name]: () => services.regulator.reconcile(systemScope('regulator-reconcile')),
    // issue 24
    [JOBS.accountMail.name]: () => services.accountMailer.deliverDue(),
    // desk (issue 20)
    [JOBS.deskDigest.name]: () => services.desk.sendDailyDigest(),
    [JOBS.deskDigestDeliveries.name]: () => services.desk.deliverDigests(),
  };
}
