/**
 * The requests service: every use case of this folder bound to one set of dependencies, for the
 * server's routes, the CLI and jobs alike.
 */
import type { Kysely } from 'kysely';
import { RegistreError } from '../errors/registry.ts';
import type { Mailer } from '../mail/create-mailer.ts';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import type { StoreDb } from '../store/schema/index.ts';
import type { Actor, RequestsDeps } from './deps.ts';
import { getDrpStatus, revokeDrpRequest, submitDrpRequest } from './drp/drp-requests.ts';
import type { TDrpExerciseRequest } from './drp/exercise.ts';
import { getExportManifest, readExportFile } from './exports/open-export.ts';
import { fulfilRequest } from './fulfil/fulfil-request.ts';
import type { TFulfilment } from './fulfil/fulfilment-input.ts';
import type { FulfilmentTarget } from './fulfil/fulfilment-target.ts';
import type { TAgentIntake, TPrivacyCenterIntake } from './intake/intake-schemas.ts';
import { submitRequest } from './intake/submit-request.ts';
import { getRequest } from './read/get-request.ts';
import { listRequests, type TRequestListQuery } from './read/list-requests.ts';
import { subjectStatus } from './read/subject-status.ts';
import { DEFAULT_REPEAT_WINDOW } from './repetition.ts';
import { createFieldSealer } from './sealed-fields.ts';
import type { TManualRefusalGround } from './types.ts';
import { resendCode } from './verification/resend-code.ts';
import { verifyCode } from './verification/verify-code.ts';
import { addNote } from './work/add-note.ts';
import { assignRequest } from './work/assign-request.ts';
import { extendDeadline } from './work/extend-deadline.ts';
import { refuseRequest } from './work/refuse-request.ts';
import { replyToSubject } from './work/reply-to-subject.ts';
import { withdrawRequest } from './work/withdraw-request.ts';

/** Days a download link works. */
export const EXPORT_TTL_DAYS = 7;

export interface RequestsOptions {
  readonly db: Kysely<StoreDb>;
  readonly clock: () => Date;
  readonly secret: string;
  readonly mailer: Mailer;
  /** Null when the server serves no policy: requests can then be read but not received. */
  readonly policy: LoadedPolicy | null;
  readonly publicBaseUrl: string;
  /** REGISTRE_EXPORT_KEY, read on first use (e.g. `() => loadExportKey()`). */
  readonly exportKey: () => Uint8Array;
  readonly target: FulfilmentTarget;
  /** Default {@link DEFAULT_REPEAT_WINDOW} (three months). */
  readonly repeatWindow?: string;
  /** Default {@link EXPORT_TTL_DAYS}. */
  readonly exportTtlDays?: number;
}

/** Build the requests service. */
export function createRequests(options: RequestsOptions) {
  let exportKey: Uint8Array | null = null;
  const { policy } = options;
  const deps: RequestsDeps = {
    ...options,
    policy: () => {
      if (policy === null) {
        throw new RegistreError(
          'REG_ERR_REQUESTS_NO_POLICY',
          'the server serves no policy (set REGISTRE_POLICY)',
        );
      }
      return policy;
    },
    exportKey: () => {
      exportKey ??= options.exportKey();
      return exportKey;
    },
    repeatWindow: options.repeatWindow ?? DEFAULT_REPEAT_WINDOW,
    exportTtlDays: options.exportTtlDays ?? EXPORT_TTL_DAYS,
    sealer: createFieldSealer(options.secret),
  };
  return {
    deps,
    /** Intake from the public privacy center: a code is e-mailed. */
    submitFromPrivacyCenter: (input: TPrivacyCenterIntake) =>
      submitRequest(deps, { ...input, channel: 'privacy-center', createdBy: 'subject', identity: 'verify' }),
    /** Intake by an agent on the subject's behalf. */
    submitFromAgent: (input: TAgentIntake, actor: Actor) =>
      submitRequest(deps, {
        right: input.right,
        email: input.email,
        name: input.name,
        details: input.details,
        language: input.language,
        channel: input.channel,
        receivedAt: input.receivedAt === undefined ? undefined : new Date(input.receivedAt),
        createdBy: actor,
        identity: input.identityVerified ? 'established' : 'verify',
      }),
    verifyCode: (requestId: string, code: string) => verifyCode(deps, requestId, code),
    resendCode: (requestId: string) => resendCode(deps, requestId),
    subjectStatus: (requestId: string, statusToken: string) => subjectStatus(deps, requestId, statusToken),
    list: (query: TRequestListQuery) => listRequests(deps, query),
    get: (requestId: string, actor: Actor) => getRequest(deps, requestId, actor),
    assign: (requestId: string, assigneeId: string | null, actor: Actor) =>
      assignRequest(deps, requestId, assigneeId, actor),
    addNote: (requestId: string, text: string, actor: Actor) => addNote(deps, requestId, text, actor),
    reply: (requestId: string, text: string, actor: Actor) => replyToSubject(deps, requestId, text, actor),
    extend: (requestId: string, reason: string, actor: Actor) =>
      extendDeadline(deps, requestId, reason, actor),
    refuse: (requestId: string, ground: TManualRefusalGround, reason: string, actor: Actor) =>
      refuseRequest(deps, requestId, ground, reason, actor),
    withdraw: (requestId: string, actor: Actor, reason?: string) =>
      withdrawRequest(deps, requestId, actor, reason),
    fulfil: (requestId: string, fulfilment: TFulfilment, actor: Actor) =>
      fulfilRequest(deps, requestId, fulfilment, actor),
    exportManifest: (token: string) => getExportManifest(deps, token),
    exportFile: (token: string, name: string) => readExportFile(deps, token, name),
    drpSubmit: (body: TDrpExerciseRequest, principal: string) => submitDrpRequest(deps, body, principal),
    drpStatus: (requestId: string, principal: string) => getDrpStatus(deps, requestId, principal),
    drpRevoke: (requestId: string, principal: string, reason?: string) =>
      revokeDrpRequest(deps, requestId, principal, reason),
  };
}

export type RequestsService = ReturnType<typeof createRequests>;
