/**
 * Seed 003 (Clearnox), on 1 May 2025 (the day after a month end). Cut-offs by hand: P0D → 30 April
 * 2025; P1M → 31 March 2025 (every start up to it ends by 30 April); P6M → 31 October 2024;
 * P12M → 30 April 2024; P3Y → 30 April 2022; P10Y → 30 April 2015.
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { generateSeedData, SEED_TODAY, SUBJECT_EMAIL } from '../../examples/seeds/003-clearnox/generate.ts';
import { createSeedSchema, SEED_TABLES } from '../../examples/seeds/003-clearnox/schema.ts';
import { executeErasure } from '../../src/engine/subject/execute-erasure.ts';
import { findSubject } from '../../src/engine/subject/find-subject.ts';
import { expectAccess, keysOf, type SeedCase } from './seed-case.ts';

/** A step deleting the rows of `table` whose `column` is before `day` (the cut-off + 1 day). */
function before(table: string, rule: string, column: string, day: string) {
  return {
    step: `${table}/${rule}/end`,
    effect: 'delete' as const,
    due: `select id as k from ${table} where ${column} < '${day}'`,
    tally: `${table}/${rule}`,
  };
}

const CUSTOMER_STILL_REFERENCED = `(exists (select 1 from contract_contacts x where x.customer_id = c.id
    and (x.contract_ended_on is null or x.contract_ended_on >= '2025-05-01'))
  or exists (select 1 from purchases x where x.customer_id = c.id
    and (x.contract_ended_on is null or x.contract_ended_on >= '2015-05-01'))
  or exists (select 1 from service_usage x where x.customer_id = c.id
    and (x.contract_ended_on is null or x.contract_ended_on >= '2015-05-01')))`;
const REQUEST_STILL_REFERENCED = `exists (select 1 from call_recordings x where x.support_request_id = s.id
  and x.recorded_at >= '2025-04-01')`;

export const seed003: SeedCase = {
  slug: '003-clearnox',
  example: {
    tables: SEED_TABLES,
    createSchema: createSeedSchema,
    today: SEED_TODAY,
    generate: generateSeedData,
  },
  datamapFile: fileURLToPath(new URL('../../examples/seeds/003-clearnox/datamap.yaml', import.meta.url)),
  outsideDatabase: {
    'i-statistics':
      'statistics are collected and kept by Google Analytics (processor): the 14 months are the data-retention setting of the Analytics property, not rows of this database',
    'n-backups':
      'backups are files of the hosting provider (OVH), rotated after 4 weeks; deleting rows never reaches them',
  },
  beyondTheSweep: {
    'g-information-requests':
      '"or until you ask us to delete your data" (endsEarlierOn erasure-request): bound to information_requests.erasure_requested_on; the sweep deletes a request from the day after the deletion was asked, whatever its 3 years (step below); an erasure request made through Registre deletes at once (subject request below)',
  },
  steps: [
    before('contract_contacts', 'b-contact-and-e-signature', 'contract_ended_on', '2025-05-01'),
    before('user_accounts', 'a-account', 'deleted_on', '2025-05-01'),
    before('newsletter_subscribers', 'o-marketing', 'consent_withdrawn_on', '2025-05-01'),
    before('call_recordings', 'h-call-and-screen-share-recordings', 'recorded_at', '2025-04-01'),
    before('event_registrations', 'k-events', 'event_on', '2025-04-01'),
    before('security_logs', 'm-technical-and-security-logs', 'logged_at', '2024-11-01'),
    before('webinar_registrations', 'j-webinars', 'registered_at', '2024-05-01'),
    before('survey_responses', 'l-surveys', 'answered_on', '2024-05-01'),
    {
      step: 'information_requests/g-information-requests/end',
      effect: 'delete',
      // 3 years from the request, or the day after the person asked for deletion (P0D).
      due: "select id as k from information_requests where received_on < '2022-05-01' or erasure_requested_on < '2025-05-01'",
      dueByClause:
        "select id as k from information_requests where received_on >= '2022-05-01' and erasure_requested_on < '2025-05-01'",
      tally: 'information_requests/g-information-requests',
    },
    before('purchases', 'd-purchase-data', 'contract_ended_on', '2015-05-01'),
    before('service_usage', 'e-service-use', 'contract_ended_on', '2015-05-01'),
    {
      step: 'support_requests/f-support-contacts/end',
      effect: 'delete',
      due: `select s.id as k from support_requests s where s.opened_on < '2015-05-01' and not ${REQUEST_STILL_REFERENCED}`,
      blocked: `select s.id as k from support_requests s where s.opened_on < '2015-05-01' and ${REQUEST_STILL_REFERENCED}`,
      tally: 'support_requests/f-support-contacts',
    },
    {
      step: 'customers/c-customer-master-and-billing/end',
      effect: 'delete',
      due: `select c.id as k from customers c where c.contract_ended_on < '2015-05-01' and not ${CUSTOMER_STILL_REFERENCED}`,
      blocked: `select c.id as k from customers c where c.contract_ended_on < '2015-05-01' and ${CUSTOMER_STILL_REFERENCED}`,
      tally: 'customers/c-customer-master-and-billing',
    },
  ],
  async subjectRequest(fx) {
    const db = fx.target.db;
    const byEmail = (table: string) => `select id as k from ${table} where email = '${SUBJECT_EMAIL}'`;
    const tables = ['information_requests', 'webinar_registrations', 'newsletter_subscribers'];
    await expectAccess(fx, SUBJECT_EMAIL, Object.fromEntries(tables.map((t) => [t, byEmail(t)])));
    // §6 g: "3 ans ou jusqu'à ce que vous nous demandiez de supprimer vos données": the erasure
    // request ends the period at once, for every table that holds her data.
    const subject = await findSubject(fx.ctx, { email: SUBJECT_EMAIL });
    const result = await executeErasure(fx.ctx, subject, { reason: 'Art 17 request (§6 g), seed test' });
    expect(result.ok).toBe(true);
    expect(result.plan.totals).toMatchObject({ rows: 3, deleted: 3, kept: 0 });
    for (const table of tables) expect(await keysOf(db, byEmail(table))).toEqual([]);
  },
};
