import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Resolves with the server's acceptance (message id and reply); rejects with the SMTP error. */
  send(mail: OutgoingMail): Promise<{ messageId: string; response: string }>;
  configured: boolean;
}

/** SMTP through nodemailer; without SMTP_URL nothing is sent and mail waits in the outbox. */
export function makeMailer(smtpUrl: string | undefined): Mailer {
  if (!smtpUrl) {
    return {
      configured: false,
      send: () => Promise.reject(Object.assign(new Error('SMTP is not configured (SMTP_URL)'), { transient: true })),
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    configured: true,
    async send(mail) {
      const info = await transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text });
      return { messageId: info.messageId, response: info.response };
    },
  };
}

/** 5xx replies are permanent (the address is wrong); anything else is worth another try. */
export function isPermanent(err: unknown): boolean {
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
