/**
 * Objection to direct marketing (Art 21(2)–(3)), which is absolute: the subject's e-mail
 * addresses and phone numbers go on the suppression list (as keyed hashes only), then the rows
 * of the tables that serve marketing activities only are erased — holds and Art 17(3) still
 * apply. The suppression entry is committed first, so the objection is honoured even if the
 * erasure stops half-way.
 */
import { appendAudit } from '../../audit/append-audit.ts';
import type { TPolicy } from '../../policy/model.ts';
import type { SubjectContext } from './context.ts';
import { type ErasureResult, executeErasure } from './execute-erasure.ts';
import type { Subject } from './find-subject.ts';
import { type IdentifierKind, normaliseIdentifier } from './normalise-identifier.ts';
import { qualified, subjectTables } from './subject-tables.ts';
import { addSuppressions, DIRECT_MARKETING, identifierKind, suppressionHash } from './suppression.ts';
import { SUPPRESSION_TABLE } from './suppression-schema.ts';

/** Purposes that are direct marketing in the sense of Art 21(2) (taxonomy `purposes`). */
export const MARKETING_PURPOSES: readonly string[] = [
  'direct-marketing',
  'newsletter',
  'promotional-offers',
  'profiling-for-marketing',
  'social-media-marketing',
  'advertising',
];

/** Activities with at least one marketing purpose. */
export function marketingActivities(policy: TPolicy): Set<string> {
  return new Set(
    policy.activities.filter((a) => a.purposes.some((p) => MARKETING_PURPOSES.includes(p))).map((a) => a.id),
  );
}

export interface ObjectionResult {
  readonly purpose: string;
  /** Identifiers (e-mail addresses, phone numbers) of the subject now on the list. */
  readonly identifiers: number;
  /** Of which newly added. */
  readonly added: number;
  /** Tables erased because they serve marketing activities only. */
  readonly tables: readonly string[];
  readonly erasure: ErasureResult;
}

export interface ObjectOptions {
  /** Identifiers the subject gave in the request, added to those found in the identity rows. */
  readonly identifiers?: readonly string[];
  readonly purpose?: string;
}

/** E-mail addresses and phone numbers of the subject's identity rows, normalised (malformed ones skipped). */
async function subjectIdentifiers(ctx: SubjectContext, subject: Subject, given: readonly string[]) {
  const out = new Map<string, { kind: IdentifierKind; value: string }>();
  const add = (kind: IdentifierKind, raw: unknown) => {
    if (typeof raw !== 'string' || raw.trim() === '') return;
    try {
      const value = normaliseIdentifier(kind, raw);
      out.set(`${kind}:${value}`, { kind, value });
    } catch {
      // A stored value that is no e-mail address or phone number identifies no one to suppress.
    }
  };
  for (const raw of given) add(identifierKind(raw), raw);
  for (const identity of subject.identities) {
    const route = ctx.graph.route(identity.table);
    const columns = route.identityColumns.filter((c) => c.kind === 'email' || c.kind === 'phone');
    if (columns.length === 0) continue;
    const row = await ctx.target.db
      .selectFrom(identity.table)
      .select(columns.map((c) => qualified(identity.table, c.column)))
      .where(qualified(identity.table, route.key), '=', identity.key)
      .executeTakeFirst();
    for (const c of columns)
      add(c.kind as IdentifierKind, (row as Record<string, unknown> | undefined)?.[c.column]);
  }
  return [...out.values()];
}

/** Record the objection, then erase the subject's rows in marketing-only tables. */
export async function objectToDirectMarketing(
  ctx: SubjectContext,
  subject: Subject,
  options: ObjectOptions = {},
): Promise<ObjectionResult> {
  const purpose = options.purpose ?? DIRECT_MARKETING;
  const identifiers = await subjectIdentifiers(ctx, subject, options.identifiers ?? []);
  const hashes = identifiers.map((i) => suppressionHash(ctx.secret, i.kind, i.value));
  const now = ctx.clock();
  const added = await ctx.target.db.transaction().execute(async (trx) => {
    const n = await addSuppressions(trx, hashes, purpose, now.toISOString().slice(0, 10));
    await appendAudit(
      trx,
      [
        {
          actor: ctx.actor,
          operation: 'subject.object',
          subjectRef: subject.ref,
          tables: [SUPPRESSION_TABLE],
          rowCounts: { [SUPPRESSION_TABLE]: n },
          reason: `Art 21(2) objection to ${purpose}`,
          details: { identifiers: hashes.length, purpose },
        },
      ],
      { clock: () => now, maxParameters: ctx.target.adapter.maxParameters },
    );
    return n;
  });
  const marketing = marketingActivities(ctx.policy.policy);
  const tables = subjectTables(ctx, subject)
    .filter((s) => s.mapping.activities.every((a) => marketing.has(a)))
    .map((s) => s.table);
  const erasure = await executeErasure(ctx, subject, {
    tables,
    operation: 'subject.object',
    reason: `Art 21(2) objection to ${purpose}`,
  });
  return { purpose, identifiers: hashes.length, added, tables, erasure };
}
