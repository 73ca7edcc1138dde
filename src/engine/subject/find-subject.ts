/**
 * Finding a data subject: the identity rows (table, key) that belong to one person, from an
 * e-mail address or a phone number searched in every identity table, or from one identity-table
 * key. The same person can have several identity rows (a customer contact who is also a
 * prospect): every request then covers all of them.
 */
import { subjectRef } from '../../audit/subject-ref.ts';
import type { SubjectKey } from '../../datamap/subject-graph.ts';
import { RegistreError } from '../../errors/registry.ts';
import { templated } from '../db/query-template.ts';
import type { SubjectContext } from './context.ts';
import {
  normalisedEmailSql,
  normalisedPhoneSql,
  normaliseEmail,
  normalisePhone,
  phoneCandidates,
} from './normalise-identifier.ts';

export type SubjectQuery =
  | { readonly email: string }
  | { readonly phone: string }
  | { readonly table: string; readonly key: SubjectKey };

export interface IdentityRow {
  /** Identity table. */
  readonly table: string;
  /** The row's key as the database returned it (bound as is in later queries). */
  readonly key: SubjectKey;
  /** Pseudonymous reference of this identity row (`subj_…`). */
  readonly ref: string;
}

export interface Subject {
  /** Identity rows, by table in data-map order, then by key. */
  readonly identities: readonly IdentityRow[];
  /** Reference written in the audit trail: the first identity row's. */
  readonly ref: string;
}

function toKey(value: unknown): SubjectKey {
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string') return value;
  return String(value);
}

function compareKeys(a: SubjectKey, b: SubjectKey): number {
  const x = String(a);
  const y = String(b);
  return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
}

async function keysMatching(
  ctx: SubjectContext,
  table: string,
  kind: 'email' | 'phone',
  normalised: string,
): Promise<SubjectKey[]> {
  const route = ctx.graph.route(table);
  const columns = route.identityColumns.filter((c) => c.kind === kind).map((c) => `${table}.${c.column}`);
  if (columns.length === 0) return [];
  const rows = await ctx.target.db
    .selectFrom(table)
    .select(`${table}.${route.identityKey} as key`)
    .where((eb) =>
      eb.or(
        columns.map((column) =>
          kind === 'email'
            ? eb(normalisedEmailSql(column), '=', normalised)
            : eb(normalisedPhoneSql(column), 'in', phoneCandidates(normalised)),
        ),
      ),
    )
    .execute();
  return rows.map((row) => toKey(row.key)).sort(compareKeys);
}

function subjectOf(ctx: SubjectContext, found: readonly { table: string; key: SubjectKey }[]): Subject {
  const identities = found.map(({ table, key }) => ({
    table,
    key,
    ref: subjectRef(ctx.secret, table, String(key)),
  }));
  const first = identities[0];
  if (first === undefined) {
    throw new RegistreError('REG_ERR_SUBJECT_NOT_FOUND', 'no identity row matches the person designated');
  }
  return { identities, ref: first.ref };
}

/**
 * Find the identity rows of one person. Throws `REG_ERR_SUBJECT_NOT_FOUND` when no identity row
 * matches, `REG_ERR_SUBJECT_QUERY` for a malformed e-mail address or phone number, and
 * `REG_ERR_DATAMAP_INVALID` when a key is given for a table that is not an identity table.
 */
export async function findSubject(ctx: SubjectContext, query: SubjectQuery): Promise<Subject> {
  if ('table' in query) {
    const route = ctx.graph.route(query.table);
    if (route.joins.length > 0) {
      throw new RegistreError(
        'REG_ERR_SUBJECT_QUERY',
        `table '${query.table}' is not an identity table; use one of: ${ctx.graph.identityTables.join(', ')}`,
      );
    }
    const db = ctx.target.db;
    const compiled = templated(
      db,
      `identity-by-key\u0000${query.table}\u0000${route.key}`,
      [query.key],
      ([key]) =>
        db
          .selectFrom(query.table)
          .select(`${query.table}.${route.key} as key`)
          .where(`${query.table}.${route.key}`, '=', key),
    );
    const row = (await db.executeQuery(compiled)).rows[0] as { key: unknown } | undefined;
    return subjectOf(ctx, row === undefined ? [] : [{ table: query.table, key: toKey(row.key) }]);
  }
  const kind = 'email' in query ? 'email' : 'phone';
  const normalised = 'email' in query ? normaliseEmail(query.email) : normalisePhone(query.phone);
  const found: { table: string; key: SubjectKey }[] = [];
  for (const table of ctx.graph.identityTables) {
    for (const key of await keysMatching(ctx, table, kind, normalised)) found.push({ table, key });
  }
  return subjectOf(ctx, found);
}

/** Identity keys of the subject grouped by identity table. */
export function identityKeysByTable(subject: Subject): Map<string, SubjectKey[]> {
  const out = new Map<string, SubjectKey[]>();
  for (const identity of subject.identities) {
    const keys = out.get(identity.table) ?? [];
    keys.push(identity.key);
    out.set(identity.table, keys);
  }
  return out;
}
