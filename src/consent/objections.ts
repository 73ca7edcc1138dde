/**
 * The objection list (Art 21): per subject and purpose, or per class of purposes. An objection to
 * direct marketing is absolute; an objection to processing on legitimate interest may be
 * overridden only by compelling legitimate grounds the DPO records (Art 21(1)). A Global Privacy
 * Control signal is recorded as an objection to marketing and to selling or sharing data.
 */
import { randomUUID } from 'node:crypto';
import { RegistreError } from '../errors/registry.ts';
import { audit, type ConsentLedgerDeps, policyOf, rulesOf, subjectOf } from './ledger-deps.ts';
import { OBJECTION_CLASSES, type ObjectionClass } from './purpose-classes.ts';
import { auditSubjectRef, type TSubjectInput } from './subject-key.ts';
import type { TChannel } from './types.ts';

export interface ObjectionRecord {
  readonly id: string;
  readonly scope: string;
  readonly source: TChannel;
  readonly at: string;
  readonly overriddenAt: string | null;
  /** False when an objection with this scope was already in force (nothing changed). */
  readonly recorded: boolean;
}

export interface ObjectionInput {
  readonly subject: TSubjectInput;
  /** A purpose key of the policy, or a class: `class:marketing`, `class:direct-marketing`, `class:sharing`. */
  readonly scope: string;
  readonly source: TChannel;
  readonly actor: string;
}

/** The objection classes a Global Privacy Control signal stands for. */
export const GPC_SCOPES: readonly ObjectionClass[] = ['class:marketing', 'class:sharing'];

function isClass(scope: string): scope is ObjectionClass {
  return (OBJECTION_CLASSES as readonly string[]).includes(scope);
}

function validateScope(deps: ConsentLedgerDeps, scope: string): void {
  if (scope.startsWith('class:') && !isClass(scope)) {
    throw new RegistreError(
      'REG_ERR_CONSENT_PURPOSE_UNKNOWN',
      `objection class "${scope}" is unknown (allowed: ${OBJECTION_CLASSES.join(', ')})`,
    );
  }
  if (!isClass(scope)) rulesOf(policyOf(deps), scope);
}

/** Record objections to several scopes at once (idempotent per scope), in one transaction. */
async function recordObjections(
  deps: ConsentLedgerDeps,
  subject: TSubjectInput,
  scopes: readonly string[],
  source: TChannel,
  actor: string,
  reason: string,
): Promise<ObjectionRecord[]> {
  for (const scope of scopes) validateScope(deps, scope);
  const who = subjectOf(deps, subject);
  return deps.db.transaction().execute(async (trx) => {
    const at = deps.clock().toISOString();
    const active = await trx
      .selectFrom('consent_objections')
      .select(['id', 'scope', 'source', 'at', 'overridden_at'])
      .where('subject_key', '=', who.key)
      .where('scope', 'in', [...scopes])
      .where('lifted_at', 'is', null)
      .execute();
    const out: ObjectionRecord[] = [];
    const fresh: string[] = [];
    for (const scope of scopes) {
      const existing = active.find((o) => o.scope === scope);
      if (existing !== undefined) {
        out.push({
          id: existing.id,
          scope,
          source: existing.source as TChannel,
          at: existing.at,
          overriddenAt: existing.overridden_at,
          recorded: false,
        });
        continue;
      }
      const id = randomUUID();
      await trx
        .insertInto('consent_objections')
        .values({
          id,
          subject_key: who.key,
          scope,
          source,
          at,
          recorded_by: actor,
          lifted_at: null,
          lifted_by: null,
          overridden_at: null,
          overridden_by: null,
          override_reason: null,
        })
        .execute();
      fresh.push(scope);
      out.push({ id, scope, source, at, overriddenAt: null, recorded: true });
    }
    if (fresh.length > 0) {
      await audit(deps, trx, [
        {
          actor,
          operation: 'subject.object',
          subjectRef: who.ref,
          tables: ['consent_objections'],
          rowCounts: { consent_objections: fresh.length },
          reason,
          details: { scopes: fresh, source },
        },
      ]);
    }
    return out;
  });
}

