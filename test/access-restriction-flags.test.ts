/**
 * Access reads each table's restriction flags with its rows (a correlated `exists` on the key cast
 * to text) when the key is an integer or text column. The flags must be exactly those the separate
 * lookup on the keys read finds, on every dialect, including lifted restrictions and restrictions
 * of other tables with the same key.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SchemaInfo } from '../src/engine/db/types.ts';
import type { SubjectContext } from '../src/engine/subject/context.ts';
import { executeAccess } from '../src/engine/subject/execute-access.ts';
import { findSubject } from '../src/engine/subject/find-subject.ts';
import { accessColumns } from '../src/engine/subject/plan-access.ts';
import {
  readSubjectRows,
  readSubjectRowsWithRestrictions,
  restrictedAmong,
} from '../src/engine/subject/read-rows.ts';
import { RESTRICTION_TABLE } from '../src/engine/subject/restriction-schema.ts';
import { subjectTables } from '../src/engine/subject/subject-tables.ts';
import { JEANNE_EMAIL } from './fixtures/subject/database.ts';
import { type Fixture, openFixture } from './fixtures/subject/setup.ts';
import { availableDialects } from './support/targets.ts';

/** The same context with every key column reported as `numeric`, which forces the second query. */
function withNumericKeys(ctx: SubjectContext): SubjectContext {
  const tables = new Map(
    [...ctx.schema.tables].map(([name, info]) => [
      name,
      {
        ...info,
        columns: info.columns.map((c) =>
          info.primaryKey.includes(c.name) ? { ...c, dataType: 'numeric' } : c,
        ),
      },
    ]),
  );
  const schema: SchemaInfo = { ...ctx.schema, tables };
  return { ...ctx, schema };
}

for (const dialect of await availableDialects()) {
  describe(`restriction flags read with the rows on ${dialect}`, () => {
    let fx: Fixture;
    beforeEach(async () => {
      fx = await openFixture(dialect);
    });
    afterEach(async () => {
      await fx?.iso.dispose();
    });

    it('flags exactly the rows the separate lookup finds, folded or not', async () => {
      const { ctx } = fx;
      const db = ctx.target.db;
      const subject = await findSubject(ctx, { email: JEANNE_EMAIL });
      const scopes = subjectTables(ctx, subject);
      // Restrict the first row of every table, and the second with a lifted restriction; restrict
      // the same keys in a table that is not mapped, which must not leak into the flags.
      let expectedFlags = 0;
      for (const scope of scopes) {
        const keys = (await readSubjectRows(db, ctx, scope, [scope.mapping.key])).map((r) =>
          String(r[scope.mapping.key]),
        );
        const [first, second] = keys;
        const base = { subject_ref: 'subj_test', reason: 'test', since: '2025-01-01T00:00:00.000Z' };
        if (first !== undefined) {
          await db
            .insertInto(RESTRICTION_TABLE)
            .values([
              { ...base, table_name: scope.table, row_key: first, notified_at: null, lifted_at: null },
              {
                ...base,
                table_name: `${scope.table}_other`,
                row_key: first,
                notified_at: null,
                lifted_at: null,
              },
            ])
            .execute();
          expectedFlags += 1;
        }
        if (second !== undefined) {
          await db
            .insertInto(RESTRICTION_TABLE)
            .values({
              ...base,
              table_name: scope.table,
              row_key: second,
              notified_at: null,
              lifted_at: '2025-02-01T00:00:00.000Z',
            })
            .execute();
        }
      }
      expect(expectedFlags).toBeGreaterThan(2);

      let flagged = 0;
      for (const scope of scopes) {
        const columns = accessColumns(ctx, scope).map((c) => c.name);
        const rows = await readSubjectRows(db, ctx, scope, columns);
        const separate = await restrictedAmong(
          db,
          scope.table,
          rows.map((r) => String(r[scope.mapping.key])),
        );
        const folded = await readSubjectRowsWithRestrictions(db, ctx, scope, columns);
        const fallback = await readSubjectRowsWithRestrictions(db, withNumericKeys(ctx), scope, columns);
        expect(folded).toEqual({ rows, restrictedKeys: separate });
        expect(fallback).toEqual({ rows, restrictedKeys: separate });
        flagged += separate.length;
      }
      expect(flagged).toBe(expectedFlags);

      const report = await executeAccess(ctx, subject);
      expect(report.tables.reduce((n, t) => n + t.restrictedKeys.length, 0)).toBe(expectedFlags);
    });
  });
}
