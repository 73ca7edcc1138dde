/**
 * Data Rights Protocol v0.9 endpoints for authorised agents (API tokens): exercise a right,
 * follow it, revoke it. Bodies are the decoded JSON messages of the protocol; Registre
 * authenticates agents with its API tokens (scopes `requests:write` / `requests:read`), not with
 * the protocol's signed envelopes and pair-wise key setup.
 */
import { z } from 'zod';
import { ZDrpExerciseRequest, ZDrpRevokeRequest } from '../../requests/drp/exercise.ts';
import { ZDrpStatus } from '../../requests/drp/status.ts';
import type { RouteModule } from '../context.ts';
import { ZErrorEnvelope } from '../errors.ts';
import { actorOf, requestsServiceFor } from './requests.ts';

const TAGS = ['data rights protocol'];
const ZIdParams = z.strictObject({ request_id: z.uuid({ message: 'expected a request_id (UUID)' }) });
const MORE_ERRORS = { 422: ZErrorEnvelope, 502: ZErrorEnvelope, 503: ZErrorEnvelope };

export const drpRoutes: RouteModule = (app, ctx) => {
  const requests = requestsServiceFor(app, ctx);

  app.post(
    '/v1/data-rights-request',
    {
      config: { access: { roles: [], scopes: ['requests:write'] } },
      schema: {
        tags: TAGS,
        summary: 'Data Rights Exercise: file a request on behalf of a person',
        body: ZDrpExerciseRequest,
        response: { 200: ZDrpStatus, ...MORE_ERRORS },
      },
    },
    async (request) => requests.drpSubmit(request.body, actorOf(request)),
  );

  app.get(
    '/v1/data-rights-request/:request_id',
    {
      config: { access: { roles: [], scopes: ['requests:read'] } },
      schema: {
        tags: TAGS,
        summary: 'Data Rights Status of a request this agent filed',
        params: ZIdParams,
        response: { 200: ZDrpStatus },
      },
    },
    async (request) => requests.drpStatus(request.params.request_id, actorOf(request)),
  );

  app.delete(
    '/v1/data-rights-request/:request_id',
    {
      config: { access: { roles: [], scopes: ['requests:write'] } },
      schema: {
        tags: TAGS,
        summary: 'Data Rights Revoke: withdraw a request this agent filed',
        params: ZIdParams,
        body: ZDrpRevokeRequest.nullish(),
        response: { 200: ZDrpStatus },
      },
    },
    async (request) => requests.drpRevoke(request.params.request_id, actorOf(request), request.body?.reason),
  );
};