/** Record an objection to one purpose key or class (a no-op when one is already in force). */
export async function recordObjection(
  deps: ConsentLedgerDeps,
  input: ObjectionInput,
): Promise<ObjectionRecord> {
  const [record] = await recordObjections(
    deps,
    input.subject,
    [input.scope],
    input.source,
    input.actor,
    `objection to ${input.scope} (Art 21)`,
  );
  return record as ObjectionRecord;
}

/**
 * Honour a Global Privacy Control signal (`Sec-GPC: 1`): an objection to marketing and to the
 * selling or sharing of data, recorded once (later signals change nothing).
 */
export function recordGpcSignal(
  deps: ConsentLedgerDeps,
  input: { readonly subject: TSubjectInput; readonly actor: string },
): Promise<ObjectionRecord[]> {
  return recordObjections(
    deps,
    input.subject,
    GPC_SCOPES,
    'gpc',
    input.actor,
    'Global Privacy Control signal (Art 21(5))',
  );
}

/** The subject withdraws an objection (lifts every objection in force with that scope). */
export async function liftObjection(
  deps: ConsentLedgerDeps,
  input: { readonly subject: TSubjectInput; readonly scope: string; readonly actor: string },
): Promise<{ lifted: number }> {
  const who = subjectOf(deps, input.subject);
  return deps.db.transaction().execute(async (trx) => {
    const at = deps.clock().toISOString();
    const result = await trx
      .updateTable('consent_objections')
      .set({ lifted_at: at, lifted_by: input.actor })
      .where('subject_key', '=', who.key)
      .where('scope', '=', input.scope)
      .where('lifted_at', 'is', null)
      .executeTakeFirst();
    const lifted = Number(result.numUpdatedRows);
    if (lifted === 0) {
      throw new RegistreError(
        'REG_ERR_CONSENT_OBJECTION_NOT_FOUND',
        `no objection to "${input.scope}" is in force`,
      );
    }
    await audit(deps, trx, [
      {
        actor: input.actor,
        operation: 'subject.object',
        subjectRef: who.ref,
        tables: ['consent_objections'],
        rowCounts: { consent_objections: lifted },
        reason: `objection to ${input.scope} withdrawn by the subject`,
        details: { scope: input.scope, action: 'lift' },
      },
    ]);
    return { lifted };
  });
}

/**
 * The DPO records compelling legitimate grounds that override an objection (Art 21(1)). Refused
 * for direct marketing (absolute, Art 21(3)) and for class objections such as a GPC signal.
 */
export async function overrideObjection(
  deps: ConsentLedgerDeps,
  input: { readonly objectionId: string; readonly reason: string; readonly actor: string },
): Promise<void> {
  const loaded = policyOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('consent_objections')
      .select(['id', 'subject_key', 'scope'])
      .where('id', '=', input.objectionId)
      .where('lifted_at', 'is', null)
      .executeTakeFirst();
    if (row === undefined) {
      throw new RegistreError(
        'REG_ERR_CONSENT_OBJECTION_NOT_FOUND',
        `no objection in force has id "${input.objectionId}"`,
      );
    }
    const rules = isClass(row.scope) ? null : rulesOf(loaded, row.scope);
    if (rules === null || rules.scopes.some((s) => s.classes.directMarketing || s.consent.length > 0)) {
      throw new RegistreError(
        'REG_ERR_CONSENT_OVERRIDE_REFUSED',
        `objection to "${row.scope}" cannot be overridden: only objections to processing on legitimate interest or public task can, never direct marketing`,
      );
    }
    const at = deps.clock().toISOString();
    await trx
      .updateTable('consent_objections')
      .set({ overridden_at: at, overridden_by: input.actor, override_reason: input.reason })
      .where('id', '=', row.id)
      .execute();
    await audit(deps, trx, [
      {
        actor: input.actor,
        operation: 'subject.object',
        subjectRef: auditSubjectRef(deps.secret, row.subject_key),
        tables: ['consent_objections'],
        rowCounts: { consent_objections: 1 },
        reason: `compelling legitimate grounds override the objection to ${row.scope} (Art 21(1))`,
        details: { objectionId: row.id, action: 'override' },
      },
    ]);
  });
}
