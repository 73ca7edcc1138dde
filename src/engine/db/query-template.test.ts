import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects, type IsolatedTarget, isolatedTarget } from '../../../test/support/targets.ts';
import { templated } from './query-template.ts';

const PEOPLE = [
  { id: 1, name: 'Ada', city: 'Lyon' },
  { id: 2, name: "O'Brien", city: 'Gent' },
  { id: 3, name: 'Zoé', city: 'Lyon' },
  { id: 4, name: 'Li', city: null },
];

const targets: IsolatedTarget[] = [];
afterAll(async () => {
  for (const t of targets) await t.dispose();
});

for (const dialect of await availableDialects()) {
  describe(`query templates on ${dialect}`, () => {
    let iso: IsolatedTarget;
    beforeAll(async () => {
      iso = await isolatedTarget(dialect);
      targets.push(iso);
      await iso.target.db.schema
        .createTable('tpl_people')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('name', 'varchar(50)', (c) => c.notNull())
        .addColumn('city', 'varchar(50)')
        .execute();
      await iso.target.db.insertInto('tpl_people').values(PEOPLE).execute();
    });

    const byIds = (ids: readonly unknown[]) =>
      templated(iso.target.db, 'test:people-by-ids', ids, (slots) =>
        iso.target.db
          .selectFrom('tpl_people')
          .select(['id', 'name'])
          .where('city', '=', 'Lyon')
          .where('id', 'in', slots)
          .orderBy('id'),
      );

    it('gives the rows the builder gives, for every set of values of each size', async () => {
      const db = iso.target.db;
      for (const ids of [[1], [2], [3], [1, 3], [2, 4], [3, 1], [1, 2, 3, 4], [9]]) {
        const direct = await db
          .selectFrom('tpl_people')
          .select(['id', 'name'])
          .where('city', '=', 'Lyon')
          .where('id', 'in', ids)
          .orderBy('id')
          .execute();
        const viaTemplate = (await db.executeQuery(byIds(ids))).rows;
        expect(viaTemplate.map((r) => ({ ...r, id: Number(r.id) }))).toEqual(
          direct.map((r) => ({ ...r, id: Number(r.id) })),
        );
      }
    });

    it('reuses the SQL text and keeps the constant parameters', () => {
      const first = byIds([1, 2]);
      const second = byIds([3, 4]);
      expect(second.sql).toBe(first.sql);
      expect(first.parameters).toEqual(['Lyon', 1, 2]);
      expect(second.parameters).toEqual(['Lyon', 3, 4]);
      // Another size is another template, with its own placeholders.
      expect(byIds([5]).parameters).toEqual(['Lyon', 5]);
    });

    it('refuses a build that inlines a value instead of binding it', () => {
      expect(() =>
        templated(iso.target.db, 'test:inlined', [1], () =>
          iso.target.db.selectFrom('tpl_people').select('id').where('id', '=', sql.lit(1)),
        ),
      ).toThrow(/1 of 1 values are not bound/);
    });
  });
}

describe('query templates across dialects', () => {
  it('compiles one template per dialect for the same key', async () => {
    const dialects = await availableDialects();
    const texts = new Set<string>();
    for (const dialect of dialects) {
      const iso = await isolatedTarget(dialect);
      try {
        const q = templated(iso.target.db, 'test:cross-dialect', [7], ([id]) =>
          iso.target.db.selectFrom('anything').select('id').where('id', '=', id),
        );
        texts.add(q.sql);
        expect(q.parameters).toEqual([7]);
      } finally {
        await iso.dispose();
      }
    }
    // SQLite and MariaDB both use `?` but quote differently; PostgreSQL uses $1.
    expect(texts.size).toBe(dialects.length);
  });
});
