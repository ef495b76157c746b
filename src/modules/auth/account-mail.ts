import { t, type Locale } from '../../core/i18n/index.js';
import type { IdGenerator } from '../../core/ids.js';
import type { Executor } from '../../db/client.js';
import type { AccountMailRow, AccountsRepository } from './accounts.repository.js';
import type { Clock } from '../../core/clock.js';
import { systemScope, type Scope } from '../../core/scope.js';
import { drainMailOutbox, type Mailer } from '../notices/mailer.js';

export type AccountMailKind = AccountMailRow['kind'];

/**
 * Account e-mails (issue 24 §5) in the recipient's language, queued in the caller's transaction
 * (account_mail_outbox) and sent by the `account-mail` job through SMTP.
 */
export function makeAccountMail(deps: { repo: AccountsRepository; ids: IdGenerator }) {
  return {
    async queue(
      tx: Executor,
      mail: { kind: AccountMailKind; to: string; locale: Locale; params: Record<string, unknown>; userId?: string | null; customerId?: string | null; at: Date },
    ): Promise<void> {
      await deps.repo.queueMail(tx, {
        id: deps.ids.uuid(),
        kind: mail.kind,
        userId: mail.userId ?? null,
        customerId: mail.customerId ?? null,
        recipient: mail.to,
        subject: t(mail.locale, `account.mail.${mail.kind}.subject`, mail.params),
        body: t(mail.locale, `account.mail.${mail.kind}.body`, mail.params),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: mail.at,
        claimedUntil: null,
        lastError: null,
        proof: null,
        sentAt: null,
        createdAt: mail.at,
      });
    },
  };
}
export type AccountMail = ReturnType<typeof makeAccountMail>;

/** Sends due account e-mails through SMTP, with the mail backoff (the `account-mail` job). */
export function makeAccountMailer(deps: {
  repo: AccountsRepository;
  mailer: Mailer;
  provider: { current(scope: Scope): Promise<{ legalName: string; noticeEmail: string | null } | null> };
  clock: Clock;
}) {
  return {
    async deliverDue(limit = 50) {
      if (!deps.mailer.configured) return { sent: 0, retried: 0, failed: 0 };
      const provider = await deps.provider.current(systemScope('account-mail')).catch(() => null);
      const from = provider?.noticeEmail ? `"${provider.legalName}" <${provider.noticeEmail}>` : 'rackpact <noreply@localhost>';
      return drainMailOutbox({
        clock: deps.clock,
        limit,
        send: (mail) => deps.mailer.send(mail),
        claimNext: (at, claimedUntil) => deps.repo.db.transaction((tx) => deps.repo.claimDueMail(tx, at, claimedUntil)),
        attemptsOf: (mail) => mail.attempts,
        mailOf: (mail) => ({ from, to: mail.recipient, subject: mail.subject, text: mail.body }),
        record: (mail, claimedUntil, outcome) => deps.repo.recordMailOutcome(mail.id, claimedUntil, outcome),
      });
    },
  };
}
export type AccountMailer = ReturnType<typeof makeAccountMailer>;
