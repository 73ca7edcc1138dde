/**
 * What the end-to-end test of a seed needs (test/seeds-enforced.test.ts): the seed's example
 * (schema, generator, fixed day), its data map, the policy rules that no database column can
 * carry (each with its reason), the expected sweep written as hand-made SQL with literal dates,
 * and one subject request.
 */
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { SeedExample } from '../../examples/seeds/shared/seed-module.ts';
import type { LoadedDataMap } from '../../src/datamap/load-datamap.ts';
import type { AnyDb, TargetDb } from '../../src/engine/db/types.ts';
import type { SubjectContext } from '../../src/engine/subject/context.ts';
import { executeAccess } from '../../src/engine/subject/execute-access.ts';
import { findSubject } from '../../src/engine/subject/find-subject.ts';

export interface ExpectedStep {
  /** The plan's step id (`table/rule/phase`). */
  readonly step: string;
  readonly effect: 'archive' | 'delete' | 'anonymise';
  /** SQL selecting (as `k`) the keys of the rows the step processes. */
  readonly due: string;
  /** SQL selecting the keys of the rows past their deadline kept under a legal hold. */
  readonly held?: string;
  /** SQL selecting the keys of the rows past their deadline kept because rows still reference them. */
  readonly blocked?: string;
  /** SQL selecting the keys of the rows past their deadline an earlier sweep already processed. */
  readonly done?: string;
  /**
   * SQL selecting the keys of rows due only because of a clause of the rule bound in the data map
   * (an `endsEarlierOn` event ended the period before the rule's own deadline): must select some
   * rows, all of them among `due`.
   */
  readonly dueByClause?: string;
  /**
   * SQL selecting the keys of rows past the rule's own deadline that a clause bound in the data
   * map keeps (`longerWithConsent`: the subject's consent stands): must select some rows, none of
   * them processed.
   */
  readonly keptByClause?: string;
  /** Generator tally (`table/rule`) whose rows past their deadline are due + held + blocked + done. */
  readonly tally?: string;
}

export interface SeedFixture {
  readonly target: TargetDb;
  readonly loaded: LoadedDataMap;
  readonly ctx: SubjectContext;
}

export interface SeedCase {
  readonly slug: string;
  readonly example: SeedExample;
  readonly datamapFile: string;
  /**
   * Retention rules of the policy that no table of the seed's database can carry, each with the
   * reason. Every other rule must be bound to a trigger column in the data map.
   */
  readonly outsideDatabase: Readonly<Record<string, string>>;
  /**
   * Bound rules with a clause beyond a plain period (an event that ends the period earlier, a
   * longer period with consent, a renewal request, a return before deletion), each with how that
   * clause is carried out: by the sweep through a column the data map binds, or outside it.
   */
  readonly beyondTheSweep: Readonly<Record<string, string>>;
  /** Every step of the sweep on the seed's day, in any order. */
  readonly steps: readonly ExpectedStep[];
  /** One subject request, run after the sweep; asserts its own outcome. */
  subjectRequest(fx: SeedFixture): Promise<void>;
}

/** The keys (as text, sorted) selected by `query` (a column named `k`). */
export async function keysOf(db: AnyDb, query: string): Promise<string[]> {
  const result = await sql.raw<{ k: unknown }>(query).execute(db);
  return result.rows.map((row) => String(row.k)).sort(byNumber);
}

/** Sorts numeric keys as numbers. */
export function byNumber(a: string, b: string): number {
  return Number(a) - Number(b) || a.localeCompare(b);
}

/**
 * Finds the subject by e-mail, runs an access request and checks that it returns, in every table,
 * exactly the keys the hand-written `expected` queries select — and no row in any other table.
 */
export async function expectAccess(
  fx: SeedFixture,
  email: string,
  expected: Readonly<Record<string, string>>,
): Promise<void> {
  const subject = await findSubject(fx.ctx, { email });
  const report = await executeAccess(fx.ctx, subject, { reason: 'seed end-to-end test' });
  const got: Record<string, string[]> = {};
  for (const table of report.tables) {
    const keys = table.rows.map((row) => String(row[table.key])).sort(byNumber);
    if (keys.length > 0 || expected[table.table] !== undefined) got[table.table] = keys;
  }
  const want: Record<string, string[]> = {};
  for (const [table, query] of Object.entries(expected)) want[table] = await keysOf(fx.target.db, query);
  expect(got).toEqual(want);
  expect(Object.values(want).flat().length).toBeGreaterThan(0);
  // The report carries the rows' values, and nothing about the subject leaks into the trail.
  const serialised = JSON.stringify(report);
  expect(serialised).toContain(email);
  const trail = await sql
    .raw<{ n: unknown }>(
      `select count(*) as n from registre_audit where details like '%${email}%' or subject_ref like '%${email}%'`,
    )
    .execute(fx.target.db);
  expect(Number(trail.rows[0]?.n)).toBe(0);
}
