/**
 * PostgreSQL: queries compiled through `templated()` run as named prepared statements on pools
 * opened by `openTarget` (dialects/postgres/prepared-statements.ts) — prepared once per connection,
 * never when turned off, past a per-connection bound, or once the server refused to reuse one.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTarget } from '../src/engine/db/connect.ts';
import {
  markPreparable,
  preparedName,
  prepareFromEnvironment,
  preparingPool,
} from '../src/engine/db/dialects/postgres/prepared-statements.ts';
import { templated } from '../src/engine/db/query-template.ts';
import type { AnyDb, TargetDb } from '../src/engine/db/types.ts';
import { availableDialects, type IsolatedTarget, isolatedTarget } from './support/targets.ts';

describe('REGISTRE_PG_PREPARE', () => {
  it('turns named statements off with off, false, 0 or no, and leaves them on otherwise', () => {
    for (const value of ['off', 'OFF', ' false ', '0', 'no']) {
      expect(prepareFromEnvironment({ REGISTRE_PG_PREPARE: value })).toBe(false);
    }
    for (const value of [undefined, '', 'on', 'true', '1']) {
      expect(prepareFromEnvironment(value === undefined ? {} : { REGISTRE_PG_PREPARE: value })).toBe(true);
    }
  });
});

for (const dialect of await availableDialects(['postgres'])) {
  describe(`named prepared statements on ${dialect}`, () => {
    let iso: IsolatedTarget;
    const opened: TargetDb[] = [];
    beforeEach(async () => {
      iso = await isolatedTarget(dialect);
      await sql`create table prep_people (id integer primary key, name varchar(40) not null)`.execute(
        iso.target.db,
      );
      await sql`insert into prep_people values (1, 'Ada'), (2, 'Zoé')`.execute(iso.target.db);
    });
    afterEach(async () => {
      for (const target of opened.splice(0)) await target.close();
      await iso?.dispose();
    });
    /** One connection, so that pg_prepared_statements shows the connection the queries ran on. */
    const single = (options: { prepare?: boolean } = {}) => {
      const target = openTarget(iso.url, { poolSize: 1, ...options });
      opened.push(target);
      return target.db;
    };
    const nameOf = (db: AnyDb, id: number) =>
      templated(db, 'test:prep-name', [id], ([key]) =>
        db
          .selectFrom('prep_people')
          .select('name')
          .where('id', '=', key as number),
      );
    const prepared = async (db: AnyDb) =>
      (
        await sql<{
          name: string;
          statement: string;
        }>`select name, statement from pg_prepared_statements`.execute(db)
      ).rows;

    it('prepares a templated query once per connection and reuses it', async () => {
      const db = single();
      const first = nameOf(db, 1);
      expect((await db.executeQuery(first)).rows).toEqual([{ name: 'Ada' }]);
      expect((await db.executeQuery(nameOf(db, 2))).rows).toEqual([{ name: 'Zoé' }]);
      const name = preparedName(first.sql);
      expect(name).toMatch(/^registre_[A-Za-z0-9_-]{32}$/);
      const statements = await prepared(db);
      expect(statements.filter((s) => s.name === name)).toEqual([{ name, statement: first.sql }]);
      // A query that is not templated stays unnamed.
      expect(statements.every((s) => s.name.startsWith('registre_'))).toBe(true);
      expect(statements.some((s) => s.statement.includes('pg_prepared_statements'))).toBe(false);
    });

    it('prepares nothing when turned off', async () => {
      const db = single({ prepare: false });
      expect((await db.executeQuery(nameOf(db, 1))).rows).toEqual([{ name: 'Ada' }]);
      expect(await prepared(db)).toEqual([]);
    });

    it('runs unnamed from then on when the server refuses to reuse a statement', async () => {
      const db = single();
      expect((await db.executeQuery(nameOf(db, 1))).rows).toEqual([{ name: 'Ada' }]);
      // The column's type changes under the prepared statement: its result type no longer matches.
      await sql`alter table prep_people alter column name type text`.execute(db);
      expect((await db.executeQuery(nameOf(db, 2))).rows).toEqual([{ name: 'Zoé' }]);
      expect((await db.executeQuery(nameOf(db, 1))).rows).toEqual([{ name: 'Ada' }]);
    });

    it('stops naming new statements on a connection past its bound', async () => {
      const pool = new pg.Pool({ connectionString: iso.url, max: 1 });
      const wrapped = preparingPool(pool, { maxPerConnection: 2 });
      const texts = [1, 2, 3].map((n) => `select name from prep_people where id = $1 and ${n} = ${n}`);
      for (const text of texts) markPreparable(text);
      const client = await wrapped.connect();
      try {
        for (const text of [...texts, ...texts]) {
          const result = await client.query<{ name: string }>(text, [1]);
          expect(result.rows).toEqual([{ name: 'Ada' }]);
        }
        const names = (await client.query<{ name: string }>('select name from pg_prepared_statements', []))
          .rows;
        expect(names.map((r) => r.name).sort()).toEqual(
          texts
            .slice(0, 2)
            .map((t) => preparedName(t))
            .sort(),
        );
      } finally {
        client.release();
        await wrapped.end();
      }
    });
  });
}
