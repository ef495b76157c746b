/**
 * The fuzz (issue 15): every operation of the OpenAPI document, with malformed and hostile input
 * generated from its own schemas — malformed JSON, bodies of the wrong type, required fields missing,
 * NUL bytes, unpaired surrogates, huge strings, impossible dates, ids that are not ids (and ids that
 * are, of real rows), numbers out of every range, broken multipart on the upload routes — sent as an
 * admin and as a customer user. No answer may be a 5xx. Bounded and seeded: the same seed sends the
 * same requests (FUZZ_SEED to vary it, FUZZ_CASES for the cases per operation and user).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../src/core/scope.js';
import { makeTestApp, multipart, type ApiClient, type TestApp } from '../harness/app.js';
import { makeCustomer, makeCustomerUser, makeStaff } from '../harness/factories.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const CASES = Number(process.env.FUZZ_CASES ?? 8);

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
};
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
  upload: boolean;
}

/** mulberry32: a small seeded PRNG, so a failure is reproducible from the seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

/** Values no field should trip over: each is either refused with a 4xx or handled. */
const HOSTILE: unknown[] = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  'A'.repeat(100_000),
  '中'.repeat(20_000),
  '😀'.repeat(2_000),
  '\u202e\u200b\ufeff',
  '2026-02-30',
  '2026-02-30T10:00:00Z',
  '2026-04-31T24:00:00+08:00',
  '0000-00-00',
  '0001-01-01',
  '9999-12-31',
  '9999-12-31T23:59:59Z',
  '-000001-01-01T00:00:00Z',
  '1900-01-01T00:00:00+08:00',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '../../etc/passwd',
  "' OR 1=1 --",
  '%00',
  '$INCLUDE /etc/passwd',
  'x\n$ORIGIN evil.',
  ' ',
  '',
  -1,
  0,
  1.5,
  -2147483649,
  2 ** 31,
  2 ** 53 + 2,
  1e308,
  -1e308,
  true,
  null,
  [],
  {},
  [[[[]]]],
  { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } },
];

/** The edge values the sweep gives every field: text the database cannot hold, ints past int4, an impossible day, a non-id, a huge string. */
const EDGES: unknown[] = ['a\u0000b', 'x\ud800', 2 ** 31, -(2 ** 31) - 1, 2 ** 63, '2026-02-30', '2026-02-30T10:00:00Z', 'not-a-uuid', 'A'.repeat(100_000)];

/** Bodies that are not the JSON they claim to be. */
const MALFORMED_JSON = ['{', '{"a":', '[1,2', 'nul', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '{"a":1}garbage', '\u0000', '"just a string"', '1e999999'];

let t: TestApp;
let admin: ApiClient;
let owner: ApiClient;
let knownIds: string[] = [];
let operations: Operation[];

