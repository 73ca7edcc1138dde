/**
 * PostgreSQL reads the tables of a subject request in one statement, each table's rows aggregated
 * as JSON and every value parsed back with node-pg's own parser for its type (read-tables.ts). The
 * values must be exactly those of the plain per-table queries — for every supported type, at its
 * edges, with nulls, in any process time zone (where a calendar day stays that day) — the restriction flags the same, and a table with an
 * unsupported type read the plain way.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSubjectContext, type SubjectContext } from '../src/engine/subject/context.ts';
import { executeAccess } from '../src/engine/subject/execute-access.ts';
import { findSubject } from '../src/engine/subject/find-subject.ts';
import { readSubjectRowsWithRestrictions } from '../src/engine/subject/read-rows.ts';
import { readSubjectTables, type TableToRead } from '../src/engine/subject/read-tables.ts';
import { RESTRICTION_TABLE } from '../src/engine/subject/restriction-schema.ts';
import { subjectTables } from '../src/engine/subject/subject-tables.ts';
import { JEANNE_EMAIL } from './fixtures/subject/database.ts';
import { type Fixture, openFixture } from './fixtures/subject/setup.ts';
import { StatementCounter } from './support/statement-counter.ts';
import { availableDialects } from './support/targets.ts';

/** Added to support_tickets: one column per supported type. */
const TYPES = {
  c_small: 'smallint',
  c_int: 'integer',
  c_big: 'bigint',
  c_num: 'numeric',
  c_real: 'real',
  c_double: 'double precision',
  c_bool: 'boolean',
  c_char: 'char(6)',
  c_varchar: 'varchar(200)',
  c_text: 'text',
  c_uuid: 'uuid',
  c_date: 'date',
  c_ts: 'timestamp',
  c_tstz: 'timestamptz',
} as const;
type Column = keyof typeof TYPES;

/** Values as PostgreSQL literals (cast to the column's type): edges of every type, and nulls. */
const VALUES: readonly Partial<Record<Column, string>>[] = [
  {
    c_small: '32767',
    c_int: '2147483647',
    c_big: '9223372036854775807',
    c_num: '12345678901234567890.123456789',
    c_real: '3.4028235e38',
    c_double: '0.1',
    c_bool: 'true',
    c_char: 'ab',
    c_varchar: 'quote " backslash \\ apostrophe \' é 😀',
    c_text: 'line\nbreak\ttab \u0001 control',
    c_uuid: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
    c_date: '2024-02-29',
    c_ts: '2024-02-29 23:59:59.029',
    c_tstz: '2024-02-29 23:59:59.999999+02',
  },
  {
    c_small: '-32768',
    c_int: '-2147483648',
    c_big: '-9007199254740993',
    c_num: '-0.000000001',
    c_real: 'NaN',
    c_double: '-Infinity',
    c_bool: 'false',
    c_char: '',
    c_varchar: '',
    c_text: '',
    c_uuid: '00000000-0000-0000-0000-000000000000',
    c_date: '0044-03-15 BC',
    c_ts: '1969-12-31 23:59:59.5',
    c_tstz: '1970-01-01 00:00:00.000001+00',
  },
  {
    c_num: 'NaN',
    c_double: '4.9e-324',
    c_date: 'infinity',
    c_ts: '-infinity',
    c_tstz: 'infinity',
  },
  {},
];

/** Every column of each table the subject reaches, the key first. */
function everyColumn(ctx: SubjectContext, scopes: ReturnType<typeof subjectTables>): TableToRead[] {
  return scopes.map((scope) => {
    const names = ctx.schema.tables.get(scope.table)?.columns.map((c) => c.name) ?? [];
    return { scope, columns: [scope.mapping.key, ...names.filter((n) => n !== scope.mapping.key)] };
  });
}

