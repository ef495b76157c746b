import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CSRF_COOKIE, SESSION_COOKIE, cookieOptions, scopeOf } from '../../http/auth.js';
import { IdParams, NoContent } from '../../http/dto.js';
import type { AuthService } from './auth.service.js';
import type { TokensService } from './tokens.service.js';
import type { UsersService } from './users.service.js';
import {
  ApiTokenList,
  ChangePasswordBody,
  CreatedToken,
  CreateTokenBody,
  CreateUserBody,
  LocaleBody,
  LoginBody,
  LoginReply,
  Me,
  TemporaryPassword,
  User,
  UserListQuery,
  UserPage,
} from './auth.dto.js';

export function authRoutes(deps: {
  auth: AuthService;
  users: UsersService;
  tokens: TokensService;
  publicUrl?: string;
}): FastifyPluginAsyncZod {
  const { auth, users, tokens } = deps;

  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: { public: true },
        schema: { tags: ['auth'], summary: 'Log in (sets the session and CSRF cookies)', body: LoginBody, response: { 200: LoginReply } },
      },
      async (request, reply) => {
        const result = await auth.login({
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
          requestId: request.id,
        });
        reply.setCookie(SESSION_COOKIE, result.token, cookieOptions(request, deps.publicUrl, true));
        reply.setCookie(CSRF_COOKIE, result.csrfToken, cookieOptions(request, deps.publicUrl, false));
        return { user: result.user };
      },
    );

    app.post(
      '/auth/logout',
      { config: { public: true }, schema: { tags: ['auth'], summary: 'Log out', response: { 204: NoContent } } },
      async (request, reply) => {
        if (request.sessionToken) await auth.logout(request.sessionToken);
        reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get('/auth/me', { schema: { tags: ['auth'], summary: 'The logged-in user', response: { 200: Me } } }, async (request) =>
      auth.me(scopeOf(request)),
    );

    app.post(
      '/auth/password',
      { schema: { tags: ['auth'], summary: 'Change my password (ends my other sessions)', body: ChangePasswordBody, response: { 204: NoContent } } },
      async (request, reply) => {
        await auth.changePassword(scopeOf(request), request.body.currentPassword, request.body.newPassword, request.sessionToken);
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/auth/locale',
      { schema: { tags: ['auth'], summary: 'Remember my language', body: LocaleBody, response: { 204: NoContent } } },
      async (request, reply) => {
        await auth.setLocale(scopeOf(request), request.body.locale);
        return reply.status(204).send(null);
      },
    );

    // ── users (admin) ───────────────────────────────────────────────────
    app.get(
      '/users',
      { schema: { tags: ['auth'], summary: 'List users', querystring: UserListQuery, response: { 200: UserPage } } },
      async (request) => users.list(scopeOf(request), request.query),
    );
    app.post(
      '/users',
      { schema: { tags: ['auth'], summary: 'Create a user', body: CreateUserBody, response: { 201: User } } },
      async (request, reply) => reply.status(201).send(await users.create(scopeOf(request), request.body)),
    );
    app.post(
      '/users/:id/disable',
      { schema: { tags: ['auth'], summary: 'Disable a user (ends their sessions)', params: IdParams, response: { 200: User } } },
      async (request) => users.disable(scopeOf(request), request.params.id),
    );
    app.post(
      '/users/:id/enable',
      { schema: { tags: ['auth'], summary: 'Enable a user', params: IdParams, response: { 200: User } } },
      async (request) => users.enable(scopeOf(request), request.params.id),
    );
    app.post(
      '/users/:id/reset-password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Reset a password to a temporary one, shown once',
          params: IdParams,
          response: { 200: TemporaryPassword },
        },
      },
      async (request) => users.resetPassword(scopeOf(request), request.params.id),
    );

    // ── API tokens (admin) ──────────────────────────────────────────────
    app.get(
      '/tokens',
      { schema: { tags: ['auth'], summary: 'List API tokens', response: { 200: ApiTokenList } } },
      async (request) => ({ items: await tokens.list(scopeOf(request)) }),
    );
    app.post(
      '/tokens',
      {
        schema: {
          tags: ['auth'],
          summary: 'Create an API token (the secret is returned once)',
          body: CreateTokenBody,
          response: { 201: CreatedToken },
        },
      },
      async (request, reply) => reply.status(201).send(await tokens.create(scopeOf(request), request.body)),
    );
    app.delete(
      '/tokens/:id',
      { schema: { tags: ['auth'], summary: 'Revoke an API token', params: IdParams, response: { 204: NoContent } } },
      async (request, reply) => {
        await tokens.revoke(scopeOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
