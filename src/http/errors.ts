import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, HTTP_STATUS, type ConstraintErrors, type ErrorCode, type FieldError } from '../core/errors.js';
import { hasMessage, t, type Locale } from '../core/i18n/index.js';
import { pgErrorOf } from '../db/pg-errors.js';

export interface ErrorBody {
  error: { code: string; message: string; fields: { path: string; message: string }[] };
}

/**
 * Database constraint names mapped to the AppError a user should see; modules add theirs. A race
 * that slips past a service check then still answers 409/400 with a meaningful code, never 500.
 */
const constraintErrors = new Map<string, { code: ErrorCode; field?: string }>();
export function registerConstraintErrors(map: ConstraintErrors): void {
  for (const [name, target] of Object.entries(map)) constraintErrors.set(name, target);
}

/** Codes the rules core throws, with the HTTP status each maps to (default 400). */
const ruleStatus = new Map<string, number>([['CALENDAR_NOT_COVERED', 422]]);

const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() };

function zodMessage(locale: Locale, issue: Record<string, unknown>): string {
  // refinements and the shared schemas (dto.ts: CalendarDate, Instant…) carry an i18n key as their message
  if (typeof issue.message === 'string' && hasMessage(issue.message)) {
    return t(locale, issue.message, (issue.params as Record<string, unknown>) ?? {});
  }
  const localeError = zodLocales[locale].localeError as (i: unknown) => string | { message: string } | undefined;
  const out = localeError(issue);
  return (typeof out === 'string' ? out : out?.message) ?? String(issue.message ?? '');
}

/**
 * Params in the user's language: `entity` names the kind of object (`entity.invoice` → 账单 / The invoice);
 * a refused transition's `from` and `to` name the state or the step (`transition.<kind>.<value>`, then
 * `transition.<value>`, then the step before its qualifier: `terminate.for_cause:6.8` → `transition.terminate`),
 * the kind from `entity` or the code (`DOMAIN_INVALID_TRANSITION` → domain); a refusal whose `reason` is
 * left to its fields (ACTIVATION_REFUSED) reads the fields' messages.
 */
export function localParams(locale: Locale, code: string, params: Record<string, unknown>, fields: FieldError[]): Record<string, unknown> {
  const out = { ...params };
  const entityKey = typeof params.entity === 'string' ? `entity.${params.entity}` : '';
  if (entityKey && hasMessage(entityKey)) out.entity = t(locale, entityKey);
  const kind = typeof params.entity === 'string' ? params.entity : code.endsWith('_INVALID_TRANSITION') ? code.slice(0, -'_INVALID_TRANSITION'.length).toLowerCase() : '';
  for (const name of ['from', 'to'] as const) {
    const value = params[name];
    if (typeof value !== 'string') continue;
    const step = value.split(/[.:]/)[0];
    const key = [`transition.${kind}.${value}`, `transition.${value}`, `transition.${kind}.${step}`, `transition.${step}`].find(hasMessage);
    if (key) out[name] = t(locale, key);
  }
  if (params.reason === undefined && fields.length) out.reason = renderFields(locale, fields).map((f) => f.message).join(t(locale, 'transition.listSeparator'));
  return out;
}

function body(code: string, message: string, fields: { path: string; message: string }[] = []): ErrorBody {
  return { error: { code, message, fields } };
}

function renderFields(locale: Locale, fields: FieldError[]) {
  return fields.map((f) => ({ path: f.path, message: t(locale, f.key, f.params) }));
}

