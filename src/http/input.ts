import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from '../core/errors.js';

/** A UTF-16 surrogate without its partner: JSON (`"\ud800"`) and percent-decoding can produce one; PostgreSQL cannot store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text no field may hold, named by path: a NUL (PostgreSQL's text and jsonb refuse it — SQLSTATE 22021 / 22P05)
 * and an unpaired surrogate (not Unicode; refused by the database's UTF-8 encoding). Object keys are
 * checked too, since a free-form object may be stored as jsonb.
 */
export function badTextFields(value: unknown, path = '', out: FieldError[] = [], depth = 0): FieldError[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ path, key: 'field.nulByte' });
    else if (LONE_SURROGATE.test(value)) out.push({ path, key: 'field.loneSurrogate' });
  } else if (value && typeof value === 'object' && depth < 32 && !Buffer.isBuffer(value)) {
    for (const [key, inner] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!Array.isArray(value)) badTextFields(key, at, out, depth + 1);
      badTextFields(inner, at, out, depth + 1);
    }
  }
  return out;
}

/**
 * Refuses such text at the boundary, for every route: the parsed params, query and JSON body are
 * checked before the route's schema runs (multipart text fields are checked where they are read,
 * src/http/upload.ts). A 400 naming the field, instead of a database error reaching the user.
 */
export function registerInputChecks(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const fields = [...badTextFields(request.params), ...badTextFields(request.query), ...badTextFields(request.body)];
    if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields.slice(0, 20));
  });
}
