/**
 * Reading a subject's preferences (the privacy center). Every read of one subject's records
 * leaves an audit entry in the same transaction (see also read-history.ts, count-by-purpose.ts).
 */
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import { labelOf, textOf } from '../policy/taxonomy/labels.ts';
import type { Language } from '../policy/taxonomy/types.ts';
import type { StoreDb } from '../store/schema/index.ts';
import { audit, type ConsentLedgerDeps, policyOf, subjectOf } from './ledger-deps.ts';
import { readConsentFacts, readLedgerRestriction, readObjections } from './ledger-facts.ts';
import { consentPurposeKeys } from './purpose-rules.ts';
import type { TSubjectInput } from './subject-key.ts';
import { type ConsentFact, DPV_STATUS_OF, type TConsentStatus, ZChannel, ZConsentStatus } from './types.ts';

/** DPV status of the latest event at `at` (a given consent past its expiry is ConsentExpired). */
export function statusAt(fact: ConsentFact, at: string): TConsentStatus {
  if (fact.action === 'given' && fact.expiresAt !== null && fact.expiresAt <= at) return 'ConsentExpired';
  return DPV_STATUS_OF[fact.action];
}

export const ZPurposePreference = z.strictObject({
  purpose: z.string(),
  kind: z.enum(['activity', 'cookie-category', 'purpose']),
  label: z.string(),
  /** Null when the subject never expressed a choice. */
  status: ZConsentStatus.nullable(),
  at: z.string().nullable(),
  expiresAt: z.string().nullable(),
});

export const ZObjectionView = z.strictObject({
  id: z.string(),
  scope: z.string(),
  source: ZChannel,
  at: z.string(),
  overriddenAt: z.string().nullable(),
});

export const ZPreferences = z.strictObject({
  at: z.string(),
  purposes: z.array(ZPurposePreference),
  objections: z.array(ZObjectionView),
  restricted: z.boolean(),
});
export type TPreferences = z.infer<typeof ZPreferences>;

function labelFor(
  loaded: LoadedPolicy,
  key: string,
  lang: Language,
): { kind: TPreferences['purposes'][number]['kind']; label: string } {
  const activity = loaded.policy.activities.find((a) => a.id === key);
  if (activity !== undefined) return { kind: 'activity', label: textOf(activity.name, lang) || key };
  const category = loaded.policy.cookies?.categories.find((c) => c.id === key);
  if (category !== undefined) return { kind: 'cookie-category', label: textOf(category.label, lang) || key };
  return { kind: 'purpose', label: labelOf(loaded.taxonomy, 'purposes', key, lang) };
}

export async function auditRead(
  deps: ConsentLedgerDeps,
  trx: Transaction<StoreDb>,
  actor: string,
  ref: string,
  reason: string,
): Promise<void> {
  await audit(deps, trx, [
    {
      actor,
      operation: 'personal-data.read',
      subjectRef: ref,
      tables: ['consent_events', 'consent_objections', 'consent_restrictions'],
      reason,
    },
  ]);
}

/**
 * A subject's choices for every purpose that asks for consent (and any other they expressed one
 * for), their objections and whether processing is restricted.
 */
export async function readPreferences(
  deps: ConsentLedgerDeps,
  input: { readonly subject: TSubjectInput; readonly actor: string; readonly lang: Language },
): Promise<TPreferences> {
  const loaded = policyOf(deps);
  const who = subjectOf(deps, input.subject);
  const at = deps.clock().toISOString();
  const fromTarget =
    deps.restrictions === undefined ? null : await deps.restrictions.restrictionOf(who.key, at);
  return deps.db.transaction().execute(async (trx) => {
    const facts = await readConsentFacts(trx, who.key, at);
    const objections = await readObjections(trx, who.key, at);
    const restriction = fromTarget ?? (await readLedgerRestriction(trx, who.key, at));
    await auditRead(deps, trx, input.actor, who.ref, 'consent preferences read');
    const keys = [...new Set([...consentPurposeKeys(loaded), ...facts.keys()])];
    return {
      at,
      purposes: keys.map((key) => {
        const fact = facts.get(key);
        return {
          purpose: key,
          ...labelFor(loaded, key, input.lang),
          status: fact === undefined ? null : statusAt(fact, at),
          at: fact?.at ?? null,
          expiresAt: fact?.expiresAt ?? null,
        };
      }),
      objections: objections.map((o) => ({
        id: o.id,
        scope: o.scope,
        source: o.source,
        at: o.at,
        overriddenAt: o.overriddenAt,
      })),
      restricted: restriction !== null,
    };
  });
}
