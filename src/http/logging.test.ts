import { PassThrough } from 'node:stream';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { didWork } from '../jobs/duties.js';
import { errorHandler } from './errors.js';
import { makeLogger, prettyLine, registerRequestLog, RequestStats } from './logging.js';

function capture() {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  stream.on('data', (d: Buffer) => {
    for (const l of d.toString().split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
  });
  return { stream, lines };
}

async function app(level: string) {
  const { stream, lines } = capture();
  let n = 0;
  const a = Fastify({ loggerInstance: makeLogger({ level, format: 'json', stream }), logController: new LogController({ disableRequestLogging: true }), genReqId: () => `req-${++n}` });
  a.decorateRequest('locale', 'en');
  a.setErrorHandler(errorHandler);
  registerRequestLog(a as unknown as FastifyInstance, { everyMs: 60_000 });
  a.get('/ok', async () => ({ ok: true }));
  a.get('/boom', async () => {
    throw new Error('database went away');
  });
  await a.ready();
  return { a, lines };
}

describe('logs (issue 23 §6)', () => {
  it('at info a request says nothing; an error is logged with the request id the user is shown', async () => {
    const { a, lines } = await app('info');
    expect((await a.inject('/ok')).statusCode).toBe(200);
    const res = await a.inject('/boom');
    expect(res.statusCode).toBe(500);
    const shown = res.json().error.message as string;
    expect(shown).toContain('req-2');
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => l.msg)).toEqual(['unhandled error']);
    expect(lines[0]).toMatchObject({ level: 50, reqId: 'req-2' });
    await a.close();
  });

  it('at debug each request is one line with its id, method, URL, status and time', async () => {
    const { a, lines } = await app('debug');
    await a.inject('/ok');
    await new Promise((r) => setImmediate(r));
    expect(lines).toEqual([expect.objectContaining({ level: 20, reqId: 'req-1', method: 'GET', url: '/ok', status: 200, msg: 'request' })]);
    await a.close();
  });

  it('sums a minute of requests: count, 5xx, 4xx, p50 and p99; a quiet minute says nothing', () => {
    const s = new RequestStats(1000);
    expect(s.take()).toBeNull();
    for (let i = 1; i <= 100; i++) s.add(i, i === 100 ? 500 : i > 95 ? 404 : 200);
    expect(s.take()).toEqual({ requests: 100, errors: 1, refused: 4, p50: 51, p99: 100 });
    expect(s.take()).toBeNull();
  });

  it('pretty prints a line a person reads, the time in Beijing', () => {
    expect(prettyLine(JSON.stringify({ level: 30, time: Date.parse('2026-12-03T04:01:07Z'), pid: 1, hostname: 'h', msg: 'requests in the last minute', requests: 3 }))).toBe('12:01:07 INFO  requests in the last minute  requests=3');
  });

  it('a job run that did nothing is idle', () => {
    expect([0, [], { sent: 0, retried: 0, failed: 0 }, { outcome: 'unchanged' }, null].map(didWork)).toEqual([false, false, false, false, false]);
    expect([2, ['x'], { sent: 1, failed: 0 }, { outcome: 'applied' }, [{ day: '2026-10-30', renewed: 0 }]].map(didWork)).toEqual([true, true, true, true, true]);
  });
});
