/**
 * A real Debian nginx for the compliance gate tests: started on 127.0.0.1 with the gate's own
 * conf and prefix, stopped (by its pid) when the test ends. Also: free ports, a tiny HTTP upstream
 * and a raw TCP upstream that counts connections (the TLS one: nginx passes the ClientHello on).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gateNginxArgs } from '../../src/modules/compliance/nginx.js';

const run = promisify(execFile);
export const NGINX_BIN = '/usr/sbin/nginx';

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, host, () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export async function startNginx(dir: string) {
  await run(NGINX_BIN, gateNginxArgs({ bin: NGINX_BIN, dir }));
  const pidFile = join(dir, 'nginx.pid');
  for (let i = 0; i < 50 && !existsSync(pidFile); i += 1) await new Promise((r) => setTimeout(r, 100));
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return {
    pid,
    async stop() {
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {
        return;
      }
      for (let i = 0; i < 50; i += 1) {
        try {
          process.kill(pid, 0);
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      process.kill(pid, 'SIGKILL');
    },
  };
}

/** A site on the customer's server: answers with its Host header. */
export async function startHttpUpstream(host: string, port: number) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`upstream says hello to ${req.headers.host}`);
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The TLS side: counts connections that nginx passed on (after reading the SNI). */
export async function startTcpUpstream(host: string, port: number) {
  const state = { connections: 0 };
  const server = net.createServer((socket) => {
    state.connections += 1;
    socket.on('error', () => undefined);
    socket.once('data', () => socket.end());
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return { state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** curl --resolve, as the operator would check it: status and body of http://<host>/ through the gate. */
export async function curlHttp(host: string, port: number): Promise<{ status: number; body: string }> {
  const { stdout } = await run('curl', ['-s', '--max-time', '10', '--resolve', `${host}:${port}:127.0.0.1`, '-w', '\n%{http_code}', `http://${host}:${port}/`]);
  const i = stdout.lastIndexOf('\n');
  return { status: Number(stdout.slice(i + 1)), body: stdout.slice(0, i) };
}

/** A TLS ClientHello with this SNI: 'passed' when nginx connected it to the upstream, 'closed' when not. */
export async function tlsAttempt(servername: string, port: number, upstream: { state: { connections: number } }): Promise<'passed' | 'closed'> {
  const before = upstream.state.connections;
  await new Promise<void>((resolve) => {
    const socket = tls.connect({ host: '127.0.0.1', port, servername, rejectUnauthorized: false });
    const done = () => {
      socket.destroy();
      resolve();
    };
    socket.on('error', done);
    socket.on('close', done);
    socket.setTimeout(5000, done);
  });
  // the upstream's accept may trail the client's close by a moment
  for (let i = 0; i < 20 && upstream.state.connections === before; i += 1) await new Promise((r) => setTimeout(r, 25));
  return upstream.state.connections > before ? 'passed' : 'closed';
}

/**
 * nginx -s reload returns before the new workers answer, and for a moment an old worker may still accept:
 * ask again until the expected answer comes three times in a row (or give up and return the last one).
 */
export async function eventually<T>(probe: () => Promise<T>, expected: T, tries = 40, settle = 3): Promise<T> {
  let last = await probe();
  let streak = last === expected ? 1 : 0;
  for (let i = 0; i < tries + settle && streak < settle; i += 1) {
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
    streak = last === expected ? streak + 1 : 0;
  }
  return last;
}
