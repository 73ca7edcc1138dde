/**
 * Every migration of Registre's store, by name. Number ranges per area so areas never collide:
 * 0001–0099 accounts, sessions, tokens; 0100–0199 data-subject requests; 0200–0299 consent and GPC;
 * 0300–0399 breaches and notice versions; 0400–0499 jobs and scheduler; 0600–0699 audit-trail
 * verifications.
 *
 * Add a migration: create `NNNN-what.ts` in this folder exporting `up` (and `down`), then add one
 * import and one line below. Never edit a migration that has shipped; add a new one.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001-accounts.ts';
import * as m0100 from './0100-requests.ts';
import * as m0200 from './0200-consent.ts';
import * as m0300 from './0300-breach.ts';
import * as m0310 from './0310-notice-versions.ts';
import * as m0400 from './0400-jobs.ts';
import * as m0500 from './0500-retention.ts';
import * as m0600 from './0600-audit-verifications.ts';

export const STORE_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-accounts': m0001,
  '0100-requests': m0100,
  '0200-consent': m0200,
  '0300-breach': m0300,
  '0310-notice-versions': m0310,
  '0400-jobs': m0400,
  '0500-retention': m0500,
  '0600-audit-verifications': m0600,
};