for (const dialect of await availableDialects(['postgres'])) {
  describe(`subject tables read in one statement on ${dialect}`, () => {
    let fx: Fixture;
    beforeEach(async () => {
      fx = await openFixture(dialect);
    });
    afterEach(async () => {
      await fx?.iso.dispose();
    });

    it('gives the values, order and restriction flags of the per-table queries', async () => {
      const db = fx.ctx.target.db;
      for (const [column, type] of Object.entries(TYPES)) {
        await sql`alter table support_tickets add column ${sql.id(column)} ${sql.raw(type)}`.execute(db);
      }
      // An unsupported type: login_events must be read with a query of its own.
      await sql`alter table login_events add column c_json jsonb`.execute(db);
      await sql`update login_events set c_json = '{"a": [1, 2.50, "x"]}'`.execute(db);
      // Jeanne's tickets, inserted out of key order: the aggregation must order them as the query.
      const ids = [907, 903, 905, 901];
      for (const [i, values] of VALUES.entries()) {
        const id = ids[i] as number;
        const columns = Object.keys(TYPES) as Column[];
        await sql`insert into support_tickets (id, customer_id, subject, body, opened_on, litigation, ${sql.join(
          columns.map((c) => sql.id(c)),
        )}) values (${id}, 1, ${`ticket ${id}`}, 'body', '2024-01-01', false, ${sql.join(
          columns.map((c) => sql`cast(${values[c] ?? null} as ${sql.raw(TYPES[c])})`),
        )})`.execute(db);
      }
      const base = {
        subject_ref: 'subj_test',
        reason: 'test',
        since: '2025-01-01T00:00:00.000Z',
        notified_at: null,
      };
      await db
        .insertInto(RESTRICTION_TABLE)
        .values([
          { ...base, table_name: 'support_tickets', row_key: '905', lifted_at: null },
          { ...base, table_name: 'support_tickets', row_key: '903', lifted_at: '2025-02-01T00:00:00.000Z' },
          { ...base, table_name: 'login_events', row_key: '1', lifted_at: null },
        ])
        .execute();

      // A context that sees the new columns.
      const ctx = await createSubjectContext({
        target: fx.ctx.target,
        datamap: fx.ctx.datamap,
        policy: fx.ctx.policy,
        secret: fx.ctx.secret,
        actor: fx.ctx.actor,
        clock: fx.ctx.clock,
      });
      const subject = await findSubject(ctx, { email: JEANNE_EMAIL });
      const reads = everyColumn(ctx, subjectTables(ctx, subject));
      expect(reads.map((r) => r.scope.table)).toContain('login_events');
      expect(reads.length).toBeGreaterThan(4);

      const zone = process.env.TZ;
      try {
        for (const tz of ['UTC', 'Europe/Paris', 'America/Sao_Paulo']) {
          process.env.TZ = tz;
          const counter = new StatementCounter();
          const together = await readSubjectTables(db.withPlugin(counter), ctx, reads);
          // One statement for every table but login_events, one for login_events.
          expect(counter.count).toBe(2);
          const separately = [];
          for (const read of reads) {
            separately.push(await readSubjectRowsWithRestrictions(db, ctx, read.scope, read.columns));
          }
          expect(together).toEqual(separately);

          const tickets = together[reads.findIndex((r) => r.scope.table === 'support_tickets')];
          expect(tickets?.rows.map((r) => r.id)).toEqual([1, 2, 901, 903, 905, 907]);
          expect(tickets?.restrictedKeys).toEqual(['905']);
          const byId = new Map(tickets?.rows.map((r) => [r.id, r]));
          expect(byId.get(907)).toMatchObject({
            c_big: '9223372036854775807',
            c_num: '12345678901234567890.123456789',
            c_double: 0.1,
            c_bool: true,
            c_char: 'ab    ',
            c_varchar: 'quote " backslash \\ apostrophe \' é 😀',
            c_text: 'line\nbreak\ttab \u0001 control',
            c_tstz: '2024-02-29T21:59:59.999Z',
            // Calendar days and local timestamps are read as UTC whatever the process's time zone.
            c_date: '2024-02-29',
            c_ts: '2024-02-29T23:59:59.029Z',
          });
          expect(byId.get(903)).toMatchObject({
            c_big: '-9007199254740993',
            c_bool: false,
            c_char: '      ',
          });
          expect(Number.isNaN(byId.get(903)?.c_real)).toBe(true);
          expect(byId.get(901)).toMatchObject({ c_small: null, c_tstz: null, c_uuid: null });
          const logins = together[reads.findIndex((r) => r.scope.table === 'login_events')];
          expect(logins?.restrictedKeys).toEqual(['1']);
          expect(logins?.rows[0]?.c_json).toBe('{"a":[1,2.5,"x"]}');
        }
      } finally {
        if (zone === undefined) delete process.env.TZ;
        else process.env.TZ = zone;
      }
    });

    it('an access report reads the same rows in two statements and one audit entry', async () => {
      const { ctx } = fx;
      const subject = await findSubject(ctx, { email: JEANNE_EMAIL });
      const counter = new StatementCounter();
      const counted = { ...ctx, target: { ...ctx.target, db: ctx.target.db.withPlugin(counter) } };
      const report = await executeAccess(counted, subject);
      // The rows of every table in one statement; the entry in one (plus the head, read once).
      expect(counter.count).toBeLessThanOrEqual(3);
      for (const table of report.tables) {
        const scope = subjectTables(ctx, subject).find((s) => s.table === table.table);
        if (scope === undefined) throw new Error(`no scope for ${table.table}`);
        const plain = await readSubjectRowsWithRestrictions(
          ctx.target.db,
          ctx,
          scope,
          table.columns.map((c) => c.name),
        );
        expect(table.rows).toEqual(plain.rows);
      }
      const entries = await ctx.target.db
        .selectFrom('registre_audit')
        .select(['operation', 'subject_ref', 'row_counts'])
        .execute();
      expect(entries).toEqual([
        {
          operation: 'subject.access',
          subject_ref: subject.ref,
          row_counts: JSON.stringify(Object.fromEntries(report.tables.map((t) => [t.table, t.rows.length]))),
        },
      ]);
    });
  });
}