function resolve(doc: { components?: { schemas?: Record<string, Schema> } }, schema: Schema | undefined, depth = 0): Schema | undefined {
  if (!schema || depth > 8) return schema;
  if (schema.$ref) return resolve(doc, doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')], depth + 1);
  return schema;
}

function randomUuid(rng: Rng): string {
  const hex = () => rng.int(0, 15).toString(16);
  const s = Array.from({ length: 32 }, hex);
  s[12] = '4';
  s[16] = rng.pick(['8', '9', 'a', 'b']);
  return `${s.slice(0, 8).join('')}-${s.slice(8, 12).join('')}-${s.slice(12, 16).join('')}-${s.slice(16, 20).join('')}-${s.slice(20).join('')}`;
}

const TEXT = ['x', '测试', 'Ⅸ.cn', 'www.example.cn', '203.0.113.7', '2001:db8::1', 'a-b_c', 'O\'Brien', '<script>', '13800000000', 'ops@example.cn', '京ICP备2021012345号', '91350100M000100Y43'];

/** A value of the schema's shape (what a well-meaning client would send), random within its bounds. */
function valid(rng: Rng, doc: object, raw: Schema | undefined, depth = 0): unknown {
  const schema = resolve(doc, raw);
  if (!schema || depth > 6) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return rng.pick(schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return valid(rng, doc, rng.pick(alternatives), depth + 1);
  if (schema.allOf?.length) return valid(rng, doc, schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? rng.pick(schema.type.filter((x) => x !== 'null').length ? schema.type.filter((x) => x !== 'null') : schema.type) : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, prop] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(name) || rng.chance(0.5)) out[name] = valid(rng, doc, prop, depth + 1);
      }
      return out;
    }
    case 'array': {
      const n = rng.int(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, Math.max(schema.minItems ?? 0, 3)));
      return Array.from({ length: n }, () => valid(rng, doc, schema.items, depth + 1));
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
      const max = schema.maximum ?? min + 1000;
      return type === 'integer' ? rng.int(Math.ceil(min), Math.floor(Math.min(max, min + 1_000_000))) : min + rng.next() * Math.min(max - min, 1_000_000);
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'null':
      return null;
    case 'string':
    default: {
      if (schema.format === 'uuid') return knownIds.length && rng.chance(0.6) ? rng.pick(knownIds) : randomUuid(rng);
      if (schema.format === 'date') return `2026-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      if (schema.format === 'date-time') return `2026-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}T${String(rng.int(0, 23)).padStart(2, '0')}:00:00+08:00`;
      if (schema.format === 'email') return `fuzz${rng.int(0, 999)}@example.cn`;
      const text = rng.pick(TEXT);
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? 64;
      const s = text.length >= min ? text : text.padEnd(min, 'x');
      return s.slice(0, Math.max(max, min));
    }
  }
}

/** Replaces one leaf of a value (or the value itself) by a hostile one. */
function mutate(rng: Rng, value: unknown): unknown {
  if (value && typeof value === 'object' && rng.chance(0.85)) {
    const entries = Object.keys(value);
    if (entries.length) {
      const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
      const key = rng.pick(entries);
      (copy as Record<string, unknown>)[key] = mutate(rng, (value as Record<string, unknown>)[key]);
      return copy;
    }
  }
  return rng.pick(HOSTILE);
}

const asText = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));
/** A query string or path segment as a client would encode it; lone surrogates cannot be encoded, so they go as raw %-bytes. */
const encode = (v: unknown) => {
  const s = asText(v).slice(0, 4000);
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
};

interface Request {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  label: string;
}

function buildCase(rng: Rng, doc: object, op: Operation, k: number): Request {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const pathValues: Record<string, unknown> = Object.fromEntries(pathParams.map((p) => [p.name, valid(rng, doc, p.schema)]));
  const query: Record<string, unknown> = {};
  for (const p of queryParams) if (p.required || rng.chance(0.5)) query[p.name] = valid(rng, doc, p.schema);
  let body: unknown = op.body ? valid(rng, doc, op.body) : undefined;
  let payload: unknown = body;
  let headers: Record<string, string> | undefined;
  // the kinds of case, in turn: each operation gets each kind that applies before any repeats
  const kinds = [
    ...(op.upload ? ['multipart-broken', 'multipart-hostile'] : []),
    ...(op.body ? ['json-malformed', 'body-wrong-type', 'body-required-missing', 'body-hostile', 'body-hostile'] : []),
    ...(pathParams.length ? ['path-hostile'] : []),
    ...(queryParams.length ? ['query-hostile', 'query-hostile'] : []),
    'valid-shaped',
  ];
  const kind = k < 0 ? 'valid-shaped' : kinds[k % kinds.length];
  switch (kind) {
    case 'multipart-broken': {
      const boundary = `fuzz${rng.int(0, 1e6)}`;
      headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
      payload = rng.pick([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 cut`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-da`),
        Buffer.from(`--${boundary}\r\n\r\n\r\n--${boundary}--`),
        Buffer.from(`garbage without a boundary`),
        Buffer.alloc(0),
      ]);
      break;
    }
    case 'multipart-hostile': {
      const fields = Object.fromEntries(['kind', 'holderName', 'idType', 'idNumber', 'issuedOn', 'expiresOn', 'signingDate', 'serverId', 'inspectedAt', 'commentId', 'internal', 'withheld'].map((f) => [f, asText(rng.pick(HOSTILE)).slice(0, 900)]));
      const form = multipart(fields, { name: asText(rng.pick(['a.pdf', '\u0000.pdf', '../../x', '中'.repeat(300)])), bytes: Buffer.from(rng.pick(['%PDF-1.4\n%%EOF\n', '\u0000\u0000', 'MZ'])) });
      payload = form.body;
      headers = form.headers;
      break;
    }
    case 'json-malformed':
      payload = rng.pick(MALFORMED_JSON);
      headers = { 'content-type': 'application/json' };
      break;
    case 'body-wrong-type':
      payload = JSON.stringify(rng.pick([[], [1, 2, 3], 'text', 42, null, true]));
      headers = { 'content-type': 'application/json' };
      break;
    case 'body-required-missing':
      payload = {};
      break;
    case 'body-hostile':
      body = mutate(rng, body);
      payload = body;
      break;
    case 'path-hostile': {
      const p = rng.pick(pathParams);
      pathValues[p.name] = rng.pick(['not-a-uuid', '%00', '00000000-0000-0000-0000-000000000000', 'A'.repeat(3000), '..%2F..%2Fetc', '-1', '中国', '%ED%A0%80']);
      break;
    }
    case 'query-hostile': {
      const p = rng.pick(queryParams);
      query[p.name] = rng.pick(HOSTILE);
      if (rng.chance(0.3)) query.unexpected = rng.pick(HOSTILE);
      break;
    }
    default:
      break;
  }
  // a hostile path value already written %-encoded goes as it is
  const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = pathValues[name];
    return typeof v === 'string' && /%/.test(v) ? v : encode(v);
  });
  const qs = Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .map(([name, v]) => (Array.isArray(v) ? v.map((x) => `${name}=${encode(x)}`).join('&') : `${name}=${encode(v)}`))
    .join('&');
  const bodiless = op.method === 'GET' || op.method === 'DELETE';
  return { url: qs ? `${url}?${qs}` : url, payload: bodiless ? undefined : payload, headers: bodiless ? undefined : headers, label: kind };
}

beforeAll(async () => {
  t = await makeTestApp();
  const system = systemScope('fuzz');
  await makeStaff(t.services, 'fuzz-admin', ['admin']);
  const c = await makeCustomer(t.services, { name: '模糊测试客户' });
  await makeCustomerUser(t.services, 'fuzz-owner', c.id);
  // a little of everything, so that ids of real rows (and not only random ones) reach the services
  const site = await t.services.floor.createSite(system, { code: 'FZ-1', name: '模糊机房', address: 'x', accessPoint: 'x' });
  const room = await t.services.floor.createRoom(system, { siteId: site.id, name: 'FZ-R1' });
  const cabinet = await t.services.floor.createCabinet(system, { roomId: room.id, code: 'FZ-C01' });
  const server = await t.services.servers.createServer(system, { customerId: c.id, brand: 'Dell', model: 'R750', serialNumber: 'FZ-SN-1', heightU: 1 });
  const pool = await t.services.ipam.createPool(system, { name: 'FZ', prefix: '198.51.100.0/24' });
  const zone = await t.services.dns.createZone(system, { customerId: c.id, domain: 'fuzz-zone.cn' });
  const ticket = await t.services.tickets.open(system, { customerId: c.id, type: 'general', subject: '模糊工单', description: '' });
  // bystanders, not the two users the fuzz runs as: a fuzzed "disable user" with a real id must not end the run's sessions
  const bystanders = [await makeStaff(t.services, 'fuzz-bystander', ['noc']), await makeCustomerUser(t.services, 'fuzz-bystander-c', c.id)];
  knownIds = [c.id, ...bystanders.map((u) => u.id), site.id, room.id, cabinet.id, server.id, pool.id, zone.id, ticket.id];
  admin = await t.login('fuzz-admin');
  owner = await t.login('fuzz-owner');
  const doc = (await t.anonymous().get('/api/openapi.json')).json() as {
    components?: { schemas?: Record<string, Schema> };
    paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> }; summary?: string }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map(([m, op]) => ({
        method: m.toUpperCase(),
        path,
        parameters: (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query'),
        body: op.requestBody ? Object.values(op.requestBody.content)[0]?.schema : undefined,
        upload: /multipart/.test(op.summary ?? ''),
      })),
  );
  (globalThis as { fuzzDoc?: object }).fuzzDoc = doc;
});
afterAll(() => t.close());

describe(`fuzz of every operation (seed ${SEED}, ${CASES} cases per operation and user)`, () => {
  it('answers no 5xx and shows no raw SQLSTATE to malformed input, as an admin and as a customer user', async () => {
    const doc = (globalThis as { fuzzDoc?: object }).fuzzDoc!;
    const rng = prng(SEED);
    const failures: string[] = [];
    let sent = 0;
    let unauthenticated = 0;
    const fuzzed = operations.filter((op) => op.body || op.parameters.length || op.upload);
    for (const op of fuzzed) {
      for (let k = 0; k < CASES; k += 1) {
        const req = buildCase(rng, doc, op, k);
        for (const [who, client] of [['admin', admin], ['customer', owner]] as const) {
          // logging out would end the session the rest of the fuzz runs on: that one goes without cookies
          const as = op.path === '/api/v1/auth/logout' ? t.anonymous() : client;
          const res = await as.request(op.method as never, req.url, req.payload, req.headers);
          sent += 1;
          if (res.statusCode === 401) unauthenticated += 1;
          // a 5xx, a database error code shown to the user ("输入无效：22P02"), or a value only the database
          // refused (INVALID_DATA: the error handler's fallback, where a boundary check is missing) is a finding
          const rawSqlState = res.statusCode >= 400 && /"message":"[^"]*\b(2[23][0-9A-Z]{3})\b/.test(res.body);
          const databaseRefused = res.statusCode === 400 && res.body.includes('"code":"INVALID_DATA"');
          if (res.statusCode >= 500 || rawSqlState || databaseRefused) failures.push(`${op.method} ${op.path} [${req.label}, ${who}] → ${res.statusCode} ${res.body.slice(0, 200)} · url ${req.url.slice(0, 600)} · body ${asText(req.payload).slice(0, 200)}`);
        }
      }
    }
    // then a sweep: every query parameter and every top-level body field of every operation gets each edge
    // value in turn (the rest of the request well-formed), as the admin, whom no role check stops early
    for (const op of fuzzed) {
      const targets = [...op.parameters.filter((p) => p.in === 'query').map((p) => ({ where: 'query' as const, name: p.name })), ...Object.keys(resolve(doc, op.body)?.properties ?? {}).map((name) => ({ where: 'body' as const, name }))];
      for (const target of targets) {
        for (const edge of EDGES) {
          const req = buildCase(rng, doc, op, -1);
          let { url, payload } = req;
          if (target.where === 'query') url += `${url.includes('?') ? '&' : '?'}${target.name}=${encode(edge)}`;
          else payload = { ...((payload as Record<string, unknown>) ?? {}), [target.name]: edge };
          const res = await admin.request(op.method as never, url, op.method === 'GET' || op.method === 'DELETE' ? undefined : payload);
          sent += 1;
          if (res.statusCode === 401) unauthenticated += 1;
          const rawSqlState = res.statusCode >= 400 && /"message":"[^"]*\b(2[23][0-9A-Z]{3})\b/.test(res.body);
          const databaseRefused = res.statusCode === 400 && res.body.includes('"code":"INVALID_DATA"');
          if (res.statusCode >= 500 || rawSqlState || databaseRefused) failures.push(`${op.method} ${op.path} [sweep ${target.where}.${target.name}=${asText(edge).slice(0, 30)}] → ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    }
    console.log(`fuzz: seed ${SEED}, ${fuzzed.length} operations, ${sent} requests, ${unauthenticated} answered 401, ${failures.length} findings`);
    // the fuzz ran as the two users throughout: their sessions still work, and few answers were 401s
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await owner.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect(unauthenticated).toBeLessThan(sent / 20);
    expect(fuzzed.length).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 600_000);
});
