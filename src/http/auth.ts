import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../core/errors.js';
import { localeFrom, type Locale } from '../core/i18n/index.js';
import type { Scope } from '../core/scope.js';
import type { AuthService } from '../modules/auth/auth.service.js';
import { scopeOfUser } from '../modules/auth/auth.service.js';
import type { TokensService } from '../modules/auth/tokens.service.js';
import { scopeForOperation } from '../core/token-scopes.js';

export const SESSION_COOKIE = 'rp_session';
export const CSRF_COOKIE = 'rp_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** issue 24: a sign-in waiting for its second factor (short-lived), and the browser's long-lived device id */
export const CHALLENGE_COOKIE = 'rp_2fa';
export const DEVICE_COOKIE = 'rp_device';

declare module 'fastify' {
  interface FastifyRequest {
    scope?: Scope;
    locale: Locale;
    sessionToken?: string;
    csrfToken?: string;
    /** The API token presented, whatever scope the request acts with (a `read` token reads as its user). */
    apiToken?: Extract<Scope, { kind: 'token' }>;
    /** a session signed in while a required second factor is not enrolled (issue 24): the account's routes only */
    enrolmentDue?: boolean;
  }
  interface FastifyContextConfig {
    /** Routes reachable without a session or token (login, health). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return origin !== 'null';
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** Secure cookies when the request came over TLS (directly or via a proxy) or PUBLIC_URL is https. */
export function cookieOptions(request: FastifyRequest, publicUrl: string | undefined, httpOnly: boolean) {
  return {
    path: '/',
    httpOnly,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https' || Boolean(publicUrl?.startsWith('https:')),
  };
}

/**
 * Resolves who is asking, once per request: a session cookie (with its CSRF double-submit check
 * on state-changing methods) or an `Authorization: Bearer rpt_…` API token. Routes under /api/v1
 * refuse anonymous callers unless marked public.
 */
export function registerAuth(app: FastifyInstance, deps: { auth: AuthService; tokens: TokensService }) {
  app.decorateRequest('scope', undefined);
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('csrfToken', undefined);
  app.decorateRequest('apiToken', undefined);
  app.decorateRequest('enrolmentDue', false);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.locale = localeFrom(request.headers['accept-language']);
    // Defence in depth beside the CSRF token: a browser's cross-site POST carries a foreign Origin.
    if (!SAFE_METHODS.has(request.method) && !sameOrigin(request)) throw new AppError('CSRF_FAILED');
    const authz = request.headers.authorization;
    if (authz?.startsWith('Bearer ')) {
      const found = await deps.tokens.authenticate(authz.slice(7).trim(), request.id, request.ip);
      if (!found) throw new AppError('NOT_AUTHENTICATED');
      request.apiToken = found.token;
      // `read` lets a token read what its user may read; a write scope (tickets:write, dns:write) lets it
      // make the writes the scope matrix lists, as its user (whose roles still decide); on anything else
      // it stays a bare machine token, which no write route admits beyond its own scopes (alerts:write)
      const safe = SAFE_METHODS.has(request.method);
      const writeScope = safe ? undefined : scopeForOperation(request.method, request.routeOptions.url ?? '');
      const actsAsUser = safe ? found.token.scopes.includes('read') : writeScope !== undefined && found.token.scopes.includes(writeScope);
      if (actsAsUser) {
        if (!found.user || found.user.disabledAt) throw new AppError('NOT_AUTHENTICATED');
        request.scope = scopeOfUser(found.user, request.id);
      } else {
        request.scope = found.token;
      }
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await deps.auth.authenticateSession(token);
    if (!found) return;
    if (!request.headers['accept-language']) request.locale = found.user.locale;
    request.scope = scopeOfUser(found.user, request.id);
    request.sessionToken = token;
    request.enrolmentDue = found.session.needsEnrolment;
    request.csrfToken = found.session.csrfToken;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, found.session.csrfToken)) throw new AppError('CSRF_FAILED');
    }
  });

  app.addHook('preHandler', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.url.startsWith('/api/v1/')) return;
    if (request.is404 || request.routeOptions.config?.public) return;
    if (!request.scope) throw new AppError('NOT_AUTHENTICATED');
    // until a required second factor is enrolled, only the account's own routes answer
    if (request.enrolmentDue && !ENROLMENT_ROUTES.some((prefix) => request.routeOptions.url?.startsWith(prefix))) {
      throw new AppError('SECOND_FACTOR_ENROLMENT_REQUIRED');
    }
  });
}

/** What a session owing an enrolment may reach: sign-out, who am I, and the account's security. */
const ENROLMENT_ROUTES = ['/api/v1/auth/', '/api/v1/account/'];

/**
 * The OpenAPI document and Swagger UI: public only with PUBLIC_API_DOCS=on; otherwise for signed-in
 * staff and API tokens (a customer has no use for the whole surface, an attacker less so).
 */
export function docsGate(publicDocs: boolean) {
  return async (request: FastifyRequest) => {
    if (publicDocs) return;
    if (!request.scope) throw new AppError('NOT_AUTHENTICATED');
    if (request.scope.kind !== 'staff' && !request.apiToken) throw new AppError('FORBIDDEN');
  };
}

export function scopeOf(request: FastifyRequest): Scope {
  if (!request.scope) throw new AppError('NOT_AUTHENTICATED');
  return request.scope;
}
