import { createHmac } from 'node:crypto';
import type { AlertChannelKind } from './alerting.schema.js';

/** What an alert says, whatever the channel: a title, a Markdown body (Chinese, for the group it reaches) and a link. */
export interface AlertMessage {
  deliveryId: string;
  eventKind: string;
  title: string;
  body: string;
  link: string | null;
  /** when the event was raised (the delivery was queued) */
  occurredAt: Date;
  /** this attempt's moment: 钉钉 checks its signature's timestamp against its own clock */
  sentAt: Date;
}

export interface ChannelTarget {
  kind: AlertChannelKind;
  url: string;
  secret: string | null;
}

export interface HttpRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * 钉钉 加签: HMAC-SHA256 over `timestamp + "\n" + secret` keyed by the secret, Base64, then URL-encoded, and
 * appended as `&timestamp=…&sign=…` (the robot refuses a timestamp more than an hour off its own clock).
 */
export function dingTalkSign(secret: string, timestampMs: number): string {
  return encodeURIComponent(createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64'));
}

/** The generic webhook's signature header value over the exact body bytes. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** At most `max` bytes of UTF-8, cut at a character boundary (企业微信 refuses markdown content over 4096 bytes). */
export function truncateUtf8(text: string, max: number): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > max - 3) break;
    out += ch;
    bytes += n;
  }
  return `${out}…`;
}

const markdownOf = (m: AlertMessage) => `### ${m.title}\n${m.body}${m.link ? `\n\n[查看详情](${m.link})` : ''}`;

/** The request a channel's receiver expects (企业微信 / 钉钉 group-robot JSON, or our signed webhook). */
export function buildRequest(target: ChannelTarget, m: AlertMessage): HttpRequest {
  const json = { 'content-type': 'application/json; charset=utf-8' };
  switch (target.kind) {
    case 'wecom':
      // 企业微信群机器人: markdown content at most 4096 bytes; the key is in the URL
      return { url: target.url, headers: json, body: JSON.stringify({ msgtype: 'markdown', markdown: { content: truncateUtf8(markdownOf(m), 4096) } }) };
    case 'dingtalk': {
      let url = target.url;
      if (target.secret) {
        const timestamp = m.sentAt.getTime();
        url += `${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${dingTalkSign(target.secret, timestamp)}`;
      }
      return { url, headers: json, body: JSON.stringify({ msgtype: 'markdown', markdown: { title: m.title, text: markdownOf(m) } }) };
    }
    case 'webhook': {
      const body = JSON.stringify({ id: m.deliveryId, event: m.eventKind, title: m.title, text: m.body, link: m.link, occurredAt: m.occurredAt.toISOString() });
      return {
        url: target.url,
        headers: {
          ...json,
          'x-rackpact-delivery': m.deliveryId,
          'idempotency-key': m.deliveryId,
          'x-rackpact-event': m.eventKind,
          'x-rackpact-signature': webhookSignature(target.secret ?? '', body),
        },
        body,
      };
    }
  }
}

/** A failed attempt: `permanent` ones are not retried (the receiver refused the request itself). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/**
 * POSTs and reads the answer. 2xx is delivered — for the robots only when the JSON says `errcode: 0`
 * (they answer 200 with an error code). 408, 429 and 5xx, a refused connection or a timeout are
 * worth another try; any other 4xx will not get better by waiting.
 */
export async function post(req: HttpRequest, timeoutMs: number, robot: boolean): Promise<string> {
  let res: Response;
  try {
    res = await fetch(req.url, { method: 'POST', headers: req.headers, body: req.body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new DeliveryError(`${(err as Error).message}${cause ? `: ${cause.code ?? cause.message}` : ''}`, false);
  }
  const text = (await res.text().catch(() => '')).slice(0, 500);
  if (!res.ok) throw new DeliveryError(`HTTP ${res.status} ${text}`.trim(), res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429);
  if (robot) {
    let errcode: unknown;
    try {
      errcode = (JSON.parse(text) as { errcode?: unknown }).errcode;
    } catch {
      throw new DeliveryError(`HTTP ${res.status}, not the robot's JSON answer: ${text}`, false);
    }
    if (errcode !== 0) throw new DeliveryError(`errcode ${String(errcode)}: ${text}`, false);
  }
  return `HTTP ${res.status} ${text}`.trim().slice(0, 500);
}
