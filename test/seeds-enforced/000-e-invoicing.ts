/**
 * Seed 000 (Wolters Kluwer, E-Invoicing), on 1 January 2025: `entered-data` (P0D after the
 * customer's deletion request) is due for every request made on 31 December 2024 or before.
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { generateSeedData, SEED_TODAY } from '../../examples/seeds/000-e-invoicing/generate.ts';
import { createSeedSchema, SEED_TABLES } from '../../examples/seeds/000-e-invoicing/schema.ts';
import { executeErasure } from '../../src/engine/subject/execute-erasure.ts';
import { findSubject } from '../../src/engine/subject/find-subject.ts';
import { expectAccess, keysOf, type SeedCase } from './seed-case.ts';

const REQUESTED = "deletion_requested_on < '2025-01-01'";
const ADDRESS_KEPT = `exists (select 1 from party_addresses a where a.party_id = p.id
  and (a.deletion_requested_on is null or a.deletion_requested_on >= '2025-01-01'))`;

export const seed000: SeedCase = {
  slug: '000-e-invoicing',
  example: {
    tables: SEED_TABLES,
    createSchema: createSeedSchema,
    today: SEED_TODAY,
    generate: generateSeedData,
  },
  datamapFile: fileURLToPath(new URL('../../examples/seeds/000-e-invoicing/datamap.yaml', import.meta.url)),
  outsideDatabase: {},
  beyondTheSweep: {},
  steps: [
    {
      step: 'party_addresses/entered-data/end',
      effect: 'delete',
      due: `select id as k from party_addresses where ${REQUESTED}`,
      tally: 'party_addresses/entered-data',
    },
    {
      step: 'parties/entered-data/end',
      effect: 'delete',
      due: `select p.id as k from parties p where p.${REQUESTED} and not ${ADDRESS_KEPT}`,
      // The customer asked to delete the party but not one of its addresses: the party stays.
      blocked: `select p.id as k from parties p where p.${REQUESTED} and ${ADDRESS_KEPT}`,
      tally: 'parties/entered-data',
    },
    {
      step: 'users/entered-data/end',
      effect: 'delete',
      due: `select id as k from users where ${REQUESTED}`,
      tally: 'users/entered-data',
    },
  ],
  async subjectRequest(fx) {
    const db = fx.target.db;
    // Access: a user of the software and the usage events recorded about them.
    const [userEmail] = (
      await db
        .selectFrom('users')
        .select('email')
        .where('deletion_requested_on', 'is', null)
        .orderBy('id')
        .execute()
    ).map((r) => String(r.email));
    expect(userEmail).toBeDefined();
    await expectAccess(fx, userEmail as string, {
      users: `select id as k from users where email = '${userEmail}'`,
      usage_events: `select e.id as k from usage_events e join users u on u.id = e.user_id where u.email = '${userEmail}'`,
    });
    // Erasure: data stay "until the customer asks for their deletion" — the request ends the
    // period at once, and no legal hold keeps anything.
    const party = await db
      .selectFrom('parties')
      .select(['id', 'email'])
      .where('deletion_requested_on', 'is', null)
      .where((eb) =>
        eb.exists(eb.selectFrom('party_addresses').select('id').whereRef('party_id', '=', 'parties.id')),
      )
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const addresses = await keysOf(
      db,
      `select id as k from party_addresses where party_id = ${Number(party.id)}`,
    );
    const parties = await keysOf(db, 'select id as k from parties');
    const subject = await findSubject(fx.ctx, { email: String(party.email) });
    const result = await executeErasure(fx.ctx, subject, {
      reason: 'erasure request relayed by the customer',
    });
    expect(result.ok).toBe(true);
    expect(result.plan.totals).toMatchObject({ kept: 0, anonymised: 0, deleted: 1 + addresses.length });
    expect(await keysOf(db, 'select id as k from parties')).toEqual(
      parties.filter((k) => k !== String(party.id)),
    );
    expect(
      await keysOf(db, `select id as k from party_addresses where party_id = ${Number(party.id)}`),
    ).toEqual([]);
  },
};
