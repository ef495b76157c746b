/**
 * The proof that a takedown took effect: the blocked name asked for through the gate itself, on
 * HTTP (by Host: HTTP 451 is the block) and on TLS (by SNI: no TLS session is the block), the way the
 * authority's own check would see it. A reload takes a moment to reach every worker, so each probe is
 * repeated until it sees the block (or gives up and records what it saw).
 */
import http from 'node:http';
import tls from 'node:tls';
import type { TakedownCheck } from './takedowns.schema.js';

export interface GateEndpoint {
  host: string;
  port: number;
}

/** An nginx `listen` value ('80', '127.0.0.1:18080', '[::1]:80', '0.0.0.0:80') as the address to probe. */
export function endpointOf(listen: string): GateEndpoint {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(listen.trim());
  if (!m) return { host: '127.0.0.1', port: Number(listen) };
  const host = m[1] ?? m[2];
  return { host: host === '0.0.0.0' || host === '*' ? '127.0.0.1' : host === '::' ? '::1' : host, port: Number(m[3]) };
}

export function httpStatusVia(gate: GateEndpoint, name: string, timeoutMs = 5000): Promise<{ status: number | null; detail: string }> {
  return new Promise((resolve) => {
    const req = http.request({ host: gate.host, port: gate.port, path: '/', method: 'GET', headers: { host: name }, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? null, detail: `HTTP ${res.statusCode}` }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve({ status: null, detail: err.message }));
    req.end();
  });
}

/** 'refused': the gate closed the connection before any TLS session; 'established': a server answered the handshake. */
export function tlsOutcomeVia(gate: GateEndpoint, name: string, timeoutMs = 5000): Promise<'refused' | 'established' | 'timeout'> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: 'refused' | 'established' | 'timeout') => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(r);
    };
    const socket = tls.connect({ host: gate.host, port: gate.port, servername: name, rejectUnauthorized: false });
    socket.on('secureConnect', () => done('established'));
    socket.on('error', () => done('refused'));
    socket.on('close', () => done('refused'));
    socket.setTimeout(timeoutMs, () => done('timeout'));
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Probes one name on both ports until each shows the block (up to `tries` attempts), timed by `now`. */
export async function probeBlocked(gate: { http: GateEndpoint; tls: GateEndpoint }, name: string, now: () => Date, tries = 30): Promise<TakedownCheck[]> {
  const out: TakedownCheck[] = [];
  let attempts = 0;
  let last = { status: null as number | null, detail: '' };
  for (; attempts < tries; ) {
    attempts += 1;
    last = await httpStatusVia(gate.http, name);
    if (last.status === 451) break;
    await pause(100);
  }
  out.push({ name, protocol: 'http', result: last.status === 451 ? 'blocked' : last.status === null ? 'error' : 'open', detail: last.detail, at: now().toISOString(), attempts });
  let tlsAttempts = 0;
  let outcome: 'refused' | 'established' | 'timeout' = 'timeout';
  for (; tlsAttempts < tries; ) {
    tlsAttempts += 1;
    outcome = await tlsOutcomeVia(gate.tls, name);
    if (outcome === 'refused') break;
    await pause(100);
  }
  out.push({ name, protocol: 'tls', result: outcome === 'refused' ? 'blocked' : outcome === 'established' ? 'open' : 'error', detail: outcome === 'refused' ? 'TLS handshake refused (connection closed before ServerHello)' : outcome === 'established' ? 'TLS session established' : 'no answer', at: now().toISOString(), attempts: tlsAttempts });
  return out;
}
