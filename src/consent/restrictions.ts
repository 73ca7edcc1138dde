/**
 * The ledger's own Art 18 restriction flag, for subjects that are not rows of the organisation's
 * database (restrictions of mapped rows are the engine's, read through a RestrictionSource).
 * While restricted, every purpose is refused by `mayProcess`: the data may only be stored.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { RegistreError } from '../errors/registry.ts';
import { audit, type ConsentLedgerDeps, subjectOf } from './ledger-deps.ts';
import type { TSubjectInput } from './subject-key.ts';

/** Art 18(1)(a)–(d). */
export const ZRestrictionGround = z.enum([
  'accuracy-contested',
  'unlawful-processing',
  'legal-claims',
  'objection-pending',
]);
export type TRestrictionGround = z.infer<typeof ZRestrictionGround>;

/** Restrict the subject (a no-op when a restriction is already in force). */
export async function restrictSubject(
  deps: ConsentLedgerDeps,
  input: { readonly subject: TSubjectInput; readonly reason: TRestrictionGround; readonly actor: string },
): Promise<{ since: string; recorded: boolean }> {
  const who = subjectOf(deps, input.subject);
  return deps.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('consent_restrictions')
      .select('since')
      .where('subject_key', '=', who.key)
      .where('lifted_at', 'is', null)
      .executeTakeFirst();
    if (existing !== undefined) return { since: existing.since, recorded: false };
    const since = deps.clock().toISOString();
    await trx
      .insertInto('consent_restrictions')
      .values({
        id: randomUUID(),
        subject_key: who.key,
        reason: input.reason,
        since,
        recorded_by: input.actor,
        notified_at: null,
        lifted_at: null,
        lifted_by: null,
      })
      .execute();
    await audit(deps, trx, [
      {
        actor: input.actor,
        operation: 'subject.restrict',
        subjectRef: who.ref,
        tables: ['consent_restrictions'],
        rowCounts: { consent_restrictions: 1 },
        reason: `restriction of processing (Art 18): ${input.reason}`,
        details: { ground: input.reason },
      },
    ]);
    return { since, recorded: true };
  });
}

/**
 * Lift the restriction. Art 18(3): the subject is told before it is lifted, so the time they were
 * told is required and cannot be later than now.
 */
export async function liftRestriction(
  deps: ConsentLedgerDeps,
  input: { readonly subject: TSubjectInput; readonly notifiedAt: Date; readonly actor: string },
): Promise<void> {
  const who = subjectOf(deps, input.subject);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock();
    if (input.notifiedAt.getTime() > now.getTime()) {
      throw new RegistreError(
        'REG_ERR_CONSENT_RESTRICTION_NOT_NOTIFIED',
        `notifiedAt (${input.notifiedAt.toISOString()}) is in the future: tell the subject before lifting the restriction (Art 18(3))`,
      );
    }
    const result = await trx
      .updateTable('consent_restrictions')
      .set({
        notified_at: input.notifiedAt.toISOString(),
        lifted_at: now.toISOString(),
        lifted_by: input.actor,
      })
      .where('subject_key', '=', who.key)
      .where('lifted_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new RegistreError(
        'REG_ERR_CONSENT_RESTRICTION_NOT_FOUND',
        'no restriction is in force for this subject',
      );
    }
    await audit(deps, trx, [
      {
        actor: input.actor,
        operation: 'subject.unrestrict',
        subjectRef: who.ref,
        tables: ['consent_restrictions'],
        rowCounts: { consent_restrictions: 1 },
        reason: 'restriction lifted after the subject was told (Art 18(3))',
      },
    ]);
  });
}
