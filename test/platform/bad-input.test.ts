/**
 * Bad input to every route of the OpenAPI document, as an admin: a body of the wrong shape and
 * path ids that are not ids get a 400 naming the field, in the request's language, and nothing
 * changes (every change is audited, so an unchanged audit log means an unchanged database).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../harness/app.js';
import { makeStaff } from '../harness/factories.js';

interface Operation {
  method: string;
  path: string;
  hasBody: boolean;
  requiredBodyFields: string[];
}

let t: TestApp;
let operations: Operation[];

async function auditCount(): Promise<number> {
  const [row] = await t.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
  return row.n;
}

beforeAll(async () => {
  t = await makeTestApp();
  await makeStaff(t.services, 'bad-admin', ['admin']);
  const doc = (await t.anonymous().get('/api/openapi.json')).json() as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([m]) => ['post', 'put', 'patch', 'delete', 'get'].includes(m))
      .map(([m, op]) => {
        const schema = op.requestBody ? Object.values(op.requestBody.content)[0]?.schema : undefined;
        return { method: m.toUpperCase(), path, hasBody: Boolean(op.requestBody), requiredBodyFields: schema?.required ?? [] };
      }),
  );
});
afterAll(() => t.close());

describe('bad input on every route', () => {
  it('answers a body missing its required fields with 400 naming each field, and changes nothing', async () => {
    const admin = await t.login('bad-admin');
    const before = await auditCount();
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.requiredBodyFields.length > 0)) {
      const url = op.path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-00000000ffff');
      const res = await admin.request(op.method as never, url, { unexpected: true }, { 'accept-language': 'en' });
      const body = res.json();
      const paths = (body.error?.fields ?? []).map((f: { path: string }) => f.path);
      const missing = op.requiredBodyFields.filter((f) => !paths.includes(f));
      if (res.statusCode !== 400 || missing.length) failures.push(`${op.method} ${op.path}: ${res.statusCode}, fields not named: ${missing.join(',')}`);
      if (body.error?.code !== 'VALIDATION_FAILED' || !/invalid/i.test(body.error.message)) failures.push(`${op.method} ${op.path}: ${res.body}`);
    }
    expect(failures).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it('answers a body that is not an object with 400', async () => {
    const admin = await t.login('bad-admin');
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.hasBody)) {
      const url = op.path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-00000000ffff');
      const res = await admin.request(op.method as never, url, [1, 2, 3]);
      if (res.statusCode !== 400) failures.push(`${op.method} ${op.path}: ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers a path id that is not an id with 400 naming it, in Chinese by default', async () => {
    const admin = await t.login('bad-admin');
    const before = await auditCount();
    const failures: string[] = [];
    for (const op of operations.filter((o) => /\{\w+\}/.test(o.path))) {
      const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const url = op.path.replace(/\{\w+\}/g, 'not-an-id');
      const res = await admin.request(op.method as never, url, op.hasBody ? {} : undefined);
      const paths = (res.json().error?.fields ?? []).map((f: { path: string }) => f.path);
      if (res.statusCode !== 400 || !names.some((n) => paths.includes(n))) failures.push(`${op.method} ${op.path}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      if (res.statusCode === 400 && res.json().error.message !== '输入有误，请检查标出的字段') failures.push(`${op.method} ${op.path}: not localized`);
    }
    expect(failures).toEqual([]);
    expect(await auditCount()).toBe(before);
  });
});
