import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeOf } from '../../http/auth.js';
import { IdParams, NoContent } from '../../http/dto.js';
import {
  AcceptInvitationBody,
  CreateCustomerTokenBody,
  CreatedCustomerToken,
  CustomerTokenList,
  CustomerTokenParams,
  FactorStatus,
  Invitation,
  InvitationParams,
  InvitationPreview,
  InvitationTokenParams,
  InviteBody,
  Policy,
  PolicyBody,
  RecoveryCodes,
  RolesBody,
  SessionList,
  SessionParams,
  Team,
  TeamUserParams,
  TotpCodeBody,
  TotpEnrolment,
  Passkey,
  PasskeyOptions,
  PasskeyParams,
  RegisterPasskeyBody,
} from './account.dto.js';
import { User } from './auth.dto.js';
import type { AuthService } from './auth.service.js';
import type { FactorsService } from './factors.service.js';
import type { TeamService } from './team.service.js';
import type { TokensService } from './tokens.service.js';
import type { PasskeysService, RelyingParty } from './passkeys.service.js';
import type { FastifyRequest } from 'fastify';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';

/** Issue 24: my account's security, a customer's team and tokens, invitation links. */
/**
 * The relying party a passkey is bound to: PUBLIC_URL's host when set, else the host the browser
 * asked (a development server on localhost).
 */
export function relyingParty(request: FastifyRequest, publicUrl: string | undefined): RelyingParty {
  if (publicUrl) {
    const url = new URL(publicUrl);
    return { rpID: url.hostname, origin: url.origin };
  }
  return { rpID: request.hostname, origin: `${request.protocol}://${request.host}` };
}

