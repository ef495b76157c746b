import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { Clock } from '../../core/clock.js';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** e.g. the notice's letter as a PDF */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface Mailer {
  /** Resolves with the server's acceptance (message id and reply); rejects with the SMTP error. */
  send(mail: OutgoingMail): Promise<{ messageId: string; response: string }>;
  configured: boolean;
}

/**
 * SMTP through nodemailer; without SMTP_URL nothing is sent and mail waits in the outbox.
 * Every wait has a bound (connect, greeting, each reply): a server that accepts and then says
 * nothing fails the attempt after `timeoutMs` instead of holding the sender for minutes.
 */
export function makeMailer(smtpUrl: string | undefined, opts: { timeoutMs: number } = { timeoutMs: 10_000 }): Mailer {
  if (!smtpUrl) {
    return {
      configured: false,
      send: () => Promise.reject(Object.assign(new Error('SMTP is not configured (SMTP_URL)'), { transient: true })),
    };
  }
  // nodemailer is loaded by the first mail sent, not at start (issue 23 §1)
  let transport: Promise<Transporter<SMTPTransport.SentMessageInfo>> | undefined;
  const transporter = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({ url: smtpUrl, connectionTimeout: opts.timeoutMs, greetingTimeout: opts.timeoutMs, socketTimeout: opts.timeoutMs, dnsTimeout: opts.timeoutMs }),
    ));
  return {
    configured: true,
    async send(mail) {
      const info = await (await transporter()).sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, attachments: mail.attachments });
      return { messageId: info.messageId, response: info.response };
    },
  };
}

/** 5xx replies are permanent (the address is wrong); anything else is worth another try. */
export function isPermanent(err: unknown): boolean {
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Minutes to wait after the 1st, 2nd, … failed attempt; after the last one the mail has failed. */
export const RETRY_BACKOFF_MINUTES = [1, 5, 30, 120, 720];

/**
 * How long a claimed mail belongs to its sender. Far longer than one bounded SMTP exchange; when a
 * sender dies mid-send its claim lapses and the mail is due again (at least once, never lost).
 */
export const CLAIM_LEASE_MS = 10 * 60_000;

export type MailOutcome =
  | { status: 'sent'; sentAt: Date; proof: string; lastError: null; nextAttemptAt: null; claimedUntil: null }
  | { status: 'pending' | 'failed'; lastError: string; nextAttemptAt: Date | null; claimedUntil: null };

/**
 * Drains a mail outbox without holding a transaction across the network: each mail is claimed in a
 * short transaction of its own (lease + attempt count, committed), sent, and its outcome recorded in
 * another. The embedded database has one connection, so a transaction held during a slow SMTP
 * exchange would stall every request; on PostgreSQL it would pin a connection and row locks.
 */
export async function drainMailOutbox<T>(opts: {
  clock: Clock;
  limit: number;
  send: Mailer['send'];
  /** Claims the next due mail (sets its lease and counts the attempt) and commits; undefined when none is due. */
  claimNext(now: Date, claimedUntil: Date): Promise<T | undefined>;
  /** The attempt count after the claim (this attempt included). */
  attemptsOf(item: T): number;
  mailOf(item: T): OutgoingMail | Promise<OutgoingMail>;
  /** Writes the outcome if the claim is still ours (claimedUntil unchanged). */
  record(item: T, claimedUntil: Date, outcome: MailOutcome): Promise<unknown>;
}): Promise<{ sent: number; retried: number; failed: number }> {
  const result = { sent: 0, retried: 0, failed: 0 };
  for (let n = 0; n < opts.limit; n++) {
    const claimedAt = opts.clock.now();
    const claimedUntil = new Date(claimedAt.getTime() + CLAIM_LEASE_MS);
    const item = await opts.claimNext(claimedAt, claimedUntil);
    if (!item) break;
    try {
      const accepted = await opts.send(await opts.mailOf(item));
      await opts.record(item, claimedUntil, { status: 'sent', sentAt: opts.clock.now(), proof: `${accepted.messageId} ${accepted.response}`.slice(0, 500), lastError: null, nextAttemptAt: null, claimedUntil: null });
      result.sent += 1;
    } catch (err) {
      const attempts = opts.attemptsOf(item);
      const permanent = isPermanent(err) || attempts > RETRY_BACKOFF_MINUTES.length;
      await opts.record(item, claimedUntil, {
        status: permanent ? 'failed' : 'pending',
        lastError: (err instanceof Error ? err.message : String(err)).slice(0, 500),
        nextAttemptAt: permanent ? null : new Date(claimedAt.getTime() + RETRY_BACKOFF_MINUTES[attempts - 1] * 60_000),
        claimedUntil: null,
      });
      if (permanent) result.failed += 1;
      else result.retried += 1;
    }
  }
  return result;
}
