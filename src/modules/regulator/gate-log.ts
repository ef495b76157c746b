/**
 * Reads the gate's access log (the format compliance/gate-config.ts writes into nginx.conf) into what the
 * regulator's reconciliation counts (issue 22 §3): names refused per server IP (HTTP Host, TLS SNI), and
 * the addresses traffic was passed to. Pure: lines in, counts out.
 */
import { formatIp, parseIp, shanghaiDate, type CalendarDate } from '../../rules/index.js';

export interface GateLogCounts {
  lines: number;
  /** `${proto} ${serverIp} ${name}` → refused requests/connections */
  refused: Map<string, { proto: 'http' | 'tls'; serverIp: string; name: string; hits: number }>;
  /** the addresses the gate passed traffic to (answering), with their hits */
  answered: Map<string, number>;
}

export const emptyCounts = (): GateLogCounts => ({ lines: 0, refused: new Map(), answered: new Map() });

const normalIp = (text: string): string | null => {
  const ip = parseIp(text.replace(/^\[|\]$/g, ''));
  return ip ? formatIp(ip) : null;
};

/** Adds one log line to the counts when it falls on `day` (Beijing time); other lines and foreign lines are skipped. */
export function countLine(counts: GateLogCounts, line: string, day: CalendarDate): void {
  if (!line.startsWith('rackpact-gate ')) return;
  const parts = line.split(' ');
  if (parts.length < 7) return;
  const [, proto, msec, serverAddr, status, passedTo] = parts;
  if (proto !== 'http' && proto !== 'tls') return;
  const ms = Number(msec) * 1000;
  if (!Number.isFinite(ms) || shanghaiDate(new Date(ms)) !== day) return;
  const name = parts.slice(6).join(' ').toLowerCase();
  const serverIp = normalIp(serverAddr);
  if (!serverIp) return;
  counts.lines += 1;
  if (passedTo === '-') {
    if (name === '-' || name === '_' || name === '') return; // no name asked: nothing to attribute to a site
    const key = `${proto} ${serverIp} ${name}`;
    const entry = counts.refused.get(key) ?? { proto, serverIp, name, hits: 0 };
    entry.hits += 1;
    counts.refused.set(key, entry);
    return;
  }
  // passed on: the upstream answered unless nginx reports it could not reach it
  if (status === '502' || status === '504') return;
  const to = normalIp(passedTo);
  if (to) counts.answered.set(to, (counts.answered.get(to) ?? 0) + 1);
}

export function countLog(text: string, day: CalendarDate, counts = emptyCounts()): GateLogCounts {
  for (const line of text.split('\n')) countLine(counts, line.trimEnd(), day);
  return counts;
}