export function accountRoutes(deps: { auth: AuthService; factors: FactorsService; team: TeamService; tokens: TokensService; passkeys: PasskeysService; publicUrl?: string }): FastifyPluginAsyncZod {
  const { auth, factors, team, tokens, passkeys } = deps;
  const tags = ['account'];
  return async (app) => {
    // ── my sessions ─────────────────────────────────────────────────────
    app.get('/account/sessions', { schema: { tags, summary: 'Where I am signed in (device, address, last seen)', response: { 200: SessionList } } }, async (request) => ({
      items: await auth.sessions(scopeOf(request), request.sessionToken),
    }));
    app.delete(
      '/account/sessions/:id',
      { schema: { tags, summary: 'End one of my sessions', params: SessionParams, response: { 204: NoContent } } },
      async (request, reply) => {
        await auth.endSession(scopeOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    // ── my second factors ──────────────────────────────────────────────
    app.get('/account/factors', { schema: { tags, summary: 'My second factors', response: { 200: FactorStatus } } }, async (request) => factors.status(scopeOf(request)));
    app.post(
      '/account/totp',
      { schema: { tags, summary: 'Start a TOTP enrolment: a secret and its QR code (confirmed by a code from the app)', response: { 200: TotpEnrolment } } },
      async (request) => factors.beginTotp(scopeOf(request)),
    );
    app.post(
      '/account/totp/confirm',
      {
        schema: { tags, summary: 'Confirm the TOTP enrolment; returns ten recovery codes once and ends my other sessions', body: TotpCodeBody, response: { 200: RecoveryCodes } },
      },
      async (request) => factors.confirmTotp(scopeOf(request), request.body.code, request.sessionToken),
    );
    app.post(
      '/account/recovery-codes',
      { schema: { tags, summary: 'Ten new recovery codes in place of the old (needs a current TOTP code)', body: TotpCodeBody, response: { 200: RecoveryCodes } } },
      async (request) => factors.regenerateRecoveryCodes(scopeOf(request), request.body.code),
    );

    // ── my passkeys ─────────────────────────────────────────────────────
    app.post(
      '/account/passkeys/options',
      { schema: { tags, summary: 'Options for registering a passkey (WebAuthn)', response: { 200: PasskeyOptions } } },
      async (request) => ({ ...(await passkeys.registrationOptions(scopeOf(request), relyingParty(request, deps.publicUrl))) }),
    );
    app.post(
      '/account/passkeys',
      { schema: { tags, summary: 'Register a passkey from the browser’s answer to the options', body: RegisterPasskeyBody, response: { 201: Passkey } } },
      async (request, reply) =>
        reply.status(201).send(await passkeys.register(scopeOf(request), relyingParty(request, deps.publicUrl), { name: request.body.name, response: request.body.response as unknown as RegistrationResponseJSON })),
    );
    app.delete(
      '/account/passkeys/:id',
      { schema: { tags, summary: 'Remove one of my passkeys', params: PasskeyParams, response: { 204: NoContent } } },
      async (request, reply) => {
        await passkeys.remove(scopeOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    // ── a customer's team ──────────────────────────────────────────────
    app.get('/customers/:id/team', { schema: { tags, summary: "The customer's users and invitations (its owner; staff read)", params: IdParams, response: { 200: Team } } }, async (request) =>
      team.team(scopeOf(request), request.params.id),
    );
    app.post(
      '/customers/:id/invitations',
      { schema: { tags, summary: 'Invite a person by e-mail (a single-use link that expires)', params: IdParams, body: InviteBody, response: { 201: Invitation } } },
      async (request, reply) => reply.status(201).send(await team.invite(scopeOf(request), request.params.id, request.body)),
    );
    app.delete(
      '/customers/:id/invitations/:invitationId',
      { schema: { tags, summary: 'Withdraw an open invitation', params: InvitationParams, response: { 204: NoContent } } },
      async (request, reply) => {
        await team.revokeInvitation(scopeOf(request), request.params.id, request.params.invitationId);
        return reply.status(204).send(null);
      },
    );
    app.put(
      '/customers/:id/users/:userId/roles',
      { schema: { tags, summary: "Set a user's customer roles (one enabled owner always remains)", params: TeamUserParams, body: RolesBody, response: { 200: User } } },
      async (request) => team.setRoles(scopeOf(request), request.params.id, request.params.userId, request.body.roles),
    );
    app.post(
      '/customers/:id/users/:userId/disable',
      { schema: { tags, summary: 'Disable a user of the customer (ends their sessions)', params: TeamUserParams, response: { 200: User } } },
      async (request) => team.disable(scopeOf(request), request.params.id, request.params.userId),
    );
    app.post(
      '/customers/:id/users/:userId/enable',
      { schema: { tags, summary: 'Re-enable a user of the customer', params: TeamUserParams, response: { 200: User } } },
      async (request) => team.enable(scopeOf(request), request.params.id, request.params.userId),
    );
    app.get('/customers/:id/account-policy', { schema: { tags, summary: "The customer's sign-in policy", params: IdParams, response: { 200: Policy } } }, async (request) =>
      factors.policy(scopeOf(request), request.params.id),
    );
    app.put(
      '/customers/:id/account-policy',
      { schema: { tags, summary: 'Require a second factor of every user of the customer (its owner)', params: IdParams, body: PolicyBody, response: { 200: Policy } } },
      async (request) => factors.setPolicy(scopeOf(request), request.params.id, request.body.require2fa),
    );

    // ── a customer's tokens ─────────────────────────────────────────────
    app.get('/customers/:id/tokens', { schema: { tags, summary: "The customer's API tokens", params: IdParams, response: { 200: CustomerTokenList } } }, async (request) => ({
      items: await tokens.listOfCustomer(scopeOf(request), request.params.id),
    }));
    app.post(
      '/customers/:id/tokens',
      {
        schema: {
          tags,
          summary: "Create a token for the customer's automation (scopes its owner holds; the secret is returned once)",
          params: IdParams,
          body: CreateCustomerTokenBody,
          response: { 201: CreatedCustomerToken },
        },
      },
      async (request, reply) => reply.status(201).send(await tokens.createForCustomer(scopeOf(request), request.params.id, request.body)),
    );
    app.delete(
      '/customers/:id/tokens/:tokenId',
      { schema: { tags, summary: "Revoke one of the customer's tokens", params: CustomerTokenParams, response: { 204: NoContent } } },
      async (request, reply) => {
        await tokens.revokeOfCustomer(scopeOf(request), request.params.id, request.params.tokenId);
        return reply.status(204).send(null);
      },
    );

    // ── invitation links (public: the link is the secret) ─────────────────
    app.get(
      '/invitations/:token',
      { config: { public: true }, schema: { tags, summary: 'What an invitation link offers', params: InvitationTokenParams, response: { 200: InvitationPreview } } },
      async (request) => team.preview(request.params.token),
    );
    app.post(
      '/invitations/:token/accept',
      {
        config: { public: true },
        schema: { tags, summary: 'Accept an invitation: choose a login and password (once)', params: InvitationTokenParams, body: AcceptInvitationBody, response: { 201: User } },
      },
      async (request, reply) => reply.status(201).send(await team.accept({ token: request.params.token, ...request.body })),
    );
  };
}