export function toErrorResponse(err: unknown, locale: Locale, requestId: string): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return { status: err.status, body: body(err.code, t(locale, err.code, localParams(locale, err.code, err.params, err.fields)), renderFields(locale, err.fields)) };
  }
  // rules core errors (RuleError): a stable code and params, messages registered in i18n
  if (err instanceof Error && err.name === 'RuleError' && 'code' in err) {
    const code = String((err as { code: unknown }).code);
    const params = ((err as { params?: Record<string, unknown> }).params ?? {}) as Record<string, unknown>;
    const field = typeof params.field === 'string' ? params.field : undefined;
    const message = t(locale, code, params);
    return {
      status: ruleStatus.get(code) ?? 400,
      body: body(code, message, field ? [{ path: field, message }] : []),
    };
  }
  const fe = err as FastifyError & { validation?: unknown[] };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const fields = fe.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const issue = { code: v.keyword, path: path.split('.'), ...v.params, message: v.message };
      return { path: path || String(fe.validationContext ?? ''), message: zodMessage(locale, issue) };
    });
    return { status: 400, body: body('VALIDATION_FAILED', t(locale, 'VALIDATION_FAILED'), fields) };
  }
  const pgErr = pgErrorOf(err);
  if (pgErr?.code) {
    const mapped = pgErr.constraint ? constraintErrors.get(pgErr.constraint) : undefined;
    if (mapped) {
      const message = t(locale, mapped.code, { detail: pgErr.detail ?? pgErr.constraint });
      return {
        status: HTTP_STATUS[mapped.code],
        body: body(mapped.code, message, mapped.field ? [{ path: mapped.field, message }] : []),
      };
    }
    // 23xxx integrity violations and 22xxx data exceptions come from bad input, not from a bug. The user
    // sees the constraint's name at most, never a bare SQLSTATE; a data exception (a value PostgreSQL
    // cannot take: out of range, malformed) gets one readable message, and is logged (errorHandler) so
    // the boundary check that should have caught it can be added.
    if (pgErr.code === '23505' || pgErr.code === '23P01' || pgErr.code === '23503') {
      const detail = pgErr.constraint ?? pgErr.detail;
      return { status: 409, body: body('CONFLICT', detail ? t(locale, 'CONFLICT', { detail }) : t(locale, 'INVALID_DATA')) };
    }
    if (pgErr.code.startsWith('23') && pgErr.constraint) {
      return { status: 400, body: body('INVALID_INPUT', t(locale, 'INVALID_INPUT', { reason: pgErr.constraint })) };
    }
    if (pgErr.code.startsWith('23') || pgErr.code.startsWith('22')) {
      return { status: 400, body: body('INVALID_DATA', t(locale, 'INVALID_DATA')) };
    }
  }
  if (fe && typeof fe === 'object' && typeof fe.statusCode === 'number' && fe.statusCode < 500) {
    if (fe.statusCode === 413) return { status: 413, body: body('PAYLOAD_TOO_LARGE', t(locale, 'PAYLOAD_TOO_LARGE')) };
    if (fe.statusCode === 415) {
      return { status: 415, body: body('UNSUPPORTED_MEDIA_TYPE', t(locale, 'UNSUPPORTED_MEDIA_TYPE', { type: fe.message })) };
    }
    if (fe.statusCode === 429) return { status: 429, body: body('RATE_LIMITED', t(locale, 'RATE_LIMITED')) };
    return { status: 400, body: body('MALFORMED_REQUEST', t(locale, 'MALFORMED_REQUEST', { detail: fe.message })) };
  }
  return { status: 500, body: body('INTERNAL', t(locale, 'INTERNAL', { requestId })) };
}

export function errorHandler(err: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, body: payload } = toErrorResponse(err, request.locale, request.id);
  if (status >= 500) request.log.error({ err }, 'unhandled error');
  else if (payload.error.code === 'INVALID_DATA') request.log.warn({ err }, 'database refused a value the boundary let through');
  else if (payload.error.code === 'FILE_NOT_IN_STORE') request.log.warn({ err }, 'a stored file is missing from the file store');
  else request.log.info({ code: payload.error.code }, 'request refused');
  // a sign-in wait says when it ends, for clients and scripts that honour Retry-After
  if (err instanceof AppError && typeof err.params.retryAfterSeconds === 'number') reply.header('retry-after', String(err.params.retryAfterSeconds));
  return reply.status(status).send(payload);
}
