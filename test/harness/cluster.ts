/**
 * issue 23 §5: several `rackpact serve` processes on one PostgreSQL behind a real nginx load
 * balancer, as the README's deployment has them. Each process is `node bin/rackpact.mjs serve` with
 * its own PORT and data dir, the same DATABASE_URL and SESSION_SECRET; nginx round-robins over
 * them and passes a request that found its process dead (connection refused or reset) on to the
 * next one, POSTs included (`non_idempotent`: the Idempotency-Key makes that safe).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, startNginx } from './nginx.js';

const BIN = resolve(import.meta.dirname, '../../bin/rackpact.mjs');

/** The upstream block and proxy settings the README shows, for these ports. */
export function balancerConf(opts: { dir: string; listen: number; ports: number[] }): string {
  return `worker_processes 1;
pid ${opts.dir}/nginx.pid;
error_log ${opts.dir}/error.log warn;
events { worker_connections 1024; }
http {
    # which process(es) answered: "a:p1, a:p2" when the first one failed and the request went on
    log_format balancer '$upstream_addr $status';
    access_log ${opts.dir}/access.log balancer;
    client_body_temp_path ${opts.dir}/tmp/client_body;
    proxy_temp_path ${opts.dir}/tmp/proxy;
    fastcgi_temp_path ${opts.dir}/tmp/fastcgi;
    uwsgi_temp_path ${opts.dir}/tmp/uwsgi;
    scgi_temp_path ${opts.dir}/tmp/scgi;
    upstream rackpact {
${opts.ports.map((p) => `        server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')}
        keepalive 16;
    }
    server {
        listen 127.0.0.1:${opts.listen};
        client_max_body_size 12m;
        location / {
            proxy_pass http://rackpact;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto $scheme;
            # a process that died: the request goes to the next one, POSTs too (Idempotency-Key)
            proxy_next_upstream error timeout non_idempotent;
            proxy_next_upstream_tries 3;
            proxy_connect_timeout 2s;
            proxy_read_timeout 60s;
        }
    }
}
`;
}

export interface ServeProcess {
  port: number;
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL, as a crash: no graceful shutdown. */
  kill(): Promise<void>;
  /** SIGSTOP: the process still holds its port (connections queue) but answers nothing. */
  freeze(): void;
  stop(): Promise<void>;
}

/** One `rackpact serve`; resolves once it printed that it listens. */
export async function startServe(opts: { databaseUrl: string; env?: Record<string, string> }): Promise<ServeProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'rackpact-serve-'));
  let out = '';
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? tmpdir(),
      TZ: 'UTC',
      DATABASE_URL: opts.databaseUrl,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: 'off',
      PDF_WARM: 'off',
      GATE_APPLY: 'off',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: 'cluster-test-session-secret-0123456789abcdef',
      TRUST_PROXY: '1',
      // the staff users this harness signs in have no second factor (issue 24's rule has tests of its own)
      REQUIRE_2FA_STAFF: 'off',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await new Promise<void>((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve on ${port} did not start in 120 s:\n${out}`)), 120_000);
    const check = () => {
      if (out.includes('listening on')) {
        clearTimeout(timer);
        resolveStart();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve on ${port} exited (${code}):\n${out}`));
    });
  });
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(sig);
    await exited;
  };
  return { port, url: `http://127.0.0.1:${port}`, child, output: () => out, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM'), freeze: () => void child.kill('SIGSTOP') };
}

export interface Cluster {
  processes: ServeProcess[];
  /** the balancer's address */
  url: string;
  /** The balancer's access log: one `upstream_addr status` line per request. */
  accessLog(): string[];
  stop(): Promise<void>;
}

/** `count` serve processes (started one after the other: the first migrates) and nginx in front. */
export async function startCluster(opts: { databaseUrl: string; count: number; env?: Record<string, string> }): Promise<Cluster> {
  const processes: ServeProcess[] = [];
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  try {
    for (let i = 0; i < opts.count; i += 1) processes.push(await startServe({ databaseUrl: opts.databaseUrl, env: opts.env }));
    const dir = mkdtempSync(join(tmpdir(), 'rackpact-lb-'));
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'tmp'), { recursive: true });
    const listen = await freePort();
    writeFileSync(join(dir, 'nginx.conf'), balancerConf({ dir, listen, ports: processes.map((p) => p.port) }));
    nginx = await startNginx(dir);
    const started = nginx;
    return {
      processes,
      url: `http://127.0.0.1:${listen}`,
      accessLog: () => (existsSync(join(dir, 'access.log')) ? readFileSync(join(dir, 'access.log'), 'utf8').split('\n').filter(Boolean) : []),
      async stop() {
        await started.stop();
        await Promise.all(processes.map((p) => p.stop()));
      },
    };
  } catch (err) {
    await nginx?.stop();
    await Promise.all(processes.map((p) => p.stop()));
    throw err;
  }
}

/** A signed-in browser of sorts: cookies and the CSRF header, over fetch. */
export class Browser {
  private cookies = new Map<string, string>();
  constructor(public base: string) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { ...extra };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('rp_csrf');
    if (csrf) h['x-csrf-token'] = decodeURIComponent(csrf);
    return h;
  }

  /** A copy of these cookies (kept when this browser signs out), for another address. */
  clone(base = this.base): Browser {
    const b = new Browser(base);
    b.cookies = new Map(this.cookies);
    return b;
  }

  /** The same cookies, sent to another address (another process directly). */
  at(base: string): Browser {
    const b = new Browser(base);
    b.cookies = this.cookies;
    return b;
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: () => unknown; text: string; headers: Headers }> {
    const res = await fetch(this.base + path, {
      method,
      headers: this.headers(body === undefined ? headers : { 'content-type': 'application/json', ...headers }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    return { status: res.status, text, headers: res.headers, json: () => JSON.parse(text) as unknown };
  }

  async login(login: string, password: string) {
    return this.request('POST', '/api/v1/auth/login', { login, password });
  }
}
