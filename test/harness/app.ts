import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type Services } from '../../src/app.js';
import { manualClock, type ManualClock } from '../../src/core/clock.js';
import { parseConfig } from '../../src/core/config.js';
import { sequentialIds } from '../../src/core/ids.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { freshDatabase } from './db.js';

export const TEST_PASSWORD = 'test-password-1';

export interface TestApp {
  database: Database;
  url?: string;
  clock: ManualClock;
  services: Services;
  http: FastifyInstance;
  dataDir: string;
  close(): Promise<void>;
  /** Logs in through the real endpoint and returns a client carrying the cookies and CSRF token. */
  login(login: string, password?: string): Promise<ApiClient>;
  anonymous(): ApiClient;
  /**
   * A second app on the same database, as another process would run it (on PostgreSQL with a pool
   * of its own), with the same clock and session secret; closed with this one at the latest.
   */
  sibling(): Promise<{ http: FastifyInstance; services: Services; close(): Promise<void> }>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClient {
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

function client(http: FastifyInstance, cookies: Record<string, string>, csrf?: string): ApiClient {
  const request: ApiClient['request'] = (method, url, body, headers = {}) =>
    http.inject({
      method,
      url,
      cookies,
      headers: { ...(csrf ? { 'x-csrf-token': csrf } : {}), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    request,
    get: (url, headers) => request('GET', url, undefined, headers),
    post: (url, body, headers) => request('POST', url, body ?? {}, headers),
    put: (url, body) => request('PUT', url, body ?? {}),
    delete: (url) => request('DELETE', url),
  };
}

export async function makeTestApp(opts: { now?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const tdb = await freshDatabase();
  const clock = manualClock(opts.now ?? '2026-03-02T02:00:00Z');
  const dataDir = mkdtempSync(join(tmpdir(), 'rackpact-test-'));
  // tests log in often under a frozen clock (the address limit has tests of its own), and walk the
  // OpenAPI document anonymously (its protection has tests of its own too)
  const config = parseConfig({ DATA_DIR: dataDir, DATABASE_URL: tdb.url, LOGIN_ADDRESS_FAILURES: '10000', PUBLIC_API_DOCS: 'on', REQUIRE_2FA_STAFF: 'off', ...opts.env });
  const ctx = { config, database: tdb.database, clock, ids: sequentialIds(), sessionSecret: 'test-session-secret-0123456789abcdef' };
  const { http, services } = await buildApp(ctx);
  await http.ready();
  const siblings: (() => Promise<void>)[] = [];
  return {
    database: tdb.database,
    url: tdb.url,
    clock,
    services,
    http,
    dataDir,
    async close() {
      for (const close of siblings) await close();
      await http.close();
      await tdb.drop();
    },
    async sibling() {
      const database = tdb.url ? await openDatabase({ databaseUrl: tdb.url, poolSize: 3 }) : tdb.database;
      const other = await buildApp({ ...ctx, database });
      await other.http.ready();
      let closed = false;
      const close = async () => {
        if (closed) return;
        closed = true;
        await other.http.close();
        if (database !== tdb.database) await database.close();
      };
      siblings.push(close);
      return { ...other, close };
    },
    async login(login, password = TEST_PASSWORD) {
      const res = await http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
      if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
      const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
      return client(http, cookies, cookies.rp_csrf);
    },
    anonymous: () => client(http, {}),
  };
}

/** A multipart/form-data body with text fields and one file, for upload routes. */
export function multipart(fields: Record<string, string>, file?: { field?: string; name: string; type?: string; bytes: Uint8Array }) {
  const boundary = `----rackpact${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
