/**
 * Data Rights Protocol v0.9 (Consumer Reports): the Data Rights Exercise body an authorised agent
 * sends to `POST /v1/data-rights-request`, and the Registre right each exercise maps to.
 *
 * DRP encodes CCPA actions (`access`, `access:categories`, `access:specific`, `deletion`,
 * `sale:opt_out`, `sale:opt_in`) and leaves other regimes to later versions. Registre answers
 * them as the GDPR rights they correspond to, and under `regime: "gdpr"` also accepts the GDPR
 * rights DRP has no name for, spelled as Registre's right ids (`rectification`, `restriction`,
 * `portability`, `objection`, `objection-direct-marketing`).
 */
import { z } from 'zod';
import { RegistreError } from '../../errors/registry.ts';
import type { TRequestRight } from '../rights.ts';

/** DRP exercises (CCPA actions of v0.9) and the GDPR rights accepted under `regime: "gdpr"`. */
export const DRP_EXERCISES = [
  'access',
  'access:categories',
  'access:specific',
  'deletion',
  'sale:opt_out',
  'sale:opt_in',
  'rectification',
  'restriction',
  'portability',
  'objection',
  'objection-direct-marketing',
] as const;
export type TDrpExercise = (typeof DRP_EXERCISES)[number];

export const DRP_REGIMES = ['ccpa', 'gdpr'] as const;

const CCPA_RIGHT: Readonly<Partial<Record<TDrpExercise, TRequestRight>>> = {
  access: 'access',
  'access:categories': 'access',
  'access:specific': 'access',
  deletion: 'erasure',
  // Opting out of the sale of personal data is, under the GDPR, an objection to the processing
  // that discloses it (Art 21(1)).
  'sale:opt_out': 'objection',
};

const GDPR_ONLY: Readonly<Partial<Record<TDrpExercise, TRequestRight>>> = {
  rectification: 'rectification',
  restriction: 'restriction',
  portability: 'portability',
  objection: 'objection',
  'objection-direct-marketing': 'objection-direct-marketing',
};

const ZTimestamp = z.iso.datetime({ offset: true, message: 'expected an ISO 8601 timestamp' });

/**
 * The decoded exercise body (section 2.01) with the schema.org/Person identity claims Registre
 * uses (section 3.04). Other claims are accepted and dropped: Registre keeps no more than it needs.
 */
export const ZDrpExerciseRequest = z
  .object({
    'agent-id': z.string().min(1).max(200),
    'business-id': z.string().min(1).max(200),
    'issued-at': ZTimestamp,
    'expires-at': ZTimestamp,
    'agent-request-id': z.string().min(1).max(200).optional(),
    'drp.version': z
      .string()
      .regex(/^0\.9(\.\d+)?$/, { message: 'expected a 0.9 protocol version, e.g. "0.9.4"' }),
    exercise: z.enum(DRP_EXERCISES),
    regime: z.enum(DRP_REGIMES).optional(),
    relationships: z.array(z.string().min(1).max(100)).max(20).optional(),
    status_callback: z.url().max(2000).optional(),
    name: z.string().min(1).max(200).optional(),
    email: z.email().max(254),
    email_verified: z.boolean().optional(),
  })
  .meta({ id: 'DrpExerciseRequest' });
export type TDrpExerciseRequest = z.infer<typeof ZDrpExerciseRequest>;

/** The revoke body (section 2.04). */
export const ZDrpRevokeRequest = z
  .object({ reason: z.string().max(2000).optional() })
  .meta({ id: 'DrpRevokeRequest' });
export type TDrpRevokeRequest = z.infer<typeof ZDrpRevokeRequest>;

/**
 * The Registre right an exercise asks for. Throws REG_ERR_REQUESTS_DRP_EXERCISE for `sale:opt_in`
 * (a consent to give, not a request to answer) and for GDPR-only rights outside `regime: "gdpr"`.
 */
export function rightOfExercise(
  exercise: TDrpExercise,
  regime: TDrpExerciseRequest['regime'],
): TRequestRight {
  const ccpa = CCPA_RIGHT[exercise];
  if (ccpa !== undefined) return ccpa;
  const gdpr = GDPR_ONLY[exercise];
  if (gdpr !== undefined && regime === 'gdpr') return gdpr;
  if (exercise === 'sale:opt_in') {
    throw new RegistreError(
      'REG_ERR_REQUESTS_DRP_EXERCISE',
      'exercise "sale:opt_in" is a consent, not a request: record it in the consent ledger',
      { publicMessage: 'The exercise "sale:opt_in" is not a data-subject request; give consent instead.' },
    );
  }
  throw new RegistreError(
    'REG_ERR_REQUESTS_DRP_EXERCISE',
    `exercise "${exercise}" needs regime "gdpr" (got ${regime === undefined ? 'no regime' : `"${regime}"`})`,
    { publicMessage: `The exercise "${exercise}" is a GDPR right: send it with "regime": "gdpr".` },
  );
}

/**
 * Throws REG_ERR_REQUESTS_DRP_EXPIRED when the request is past its `expires-at` (section 2.01:
 * such requests are discarded), or issued more than `skewMs` in the future.
 */
export function assertDrpRequestCurrent(body: TDrpExerciseRequest, now: Date, skewMs = 5 * 60_000): void {
  const expires = Date.parse(body['expires-at']);
  const issued = Date.parse(body['issued-at']);
  if (expires <= now.getTime()) {
    throw new RegistreError(
      'REG_ERR_REQUESTS_DRP_EXPIRED',
      `DRP request expired at ${body['expires-at']} (now ${now.toISOString()})`,
    );
  }
  if (issued > now.getTime() + skewMs || issued >= expires) {
    throw new RegistreError(
      'REG_ERR_REQUESTS_DRP_EXPIRED',
      `DRP request issued-at ${body['issued-at']} is in the future or not before expires-at`,
      {
        publicMessage:
          'The Data Rights Protocol request has an issued-at time in the future or after expires-at.',
      },
    );
  }
}
