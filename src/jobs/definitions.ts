/**
 * Job names and schedules, apart from their handlers. Every job is idempotent and catch-up safe:
 * it works from "what was due up to now and not yet done", so a missed run is harmless.
 */
export interface JobDefinition {
  name: string;
  /** cron, in Asia/Shanghai */
  cron?: string;
  description: string;
}

export const JOBS = {
  purgeExpiredSessions: {
    name: 'sessions-purge-expired',
    cron: '17 * * * *',
    description: 'Delete sessions past their expiry',
  },
  kycExpiryReminders: {
    name: 'kyc-expiry-reminders',
    cron: '5 8 * * *',
    description: 'Remind customers and sales of licences and IDs expiring within 30 days',
  },
} as const satisfies Record<string, JobDefinition>;
