import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildRequest, dingTalkSign, truncateUtf8, webhookSignature } from './senders.js';

const message = { deliveryId: 'd-1', eventKind: 'incident.opened', title: '【故障】INC-1', body: '正文', link: 'https://idc.example.cn/console/incidents', occurredAt: new Date('2026-03-02T19:00:00Z'), sentAt: new Date('2026-03-02T19:01:00Z') };

describe('alert senders (issue 20 §5)', () => {
  it('signs 钉钉 as documented: base64 HMAC-SHA256 of "timestamp\\nsecret", URL-encoded', () => {
    const sign = dingTalkSign('SECabc', 1700000000000);
    const raw = createHmac('sha256', 'SECabc').update('1700000000000\nSECabc').digest('base64');
    expect(decodeURIComponent(sign)).toBe(raw);
    // '+', '/' and '=' of base64 never reach the query string raw
    expect(sign).not.toMatch(/[+/=]/);
    const req = buildRequest({ kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret: 'SECabc' }, message);
    expect(req.url).toBe(`https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=${message.sentAt.getTime()}&sign=${dingTalkSign('SECabc', message.sentAt.getTime())}`);
  });

  it('leaves an unsigned 钉钉 robot URL alone and puts 企业微信 markdown in content', () => {
    expect(buildRequest({ kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret: null }, message).url).toBe('https://oapi.dingtalk.com/robot/send?access_token=t');
    const wecom = JSON.parse(buildRequest({ kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', secret: null }, message).body);
    expect(wecom).toEqual({ msgtype: 'markdown', markdown: { content: '### 【故障】INC-1\n正文\n\n[查看详情](https://idc.example.cn/console/incidents)' } });
  });

  it('signs the generic webhook over the exact body and names the delivery', () => {
    const req = buildRequest({ kind: 'webhook', url: 'https://hooks.example.cn/x', secret: 'k' }, message);
    expect(req.headers['x-rackpact-signature']).toBe(`sha256=${createHmac('sha256', 'k').update(req.body).digest('hex')}`);
    expect(req.headers['x-rackpact-signature']).toBe(webhookSignature('k', req.body));
    expect(req.headers['x-rackpact-delivery']).toBe('d-1');
    expect(JSON.parse(req.body)).toMatchObject({ id: 'd-1', event: 'incident.opened', occurredAt: '2026-03-02T19:00:00.000Z' });
  });

  it.each([
    ['short text unchanged', 'abc', 10, 'abc'],
    ['cut at a character boundary', '故障故障故障', 10, '故障…'],
  ])('truncateUtf8: %s', (_, text, max, expected) => {
    const out = truncateUtf8(text, max);
    expect(out).toBe(expected);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(max);
  });
});
