/**
 * A real Debian nginx for the compliance gate tests: started on 127.0.0.1 with the gate's own
 * conf and prefix, stopped (by its pid) when the test ends. Also: free ports, a tiny HTTP upstream
 * and a raw TCP upstream that counts connections (the TLS one: nginx passes the ClientHello on).
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gateNginxArgs } from '../../src/modules/compliance/nginx.js';
import type { ApiClient, TestApp } from './app.js';

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

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const wsAccept = (key: string) => createHash('sha1').update(key + WS_GUID).digest('base64');

/** One WebSocket frame (FIN, text, payload < 126 bytes), masked as a client must send it or unmasked as a server does. */
function wsFrame(text: string, masked: boolean): Buffer {
  const payload = Buffer.from(text, 'utf8');
  if (payload.length >= 126) throw new Error('short frames only');
  if (!masked) return Buffer.concat([Buffer.from([0x81, payload.length]), payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, body]);
}

/** The text of one short frame (masked or not), or undefined until it is complete. */
function wsRead(buf: Buffer): string | undefined {
  if (buf.length < 2) return undefined;
  const masked = (buf[1]! & 0x80) !== 0;
  const len = buf[1]! & 0x7f;
  const start = 2 + (masked ? 4 : 0);
  if (buf.length < start + len) return undefined;
  const body = buf.subarray(start, start + len);
  return Buffer.from(masked ? body.map((b, i) => b ^ buf[2 + (i % 4)]!) : body).toString('utf8');
}

/**
 * A site on the customer's server: answers with its Host header; a WebSocket upgrade (RFC 6455
 * handshake) is accepted and each text frame echoed back as `echo <text> from <host>`.
 */
