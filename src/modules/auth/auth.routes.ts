import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CHALLENGE_COOKIE, CSRF_COOKIE, DEVICE_COOKIE, SESSION_COOKIE, cookieOptions, scopeOf } from '../../http/auth.js';
import { SECOND_FACTOR_MINUTES, type AuthService, type LoginResult } from './auth.service.js';
import { PasskeyLoginBody, PasskeyOptions, SecondFactorBody } from './account.dto.js';
import { relyingParty } from './account.routes.js';
import type { PasskeysService } from './passkeys.service.js';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { IdParams, NoContent } from '../../http/dto.js';
import type { TokensService } from './tokens.service.js';
import type { UsersService } from './users.service.js';
import type { FactorsService } from './factors.service.js';
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
  factors: FactorsService;
  passkeys: PasskeysService;
  publicUrl?: string;
}): FastifyPluginAsyncZod {
  const { auth, users, tokens } = deps;

  const client = (request: FastifyRequest) => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'],
    requestId: request.id,
    device: request.cookies[DEVICE_COOKIE],
  });

  /** A session sets its cookies (and the device's); a second factor still owed sets the challenge's. */
  function answer(request: FastifyRequest, reply: FastifyReply, result: LoginResult) {
    if (result.kind === 'second_factor') {
      reply.setCookie(CHALLENGE_COOKIE, result.challenge, { ...cookieOptions(request, deps.publicUrl, true), maxAge: SECOND_FACTOR_MINUTES * 60 });
      return { user: null, secondFactor: { methods: result.methods } };
    }
    reply.setCookie(SESSION_COOKIE, result.token, cookieOptions(request, deps.publicUrl, true));
    reply.setCookie(CSRF_COOKIE, result.csrfToken, cookieOptions(request, deps.publicUrl, false));
    reply.setCookie(DEVICE_COOKIE, result.device, { ...cookieOptions(request, deps.publicUrl, true), maxAge: 400 * 24 * 3600 });
    reply.clearCookie(CHALLENGE_COOKIE, { path: '/' });
    return { user: result.user, secondFactor: null };
  }

  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: { public: true },
        schema: { tags: ['auth'], summary: 'Log in (sets the session and CSRF cookies)', body: LoginBody, response: { 200: LoginReply } },
      },
      async (request, reply) => {
        const result = await auth.login({ ...request.body, ...client(request) });
        return answer(request, reply, result);
      },
    );

    app.post(
      '/auth/login/second-factor',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: 'The second step of a sign-in: a TOTP code or a recovery code (each once)',
          body: SecondFactorBody,
          response: { 200: LoginReply },
        },
      },
      async (request, reply) => {
        const result = await auth.secondFactor({ ...request.body, challenge: request.cookies[CHALLENGE_COOKIE], ...client(request) });
        return answer(request, reply, result);
      },
    );

    app.post(
      '/auth/passkey/options',
      {
        config: { public: true },
        schema: { tags: ['auth'], summary: 'Options for signing in with a passkey (after a password: that user’s passkeys only)', response: { 200: PasskeyOptions } },
      },
      async (request, reply) => {
        const { options, challenge } = await deps.passkeys.loginOptions(relyingParty(request, deps.publicUrl), request.cookies[CHALLENGE_COOKIE], client(request));
        reply.setCookie(CHALLENGE_COOKIE, challenge, { ...cookieOptions(request, deps.publicUrl, true), maxAge: SECOND_FACTOR_MINUTES * 60 });
        return { ...options };
      },
    );
    app.post(
      '/auth/passkey/login',
      {
        config: { public: true },
        schema: { tags: ['auth'], summary: 'Sign in with a passkey’s assertion', body: PasskeyLoginBody, response: { 200: LoginReply } },
      },
      async (request, reply) => {
        const result = await deps.passkeys.login(
          relyingParty(request, deps.publicUrl),
          request.cookies[CHALLENGE_COOKIE],
          request.body.response as unknown as AuthenticationResponseJSON,
          client(request),
        );
        return answer(request, reply, result);
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

    app.post(
      '/users/:id/reset-factors',
      {
        schema: {
          tags: ['auth'],
          summary: "Reset a user's second factors after a lost device (admin: staff; a customer's owner: its users); ends their sessions, tells them",
          params: IdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await deps.factors.reset(scopeOf(request), request.params.id);
        return reply.status(204).send(null);
      },
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
