/**
 * The prepared-statement cache behind SQLite's Kysely dialect (statement-cache.ts), on real
 * better-sqlite3 files: results identical to Kysely's own prepare-every-time path, correct across
 * schema changes, a busy statement never handed out twice, the LRU bound, transactions. Each test
 * also counts the real database's `prepare` calls, so that it exercises the cached path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, type QueryResult, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { openTarget } from '../src/engine/db/connect.ts';
import { EACH_ROW, statementCachingDatabase } from '../src/engine/db/dialects/sqlite/statement-cache.ts';

// biome-ignore lint/suspicious/noExplicitAny: ad-hoc test tables, as the engine's AnyDb
type Db = Kysely<any>;

let dir: string;
const opened: Database.Database[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'registre-stmt-cache-'));
});

afterEach(() => {
  for (const database of opened.splice(0)) if (database.open) database.close();
  rmSync(dir, { recursive: true, force: true });
});

function rawDatabase(name: string): Database.Database {
  const database = new Database(join(dir, name));
  opened.push(database);
  return database;
}

interface Cached {
  readonly db: Db;
  readonly database: Database.Database;
  /** Spy on the real database's `prepare`: how many statements were compiled, and for which SQL. */
  readonly prepares: MockInstance;
}

function cachedDb(name: string, capacity?: number): Cached {
  const database = rawDatabase(name);
  const prepares = vi.spyOn(database, 'prepare');
  const db: Db = new Kysely({
    dialect: new SqliteDialect({ database: statementCachingDatabase(database, capacity) }),
  });
  return { db, database, prepares };
}

function preparesOf(spy: MockInstance, text: string): number {
  return spy.mock.calls.filter((call) => call[0] === text).length;
}

/** Run a compiled query and keep the whole result, with bigint fields as text for comparison. */
async function run(db: Db, query: CompiledQuery): Promise<unknown> {
  const result: QueryResult<unknown> = await db.executeQuery(query);
  return {
    rows: result.rows,
    numAffectedRows: result.numAffectedRows?.toString(),
    insertId: result.insertId?.toString(),
  };
}

/** The same workload, every statement issued twice or more with different parameters. */
async function workload(db: Db): Promise<unknown[]> {
  const out: unknown[] = [];
  await db.schema
    .createTable('person')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('age', 'integer')
    .execute();
  for (const [name, age] of [
    ['Ada', 36],
    ['Émile', 41],
    ["O'Brien", null],
    ['Zoë', 29],
  ] as const) {
    out.push(await run(db, db.insertInto('person').values({ name, age }).compile()));
  }
  out.push(
    await run(
      db,
      db
        .insertInto('person')
        .values([
          { name: 'Bo', age: 50 },
          { name: 'Cy', age: 51 },
        ])
        .compile(),
    ),
  );
  for (const min of [30, 40, 100]) {
    out.push(
      await run(db, db.selectFrom('person').selectAll().where('age', '>', min).orderBy('id').compile()),
    );
  }
  for (const [from, to] of [
    [29, 30],
    [50, 52],
    [7, 8],
  ]) {
    out.push(await run(db, db.updateTable('person').set({ age: to }).where('age', '>=', from).compile()));
  }
  for (const name of ['Bo', 'nobody', 'Cy']) {
    out.push(await run(db, db.deleteFrom('person').where('name', '=', name).compile()));
  }
  for (const name of ['Dee', 'Eve']) {
    out.push(
      await run(db, db.insertInto('person').values({ name }).returning(['id', 'name', 'age']).compile()),
    );
  }
  for (let i = 0; i < 2; i++) {
    out.push(
      await run(
        db,
        db
          .selectFrom('person')
          .select((eb) => eb.fn.countAll().as('n'))
          .compile(),
      ),
    );
    out.push(await run(db, db.selectFrom('person').selectAll().orderBy('id').compile()));
  }
  return out;
}

