/**
 * Seed 004 (Certilience), on 1 March 2025. Cut-offs by hand: P0D → 28 February 2025; P12M →
 * 29 February 2024 (the month end 12 months before 28 February 2025); P3Y → 28 February 2022;
 * P5Y → 29 February 2020.
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import {
  generateSeedData,
  SEED_TODAY,
  SUBJECT_EMAIL,
} from '../../examples/seeds/004-certilience/generate.ts';
import { createSeedSchema, SEED_TABLES } from '../../examples/seeds/004-certilience/schema.ts';
import { executeErasure } from '../../src/engine/subject/execute-erasure.ts';
import { findSubject } from '../../src/engine/subject/find-subject.ts';
import { expectAccess, keysOf, type SeedCase } from './seed-case.ts';

const ARCHIVE_PHASE = "contract_ended_on < '2022-03-01' and contract_ended_on >= '2020-03-01'";
const RESULTS_KEPT = `exists (select 1 from training_results r where r.trainee_id = t.id
  and (r.service_ended_on is null or r.service_ended_on >= '2025-03-01'))`;

export const seed004: SeedCase = {
  slug: '004-certilience',
  example: {
    tables: SEED_TABLES,
    createSchema: createSeedSchema,
    today: SEED_TODAY,
    generate: generateSeedData,
  },
  datamapFile: fileURLToPath(new URL('../../examples/seeds/004-certilience/datamap.yaml', import.meta.url)),
  outsideDatabase: {},
  beyondTheSweep: {
    'prospecting-data':
      'renewalRequest: one more request to the prospect before the end is a message the organisation sends, not a database effect; the sweep deletes at 3 years',
    'file-exchange-data':
      'endsEarlierOn consent-withdrawal: bound to file_exchange_contacts.consent_withdrawn_on; the sweep deletes a row from the day after the withdrawal, whatever its 3 years (step below); renewalRequest: a message, not a database effect (rows ended by a withdrawal get none)',
    'training-data':
      'return-and-delete: the return to the customer is an export made before the end of the service; the sweep carries out the deletion',
  },
  steps: [
    {
      step: 'customer_contacts/customer-data/archive',
      effect: 'archive',
      due: `select id as k from customer_contacts where ${ARCHIVE_PHASE} and archived_at is null`,
      done: `select id as k from customer_contacts where ${ARCHIVE_PHASE} and archived_at is not null`,
    },
    {
      step: 'customer_contacts/customer-data/end',
      effect: 'delete',
      due: "select id as k from customer_contacts where contract_ended_on < '2020-03-01'",
      tally: 'customer_contacts/customer-data',
    },
    {
      step: 'prospecting_contacts/prospecting-data/end',
      effect: 'delete',
      due: "select id as k from prospecting_contacts where last_contact_on < '2022-03-01'",
      tally: 'prospecting_contacts/prospecting-data',
    },
    {
      step: 'file_exchange_contacts/file-exchange-data/end',
      effect: 'delete',
      // 3 years from the last contact, or the day after consent was withdrawn (P0D).
      due: "select id as k from file_exchange_contacts where last_contact_on < '2022-03-01' or consent_withdrawn_on < '2025-03-01'",
      dueByClause:
        "select id as k from file_exchange_contacts where last_contact_on >= '2022-03-01' and consent_withdrawn_on < '2025-03-01'",
      tally: 'file_exchange_contacts/file-exchange-data',
    },
    {
      step: 'training_results/training-data/end',
      effect: 'delete',
      due: "select id as k from training_results where service_ended_on < '2025-03-01'",
      tally: 'training_results/training-data',
    },
    {
      step: 'trainees/training-data/end',
      effect: 'delete',
      due: `select t.id as k from trainees t where t.service_ended_on < '2025-03-01' and not ${RESULTS_KEPT}`,
      blocked: `select t.id as k from trainees t where t.service_ended_on < '2025-03-01' and ${RESULTS_KEPT}`,
      tally: 'trainees/training-data',
    },
    {
      step: 'connection_logs/connection-logs/end',
      effect: 'delete',
      due: "select id as k from connection_logs where logged_at < '2024-03-01'",
      tally: 'connection_logs/connection-logs',
    },
  ],
  async subjectRequest(fx) {
    const db = fx.target.db;
    const byEmail = (table: string) => `select id as k from ${table} where email = '${SUBJECT_EMAIL}'`;
    const tables = ['customer_contacts', 'prospecting_contacts', 'file_exchange_contacts'];
    await expectAccess(fx, SUBJECT_EMAIL, Object.fromEntries(tables.map((t) => [t, byEmail(t)])));
    // She withdraws her consent to the exchange of the customer file and asks for the exchanged
    // file to be erased at once (rather than by the next day's sweep): file-exchange-data ends for
    // the exchanged file, the customer relationship and prospecting go on.
    const kept = {
      customer_contacts: await keysOf(db, byEmail('customer_contacts')),
      prospecting_contacts: await keysOf(db, byEmail('prospecting_contacts')),
    };
    const subject = await findSubject(fx.ctx, { email: SUBJECT_EMAIL });
    const result = await executeErasure(fx.ctx, subject, {
      tables: ['file_exchange_contacts'],
      reason: 'consent to the customer-file exchange withdrawn',
    });
    expect(result.ok).toBe(true);
    expect(result.effects).toEqual([
      { table: 'file_exchange_contacts', action: 'delete', rows: 1, status: 'done' },
    ]);
    expect(await keysOf(db, byEmail('file_exchange_contacts'))).toEqual([]);
    expect(await keysOf(db, byEmail('customer_contacts'))).toEqual(kept.customer_contacts);
    expect(await keysOf(db, byEmail('prospecting_contacts'))).toEqual(kept.prospecting_contacts);
    expect(kept.customer_contacts.length + kept.prospecting_contacts.length).toBe(2);
  },
};
