/** Administration of accounts and API tokens (admin; auditors may read). */
import { z } from 'zod';
import { ZApiTokenView } from '../../accounts/api-token-view.ts';
import { ZCreateApiToken } from '../../accounts/create-api-token.ts';
import { ZCreateUser } from '../../accounts/create-user.ts';
import { ZId } from '../../accounts/fields.ts';
import { ZUpdateUser } from '../../accounts/update-user.ts';
import { ZUserView } from '../../accounts/user-view.ts';
import type { RouteModule } from '../context.ts';

const ZIdParams = z.strictObject({ id: ZId });
const ZOneTimePassword = z.strictObject({
  /** Shown once: give it to the person, who must change it at first sign-in. */
  oneTimePassword: z.string(),
});
const ADMIN = { roles: ['admin'] } as const;
const ADMIN_OR_AUDITOR = { roles: ['admin', 'auditor'] } as const;

export const userRoutes: RouteModule = (app, { accounts }) => {
  app.get(
    '/v1/users',
    {
      config: { access: ADMIN_OR_AUDITOR },
      schema: { tags: ['users'], summary: 'Every account', response: { 200: z.array(ZUserView) } },
    },
    async () => accounts.listUsers(),
  );

  app.post(
    '/v1/users',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['users'],
        summary: 'Create an account with a one-time password',
        body: ZCreateUser,
        response: { 201: z.strictObject({ user: ZUserView, oneTimePassword: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await accounts.createUser(request.body)),
  );

  app.patch(
    '/v1/users/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['users'],
        summary: 'Change role or name, disable or re-enable',
        params: ZIdParams,
        body: ZUpdateUser,
        response: { 200: ZUserView },
      },
    },
    async (request) => accounts.updateUser(request.params.id, request.body),
  );

  app.post(
    '/v1/users/:id/unlock',
    {
      config: { access: ADMIN },
      schema: { tags: ['users'], summary: 'Lift a lockout', params: ZIdParams, response: { 200: ZUserView } },
    },
    async (request) => accounts.unlockUser(request.params.id),
  );

  app.post(
    '/v1/users/:id/reset-password',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['users'],
        summary: 'Issue a new one-time password (ends the person’s sessions)',
        params: ZIdParams,
        response: { 200: ZOneTimePassword },
      },
    },
    async (request) => accounts.resetPassword(request.params.id),
  );

  app.get(
    '/v1/tokens',
    {
      config: { access: ADMIN_OR_AUDITOR },
      schema: { tags: ['tokens'], summary: 'Every API token', response: { 200: z.array(ZApiTokenView) } },
    },
    async () => accounts.listApiTokens(),
  );

  app.post(
    '/v1/tokens',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token (the token is shown once)',
        body: ZCreateApiToken,
        response: { 201: z.strictObject({ token: z.string(), apiToken: ZApiTokenView }) },
      },
    },
    async (request, reply) => {
      const principal = request.principal;
      const created = await accounts.createApiToken(
        request.body,
        principal?.kind === 'user' ? principal.userId : null,
      );
      return reply.status(201).send({ token: created.token, apiToken: created.view });
    },
  );

  app.delete(
    '/v1/tokens/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['tokens'],
        summary: 'Revoke an API token',
        params: ZIdParams,
        response: { 200: ZApiTokenView },
      },
    },
    async (request) => accounts.revokeApiToken(request.params.id),
  );
};
