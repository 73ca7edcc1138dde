/**
 * Subject requests on the demo organisation (examples/demo), on every available dialect: access
 * for a demo subject returns every row of that subject in every table and nothing of anyone else
 * (compared with hand-written SQL per table), and erasure leaves everyone else's rows as they
 * were with a verifiable audit trail.
 */
import { fileURLToPath } from 'node:url';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupDemoDatabase } from '../examples/demo/setup-demo-database.ts';
import { verifyAudit } from '../src/audit/verify-audit.ts';
import { type LoadedDataMap, loadDataMapOrThrow } from '../src/datamap/load-datamap.ts';
import type { AnyDb } from '../src/engine/db/types.ts';
import { createSubjectContext, type SubjectContext } from '../src/engine/subject/context.ts';
import { executeAccess } from '../src/engine/subject/execute-access.ts';
import { executeErasure } from '../src/engine/subject/execute-erasure.ts';
import { findSubject } from '../src/engine/subject/find-subject.ts';
import { TEST_SECRET } from './fixtures/subject/setup.ts';
import { availableDialects, type IsolatedTarget, isolatedTarget } from './support/targets.ts';

const DEMO_DATAMAP = fileURLToPath(new URL('../examples/demo/datamap.yaml', import.meta.url));
const TODAY = new Date('2025-06-15T08:00:00Z');

type Hand = (email: string) => RawBuilder<{ id: number }>;

/** Per table, the ids of the rows of whoever's identity rows hold `email` — by hand, with joins. */
const HAND: Readonly<Record<string, Hand>> = {
  contacts: (e) => sql`select c.id from contacts c where lower(c.email) = ${e}`,
  debtors: (e) => sql`select d.id from debtors d where lower(d.email) = ${e}`,
  prospects: (e) => sql`select p.id from prospects p where lower(p.email) = ${e}`,
  marketing_consents: (e) => sql`select m.id from marketing_consents m where lower(m.email) = ${e}`,
  payments: (e) =>
    sql`select y.id from payments y join debtors d on d.id = y.debtor_id where lower(d.email) = ${e}`,
  bank_accounts: (e) =>
    sql`select b.id from bank_accounts b join debtors d on d.id = b.debtor_id where lower(d.email) = ${e}`,
  login_events: (e) =>
    sql`select l.id from login_events l join contacts c on c.id = l.contact_id where lower(c.email) = ${e}`,
  support_tickets: (e) =>
    sql`select t.id from support_tickets t join contacts c on c.id = t.contact_id where lower(c.email) = ${e}`,
  call_recordings: (e) =>
    sql`select r.id from call_recordings r join contacts c on c.id = r.contact_id where lower(c.email) = ${e}`,
  webinar_registrations: (e) =>
    sql`select w.id from webinar_registrations w join prospects p on p.id = w.prospect_id where lower(p.email) = ${e}`,
  event_registrations: (e) =>
    sql`select v.id from event_registrations v join prospects p on p.id = v.prospect_id where lower(p.email) = ${e}`,
};

async function handRows(db: AnyDb, email: string): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const [table, query] of Object.entries(HAND)) {
    const ids = (await query(email).execute(db)).rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    if (ids.length > 0) out[table] = ids;
  }
  return out;
}

/** A sample of people: those with the most rows hanging off them, and a few plain ones. */
async function sampleEmails(db: AnyDb): Promise<string[]> {
  const top = async (query: RawBuilder<{ email: string }>) =>
    (await query.execute(db)).rows.map((r) => String(r.email).toLowerCase());
  return [
    ...(await top(sql`select c.email from contacts c join login_events l on l.contact_id = c.id
      group by c.id, c.email order by count(*) desc, c.id limit 3`)),
    ...(await top(sql`select d.email from debtors d join payments y on y.debtor_id = d.id
      where d.email is not null group by d.id, d.email order by count(*) desc, d.id limit 3`)),
    ...(await top(sql`select p.email from prospects p join webinar_registrations w on w.prospect_id = p.id
      group by p.id, p.email order by count(*) desc, p.id limit 2`)),
    ...(await top(sql`select m.email from marketing_consents m order by m.id limit 2`)),
    ...(await top(sql`select email from contacts order by id desc limit 1`)),
  ];
}

for (const dialect of await availableDialects()) {
  describe(`subject requests on the demo database (${dialect})`, () => {
    let iso: IsolatedTarget;
    let loaded: LoadedDataMap;
    let ctx: SubjectContext;
    beforeAll(async () => {
      loaded = await loadDataMapOrThrow(DEMO_DATAMAP);
      iso = await isolatedTarget(dialect);
      await setupDemoDatabase(iso.target, { subjects: 400, seed: 11, today: TODAY });
      ctx = await createSubjectContext({
        target: iso.target,
        datamap: loaded.datamap,
        policy: loaded.policy,
        secret: TEST_SECRET,
        actor: 'cli:test',
        clock: () => TODAY,
      });
    });
    afterAll(async () => {
      await iso?.dispose();
    });

    it('access returns every row of a demo subject in every table and nothing of anyone else', async () => {
      const emails = await sampleEmails(iso.target.db);
      expect(new Set(emails).size).toBeGreaterThanOrEqual(8);
      let compared = 0;
      let tables = 0;
      for (const email of emails) {
        const report = await executeAccess(ctx, await findSubject(ctx, { email }));
        const got: Record<string, number[]> = {};
        for (const table of report.tables) {
          const ids = table.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
          if (ids.length > 0) got[table.table] = ids;
        }
        const want = await handRows(iso.target.db, email);
        expect(got, email).toEqual(want);
        compared += Object.values(want).reduce((n, ids) => n + ids.length, 0);
        tables += Object.keys(want).length;
      }
      // The sample reaches most tables and many rows, not just identity rows.
      expect(tables).toBeGreaterThanOrEqual(2 * emails.length);
      expect(compared).toBeGreaterThan(4 * emails.length);
    });

    it('erasure of a debtor and a contact leaves everyone else as they were; the trail verifies', async () => {
      const db = iso.target.db;
      const [contact] = await sampleEmails(db);
      const debtor = (await sampleEmails(db))[3];
      const people = [contact, debtor].filter((e): e is string => e !== undefined);
      const theirs = new Map<string, Set<number>>();
      for (const email of people) {
        for (const [table, ids] of Object.entries(await handRows(db, email))) {
          theirs.set(table, new Set([...(theirs.get(table) ?? []), ...ids]));
        }
      }
      const others = async () => {
        const out: Record<string, unknown[]> = {};
        for (const table of Object.keys(loaded.datamap.tables)) {
          const rows = await db.selectFrom(table).selectAll().orderBy('id').execute();
          out[table] = rows.filter((r) => !theirs.get(table)?.has(Number(r.id)));
        }
        return out;
      };
      const before = await others();
      for (const email of people) {
        const result = await executeErasure(ctx, await findSubject(ctx, { email }));
        expect(result.ok, email).toBe(true);
        expect(result.effects.filter((e) => e.rows > 0).length, email).toBeGreaterThan(0);
        const kept = result.plan.tables.flatMap((t) =>
          t.kept.flatMap((k) => k.keys.map((key) => [t.table, key])),
        );
        for (const [table, key] of kept) {
          expect(
            await db.selectFrom(String(table)).select('id').where('id', '=', key).execute(),
          ).toHaveLength(1);
        }
      }
      expect(await others()).toEqual(before);
      expect((await verifyAudit(db)).ok).toBe(true);
    });
  });
}
