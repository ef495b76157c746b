/**
 * Job names and schedules, apart from their handlers. Every job is idempotent and catch-up safe:
 * it works from "what was due up to now and not yet done", so a missed run is harmless.
 */
export interface JobDefinition {
  name: string;
  /** cron, in Asia/Shanghai (the process's wall clock) — the jobs that run through the day */
  cron?: string;
  /**
   * A daily duty (issue 23 §8): due each day from this time (HH:MM, Beijing) on the application's
   * clock, run by the per-minute `daily-duties` job and at start, caught up at once when missed
   * (src/jobs/duties.ts).
   */
  at?: string;
  description: string;
}

export const JOBS = {
  dailyDuties: {
    name: 'daily-duties',
    cron: '* * * * *',
    description: "Run every daily duty (the jobs with `at`) whose time came on the application's clock and that is not done yet, in order (issue 23 §8)",
  },
  purgeExpiredSessions: {
    name: 'sessions-purge-expired',
    cron: '17 * * * *',
    description: 'Delete sessions past their expiry',
  },
  kycExpiryReminders: {
    name: 'kyc-expiry-reminders',
    at: '08:05',
    description: 'Remind customers and sales of licences and IDs expiring within 30 days',
  },
  commissioningBreaches: {
    name: 'commissioning-breaches',
    cron: '1 * * * *',
    description: 'Mark commissioning orders whose 2-working-day deadline passed unfinished (5.1)',
  },
  contractRenewals: {
    name: 'contract-renewals',
    at: '00:00',
    description: 'The daily sweep, day by day with catch-up: renewals (第十三条), overdue invoices and dunning (第四条), expiry reminders',
  },
  noticeOutbox: {
    name: 'notice-outbox',
    cron: '* * * * *',
    description: 'Turn roster and contact changes into formal notices (第九条)',
  },
  noticeDeliveries: {
    name: 'notice-deliveries',
    cron: '* * * * *',
    description: 'Send due notice e-mails; retry with backoff',
  },
  ticketMail: {
    name: 'ticket-mail',
    cron: '* * * * *',
    description: 'Send due ticket reply e-mails (6.1); retry with backoff',
  },
  // ── compliance ──
  complianceGateApply: {
    name: 'compliance-gate-apply',
    cron: '* * * * *',
    description: 'Put the verified domain list on the nginx gate when it changed (within a minute of a verification or revocation)',
  },
  complianceAttestationReminders: {
    name: 'compliance-attestation-reminders',
    at: '08:20',
    description: 'Remind customers whose log-retention attestation lapses within 30 days (5.5)',
  },
  auditAnchor: {
    name: 'audit-anchor',
    at: '00:30',
    description: "Sign the audit chain's head into a file outside the database, so truncation or a re-hashed rewrite is found (issue 15)",
  },
  lineFaultBreaches: {
    name: 'incident-line-fault-breaches',
    cron: '* * * * *',
    description: 'Record the breach of every open line fault past its 24 hours (6.3)',
  },
  // ── calendar (issue 16) ──
  calendarNextYear: {
    name: 'calendar-next-year',
    at: '08:30',
    description: "From 1 October, a to-do item for admins and NOC while next year's State Council holiday arrangement is not loaded",
  },
  // ── alert channels (issue 20 §5) ──
  // ── issue 24: account e-mails (invitation, factor reset, new device) ──
  accountMail: {
    name: 'account-mail',
    cron: '* * * * *',
    description: 'Send due account e-mails (invitations, factor resets, new-device sign-ins); retry with backoff',
  },
  alertDeliveries: {
    name: 'alert-deliveries',
    cron: '* * * * *',
    description: 'Send due alerts to 企业微信 / 钉钉 robots and webhooks; retry with backoff',
  },
  commissioningAtRisk: {
    name: 'commissioning-at-risk',
    cron: '5 * * * *',
    description: 'Alert the subscribed channels of commissioning orders still open on their deadline day (5.1)',
  },
  // ── the regulator's view (issue 22 §3) ──
  regulatorReconcile: {
    name: 'regulator-reconcile',
    cron: '40 6 * * *',
    description: "Reconcile yesterday (and any missed day) against the regulator's own checks: refused Host/SNI per server IP and answering unallocated IPs from the gate's log, allocations without a verified user, filed domains no longer resolving to us",
  },
  // ── desk (issue 20) ──
  deskDigest: {
    name: 'desk-digest',
    at: '08:00',
    description: "E-mail each staff member their to-do list (待办), by deadline; one digest a person a day",
  },
  deskDigestDeliveries: {
    name: 'desk-digest-deliveries',
    cron: '*/5 * * * *',
    description: 'Retry the digest e-mails that could not be sent yet, with backoff',
  },
  // ── issue 22 §7 ──
  retentionSweep: {
    name: 'retention-sweep',
    cron: '40 3 * * *',
    description: 'Redact personal data past its retention period (KYC copies, roster history), except what a legal hold keeps',
  },
} as const satisfies Record<string, JobDefinition>;
