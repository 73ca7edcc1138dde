/** One phase of Art 33(3) content (Art 33(4): the information may be provided in phases). */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { RegistreError } from '../errors/registry.ts';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import type { StoreDb } from '../store/schema/index.ts';
import type { TBreachContent } from './breach-types.ts';

/** Throws REG_ERR_BREACH_CONTENT_INVALID when a category id is not in the policy's taxonomy. */
export function checkCategories(policy: LoadedPolicy | null, content: TBreachContent): void {
  if (policy === null) return;
  const unknown = (kind: 'dataCategories' | 'subjectCategories', ids: readonly string[] | undefined) =>
    (ids ?? []).filter((id) => !policy.taxonomy[kind].has(id));
  for (const [field, kind] of [
    ['dataCategories', 'dataCategories'],
    ['subjectCategories', 'subjectCategories'],
  ] as const) {
    const bad = unknown(kind, content[field]);
    if (bad.length > 0) {
      throw new RegistreError(
        'REG_ERR_BREACH_CONTENT_INVALID',
        `${field}: unknown taxonomy id${bad.length > 1 ? 's' : ''} ${bad.map((id) => `"${id}"`).join(', ')}`,
      );
    }
  }
}

/** The policy's contact point for a breach: the DPO, else the organisation's contact. */
export function defaultContact(policy: LoadedPolicy | null): string | undefined {
  if (policy === null) return undefined;
  const { dpo, contact, name } = policy.policy.organisation;
  const point = dpo ?? contact;
  const parts = [point.name ?? (dpo === undefined ? name : undefined), point.email, point.phone].filter(
    (p): p is string => p !== undefined,
  );
  return parts.length === 0 ? undefined : parts.join(', ');
}

/** Insert the next phase of a breach; returns its number. */
export async function insertPhase(
  trx: Transaction<StoreDb>,
  breachId: string,
  content: TBreachContent,
  at: string,
  actor: string,
): Promise<number> {
  const last = await trx
    .selectFrom('breach_phases')
    .select(({ fn }) => fn.max('seq').as('seq'))
    .where('breach_id', '=', breachId)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  const json = (ids: readonly string[] | undefined) => (ids === undefined ? null : JSON.stringify(ids));
  await trx
    .insertInto('breach_phases')
    .values({
      id: randomUUID(),
      breach_id: breachId,
      seq,
      at,
      recorded_by: actor,
      nature: content.nature ?? null,
      data_categories: json(content.dataCategories),
      subject_categories: json(content.subjectCategories),
      approx_subjects: content.approxSubjects ?? null,
      approx_records: content.approxRecords ?? null,
      contact: content.contact ?? null,
      consequences: content.consequences ?? null,
      measures_taken: content.measuresTaken ?? null,
      measures_proposed: content.measuresProposed ?? null,
    })
    .execute();
  return seq;
}
