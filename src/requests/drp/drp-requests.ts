/**
 * The Data Rights Protocol side of requests: an authorised agent files a request with an API
 * token, follows it, and may revoke it. Only the principal that filed a request may read or
 * revoke it (section 2.02: 403 otherwise).
 *
 * An agent that attests the address was verified (`email_verified: true`) vouches for the
 * person, as the protocol makes it responsible for; otherwise Registre e-mails the subject a
 * code and the status says `need_user_verification`. A right the policy does not grant is
 * recorded and refused, so the agent can read why (`denied` / `claim_not_covered`).
 */
import { RegistreError } from '../../errors/registry.ts';
import type { RequestsDeps } from '../deps.ts';
import { submitRequest } from '../intake/submit-request.ts';
import { exportUrl, verificationPageUrl } from '../links.ts';
import { findRequestRow, type RequestRow, toRecord } from '../store/request-row.ts';
import { withdrawRequest } from '../work/withdraw-request.ts';
import { assertDrpRequestCurrent, rightOfExercise, type TDrpExerciseRequest } from './exercise.ts';
import { drpStatusOf, type TDrpStatus } from './status.ts';

async function statusOfRow(deps: RequestsDeps, row: RequestRow): Promise<TDrpStatus> {
  const latest = await deps.db
    .selectFrom('subject_request_exports')
    .select(['id', 'token_sealed', 'expires_at'])
    .where('request_id', '=', row.id)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const results =
    latest === undefined
      ? undefined
      : {
          url: exportUrl(
            deps.publicBaseUrl,
            deps.sealer.open(latest.token_sealed, `export/${latest.id}/token`),
          ),
          expiresAt: latest.expires_at,
        };
  return drpStatusOf(toRecord(row), {
    now: deps.clock(),
    verificationUrl: verificationPageUrl(deps.publicBaseUrl, row.id),
    results,
  });
}

async function ownRow(deps: RequestsDeps, requestId: string, principal: string): Promise<RequestRow> {
  const row = await findRequestRow(deps.db, requestId);
  if (row.channel !== 'drp') {
    throw new RegistreError('REG_ERR_REQUESTS_NOT_FOUND', `request ${requestId} was not filed through DRP`);
  }
  if (row.drp_principal !== principal) {
    throw new RegistreError(
      'REG_ERR_REQUESTS_DRP_AGENT',
      `request ${requestId} was filed by another principal`,
    );
  }
  return row;
}

/** File a Data Rights Exercise request as `principal` (`token:<id>`); answers its status. */
export async function submitDrpRequest(
  deps: RequestsDeps,
  body: TDrpExerciseRequest,
  principal: string,
): Promise<TDrpStatus> {
  assertDrpRequestCurrent(body, deps.clock());
  const right = rightOfExercise(body.exercise, body.regime);
  const { request } = await submitRequest(deps, {
    right,
    email: body.email,
    name: body.name,
    channel: 'drp',
    createdBy: principal,
    identity: body.email_verified === true ? 'established' : 'verify',
    notGranted: 'record-refusal',
    drp: { principal, agentId: body['agent-id'], agentRequestId: body['agent-request-id'] ?? null },
  });
  return statusOfRow(deps, await findRequestRow(deps.db, request.id));
}

/** The status of a DRP request filed by `principal` (REG_ERR_REQUESTS_DRP_AGENT otherwise). */
export async function getDrpStatus(
  deps: RequestsDeps,
  requestId: string,
  principal: string,
): Promise<TDrpStatus> {
  return statusOfRow(deps, await ownRow(deps, requestId, principal));
}

/** Revoke a DRP request filed by `principal`: the request is withdrawn (status `revoked`). */
export async function revokeDrpRequest(
  deps: RequestsDeps,
  requestId: string,
  principal: string,
  reason: string | undefined,
): Promise<TDrpStatus> {
  await ownRow(deps, requestId, principal);
  await withdrawRequest(deps, requestId, principal, reason);
  return statusOfRow(deps, await findRequestRow(deps.db, requestId));
}
