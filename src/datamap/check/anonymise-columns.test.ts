/**
 * `datamap check` against a live schema on every available dialect: anonymising a NOT NULL
 * column to null, or a NOT NULL marker, is an error naming `table.column` at its line; the same
 * map on nullable columns checks clean.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects, type IsolatedTarget, isolatedTarget } from '../../../test/support/targets.ts';
import { checkDataMap } from '../check-datamap.ts';
import { type LoadedDataMap, loadDataMapFromString } from '../load-datamap.ts';

// Beside the fixture's policy (test/fixtures/datamap/policy.yaml), which the map names.
const FILE = join(import.meta.dirname, '../../../test/fixtures/datamap/anonymise-not-null.yaml');

const MAP = `registre-datamap: 1
policy: policy.yaml
tables:
  members:
    subject: newsletter-subscriber
    key: id
    activities: [newsletter]
    columns:
      id: { personal: false }
      email: { category: email-address, identity: email, providedBySubject: true }
      nickname: { category: email-address }
      phone: { category: email-address }
      erased_at: { personal: false }
    retention:
      - { rule: newsletter-subscribers, trigger: left_on }
    erasure:
      strategy: anonymise
      columns:
        email: hash
        nickname: "null"
        phone: "null"
      marker: erased_at
`;

async function load(text: string): Promise<LoadedDataMap> {
  const result = await loadDataMapFromString(text, FILE);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result;
}

for (const dialect of await availableDialects()) {
  describe(`anonymised columns against a live ${dialect} schema`, () => {
    let iso: IsolatedTarget;
    beforeAll(async () => {
      iso = await isolatedTarget(dialect);
      const db = iso.target.db;
      await db.schema
        .createTable('members')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('email', 'varchar(160)', (c) => c.notNull())
        .addColumn('nickname', 'varchar(60)', (c) => c.notNull())
        .addColumn('phone', 'varchar(30)')
        .addColumn('left_on', 'date')
        .addColumn('erased_at', 'varchar(40)', (c) => c.notNull())
        .execute();
      // The same columns, nullable where the map writes null or reads the marker.
      await db.schema
        .createTable('members_ok')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('email', 'varchar(160)', (c) => c.notNull())
        .addColumn('nickname', 'varchar(60)')
        .addColumn('phone', 'varchar(30)')
        .addColumn('left_on', 'date')
        .addColumn('erased_at', 'varchar(40)')
        .execute();
    });
    afterAll(async () => {
      await iso?.dispose();
    });

    it('reports null on a NOT NULL column and a NOT NULL marker as errors at their lines', async () => {
      const loaded = await load(MAP);
      const schema = await iso.target.adapter.introspect(iso.target.db);
      const result = await checkDataMap(loaded, schema);
      expect(result.ok).toBe(false);
      const lines = MAP.split('\n');
      expect(
        result.errors.map((e) => ({ code: e.code, path: e.path, line: e.line, message: e.message })),
      ).toEqual([
        {
          code: 'anonymise-null-not-nullable',
          path: 'tables.members.erasure.columns.nickname',
          line: lines.indexOf('        nickname: "null"') + 1,
          message: expect.stringContaining("column 'members.nickname' is NOT NULL"),
        },
        {
          code: 'marker-not-nullable',
          path: 'tables.members.erasure.marker',
          line: lines.indexOf('      marker: erased_at') + 1,
          message: expect.stringContaining("marker column 'members.erased_at' is NOT NULL"),
        },
      ]);
      // `phone` is nullable: no finding; `email` is NOT NULL but hashed: no finding.
      const named = result.errors.map((e) => e.path).join(' ');
      expect(named).not.toContain('phone');
      expect(named).not.toContain('email');
    });

    it('checks clean when the anonymised columns and the marker are nullable', async () => {
      const loaded = await load(MAP.replace('  members:', '  members_ok:'));
      const schema = await iso.target.adapter.introspect(iso.target.db);
      const result = await checkDataMap(loaded, schema);
      expect(result.errors.map((e) => e.message)).toEqual([]);
    });
  });
}
