import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';

/**
 * The server's logger (issue 23 §6). LOG_LEVEL (default info) and LOG_FORMAT: `json`, one object per
 * line for a log collector, or `pretty`, one readable line per entry (the default on a terminal):
 * `12:01:07 INFO  requests in the last minute  requests=42 errors=0 p50=3ms p99=41ms`.
 */
export function makeLogger(opts: { level: string; format?: 'pretty' | 'json'; stream?: NodeJS.WritableStream }): Logger {
  const out = opts.stream ?? process.stdout;
  const format = opts.format ?? ((out as { isTTY?: boolean }).isTTY ? 'pretty' : 'json');
  return pino({ level: opts.level }, format === 'pretty' ? prettyStream(out) : (out as NodeJS.WritableStream));
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const OMIT = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'err']);

/** One pino JSON line → `HH:MM:SS LEVEL message key=value …` (the time in Beijing), the error's stack below. */
export function prettyLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = new Date(Number(entry.time ?? Date.now()) + 8 * 3600_000).toISOString().slice(11, 19);
  const fields = Object.entries(entry)
    .filter(([k]) => !OMIT.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  const err = entry.err as { type?: string; message?: string; stack?: string } | undefined;
  const level = LEVELS[Number(entry.level)] ?? String(entry.level);
  return `${time} ${level} ${String(entry.msg ?? '')}${fields ? `  ${fields}` : ''}${err ? `\n${err.stack ?? `${err.type}: ${err.message}`}` : ''}`;
}

function prettyStream(out: NodeJS.WritableStream): Writable {
  let rest = '';
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const l of lines) if (l) out.write(`${prettyLine(l)}\n`);
      done();
    },
  });
}

/** What one minute of requests came to; `null` when there were none. */
export interface RequestSummary {
  requests: number;
  errors: number;
  refused: number;
  p50: number;
  p99: number;
}

/** Durations of a window of requests; a few thousand kept at most (a uniform sample beyond that). */
export class RequestStats {
  private durations: number[] = [];
  private seen = 0;
  private errors = 0;
  private refused = 0;
  constructor(private readonly keep = 5000) {}

  add(ms: number, status: number) {
    this.seen += 1;
    if (status >= 500) this.errors += 1;
    else if (status >= 400) this.refused += 1;
    if (this.durations.length < this.keep) this.durations.push(ms);
    else {
      const i = Math.floor(Math.random() * this.seen);
      if (i < this.keep) this.durations[i] = ms;
    }
  }

  /** The window so far, and a new one begun. */
  take(): RequestSummary | null {
    if (this.seen === 0) return null;
    const sorted = this.durations.sort((a, b) => a - b);
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
    const summary = { requests: this.seen, errors: this.errors, refused: this.refused, p50: at(0.5), p99: at(0.99) };
    this.durations = [];
    this.seen = 0;
    this.errors = 0;
    this.refused = 0;
    return summary;
  }
}

/**
 * Request logging: each request one `debug` line (method, route, status, time) with its request id,
 * and once a minute an `info` line summing them (requests, 5xx errors, 4xx refusals, p50/p99 in ms);
 * a quiet minute says nothing. Fastify's own two lines per request are turned off (disableRequestLogging).
 */
export function registerRequestLog(app: FastifyInstance, opts: { everyMs?: number } = {}): RequestStats {
  const stats = new RequestStats();
  app.addHook('onResponse', async (request, reply) => {
    const ms = reply.elapsedTime;
    stats.add(ms, reply.statusCode);
    request.log.debug({ method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
  });
  const timer = setInterval(() => {
    const s = stats.take();
    if (s) app.log.info(s, 'requests in the last minute');
  }, opts.everyMs ?? 60_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
  return stats;
}