describe('SQLite statement cache', () => {
  it('gives the same rows, numAffectedRows and insertId as preparing every query', async () => {
    const plainDatabase = rawDatabase('plain.db');
    const plain: Db = new Kysely({ dialect: new SqliteDialect({ database: plainDatabase }) });
    const cached = cachedDb('cached.db');
    const expected = await workload(plain);
    const actual = await workload(cached.db);
    expect(actual).toEqual(expected);
    // Each distinct SQL text was compiled once, though the workload repeats texts.
    const texts = new Set(cached.prepares.mock.calls.map((call) => String(call[0])));
    expect(cached.prepares).toHaveBeenCalledTimes(texts.size);
    expect(texts.size).toBeLessThan(expected.length);
    await plain.destroy();
    await cached.db.destroy();
  });

  it('reuses a statement across ALTER TABLE ADD COLUMN and DROP/CREATE TABLE', async () => {
    const { db, prepares } = cachedDb('schema.db');
    await sql`create table t (id integer primary key, a text)`.execute(db);
    const insert = (id: number) => db.insertInto('t').values({ id }).compile();
    const select = db.selectFrom('t').selectAll().orderBy('id').compile();

    await db.executeQuery(insert(1));
    expect((await db.executeQuery(select)).rows).toEqual([{ id: 1, a: null }]);

    await sql`alter table t add column b integer default 7`.execute(db);
    await db.executeQuery(insert(2));
    expect((await db.executeQuery(select)).rows).toEqual([
      { id: 1, a: null, b: 7 },
      { id: 2, a: null, b: 7 },
    ]);

    await sql`drop table t`.execute(db);
    await sql`create table t (c text default 'x', id integer primary key)`.execute(db);
    await db.executeQuery(insert(3));
    expect((await db.executeQuery(select)).rows).toEqual([{ c: 'x', id: 3 }]);

    // The dropped table's cached statement fails like a fresh prepare would.
    await sql`drop table t`.execute(db);
    await expect(db.executeQuery(select)).rejects.toThrow(/no such table: t/);

    expect(preparesOf(prepares, select.sql)).toBe(1);
    expect(preparesOf(prepares, insert(0).sql)).toBe(1);
    await db.destroy();
  });

  it('prepares a fresh statement when the cached one is busy with a half-read stream', async () => {
    const database = rawDatabase('stream.db');
    const prepares = vi.spyOn(database, 'prepare');
    const shared = statementCachingDatabase(database);
    // Two Kysely instances over one wrapper: a stream holds its instance's only connection, so
    // the same SQL can only run meanwhile through another.
    const a: Db = new Kysely({ dialect: new SqliteDialect({ database: shared }) });
    const b: Db = new Kysely({ dialect: new SqliteDialect({ database: shared }) });
    await sql`create table n (v integer primary key)`.execute(a);
    await a
      .insertInto('n')
      .values([1, 2, 3, 4, 5].map((v) => ({ v })))
      .execute();
    const query = (db: Db) => db.selectFrom('n').select('v').where('v', '<=', 4).orderBy('v');

    const stream = query(a).stream()[Symbol.asyncIterator]();
    expect((await stream.next()).value).toEqual({ v: 1 });
    expect((await stream.next()).value).toEqual({ v: 2 });

    // Same SQL while the stream's statement is still open: another statement, full results.
    expect(await query(b).execute()).toEqual([{ v: 1 }, { v: 2 }, { v: 3 }, { v: 4 }]);
    const text = query(a).compile().sql;
    expect(preparesOf(prepares, text)).toBe(2);

    // The stream continues where it was.
    const rest: unknown[] = [];
    for (let next = await stream.next(); next.done !== true; next = await stream.next())
      rest.push(next.value);
    expect(rest).toEqual([{ v: 3 }, { v: 4 }]);

    // Once the stream ended, the cached statement is free again and served from the cache.
    expect(await query(b).execute()).toHaveLength(4);
    expect(await query(a).execute()).toHaveLength(4);
    expect(preparesOf(prepares, text)).toBe(2);
    await a.destroy();
  });

  it('holds at most `capacity` statements and evicts the least recently used', async () => {
    const { db, prepares } = cachedDb('lru.db', 3);
    const q = (i: number) => sql`select ${sql.lit(i)} as i`;
    const text = (i: number) => q(i).compile(db).sql;
    const once = async (...ids: number[]) => {
      for (const i of ids) expect((await q(i).execute(db)).rows).toEqual([{ i }]);
    };

    await once(1, 2, 3);
    await once(1); // 1 becomes the most recently used: 2 is now the oldest
    await once(4); // evicts 2
    expect(prepares).toHaveBeenCalledTimes(4);
    await once(1, 3, 4); // all still cached
    expect(prepares).toHaveBeenCalledTimes(4);
    await once(2); // prepared again, evicting 1 (used before 3 and 4)
    expect(preparesOf(prepares, text(2))).toBe(2);
    await once(3, 4);
    expect(prepares).toHaveBeenCalledTimes(5);
    await once(1);
    expect(preparesOf(prepares, text(1))).toBe(2);

    // Many distinct texts: only the last three stay.
    for (let i = 10; i < 60; i++) await once(i);
    const before = prepares.mock.calls.length;
    await once(57, 58, 59);
    expect(prepares).toHaveBeenCalledTimes(before);
    await once(56);
    expect(prepares).toHaveBeenCalledTimes(before + 1);
    await db.destroy();
  });

  it('still rolls transactions back and commits them, with begin/rollback served from the cache', async () => {
    const { db, prepares } = cachedDb('tx.db');
    await sql`create table k (id integer primary key, note text)`.execute(db);
    const insert = (id: number) => db.insertInto('k').values({ id, note: `n${id}` });
    await insert(1).execute();

    for (const id of [2, 3]) {
      await expect(
        db.transaction().execute(async (trx) => {
          await trx
            .insertInto('k')
            .values({ id, note: `n${id}` })
            .execute();
          expect(await trx.selectFrom('k').select('id').orderBy('id').execute()).toHaveLength(2);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await db.selectFrom('k').select('id').orderBy('id').execute()).toEqual([{ id: 1 }]);
    }

    await db.transaction().execute(async (trx) => {
      await trx.insertInto('k').values({ id: 4, note: 'n4' }).execute();
    });
    expect(await db.selectFrom('k').select('id').orderBy('id').execute()).toEqual([{ id: 1 }, { id: 4 }]);

    expect(preparesOf(prepares, 'begin')).toBe(1);
    expect(preparesOf(prepares, 'rollback')).toBe(1);
    expect(preparesOf(prepares, insert(0).compile().sql)).toBe(1);
    await db.destroy();
  });

  it('closes the database on destroy, and openTarget uses the cache with its pragmas in place', async () => {
    const { db, database } = cachedDb('close.db');
    await sql`select 1`.execute(db);
    await db.destroy();
    expect(database.open).toBe(false);

    const prepare = vi.spyOn(Database.prototype, 'prepare');
    const target = openTarget(`sqlite:${join(dir, 'target.db')}`);
    try {
      const pragmas = async () =>
        (await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(target.db)).rows[0]?.foreign_keys;
      expect(await pragmas()).toBe(1);
      expect(await pragmas()).toBe(1);
      expect(prepare.mock.calls.filter((call) => call[0] === 'pragma foreign_keys')).toHaveLength(1);
    } finally {
      prepare.mockRestore();
      await target.close();
    }
  });

  it('runs an each-row statement once per row: same rows as a multi-row insert, one prepare', async () => {
    const { db, prepares } = cachedDb('each.db');
    const create = (name: string) =>
      sql`create table ${sql.id(name)} (id integer primary key, name text, n real, b blob)`.execute(db);
    await create('multi');
    await create('each');
    const rows = [
      [1, "O'Brien", 1.5, Buffer.from([0, 1])],
      [2, null, -3, null],
      [3, 'Zoë "z"', 2 ** 53, Buffer.alloc(0)],
    ];
    await db.executeQuery(
      CompiledQuery.raw('insert into multi values (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?)', rows.flat()),
    );
    const text = `${EACH_ROW}insert into each values (?, ?, ?, ?)`;
    const result = await db.executeQuery(CompiledQuery.raw(text, rows));
    expect(result.numAffectedRows).toBe(3n);
    expect(result.insertId).toBe(3n);
    const more = await db.executeQuery(CompiledQuery.raw(text, [[4, 'd', 0, null]]));
    expect(more).toMatchObject({ numAffectedRows: 1n, insertId: 4n });
    await db.executeQuery(CompiledQuery.raw('delete from each where id = 4', []));
    const all = (name: string) => db.selectFrom(name).selectAll().orderBy('id').execute();
    expect(await all('each')).toEqual(await all('multi'));
    expect(preparesOf(prepares, text)).toBe(1);
    await db.destroy();
  });

  it('writes all the rows of an each-row call or none, in a transaction and outside one', async () => {
    const { db } = cachedDb('each-atomic.db');
    await sql`create table u (id integer primary key, v text not null)`.execute(db);
    const text = `${EACH_ROW}insert into u values (?, ?)`;
    const ids = async () => (await db.selectFrom('u').select('id').orderBy('id').execute()).map((r) => r.id);
    await db.executeQuery(CompiledQuery.raw(text, [[1, 'a']]));

    // Outside a transaction: the third row breaks the key, the first two are not kept either.
    await expect(
      db.executeQuery(
        CompiledQuery.raw(text, [
          [2, 'b'],
          [3, 'c'],
          [1, 'again'],
        ]),
      ),
    ).rejects.toThrow(/UNIQUE/);
    expect(await ids()).toEqual([1]);

    // Inside one: the failed call's rows are undone, the transaction's other writes stay.
    await db.transaction().execute(async (trx) => {
      await trx.executeQuery(CompiledQuery.raw(text, [[5, 'e']]));
      await expect(
        trx.executeQuery(
          CompiledQuery.raw(text, [
            [6, 'f'],
            [7, null],
          ]),
        ),
      ).rejects.toThrow(/NOT NULL/);
      await trx.executeQuery(CompiledQuery.raw(text, [[8, 'h']]));
    });
    expect(await ids()).toEqual([1, 5, 8]);
    await db.destroy();
  });

  it('refuses an each-row statement given flat values or returning rows', async () => {
    const { db } = cachedDb('each-misuse.db');
    await sql`create table w (id integer primary key)`.execute(db);
    await expect(
      db.executeQuery(CompiledQuery.raw(`${EACH_ROW}insert into w values (?)`, [1, 2])),
    ).rejects.toThrow(/one array of values per row/);
    await expect(
      db.executeQuery(CompiledQuery.raw(`${EACH_ROW}select id from w where id = ?`, [[1]])),
    ).rejects.toThrow(/must not return rows/);
    expect(await db.selectFrom('w').selectAll().execute()).toEqual([]);
    await db.destroy();
  });

  it('rejects a capacity that is not a positive integer', () => {
    const database = rawDatabase('cap.db');
    expect(() => statementCachingDatabase(database, 0)).toThrow(RangeError);
    expect(() => statementCachingDatabase(database, 1.5)).toThrow(RangeError);
  });
});
