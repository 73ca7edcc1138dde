import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTarget } from '../db/connect.ts';
import type { TargetDb } from '../db/types.ts';
import {
  allOf,
  anyOf,
  type Condition,
  dayAfter,
  dayOnOrBefore,
  equals,
  isNull,
  not,
  rootScope,
} from './sql-conditions.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('sweep conditions', () => {
  let target: TargetDb;
  beforeAll(async () => {
    target = openTarget('sqlite::memory:');
    await sql`create table t (id integer primary key, d text, e text, flag integer)`.execute(target.db);
    const days = [null, '2014-12-31', '2015-01-01', '2015-01-02', '2015-06-14', '2015-06-15', '2020-01-01'];
    let id = 0;
    for (const d of days) {
      for (const e of days) {
        for (const flag of [null, 0, 1]) {
          id += 1;
          await sql`insert into t values (${id}, ${d}, ${e}, ${flag})`.execute(target.db);
        }
      }
    }
  });
  afterAll(async () => {
    await target.close();
  });

  const render = (c: Condition) => c(rootScope('t')).compile(target.db);
  const ids = async (c: Condition) =>
    (
      await sql<{ id: number }>`select id from t where ${c(rootScope('t'))} order by id`.execute(target.db)
    ).rows.map((r) => r.id);
  /** The same condition written without any of the rewriting (what the builders made before). */
  const naive = (c: Condition[]) => (scope: Parameters<Condition>[0]) =>
    sql`(${sql.join(
      c.map((x) => x(scope)),
      sql` and `,
    )})` as ReturnType<Condition>;

  it('writes not (a or b) as not a and not b, and means the same rows', async () => {
    const a = equals('flag', 1);
    const b = isNull('e');
    const rewritten = not(anyOf([a, b]));
    expect(render(rewritten).sql).toBe(
      '(not (("t"."flag" is not null and "t"."flag" = ?)) and not ("t"."e" is null))',
    );
    const plain: Condition = (scope) => sql`not ((${a(scope)} or ${b(scope)}))` as ReturnType<Condition>;
    expect(await ids(rewritten)).toEqual(await ids(plain));
    expect(not(not(a))).toBe(a);
  });

  it('leaves out a hold on the same column that the deadline implies, and only that', async () => {
    const { adapter } = target;
    const due = dayOnOrBefore(adapter, 'd', day('2015-01-01'));
    const holds = [
      dayAfter(adapter, 'd', day('2015-01-01')), // the same day: implied
      dayAfter(adapter, 'd', day('2015-06-14')), // later: implied
      dayAfter(adapter, 'd', day('2014-12-31')), // earlier: not implied
      dayAfter(adapter, 'e', day('2015-06-14')), // another column: not implied
    ];
    const combined = allOf([allOf([due, equals('flag', 0)]), not(anyOf(holds))]);
    const text = render(combined).sql;
    expect(text.match(/"t"\."d" >= \?/g)).toHaveLength(1);
    expect(text.match(/"t"\."e" >= \?/g)).toHaveLength(1);
    // Flattened: the inner allOf's members stand in the outer list.
    expect(text.startsWith('(("t"."d" is not null and "t"."d" < ?) and ("t"."flag" is not null')).toBe(true);
    const everything = naive([
      due,
      equals('flag', 0),
      (scope) =>
        sql`not ((${sql.join(
          holds.map((h) => h(scope)),
          sql` or `,
        )}))` as ReturnType<Condition>,
    ]);
    const found = await ids(combined);
    expect(found).toEqual(await ids(everything));
    expect(found.length).toBeGreaterThan(0);
    // Only implied holds: the deadline alone remains.
    expect(render(allOf([due, not(anyOf(holds.slice(0, 2)))])).sql).toBe(render(due).sql);
  });
});