export async function startHttpUpstream(host: string, port: number) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`upstream says hello to ${req.headers.host}`);
  });
  const upgraded = new Set<net.Socket>();
  server.on('upgrade', (req: http.IncomingMessage, socket: net.Socket) => {
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    socket.on('end', () => socket.end());
    const key = req.headers['sec-websocket-key'];
    if (req.headers.upgrade?.toLowerCase() !== 'websocket' || typeof key !== 'string') {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${wsAccept(key)}\r\n\r\n`);
    let buf = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      const text = wsRead(buf);
      if (text !== undefined) {
        buf = Buffer.alloc(0);
        socket.write(wsFrame(`echo ${text} from ${req.headers.host}`, false));
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of upgraded) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
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

/**
 * A WebSocket client through the gate: the upgrade to ws://<host>/ on 127.0.0.1:port, one text
 * frame sent, the first frame received. Resolves with the status and, on 101, the reply's text.
 */
export async function websocketEcho(host: string, port: number, text: string): Promise<{ status: number; accepted: boolean; reply?: string }> {
  const key = randomBytes(16).toString('base64');
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/', headers: { Host: host, Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Key': key, 'Sec-WebSocket-Version': '13' } });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error('websocket: no answer in 10 s'));
    }, 10_000);
    req.on('response', (res) => {
      clearTimeout(timer);
      res.resume();
      resolve({ status: res.statusCode ?? 0, accepted: false });
    });
    req.on('upgrade', (res, socket) => {
      const accepted = res.headers['sec-websocket-accept'] === wsAccept(key);
      let buf = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        buf = Buffer.concat([buf, chunk]);
        const reply = wsRead(buf);
        if (reply === undefined) return;
        clearTimeout(timer);
        socket.destroy();
        resolve({ status: res.statusCode ?? 0, accepted, reply });
      });
      socket.write(wsFrame(text, true));
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end();
  });
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

/** What a gate test on real traffic starts with (see startGateFixture). */
export interface GateFixtureOptions {
  /** names the temporary directory (rackpact-<name>-…) */
  name: string;
  customerName: string;
  /** the customer's server, at 127.0.0.2 */
  serial: string;
  /** the customer's owner and a compliance officer, signed in as `owner` and `compliance` */
  logins: { owner: string; compliance: string };
  /** an nginx.conf template of the operator's own, written to a file the test may rewrite (GATE_TEMPLATE) */
  template?: string;
  /** the manual clock's start (2026-04-01T02:00:00Z unless given) */
  now?: string;
  /** runs on the fresh app before anything else is made (listen for gate alerts, set the provider's seal) */
  setup?: (t: TestApp) => Promise<void> | void;
  /**
   * runs once the customer, its server and its 127.0.0.2 allocation exist, before the gate is exported and
   * nginx starts: what it verifies is on the gate from nginx's first request (no refusal while a reload settles)
   */
  beforeGate?: (made: { t: TestApp; customerId: string; serverId: string; poolId: string; allocationId: string }) => Promise<void> | void;
}

export interface GateFixture {
  t: TestApp;
  gateDir: string;
  /** the GATE_TEMPLATE file, when `template` was given */
  templateFile: string | null;
  httpPort: number;
  httpsPort: number;
  customerId: string;
  serverId: string;
  /** the loopback pool (127.0.0.0/24) and the server's allocation of 127.0.0.2 in it */
  poolId: string;
  allocationId: string;
  owner: ApiClient;
  compliance: ApiClient;
  nginx: Awaited<ReturnType<typeof startNginx>>;
  /** the customer's website (HTTP) and its TLS port (counts connections) on 127.0.0.2 */
  web: Awaited<ReturnType<typeof startHttpUpstream>>;
  tlsUpstream: Awaited<ReturnType<typeof startTcpUpstream>>;
  /** The owner lists a domain on the server with its filing and evidence; `verify`: compliance verifies it. */
  addDomain(domain: string, filingNumber: string, opts?: { verify?: boolean }): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The gate on a real nginx, as the gate, takedown and reconciliation tests need it: an app on a manual
 * clock (2026-04-01T02:00Z unless `now`) whose gate listens on free 127.0.0.1 ports; a customer with one server at
 * 127.0.0.2 (a loopback pool) where an HTTP site and a TLS port listen; the (empty) gate exported and
 * nginx started on its files — the operator's first step; the owner and compliance signed in.
 */
export async function startGateFixture(o: GateFixtureOptions): Promise<GateFixture> {
  // loaded here, so the browser tests that only want nginx and curl do not load the app
  const { makeTestApp, multipart } = await import('./app.js');
  const { makeCustomer, makeCustomerUser, makeStaff } = await import('./factories.js');
  const { systemScope } = await import('../../src/core/scope.js');
  const system = systemScope('test');
  const work = mkdtempSync(join(tmpdir(), `rackpact-${o.name}-`));
  chmodSync(work, 0o755); // nginx workers (nobody) read the 451 page from here
  const gateDir = join(work, 'gate');
  const templateFile = o.template === undefined ? null : join(work, 'gate-template.conf');
  if (templateFile) writeFileSync(templateFile, o.template!);
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  // the customer's server is 127.0.0.2: the gate must pass traffic to the address IPAM gave it
  const [upHttp, upTls] = [await freePort('127.0.0.2'), await freePort('127.0.0.2')];
  const t = await makeTestApp({
    now: o.now ?? '2026-04-01T02:00:00Z',
    env: {
      GATE_DIR: gateDir,
      ...(templateFile ? { GATE_TEMPLATE: templateFile } : {}),
      GATE_HTTP_LISTEN: `127.0.0.1:${httpPort}`,
      GATE_HTTPS_LISTEN: `127.0.0.1:${httpsPort}`,
      GATE_UPSTREAM_HTTP_PORT: String(upHttp),
      GATE_UPSTREAM_HTTPS_PORT: String(upTls),
    },
  });
  await o.setup?.(t);
  const c = await makeCustomer(t.services, { name: o.customerName });
  await makeCustomerUser(t.services, o.logins.owner, c.id);
  await makeStaff(t.services, o.logins.compliance, ['compliance']);
  const server = await t.services.servers.createServer(system, { customerId: c.id, brand: 'Dell', model: 'R750', serialNumber: o.serial, heightU: 1 });
  const pool = await t.services.ipam.createPool(system, { name: 'loopback', prefix: '127.0.0.0/24' });
  const allocation = await t.services.ipam.allocate(system, { poolId: pool.id, serverId: server.id, address: '127.0.0.2' });
  await o.beforeGate?.({ t, customerId: c.id, serverId: server.id, poolId: pool.id, allocationId: allocation.id });
  const web = await startHttpUpstream('127.0.0.2', upHttp);
  const tlsUpstream = await startTcpUpstream('127.0.0.2', upTls);
  await t.services.gate.export(system);
  const nginx = await startNginx(gateDir);
  const owner = await t.login(o.logins.owner);
  const compliance = await t.login(o.logins.compliance);
  const must = (what: string, res: { statusCode: number; body: string }, status: number) => {
    if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  };
  return {
    t,
    gateDir,
    templateFile,
    httpPort,
    httpsPort,
    customerId: c.id,
    serverId: server.id,
    poolId: pool.id,
    allocationId: allocation.id,
    owner,
    compliance,
    nginx,
    web,
    tlsUpstream,
    async addDomain(domain, filingNumber, opts = {}) {
      const res = await owner.post('/api/v1/compliance/domains', { serverId: server.id, domain, use: 'non_commercial', filingNumber });
      must(`add ${domain}`, res, 201);
      const id = res.json().id as string;
      const f = multipart({}, { name: 'miit.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') });
      must(`evidence of ${domain}`, await owner.request('POST', `/api/v1/compliance/domains/${id}/evidence`, f.body, f.headers), 200);
      if (opts.verify) must(`verify ${domain}`, await compliance.post(`/api/v1/compliance/domains/${id}/verify`, { method: 'miit_lookup', note: '一致' }), 200);
      return id;
    },
    async stop() {
      await nginx.stop();
      await web.close();
      await tlsUpstream.close();
      await t.close();
    },
  };
}
